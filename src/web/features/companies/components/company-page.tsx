import { useState } from 'react';
import { Building2, Network, Pencil, Plus, RotateCcw, Trash2, Users } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  Avatar,
  Badge,
  Button,
  Card,
  ConfirmDialog,
  Dialog,
  EmptyState,
  Field,
  IconButton,
  Page,
  PageHeader,
  Select,
  SkeletonText,
} from '../../../design';
import { fieldError } from '../../../lib/api';
import { useFormat } from '../../../lib/format';
import { useApiMutation } from '../../../lib/mutation';
import { useCan } from '../../../lib/session';
import { COMPANY_RELATIONSHIP_KINDS } from '../../../../shared/contracts/contacts-relations';
import { formatPhone, NotesCard, useCompanyContacts, useCustomFields } from '../../contacts';
import {
  addCompanyRelationship,
  companyKeys,
  deleteCompany,
  removeCompanyRelationship,
  restoreCompany,
  useCompany,
  useCompanyOptions,
  useCompanyRelationships,
} from '../api/companies';
import { CompanyFormDialog } from './company-form-dialog';

/** One company: its details, its people, related companies and notes. */
export function CompanyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('companies');
  const navigate = useNavigate();
  const can = useCan();
  const format = useFormat();
  const company = useCompany(id);
  const people = useCompanyContacts(id).data ?? [];
  const rels = useCompanyRelationships(id).data ?? [];
  const fields = (useCustomFields('company').data ?? []).filter((f) => !f.isArchived);
  const [isEditing, setEditing] = useState(false);
  const [isDeleting, setDeleting] = useState(false);
  const [isRelating, setRelating] = useState(false);
  const remove = useApiMutation({
    mutationFn: () => deleteCompany(id),
    invalidate: [companyKeys.all],
    successMessage: t('detail.deleted'),
    onSuccess: () => setDeleting(false),
  });
  const restore = useApiMutation({
    mutationFn: () => restoreCompany(id),
    invalidate: [companyKeys.all],
    successMessage: t('detail.restored'),
  });
  const unrelate = useApiMutation({
    mutationFn: (relId: string) => removeCompanyRelationship(relId),
    invalidate: [companyKeys.all],
    successMessage: t('relationships.removed'),
  });
  if (company.isPending)
    return (
      <Page>
        <SkeletonText lines={8} />
      </Page>
    );
  if (!company.data)
    return (
      <Page>
        <EmptyState
          icon={<Building2 />}
          title={t('detail.notFound')}
          action={<Button onClick={() => navigate('/contacts/companies')}>{t('detail.back')}</Button>}
        />
      </Page>
    );
  const c = company.data;
  return (
    <Page wide>
      <PageHeader
        eyebrow={<Link to="/contacts/companies">{t('list.title')}</Link>}
        title={
          <span className="contact-title">
            <Avatar name={c.name} size="lg" square />
            {c.name}
            {c.deletedAt && <Badge color="red">{t('detail.inTrash')}</Badge>}
          </span>
        }
        description={
          [c.industry, c.domain, c.size && t('form.employees', { size: c.size })].filter(Boolean).join(' · ') ||
          undefined
        }
        actions={
          <>
            {can('contacts.edit') && !c.deletedAt && (
              <Button icon={<Pencil />} onClick={() => setEditing(true)}>
                {t('detail.edit')}
              </Button>
            )}
            {can('contacts.delete') &&
              (c.deletedAt ? (
                <Button icon={<RotateCcw />} onClick={() => restore.mutate()}>
                  {t('detail.restore')}
                </Button>
              ) : (
                <IconButton label={t('detail.delete')} icon={<Trash2 />} onClick={() => setDeleting(true)} />
              ))}
          </>
        }
      />
      <div className="contact-layout">
        <div className="contact-side">
          <Card title={t('detail.profile')}>
            <dl className="profile-list">
              <div className="profile-row">
                <dt>
                  <span>{t('fields.domain')}</span>
                </dt>
                <dd>
                  {c.domain ? (
                    <a href={`https://${c.domain}`} target="_blank" rel="noreferrer noopener">
                      {c.domain}
                    </a>
                  ) : (
                    '—'
                  )}
                </dd>
              </div>
              <div className="profile-row">
                <dt>
                  <span>{t('fields.industry')}</span>
                </dt>
                <dd>{c.industry ?? '—'}</dd>
              </div>
              <div className="profile-row">
                <dt>
                  <span>{t('fields.size')}</span>
                </dt>
                <dd>{c.size ?? '—'}</dd>
              </div>
              <div className="profile-row">
                <dt>
                  <span>{t('fields.owner')}</span>
                </dt>
                <dd>{c.ownerName ?? '—'}</dd>
              </div>
              <div className="profile-row">
                <dt>
                  <span>{t('fields.city')}</span>
                </dt>
                <dd>{[c.address?.city, c.address?.country].filter(Boolean).join(', ') || '—'}</dd>
              </div>
              {fields.map((f) => (
                <div className="profile-row" key={f.key}>
                  <dt>
                    <span>{f.label}</span>
                  </dt>
                  <dd>
                    {c.custom[f.key] === undefined
                      ? '—'
                      : f.type === 'money'
                        ? format.money(c.custom[f.key] as number)
                        : String(c.custom[f.key])}
                  </dd>
                </div>
              ))}
            </dl>
            <p className="profile-meta text-subtle">{t('detail.meta', { created: format.date(c.createdAt) })}</p>
          </Card>
          <Card
            title={t('relationships.title')}
            actions={
              can('contacts.edit') && (
                <Button size="sm" variant="ghost" icon={<Plus />} onClick={() => setRelating(true)}>
                  {t('relationships.add')}
                </Button>
              )
            }
          >
            {rels.length ? (
              <ul className="plain-list relationship-list">
                {rels.map((r) => (
                  <li key={r.id}>
                    <Avatar name={r.related.name} size="sm" square />
                    <div className="grow">
                      <Link to={`/contacts/companies/${r.related.id}`}>{r.related.name}</Link>
                      <div className="text-muted text-sm">{t(`relationships.kinds.${r.kind}`)}</div>
                    </div>
                    {can('contacts.edit') && (
                      <IconButton
                        size="sm"
                        label={t('relationships.remove', { name: r.related.name })}
                        icon={<Trash2 />}
                        onClick={() => unrelate.mutate(r.id)}
                      />
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyState compact icon={<Network />} title={t('relationships.empty')} />
            )}
          </Card>
        </div>
        <div className="contact-main">
          <Card title={t('detail.people', { count: people.length })} flush>
            {people.length ? (
              <ul className="plain-list relationship-list company-people">
                {people.map((p) => (
                  <li key={p.id}>
                    <Avatar name={p.fullName} size="sm" />
                    <div className="grow">
                      <Link to={`/contacts/${p.id}`}>{p.fullName}</Link>
                      <div className="text-muted text-sm">
                        {[formatPhone(p.primaryPhone), p.primaryEmail].filter(Boolean).join(' · ')}
                      </div>
                    </div>
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyState compact icon={<Users />} title={t('detail.noPeople')}>
                {t('detail.noPeopleText')}
              </EmptyState>
            )}
          </Card>
          <NotesCard entity="company" entityId={c.id} />
        </div>
      </div>
      {isEditing && <CompanyFormDialog company={c} onClose={() => setEditing(false)} />}
      {isRelating && <RelateDialog companyId={c.id} onClose={() => setRelating(false)} />}
      <ConfirmDialog
        open={isDeleting}
        onClose={() => setDeleting(false)}
        onConfirm={() => remove.mutate()}
        title={t('detail.deleteTitle', { name: c.name })}
        message={t('detail.deleteText')}
        confirmLabel={t('detail.delete')}
        isLoading={remove.isPending}
      />
    </Page>
  );
}

function RelateDialog({ companyId, onClose }: { companyId: string; onClose: () => void }) {
  const { t } = useTranslation('companies');
  const options = (useCompanyOptions('').data ?? []).filter((c) => c.id !== companyId);
  const [relatedId, setRelatedId] = useState('');
  const [kind, setKind] = useState<(typeof COMPANY_RELATIONSHIP_KINDS)[number]>('partner');
  const add = useApiMutation({
    mutationFn: () => addCompanyRelationship(companyId, { relatedCompanyId: relatedId, kind }),
    invalidate: [companyKeys.all],
    successMessage: t('relationships.added'),
    onSuccess: onClose,
  });
  return (
    <Dialog
      open
      onClose={onClose}
      size="sm"
      title={t('relationships.addTitle')}
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" form="relate-form" disabled={!relatedId} isLoading={add.isPending}>
            {t('relationships.add')}
          </Button>
        </>
      }
    >
      <form
        id="relate-form"
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <Field label={t('relationships.kind')} hint={t('relationships.kindHint')}>
          <Select
            value={kind}
            onChange={(e) => setKind(e.target.value as typeof kind)}
            options={COMPANY_RELATIONSHIP_KINDS.map((k) => ({ value: k, label: t(`relationships.kinds.${k}`) }))}
          />
        </Field>
        <Field label={t('relationships.company')} error={fieldError(add.error, 'relatedCompanyId')}>
          <Select value={relatedId} onChange={(e) => setRelatedId(e.target.value)}>
            <option value="">—</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        </Field>
      </form>
    </Dialog>
  );
}
