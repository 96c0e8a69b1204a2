import { useState } from 'react';
import { Network, Plus, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  Avatar,
  Badge,
  Button,
  Card,
  Dialog,
  EmptyState,
  Field,
  IconButton,
  Input,
  Select,
  Textarea,
} from '../../../design';
import { fieldError } from '../../../lib/api';
import { useApiMutation } from '../../../lib/mutation';
import { useCan } from '../../../lib/session';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { RELATIONSHIP_KINDS } from '../../../../shared/contracts/contacts-relations';
import { useContactSearch } from '../api/contacts';
import {
  addRelationship,
  referralKeys,
  relationshipKeys,
  removeRelationship,
  useReferrals,
  useRelationships,
  type Relationship,
} from '../api/relations';

/** Family, referral and work ties; each shows on both contacts. Also the referral chain to any depth. */
export function RelationshipsCard({ contactId }: { contactId: string }) {
  const { t } = useTranslation('contacts');
  const can = useCan();
  const rels = useRelationships(contactId);
  const referrals = useReferrals(contactId).data;
  const [isAdding, setAdding] = useState(false);
  const remove = useApiMutation({
    mutationFn: (r: Relationship) => removeRelationship(r.id),
    invalidate: [relationshipKeys.all, referralKeys.all],
    successMessage: t('relationships.removed'),
  });
  const items = rels.data ?? [];
  const kindLabel = (r: Relationship) =>
    r.kind === 'custom' ? (r.customLabel ?? t('relationships.kinds.custom')) : t(`relationships.kinds.${r.kind}`);
  const chain = referrals && (referrals.upstream.length > 0 || referrals.downstream.length > 0);
  return (
    <Card
      title={t('relationships.title')}
      actions={
        can('contacts.edit') && (
          <Button size="sm" variant="ghost" icon={<Plus />} onClick={() => setAdding(true)}>
            {t('relationships.add')}
          </Button>
        )
      }
    >
      {!rels.isPending && !items.length && (
        <EmptyState compact icon={<Network />} title={t('relationships.emptyTitle')}>
          {t('relationships.emptyText')}
        </EmptyState>
      )}
      <ul className="plain-list relationship-list">
        {items.map((r) => (
          <li key={r.id}>
            <Avatar name={r.related.fullName} size="sm" />
            <div className="grow">
              <Link to={`/contacts/${r.related.id}`}>{r.related.fullName}</Link>
              <div className="text-muted text-sm">
                {t('relationships.is', { kind: kindLabel(r) })}
                {r.note ? ` · ${r.note}` : ''}
              </div>
            </div>
            <span
              className="strength"
              title={t('relationships.strengthOf', { value: r.strength })}
              aria-label={t('relationships.strengthOf', { value: r.strength })}
            >
              {Array.from({ length: 10 }, (_, i) => (
                <span key={i} data-on={i < r.strength} />
              ))}
            </span>
            {can('contacts.edit') && (
              <IconButton
                size="sm"
                label={t('relationships.remove', { name: r.related.fullName })}
                icon={<Trash2 />}
                onClick={() => remove.mutate(r)}
              />
            )}
          </li>
        ))}
      </ul>
      {chain && (
        <div className="referral-chain">
          <h3 className="profile-subheading">{t('relationships.chain')}</h3>
          {referrals.upstream.length > 0 && (
            <p className="text-sm">
              {t('relationships.referredBy')}{' '}
              {referrals.upstream.map((n, i) => (
                <span key={n.id}>
                  {i > 0 && ' ← '}
                  <Link to={`/contacts/${n.id}`}>{n.fullName}</Link>
                </span>
              ))}
            </p>
          )}
          {referrals.downstream.length > 0 && (
            <ul className="plain-list text-sm">
              {referrals.downstream.map((n) => (
                <li key={n.id} style={{ paddingLeft: `calc(${n.depth - 1} * var(--space-4))` }}>
                  ↳ <Link to={`/contacts/${n.id}`}>{n.fullName}</Link>{' '}
                  <Badge>{t('relationships.level', { depth: n.depth })}</Badge>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {isAdding && <AddRelationshipDialog contactId={contactId} onClose={() => setAdding(false)} />}
    </Card>
  );
}

function AddRelationshipDialog({ contactId, onClose }: { contactId: string; onClose: () => void }) {
  const { t } = useTranslation('contacts');
  const [q, setQ] = useState('');
  const [related, setRelated] = useState<{ id: string; fullName: string } | null>(null);
  const [kind, setKind] = useState<(typeof RELATIONSHIP_KINDS)[number]>('sibling');
  const [customLabel, setCustomLabel] = useState('');
  const [strength, setStrength] = useState(5);
  const [note, setNote] = useState('');
  const hits = (useContactSearch(useDebouncedValue(q.trim(), 200)).data ?? []).filter((h) => h.id !== contactId);
  const add = useApiMutation({
    mutationFn: () =>
      addRelationship(contactId, {
        relatedContactId: related?.id ?? '',
        kind,
        strength,
        note: note.trim() || null,
        customLabel: kind === 'custom' ? customLabel.trim() || null : null,
      }),
    invalidate: [relationshipKeys.all, referralKeys.all],
    successMessage: t('relationships.added'),
    onSuccess: onClose,
  });
  const err = (f: string) => fieldError(add.error, f);
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('relationships.addTitle')}
      description={t('relationships.addDescription')}
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" form="add-rel-form" disabled={!related} isLoading={add.isPending}>
            {t('relationships.add')}
          </Button>
        </>
      }
    >
      <form
        id="add-rel-form"
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <Field
          label={t('relationships.person')}
          isRequired
          error={err('relatedContactId')}
          hint={related ? t('relationships.chosen', { name: related.fullName }) : undefined}
        >
          <Input
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setRelated(null);
            }}
            placeholder={t('relationships.searchPlaceholder')}
          />
        </Field>
        {!related && hits.length > 0 && (
          <ul className="pick-list" role="listbox" aria-label={t('relationships.person')}>
            {hits.map((h) => (
              <li key={h.id}>
                <button
                  type="button"
                  role="option"
                  aria-selected={false}
                  onClick={() => {
                    setRelated(h);
                    setQ(h.fullName);
                  }}
                >
                  <Avatar name={h.fullName} size="sm" />
                  {h.fullName}
                  <span className="text-subtle">{h.primaryEmail}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <Field
          label={t('relationships.kind')}
          error={err('kind')}
          hint={related ? t('relationships.kindHint', { name: related.fullName }) : undefined}
        >
          <Select
            value={kind}
            onChange={(e) => setKind(e.target.value as typeof kind)}
            options={RELATIONSHIP_KINDS.map((k) => ({ value: k, label: t(`relationships.kinds.${k}`) }))}
          />
        </Field>
        {kind === 'custom' && (
          <Field label={t('relationships.customLabel')} isRequired error={err('customLabel')}>
            <Input value={customLabel} onChange={(e) => setCustomLabel(e.target.value)} maxLength={60} />
          </Field>
        )}
        <Field label={t('relationships.strength', { value: strength })} error={err('strength')}>
          <input
            type="range"
            min={1}
            max={10}
            value={strength}
            onChange={(e) => setStrength(Number(e.target.value))}
            className="range"
          />
        </Field>
        <Field label={t('relationships.note')} error={err('note')}>
          <Textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
        </Field>
      </form>
    </Dialog>
  );
}
