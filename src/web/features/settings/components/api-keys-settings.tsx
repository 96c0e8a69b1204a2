import { useState } from 'react';
import { KeyRound, Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Card, ConfirmDialog, DataTable, EmptyState, FormError, type Column } from '../../../design';
import { useFormat } from '../../../lib/format';
import { describeError, useApiMutation } from '../../../lib/mutation';
import { apiKeyKeys, revokeApiKey, useApiKeys, type ApiKey } from '../api/api-keys';
import { CreateApiKeyDialog } from './create-api-key-dialog';
import { SectionHeader } from './section-header';

/** Keys for integrations (`Authorization: Bearer …`): create (shown once), see usage, revoke. */
export function ApiKeysSettings() {
  const { t } = useTranslation('settings');
  const keys = useApiKeys();
  const format = useFormat();
  const [isCreating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const revoke = useApiMutation({
    mutationFn: revokeApiKey,
    invalidate: [apiKeyKeys.all],
    successMessage: (key) => t('apiKeys.revoked', { name: key.name }),
    onSuccess: () => setRevoking(null),
  });

  const columns: Column<ApiKey>[] = [
    {
      key: 'name',
      header: t('apiKeys.columns.name'),
      sortValue: (k) => k.name,
      cell: (k) => <strong style={{ fontWeight: 500 }}>{k.name}</strong>,
    },
    {
      key: 'prefix',
      header: t('apiKeys.columns.key'),
      width: 190,
      cell: (k) => <code className="mono text-muted">crm_{k.prefix}_…</code>,
    },
    { key: 'role', header: t('apiKeys.columns.role'), width: 110, cell: (k) => t(`common:roles.${k.role}`) },
    {
      key: 'owner',
      header: t('apiKeys.columns.owner'),
      width: 200,
      sortValue: (k) => k.owner?.name ?? '',
      cell: (k) =>
        !k.owner ? (
          <Badge color="gray">{t('apiKeys.noOwner')}</Badge>
        ) : k.owner.isActive ? (
          k.owner.name
        ) : (
          <Badge color="gray">{t('apiKeys.ownerInactive', { name: k.owner.name })}</Badge>
        ),
    },
    {
      key: 'created',
      header: t('apiKeys.columns.created'),
      width: 120,
      sortValue: (k) => k.createdAt,
      cell: (k) => <span className="text-muted">{format.date(k.createdAt)}</span>,
    },
    {
      key: 'used',
      header: t('apiKeys.columns.lastUsed'),
      width: 130,
      sortValue: (k) => k.lastUsedAt ?? '',
      cell: (k) => (
        <span className="text-muted">{k.lastUsedAt ? format.relative(k.lastUsedAt) : t('common:never')}</span>
      ),
    },
    {
      key: 'status',
      header: t('apiKeys.columns.status'),
      width: 190,
      align: 'right',
      cell: (k) =>
        k.revokedAt ? (
          <Badge color="gray">{t('apiKeys.revokedOn', { date: format.date(k.revokedAt) })}</Badge>
        ) : (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setRevoking(k)}
            aria-label={t('apiKeys.revokeNamed', { name: k.name })}
          >
            {t('apiKeys.revoke')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <SectionHeader
        title={t('apiKeys.title')}
        description={t('apiKeys.description')}
        actions={
          <Button variant="primary" icon={<Plus />} onClick={() => setCreating(true)}>
            {t('apiKeys.create')}
          </Button>
        }
      />
      <Card flush>
        {keys.isError && (
          <div className="card-body">
            <FormError message={describeError(keys.error, t)} />
          </div>
        )}
        <DataTable
          label={t('apiKeys.title')}
          columns={columns}
          rows={keys.data ?? []}
          getRowId={(k) => k.id}
          isLoading={keys.isPending}
          flush
          empty={
            <EmptyState
              icon={<KeyRound />}
              title={t('apiKeys.emptyTitle')}
              action={
                <Button variant="primary" icon={<Plus />} onClick={() => setCreating(true)}>
                  {t('apiKeys.create')}
                </Button>
              }
            >
              {t('apiKeys.emptyText')}
            </EmptyState>
          }
        />
      </Card>
      <CreateApiKeyDialog open={isCreating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        open={Boolean(revoking)}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
        title={t('apiKeys.revokeTitle', { name: revoking?.name })}
        message={t('apiKeys.revokeText')}
        confirmLabel={t('apiKeys.revoke')}
        isLoading={revoke.isPending}
      />
    </>
  );
}
