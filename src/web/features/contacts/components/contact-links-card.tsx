import { useState } from 'react';
import { AppWindow, ExternalLink, GraduationCap, Plus, Ticket, Trash2, Wallet } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button, Card, Dialog, Field, IconButton, Input } from '../../../design';
import { fieldError } from '../../../lib/api';
import { useFormat } from '../../../lib/format';
import { useApiMutation } from '../../../lib/mutation';
import { useCan } from '../../../lib/session';
import {
  addExternalLink,
  externalLinkKeys,
  removeExternalLink,
  useExternalLinks,
  type ExternalLink as Link,
} from '../api/relations';

const ICONS: Record<string, typeof AppWindow> = {
  student_app: GraduationCap,
  payment_app: Wallet,
  ticketing_app: Ticket,
};
export const systemIcon = (system: string) => ICONS[system] ?? AppWindow;

/** Shortcut buttons to the contact's records in other systems (student app, payments, tickets). */
export function ExternalShortcuts({ contactId }: { contactId: string }) {
  const { t } = useTranslation('contacts');
  const links = (useExternalLinks(contactId).data ?? []).filter((l) => l.url);
  if (!links.length) return null;
  return (
    <nav className="shortcuts" aria-label={t('links.shortcuts')}>
      {links.map((l) => {
        const Icon = systemIcon(l.system);
        return (
          <a key={l.id} className="shortcut" href={l.url!} target="_blank" rel="noreferrer noopener">
            <Icon aria-hidden />
            <span className="shortcut-system">{t(`links.systems.${l.system}`, { defaultValue: l.system })}</span>
            <span className="shortcut-label">{l.label ?? l.externalId}</span>
            <ExternalLink aria-hidden className="shortcut-out" />
          </a>
        );
      })}
    </nav>
  );
}

/** The list of linked records, with their cached details, to add and remove links. */
export function ContactLinksCard({ contactId }: { contactId: string }) {
  const { t } = useTranslation('contacts');
  const can = useCan();
  const format = useFormat();
  const links = useExternalLinks(contactId).data ?? [];
  const [isAdding, setAdding] = useState(false);
  const remove = useApiMutation({
    mutationFn: (l: Link) => removeExternalLink(contactId, l.id),
    invalidate: [externalLinkKeys.list(contactId).queryKey],
    successMessage: t('links.removed'),
  });
  return (
    <Card
      title={t('links.title')}
      actions={
        can('contacts.edit') && (
          <Button size="sm" variant="ghost" icon={<Plus />} onClick={() => setAdding(true)}>
            {t('links.add')}
          </Button>
        )
      }
    >
      {links.length ? (
        <ul className="plain-list link-list">
          {links.map((l) => {
            const Icon = systemIcon(l.system);
            return (
              <li key={l.id}>
                <Icon aria-hidden className="link-icon" />
                <div className="grow">
                  <div className="row">
                    <strong>{l.label ?? l.externalId}</strong>
                    <span className="text-subtle mono">{l.externalId}</span>
                  </div>
                  <div className="text-muted text-sm">
                    {t(`links.systems.${l.system}`, { defaultValue: l.system })}
                    {Object.entries(l.display)
                      .filter(([k]) => k !== 'name')
                      .map(([k, v]) => ` · ${k}: ${String(v)}`)
                      .join('')}
                    {l.lastSyncedAt && ` · ${t('links.synced', { when: format.relative(l.lastSyncedAt) })}`}
                  </div>
                </div>
                {l.url && (
                  <a
                    href={l.url}
                    target="_blank"
                    rel="noreferrer noopener"
                    aria-label={t('links.open', { name: l.label ?? l.externalId })}
                  >
                    <ExternalLink aria-hidden className="link-icon" />
                  </a>
                )}
                {can('contacts.edit') && (
                  <IconButton
                    size="sm"
                    label={t('links.remove', { name: l.label ?? l.externalId })}
                    icon={<Trash2 />}
                    onClick={() => remove.mutate(l)}
                  />
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-muted text-sm">{t('links.none')}</p>
      )}
      {isAdding && <AddLinkDialog contactId={contactId} onClose={() => setAdding(false)} />}
    </Card>
  );
}

function AddLinkDialog({ contactId, onClose }: { contactId: string; onClose: () => void }) {
  const { t } = useTranslation('contacts');
  const [system, setSystem] = useState('student_app');
  const [externalId, setExternalId] = useState('');
  const [label, setLabel] = useState('');
  const [url, setUrl] = useState('');
  const add = useApiMutation({
    mutationFn: () =>
      addExternalLink(contactId, {
        system: system.trim(),
        externalId: externalId.trim(),
        label: label.trim() || null,
        url: url.trim() || null,
      }),
    invalidate: [externalLinkKeys.list(contactId).queryKey],
    successMessage: t('links.added'),
    onSuccess: onClose,
  });
  const err = (f: string) => fieldError(add.error, f);
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('links.addTitle')}
      description={t('links.addDescription')}
      size="sm"
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" form="add-link-form" isLoading={add.isPending}>
            {t('links.add')}
          </Button>
        </>
      }
    >
      <form
        id="add-link-form"
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <Field label={t('links.system')} hint={t('links.systemHint')} error={err('system')}>
          <Input value={system} onChange={(e) => setSystem(e.target.value)} list="link-systems" />
        </Field>
        <datalist id="link-systems">
          <option value="student_app" />
          <option value="payment_app" />
          <option value="ticketing_app" />
        </datalist>
        <Field label={t('links.externalId')} isRequired error={err('externalId')}>
          <Input value={externalId} onChange={(e) => setExternalId(e.target.value)} />
        </Field>
        <Field label={t('links.label')} error={err('label')}>
          <Input value={label} onChange={(e) => setLabel(e.target.value)} />
        </Field>
        <Field label={t('links.url')} error={err('url')}>
          <Input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" />
        </Field>
      </form>
    </Dialog>
  );
}
