import { useState } from 'react';
import { History, Pencil, Pin, PinOff, StickyNote, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
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
  LoadMore,
  Textarea,
} from '../../../design';
import { fieldError } from '../../../lib/api';
import { useFormat } from '../../../lib/format';
import { useApiMutation } from '../../../lib/mutation';
import { useCan, useSession } from '../../../lib/session';
import { contactKeys } from '../api/contacts';
import {
  createNote,
  deleteNote,
  noteKeys,
  updateNote,
  useNoteRevisions,
  useNotes,
  type Note,
  type NoteEntity,
} from '../api/notes';

/** Markdown notes on a contact or company: composer, pinned first, edit with history. */
export function NotesCard({ entity, entityId }: { entity: NoteEntity; entityId: string }) {
  const { t } = useTranslation('contacts');
  const can = useCan();
  const notes = useNotes(entity, entityId);
  const [body, setBody] = useState('');
  const [isPinned, setPinned] = useState(false);
  const add = useApiMutation({
    mutationFn: () => createNote(entity, entityId, { body, isPinned }),
    invalidate: [noteKeys.of(entity, entityId), contactKeys.all],
    successMessage: t('notes.added'),
    onSuccess: () => {
      setBody('');
      setPinned(false);
    },
  });
  const items = notes.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title={t('notes.title')}>
      {can('contacts.edit') && (
        <form
          className="note-composer"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <Field label={t('notes.new')} hint={t('notes.markdownHint')} error={fieldError(add.error, 'body')}>
            <Textarea
              rows={3}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              placeholder={t('notes.placeholder')}
            />
          </Field>
          <div className="row-between">
            <Button
              size="sm"
              variant="ghost"
              icon={isPinned ? <PinOff /> : <Pin />}
              aria-pressed={isPinned}
              onClick={() => setPinned(!isPinned)}
            >
              {isPinned ? t('notes.pinned') : t('notes.pin')}
            </Button>
            <Button size="sm" variant="primary" type="submit" disabled={!body.trim()} isLoading={add.isPending}>
              {t('notes.add')}
            </Button>
          </div>
        </form>
      )}
      {!notes.isPending && !items.length && (
        <EmptyState compact icon={<StickyNote />} title={t('notes.emptyTitle')}>
          {t('notes.emptyText')}
        </EmptyState>
      )}
      <ul className="note-list">
        {items.map((n) => (
          <NoteItem key={n.id} note={n} entity={entity} entityId={entityId} />
        ))}
      </ul>
      <LoadMore
        hasMore={Boolean(notes.hasNextPage)}
        isLoading={notes.isFetchingNextPage}
        onLoadMore={() => void notes.fetchNextPage()}
      />
    </Card>
  );
}

function NoteItem({ note, entity, entityId }: { note: Note; entity: NoteEntity; entityId: string }) {
  const { t } = useTranslation('contacts');
  const format = useFormat();
  const can = useCan();
  const session = useSession();
  const [isEditing, setEditing] = useState(false);
  const [isDeleting, setDeleting] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const mayChange = can('contacts.edit') && (note.authorId === session.user.id || can('contacts.delete'));
  const keys = [noteKeys.of(entity, entityId), contactKeys.all];
  const pin = useApiMutation({
    mutationFn: () => updateNote(note.id, { version: note.version, isPinned: !note.isPinned }),
    invalidate: keys,
    successMessage: note.isPinned ? t('notes.unpinnedToast') : t('notes.pinnedToast'),
  });
  const remove = useApiMutation({
    mutationFn: () => deleteNote(note.id),
    invalidate: keys,
    successMessage: t('notes.deleted'),
    onSuccess: () => setDeleting(false),
  });
  return (
    <li className="note" data-pinned={note.isPinned}>
      <div className="note-head">
        <Avatar name={note.authorName ?? '?'} size="sm" />
        <strong>{note.authorName ?? t('notes.system')}</strong>
        <span className="text-subtle">{format.relative(note.createdAt)}</span>
        {note.editCount > 0 && (
          <button type="button" className="note-edited" onClick={() => setShowHistory(true)}>
            <History aria-hidden />
            {t('notes.edited', { count: note.editCount })}
          </button>
        )}
        {note.isPinned && (
          <Badge color="amber" icon={<Pin />}>
            {t('notes.pinned')}
          </Badge>
        )}
        <span className="grow" />
        {can('contacts.edit') && (
          <IconButton
            size="sm"
            label={note.isPinned ? t('notes.unpin') : t('notes.pin')}
            icon={note.isPinned ? <PinOff /> : <Pin />}
            onClick={() => pin.mutate()}
          />
        )}
        {mayChange && (
          <IconButton size="sm" label={t('notes.edit')} icon={<Pencil />} onClick={() => setEditing(true)} />
        )}
        {mayChange && (
          <IconButton size="sm" label={t('notes.delete')} icon={<Trash2 />} onClick={() => setDeleting(true)} />
        )}
      </div>
      {/* bodyHtml is sanitized on the server (no scripts, no event handlers, http(s)/mailto links only) */}
      <div className="note-body" dangerouslySetInnerHTML={{ __html: note.bodyHtml }} />
      {isEditing && <EditNoteDialog note={note} onClose={() => setEditing(false)} invalidate={keys} />}
      {showHistory && <NoteHistoryDialog note={note} onClose={() => setShowHistory(false)} />}
      <ConfirmDialog
        open={isDeleting}
        onClose={() => setDeleting(false)}
        onConfirm={() => remove.mutate()}
        title={t('notes.deleteTitle')}
        message={t('notes.deleteText')}
        confirmLabel={t('notes.delete')}
        isLoading={remove.isPending}
      />
    </li>
  );
}

function EditNoteDialog({
  note,
  onClose,
  invalidate,
}: {
  note: Note;
  onClose: () => void;
  invalidate: ReadonlyArray<readonly unknown[]>;
}) {
  const { t } = useTranslation('contacts');
  const [body, setBody] = useState(note.body);
  const save = useApiMutation({
    mutationFn: () => updateNote(note.id, { version: note.version, body }),
    invalidate: [...invalidate],
    successMessage: t('notes.updated'),
    onSuccess: onClose,
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('notes.editTitle')}
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" form="edit-note-form" isLoading={save.isPending}>
            {t('common:saveChanges')}
          </Button>
        </>
      }
    >
      <form
        id="edit-note-form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Field label={t('notes.body')} hint={t('notes.markdownHint')} error={fieldError(save.error, 'body')}>
          <Textarea rows={8} value={body} onChange={(e) => setBody(e.target.value)} />
        </Field>
      </form>
    </Dialog>
  );
}

function NoteHistoryDialog({ note, onClose }: { note: Note; onClose: () => void }) {
  const { t } = useTranslation('contacts');
  const format = useFormat();
  const revisions = useNoteRevisions(note.id, true).data ?? [];
  return (
    <Dialog open onClose={onClose} title={t('notes.historyTitle')} description={t('notes.historyDescription')}>
      <ol className="note-history">
        {revisions.map((r) => (
          <li key={r.id}>
            <div className="text-muted text-sm">
              {t('notes.replacedBy', { name: r.editedByName ?? '?', when: format.dateTime(r.createdAt) })}
            </div>
            <pre className="note-history-body">{r.body}</pre>
          </li>
        ))}
      </ol>
    </Dialog>
  );
}
