import type { ReactNode } from 'react';
import { Building2, Cake, Languages, Mail, MapPin, MessageCircle, Phone, UserRound, Users } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Badge, Card } from '../../../design';
import { useFormat } from '../../../lib/format';
import type { Contact } from '../api/contacts';
import { useContactSources, useCustomFields } from '../api/config';
import { formatPhone, whatsappLink } from '../lib/phone';

function Row({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <div className="profile-row">
      <dt>
        {icon}
        <span>{label}</span>
      </dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Who the contact is: every email and phone (with WhatsApp), address, company, owner, custom fields. */
export function ContactProfileCard({ contact }: { contact: Contact }) {
  const { t } = useTranslation('contacts');
  const format = useFormat();
  const sources = new Map((useContactSources().data ?? []).map((s) => [s.key, s.label]));
  const fields = (useCustomFields().data ?? []).filter((f) => !f.isArchived);
  const address = [contact.address?.line1, contact.address?.city, contact.address?.region, contact.address?.country]
    .filter(Boolean)
    .join(', ');
  const none = <span className="text-subtle">—</span>;
  const customValue = (key: string) => {
    const field = fields.find((f) => f.key === key)!;
    const v = contact.custom[key];
    if (v === undefined || v === null || v === '') return none;
    const label = (x: unknown) => field.choices.find((c) => c.value === x)?.label ?? String(x);
    if (field.type === 'boolean') return v ? t('common:yes') : t('common:no');
    if (field.type === 'money') return format.money(v as number);
    if (field.type === 'date') return format.date(`${String(v)}T00:00:00Z`);
    if (field.type === 'multi_select')
      return (
        <span className="row">
          {(v as string[]).map((x) => (
            <Badge key={x}>{label(x)}</Badge>
          ))}
        </span>
      );
    if (field.type === 'select') return label(v);
    if (field.type === 'url')
      return (
        <a href={String(v)} target="_blank" rel="noreferrer noopener">
          {String(v)}
        </a>
      );
    if (field.type === 'phone') return formatPhone(String(v));
    return String(v);
  };
  return (
    <Card title={t('profile.title')}>
      <dl className="profile-list">
        <Row icon={<Phone />} label={t('fields.phones')}>
          {contact.phones.length ? (
            <ul className="plain-list">
              {contact.phones.map((p) => (
                <li key={p.id} className="row phone-item">
                  <a href={`tel:${p.e164}`} className="tabular">
                    {formatPhone(p.e164)}
                  </a>
                  {p.label && <span className="text-subtle">{p.label}</span>}
                  <a
                    className="wa-link"
                    href={whatsappLink(p.e164)}
                    target="_blank"
                    rel="noreferrer noopener"
                    aria-label={t('profile.whatsapp', { number: formatPhone(p.e164) })}
                  >
                    <MessageCircle aria-hidden />
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </Row>
        <Row icon={<Mail />} label={t('fields.emails')}>
          {contact.emails.length ? (
            <ul className="plain-list">
              {contact.emails.map((e) => (
                <li key={e.id}>
                  <a href={`mailto:${e.email}`}>{e.email}</a>
                  {e.label && <span className="text-subtle"> · {e.label}</span>}
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </Row>
        <Row icon={<Building2 />} label={t('fields.company')}>
          {contact.companyId ? (
            <Link to={`/contacts/companies/${contact.companyId}`}>{contact.companyName}</Link>
          ) : (
            none
          )}
        </Row>
        <Row icon={<UserRound />} label={t('fields.owner')}>
          {contact.ownerName ?? t('filters.unassigned')}
        </Row>
        <Row icon={<Users />} label={t('fields.source')}>
          {contact.sourceKey ? (sources.get(contact.sourceKey) ?? contact.sourceKey) : none}
        </Row>
        <Row icon={<MapPin />} label={t('fields.address')}>
          {address || none}
        </Row>
        <Row icon={<Cake />} label={t('fields.birthday')}>
          {contact.birthday ? format.date(`${contact.birthday}T00:00:00Z`) : none}
        </Row>
        <Row icon={<Languages />} label={t('fields.preferredLanguage')}>
          {contact.preferredLanguage?.toUpperCase() ?? none}
        </Row>
        {contact.team && (
          <Row icon={<Users />} label={t('fields.team')}>
            {contact.team}
          </Row>
        )}
        {contact.gender && (
          <Row icon={<UserRound />} label={t('fields.gender')}>
            {t(`genders.${contact.gender}`)}
          </Row>
        )}
      </dl>
      {fields.length > 0 && (
        <>
          <h3 className="profile-subheading">{t('form.customFields')}</h3>
          <dl className="profile-list">
            {fields.map((f) => (
              <div className="profile-row" key={f.key}>
                <dt>
                  <span>{f.label}</span>
                </dt>
                <dd>{customValue(f.key)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <p className="profile-meta text-subtle">
        {t('profile.meta', { created: format.date(contact.createdAt), updated: format.relative(contact.updatedAt) })}
      </p>
    </Card>
  );
}
