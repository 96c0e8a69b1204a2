import { useState } from 'react';
import { Users } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/permissions';
import {
  Avatar,
  Badge,
  Button,
  Card,
  ConfirmDialog,
  DataTable,
  EmptyState,
  FormError,
  Select,
  type Column,
} from '../../../design';
import { useFormat } from '../../../lib/format';
import { describeError, useApiMutation } from '../../../lib/mutation';
import { useSession } from '../../../lib/session';
import { memberKeys, updateMember, useMembers, type Member } from '../api/users';

export function MembersCard({ canManage, onInvite }: { canManage: boolean; onInvite: () => void }) {
  const { t } = useTranslation('settings');
  const members = useMembers({ includeInactive: true });
  const session = useSession();
  const format = useFormat();
  const [deactivating, setDeactivating] = useState<Member | null>(null);
  const update = useApiMutation({
    mutationFn: updateMember,
    invalidate: [memberKeys.all],
    successMessage: (m, vars) =>
      vars.isActive === false
        ? t('users.deactivated', { name: m.name })
        : vars.isActive
          ? t('users.reactivated', { name: m.name })
          : t('users.roleChanged', { name: m.name, role: t(`common:roles.${m.role}`) }),
    onSuccess: () => setDeactivating(null),
  });

  const columns: Column<Member>[] = [
    {
      key: 'name',
      header: t('users.columns.name'),
      sortValue: (m) => m.name,
      cell: (m) => (
        <span className="row" style={{ flexWrap: 'nowrap' }}>
          <Avatar name={m.name} size="sm" />
          <span className="truncate">
            <strong style={{ fontWeight: 500 }}>{m.name}</strong>
            {m.id === session.user.id && <span className="text-subtle"> ({t('common:you')})</span>}
            <span className="text-muted text-sm"> · {m.email}</span>
          </span>
        </span>
      ),
    },
    {
      key: 'role',
      header: t('users.columns.role'),
      width: 150,
      sortValue: (m) => ROLES.indexOf(m.role),
      cell: (m) =>
        canManage ? (
          <Select
            size="sm"
            aria-label={t('users.roleFor', { name: m.name })}
            value={m.role}
            disabled={!m.isActive || update.isPending}
            onChange={(e) => update.mutate({ id: m.id, role: e.target.value as Role })}
            options={ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
          />
        ) : (
          t(`common:roles.${m.role}`)
        ),
    },
    {
      key: 'status',
      header: t('users.columns.status'),
      width: 110,
      sortValue: (m) => (m.isActive ? 0 : 1),
      cell: (m) =>
        m.isActive ? (
          <Badge color="green" dot>
            {t('users.active')}
          </Badge>
        ) : (
          <Badge color="gray" dot>
            {t('users.inactive')}
          </Badge>
        ),
    },
    {
      key: 'joined',
      header: t('users.columns.joined'),
      width: 130,
      sortValue: (m) => m.joinedAt,
      cell: (m) => <span className="text-muted">{format.date(m.joinedAt)}</span>,
    },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      header: <span className="visually-hidden">{t('users.columns.actions')}</span>,
      width: 120,
      align: 'right',
      cell: (m) =>
        m.isActive ? (
          <Button size="sm" variant="ghost" disabled={m.id === session.user.id} onClick={() => setDeactivating(m)}>
            {t('users.deactivate')}
          </Button>
        ) : (
          <Button size="sm" variant="ghost" onClick={() => update.mutate({ id: m.id, isActive: true })}>
            {t('users.reactivate')}
          </Button>
        ),
    });
  }

  return (
    <Card
      title={t('users.members')}
      description={members.data ? t('users.memberCount', { count: members.data.length }) : undefined}
      flush
    >
      {members.isError && (
        <div className="card-body">
          <FormError message={describeError(members.error, t)} />
        </div>
      )}
      <DataTable
        label={t('users.members')}
        columns={columns}
        rows={members.data ?? []}
        getRowId={(m) => m.id}
        isLoading={members.isPending}
        flush
        empty={
          <EmptyState
            compact
            icon={<Users />}
            title={t('users.emptyTitle')}
            action={canManage && <Button onClick={onInvite}>{t('users.invite')}</Button>}
          >
            {t('users.emptyText')}
          </EmptyState>
        }
      />
      <ConfirmDialog
        open={Boolean(deactivating)}
        onClose={() => setDeactivating(null)}
        onConfirm={() => deactivating && update.mutate({ id: deactivating.id, isActive: false })}
        title={t('users.deactivateTitle', { name: deactivating?.name })}
        message={t('users.deactivateText')}
        confirmLabel={t('users.deactivate')}
        isLoading={update.isPending}
      />
    </Card>
  );
}
