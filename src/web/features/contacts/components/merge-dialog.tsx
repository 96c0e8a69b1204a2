import { useState, type ReactNode } from 'react';
import { GitMerge } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Avatar, Button, Dialog, Field, FormError, Input, SkeletonText } from '../../../design';
import { useFormat } from '../../../lib/format';
import { describeError, useApiMutation } from '../../../lib/mutation';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { contactKeys, useContact, useContactSearch, type Contact } from '../api/contacts';
import { useContactSources, useContactTypes, useCustomFields } from '../api/config';
import { duplicateKeys, mergeContacts } from '../api/merge';
import { formatPhone } from '../lib/phone';

const FIELDS = [
  'firstName',
  'lastName',
  'typeKey',
  'sourceKey',
  'ownerId',
  'companyId',
  'team',
  'birthday',
  'gender',
  'preferredLanguage',
  'address',
  'doNotContact',
] as const;

/** Merges two contacts: pick which record survives and, where they differ, whose value to keep. */
export function MergeDialog({
  aId,
  bId,
  onClose,
  onMerged,
}: {
  aId: string;
  bId: string;
  onClose: () => void;
  onMerged?: () => void;
}) {
  const { t } = useTranslation('contacts');
  const navigate = useNavigate();
  const format = useFormat();
  const a = useContact(aId).data;
  const b = useContact(bId).data;
  const types = new Map((useContactTypes().data ?? []).map((x) => [x.key, x.label]));
  const sources = new Map((useContactSources().data ?? []).map((x) => [x.key, x.label]));
  const custom = (useCustomFields().data ?? []).filter((f) => !f.isArchived);
  const [survivorId, setSurvivorId] = useState(aId);
  const [pick, setPick] = useState<Record<string, string>>({});
  const merge = useApiMutation({
    // every differing field is sent explicitly, so the result is exactly what the dialog shows
    mutationFn: () =>
      mergeContacts({
        survivorId,
        mergedIds: [survivorId === aId ? bId : aId],
        pick: Object.fromEntries(rows.map((f) => [f, chosen(f)])),
      }),
    invalidate: [contactKeys.all, duplicateKeys.all],
    successMessage: (r) => t('merge.done', { name: r.contact.fullName }),
    onSuccess: (r) => {
      onMerged?.();
      onClose();
      navigate(`/contacts/${r.contact.id}`);
    },
  });

  const show = (c: Contact, field: string): ReactNode => {
    if (field.startsWith('custom.')) {
      const v = c.custom[field.slice(7)];
      return v === undefined || v === null ? '' : Array.isArray(v) ? v.join(', ') : String(v);
    }
    switch (field) {
      case 'typeKey':
        return c.typeKey ? (types.get(c.typeKey) ?? c.typeKey) : '';
      case 'sourceKey':
        return c.sourceKey ? (sources.get(c.sourceKey) ?? c.sourceKey) : '';
      case 'ownerId':
        return c.ownerName ?? '';
      case 'companyId':
        return c.companyName ?? '';
      case 'birthday':
        return c.birthday ? format.date(`${c.birthday}T00:00:00Z`) : '';
      case 'gender':
        return c.gender ? t(`genders.${c.gender}`) : '';
      case 'address':
        return [c.address?.line1, c.address?.city, c.address?.country].filter(Boolean).join(', ');
      case 'doNotContact':
        return c.doNotContact ? t('common:yes') : t('common:no');
      default:
        return String((c as unknown as Record<string, unknown>)[field] ?? '');
    }
  };
  const rows =
    a && b
      ? [...FIELDS, ...custom.map((f) => `custom.${f.key}`)].filter((f) => String(show(a, f)) !== String(show(b, f)))
      : [];
  const label = (f: string) =>
    f.startsWith('custom.')
      ? (custom.find((x) => `custom.${x.key}` === f)?.label ?? f)
      : t(
          `fields.${f === 'typeKey' ? 'type' : f === 'sourceKey' ? 'source' : f === 'ownerId' ? 'owner' : f === 'companyId' ? 'company' : f}`,
        );
  // by default the survivor's value wins, unless it has none and the other record does
  const chosen = (f: string) => {
    if (pick[f]) return pick[f];
    const survivor = survivorId === aId ? a : b;
    const other = survivorId === aId ? b : a;
    return survivor && other && String(show(survivor, f)) === '' ? other.id : survivorId;
  };

  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title={t('merge.title')}
      description={t('merge.description')}
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button
            variant="primary"
            icon={<GitMerge />}
            onClick={() => merge.mutate()}
            isLoading={merge.isPending}
            disabled={!a || !b}
          >
            {t('merge.confirm')}
          </Button>
        </>
      }
    >
      {!a || !b ? (
        <SkeletonText lines={6} />
      ) : (
        <div className="stack merge-dialog">
          <FormError message={merge.error ? describeError(merge.error, t) : null} />
          <table className="merge-table">
            <thead>
              <tr>
                <th scope="col">{t('merge.field')}</th>
                {[a, b].map((c) => (
                  <th key={c.id} scope="col">
                    <label className="merge-survivor">
                      <input
                        type="radio"
                        name="survivor"
                        checked={survivorId === c.id}
                        onChange={() => {
                          setSurvivorId(c.id);
                          setPick({});
                        }}
                      />
                      <Avatar name={c.fullName} size="sm" />
                      <span>
                        {c.fullName}
                        <span className="text-subtle text-sm">
                          {survivorId === c.id ? t('merge.keeps') : t('merge.goes')}
                        </span>
                      </span>
                    </label>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => (
                <tr key={f}>
                  <th scope="row">{label(f)}</th>
                  {[a, b].map((c) => (
                    <td key={c.id}>
                      <label className="merge-value" data-checked={chosen(f) === c.id}>
                        <input
                          type="radio"
                          name={`pick-${f}`}
                          checked={chosen(f) === c.id}
                          onChange={() => setPick({ ...pick, [f]: c.id })}
                        />
                        {show(c, f) || <span className="text-subtle">{t('merge.empty')}</span>}
                      </label>
                    </td>
                  ))}
                </tr>
              ))}
              <tr>
                <th scope="row">{t('merge.combined')}</th>
                <td colSpan={2} className="text-muted">
                  {[...new Set([...a.phones, ...b.phones].map((p) => formatPhone(p.e164)))].join(', ')}
                  {' · '}
                  {[...new Set([...a.emails, ...b.emails].map((e) => e.email))].join(', ')}
                  <div className="text-sm">{t('merge.combinedHint')}</div>
                </td>
              </tr>
            </tbody>
          </table>
          {!rows.length && <p className="text-muted">{t('merge.noDifferences')}</p>}
        </div>
      )}
    </Dialog>
  );
}

/** From a contact's page: find the other record, then merge. */
export function MergePickerDialog({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const { t } = useTranslation('contacts');
  const [q, setQ] = useState('');
  const [otherId, setOtherId] = useState<string | null>(null);
  const hits = (useContactSearch(useDebouncedValue(q.trim(), 200)).data ?? []).filter((h) => h.id !== contact.id);
  if (otherId) return <MergeDialog aId={contact.id} bId={otherId} onClose={onClose} />;
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('merge.pickTitle', { name: contact.fullName })}
      description={t('merge.pickDescription')}
      size="sm"
    >
      <div className="stack">
        <Field label={t('merge.pickLabel')}>
          <Input
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('relationships.searchPlaceholder')}
          />
        </Field>
        <ul className="pick-list">
          {hits.map((h) => (
            <li key={h.id}>
              <button type="button" onClick={() => setOtherId(h.id)}>
                <Avatar name={h.fullName} size="sm" />
                {h.fullName}
                <span className="text-subtle">{formatPhone(h.primaryPhone) || h.primaryEmail}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </Dialog>
  );
}
