import { useState } from 'react';
import { CopyCheck, GitMerge, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Avatar, Badge, Button, Card, EmptyState, FormError, Page, PageHeader, SkeletonText } from '../../../design';
import { useFormat } from '../../../lib/format';
import { describeError, useApiMutation } from '../../../lib/mutation';
import { useCan } from '../../../lib/session';
import { dismissPair, duplicateKeys, useDuplicatePairs, type DuplicatePair } from '../api/merge';
import { formatPhone } from '../lib/phone';
import { ContactsTabs } from './contacts-tabs';
import { MergeDialog } from './merge-dialog';
import './contacts.css';

/** Likely duplicate pairs across the workspace, to merge or to mark as different people. */
export function DuplicatesPage() {
  const { t } = useTranslation('contacts');
  const can = useCan();
  const format = useFormat();
  const pairs = useDuplicatePairs();
  const [merging, setMerging] = useState<DuplicatePair | null>(null);
  const dismiss = useApiMutation({
    mutationFn: (p: DuplicatePair) => dismissPair(p.a.id, p.b.id),
    invalidate: [duplicateKeys.all],
    successMessage: t('duplicates.dismissed'),
  });
  const person = (c: DuplicatePair['a']) => (
    <div className="dup-person">
      <Avatar name={c.fullName} />
      <div className="grow">
        <Link to={`/contacts/${c.id}`}>
          <strong>{c.fullName}</strong>
        </Link>
        <div className="text-muted text-sm">
          {[formatPhone(c.primaryPhone), c.primaryEmail].filter(Boolean).join(' · ') || '—'}
        </div>
        <div className="text-subtle text-sm">{t('duplicates.added', { date: format.date(c.createdAt) })}</div>
      </div>
    </div>
  );
  return (
    <Page wide>
      <PageHeader title={t('duplicates.title')} description={t('duplicates.description')} />
      <ContactsTabs />
      {pairs.isError && <FormError message={describeError(pairs.error, t)} />}
      {pairs.isPending ? (
        <SkeletonText lines={6} />
      ) : !pairs.data?.length ? (
        <EmptyState icon={<CopyCheck />} title={t('duplicates.emptyTitle')}>
          {t('duplicates.emptyText')}
        </EmptyState>
      ) : (
        <div className="dup-list">
          {pairs.data.map((p) => (
            <Card key={`${p.a.id}-${p.b.id}`} className="dup-card">
              <div className="dup-row">
                {person(p.a)}
                <div className="dup-reasons">
                  {p.reasons.map((r) => (
                    <Badge key={r} color="amber">
                      {t(`duplicates.reasons.${r}`)}
                    </Badge>
                  ))}
                </div>
                {person(p.b)}
                <div className="dup-actions">
                  {can('contacts.delete') && (
                    <Button size="sm" variant="primary" icon={<GitMerge />} onClick={() => setMerging(p)}>
                      {t('duplicates.merge')}
                    </Button>
                  )}
                  {can('contacts.edit') && (
                    <Button size="sm" variant="ghost" icon={<X />} onClick={() => dismiss.mutate(p)}>
                      {t('duplicates.notDuplicates')}
                    </Button>
                  )}
                </div>
              </div>
            </Card>
          ))}
        </div>
      )}
      {merging && <MergeDialog aId={merging.a.id} bId={merging.b.id} onClose={() => setMerging(null)} />}
    </Page>
  );
}
