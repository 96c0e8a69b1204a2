import { useState } from 'react';
import { Ban, Ellipsis, GitMerge, Pencil, RotateCcw, Trash2, Undo2, UserX } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import {
  Avatar,
  Badge,
  Button,
  ConfirmDialog,
  EmptyState,
  Menu,
  Page,
  PageHeader,
  SkeletonText,
  type MenuEntry,
} from '../../../design';
import { isApiError } from '../../../lib/api';
import { useFormat } from '../../../lib/format';
import { useApiMutation } from '../../../lib/mutation';
import { useRealtime } from '../../../lib/realtime';
import { useCan } from '../../../lib/session';
import { contactKeys, deleteContact, restoreContact, useContact } from '../api/contacts';
import { useContactTypes } from '../api/config';
import { undoMerge, useMerges } from '../api/merge';
import { badgeColor } from '../lib/colors';
import { ContactFormDialog } from './contact-form-dialog';
import { ContactLinksCard, ExternalShortcuts } from './contact-links-card';
import { ContactProfileCard } from './contact-profile-card';
import { ContactTagsCard } from './contact-tags-card';
import { ContactTimelineSlot } from './contact-timeline-slot';
import { MergePickerDialog } from './merge-dialog';
import { NotesCard } from './notes-card';
import { RelationshipsCard } from './relationships-card';
import './contacts.css';

/** One contact: profile with type and app shortcuts, tags, notes, relationships, links, timeline. */
export function ContactPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('contacts');
  const navigate = useNavigate();
  const can = useCan();
  const format = useFormat();
  const queryClient = useQueryClient();
  const contact = useContact(id);
  const types = new Map((useContactTypes().data ?? []).map((x) => [x.key, x]));
  const merges = (useMerges(id).data ?? []).filter((m) => !m.undoneAt && new Date(m.undoableUntil) > new Date());
  const [isEditing, setEditing] = useState(false);
  const [isDeleting, setDeleting] = useState(false);
  const [isMerging, setMerging] = useState(false);
  useRealtime('contact.', (e) => {
    if (e.entityId === id) void queryClient.invalidateQueries({ queryKey: contactKeys.all });
  });
  const remove = useApiMutation({
    mutationFn: () => deleteContact(id),
    invalidate: [contactKeys.all],
    successMessage: t('detail.deleted'),
    onSuccess: () => setDeleting(false),
  });
  const restore = useApiMutation({
    mutationFn: () => restoreContact(id),
    invalidate: [contactKeys.all],
    successMessage: t('detail.restored'),
  });
  const undo = useApiMutation({
    mutationFn: (mergeId: string) => undoMerge(mergeId),
    invalidate: [contactKeys.all],
    successMessage: t('merge.undone'),
  });

  if (contact.isPending)
    return (
      <Page>
        <SkeletonText lines={8} label={t('common:loading')} />
      </Page>
    );
  if (contact.isError || !contact.data) {
    const notFound = isApiError(contact.error) && (contact.error.status === 404 || contact.error.status === 400);
    return (
      <Page>
        <EmptyState
          icon={<UserX />}
          title={notFound ? t('detail.notFoundTitle') : t('common:errors.loadFailed')}
          action={<Button onClick={() => navigate('/contacts')}>{t('detail.back')}</Button>}
        >
          {notFound ? t('detail.notFoundText') : null}
        </EmptyState>
      </Page>
    );
  }
  const c = contact.data;
  const type = c.typeKey ? types.get(c.typeKey) : undefined;
  const menu: MenuEntry[] = [
    ...(can('contacts.delete') && !c.deletedAt
      ? [{ key: 'merge', label: t('detail.mergeWith'), icon: <GitMerge />, onSelect: () => setMerging(true) }]
      : []),
    ...(can('contacts.delete') && !c.deletedAt
      ? [
          {
            key: 'delete',
            label: t('detail.delete'),
            icon: <Trash2 />,
            danger: true,
            onSelect: () => setDeleting(true),
          },
        ]
      : []),
  ];
  return (
    <Page wide>
      <PageHeader
        eyebrow={<Link to="/contacts">{t('list.title')}</Link>}
        title={
          <span className="contact-title">
            <Avatar name={c.fullName} size="lg" />
            <span>{c.fullName}</span>
            {type ? (
              <Badge color={badgeColor(type.color)} dot>
                {type.label}
              </Badge>
            ) : (
              c.typeKey && <Badge>{c.typeKey}</Badge>
            )}
            {c.doNotContact && (
              <Badge color="red" icon={<Ban />}>
                {t('doNotContact')}
              </Badge>
            )}
          </span>
        }
        description={[c.companyName, c.primaryEmail].filter(Boolean).join(' · ') || undefined}
        actions={
          <>
            {can('contacts.edit') && !c.deletedAt && (
              <Button icon={<Pencil />} onClick={() => setEditing(true)}>
                {t('detail.edit')}
              </Button>
            )}
            {menu.length > 0 && (
              <Menu
                label={t('detail.more')}
                align="end"
                items={menu}
                trigger={(p) => <Button {...p} icon={<Ellipsis />} aria-label={t('detail.more')} />}
              />
            )}
          </>
        }
      />
      {c.deletedAt && (
        <div className="notice notice-warning" role="status">
          <Trash2 aria-hidden />
          <span className="grow">
            {c.mergedIntoId ? t('detail.mergedInto') : t('detail.inTrash', { date: format.date(c.deletedAt) })}
          </span>
          {c.mergedIntoId ? (
            <Link to={`/contacts/${c.mergedIntoId}`}>{t('detail.openSurvivor')}</Link>
          ) : (
            can('contacts.delete') && (
              <Button size="sm" icon={<RotateCcw />} onClick={() => restore.mutate()} isLoading={restore.isPending}>
                {t('detail.restore')}
              </Button>
            )
          )}
        </div>
      )}
      {merges.map((m) => (
        <div key={m.id} className="notice" role="status">
          <GitMerge aria-hidden />
          <span className="grow">
            {t('merge.banner', {
              count: m.mergedIds.length,
              who: m.mergedByName ?? '?',
              until: format.date(m.undoableUntil),
            })}
          </span>
          {can('contacts.delete') && (
            <Button size="sm" icon={<Undo2 />} onClick={() => undo.mutate(m.id)} isLoading={undo.isPending}>
              {t('merge.undo')}
            </Button>
          )}
        </div>
      ))}
      <ExternalShortcuts contactId={c.id} />
      <div className="contact-layout">
        <div className="contact-side">
          <ContactProfileCard contact={c} />
          <ContactTagsCard contact={c} />
          <ContactLinksCard contactId={c.id} />
        </div>
        <div className="contact-main">
          <ContactTimelineSlot contactId={c.id} />
          <NotesCard entity="contact" entityId={c.id} />
          <RelationshipsCard contactId={c.id} />
        </div>
      </div>
      {isEditing && <ContactFormDialog contact={c} onClose={() => setEditing(false)} />}
      {isMerging && <MergePickerDialog contact={c} onClose={() => setMerging(false)} />}
      <ConfirmDialog
        open={isDeleting}
        onClose={() => setDeleting(false)}
        onConfirm={() => remove.mutate()}
        title={t('detail.deleteTitle', { name: c.fullName })}
        message={t('detail.deleteText')}
        confirmLabel={t('detail.delete')}
        isLoading={remove.isPending}
      />
    </Page>
  );
}
