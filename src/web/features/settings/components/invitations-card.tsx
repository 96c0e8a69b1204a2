import { Mail } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Card, DataTable, EmptyState, type Column } from '../../../design';
import { useFormat } from '../../../lib/format';
import { useInvitations, type PendingInvitation } from '../api/users';

function statusOf(inv: PendingInvitation, now: number): 'accepted' | 'expired' | 'pending' {
  if (inv.acceptedAt) return 'accepted';
  return new Date(inv.expiresAt).getTime() <= now ? 'expired' : 'pending';
}
const STATUS_COLOR = { accepted: 'green', expired: 'gray', pending: 'amber' } as const;

/** Invitations sent from this workspace, newest first. */
export function InvitationsCard({ onInvite }: { onInvite: () => void }) {
  const { t } = useTranslation('settings');
  const invitations = useInvitations(true);
  const format = useFormat();
  const now = Date.now();
  const pendingCount = invitations.data?.filter((i) => statusOf(i, now) === 'pending').length ?? 0;
  const columns: Column<PendingInvitation>[] = [
    { key: 'email', header: t('users.columns.email'), sortValue: (i) => i.email, cell: (i) => i.email },
    { key: 'role', header: t('users.columns.role'), width: 120, cell: (i) => t(`common:roles.${i.role}`) },
    {
      key: 'status',
      header: t('users.columns.status'),
      width: 120,
      cell: (i) => {
        const s = statusOf(i, now);
        return (
          <Badge color={STATUS_COLOR[s]} dot>
            {t(`users.invitationStatus.${s}`)}
          </Badge>
        );
      },
    },
    {
      key: 'sent',
      header: t('users.columns.sent'),
      width: 130,
      sortValue: (i) => i.createdAt,
      cell: (i) => <span className="text-muted">{format.relative(i.createdAt)}</span>,
    },
    {
      key: 'expires',
      header: t('users.columns.expires'),
      width: 130,
      cell: (i) => <span className="text-muted">{i.acceptedAt ? '—' : format.date(i.expiresAt)}</span>,
    },
  ];
  return (
    <Card title={t('users.invitations')} description={t('users.pendingCount', { count: pendingCount })} flush>
      <DataTable
        label={t('users.invitations')}
        columns={columns}
        rows={invitations.data ?? []}
        getRowId={(i) => i.id}
        isLoading={invitations.isPending}
        flush
        maxHeight={360}
        empty={
          <EmptyState
            compact
            icon={<Mail />}
            title={t('users.noInvitationsTitle')}
            action={<Button onClick={onInvite}>{t('users.invite')}</Button>}
          >
            {t('users.noInvitationsText')}
          </EmptyState>
        }
      />
    </Card>
  );
}
