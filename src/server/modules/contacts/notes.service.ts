import type { z } from 'zod';
import type { CreateNoteBody, Note, NoteRevision, UpdateNoteBody } from '../../../shared/contracts/contacts-notes.js';
import { newId } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import { cursorPart, decodeCursor, encodeCursor } from '../../http/pagination.js';
import { can, type Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction, type Db } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import { visibleCompanyRow } from './companies.service.js';
import { visibleContactRow } from './contacts.service.js';
import { excerptOf, renderMarkdown } from './markdown.js';
import { findNoteRow, listNoteRows, listRevisionRows, revisionCounts } from './notes.repository.js';
import { reindexContact } from './search-document.js';

export type NoteEntity = 'contact' | 'company';

function toNote(r: DB['notes'], edits: number): Note {
  return {
    id: r.id,
    entityType: r.entity_type as NoteEntity,
    entityId: r.entity_id,
    body: r.body,
    bodyHtml: r.body_html,
    isPinned: Boolean(r.is_pinned),
    authorId: r.author_id,
    authorName: r.author_name,
    editCount: edits,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

async function assertEntityVisible(db: Db, actor: Actor, entity: NoteEntity, id: string): Promise<void> {
  if (entity === 'contact') await visibleContactRow(db, actor, id);
  else await visibleCompanyRow(db, actor, id);
}

export async function listNotes(
  ctx: AppContext,
  actor: Actor,
  entity: NoteEntity,
  entityId: string,
  page: { limit: number; cursor?: string },
) {
  await assertEntityVisible(ctx.db, actor, entity, entityId);
  const after = decodeCursor(page.cursor, [cursorPart.flag, cursorPart.instant, cursorPart.id]);
  const rows = await listNoteRows(ctx.db, actor.workspaceId, entity, entityId, page.limit, after);
  const hasMore = rows.length > page.limit;
  const items = hasMore ? rows.slice(0, page.limit) : rows;
  const edits = await revisionCounts(
    ctx.db,
    actor.workspaceId,
    items.map((r) => r.id),
  );
  const last = items[items.length - 1];
  return {
    items: items.map((r) => toNote(r, edits.get(r.id) ?? 0)),
    nextCursor: hasMore && last ? encodeCursor([last.is_pinned ? 1 : 0, last.created_at, last.id]) : null,
  };
}

const eventPrefix = (entity: NoteEntity) => (entity === 'contact' ? 'contact' : 'company');

export async function createNote(
  ctx: AppContext,
  actor: Actor,
  entity: NoteEntity,
  entityId: string,
  input: z.output<typeof CreateNoteBody>,
): Promise<Note> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    await assertEntityVisible(trx, actor, entity, entityId);
    const row: DB['notes'] = {
      id: newId(),
      workspace_id: actor.workspaceId,
      entity_type: entity,
      entity_id: entityId,
      body: input.body,
      body_html: renderMarkdown(input.body),
      is_pinned: input.isPinned,
      author_id: actor.kind === 'system' ? null : actor.id,
      author_name: actor.name,
      deleted_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('notes').values(row).execute();
    if (entity === 'contact') await reindexContact(trx, actor.workspaceId, entityId);
    const note = toNote(row, 0);
    await recordAudit(
      trx,
      actor,
      {
        action: 'note.created',
        entityType: 'note',
        entityId: row.id,
        after: { entityType: entity, entityId, body: row.body, isPinned: row.is_pinned },
      },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: `${eventPrefix(entity)}.note_added`,
        entityType: entity,
        entityId,
        payload: { noteId: row.id, excerpt: excerptOf(row.body), isPinned: row.is_pinned },
      },
      now,
    );
    return note;
  });
}

/** The author, or anyone who may delete contacts (managers, admins), may change a note. */
function assertMayChange(actor: Actor, row: DB['notes']): void {
  if (row.author_id !== actor.id && !can(actor, 'contacts.delete'))
    throw new AppError('FORBIDDEN', 'Only the author or a manager can change this note');
}

export async function updateNote(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: z.output<typeof UpdateNoteBody>,
): Promise<Note> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const row = await findNoteRow(trx, actor.workspaceId, id);
    if (!row) throw notFound('Note');
    const entity = row.entity_type as NoteEntity;
    await assertEntityVisible(trx, actor, entity, row.entity_id);
    const bodyChanged = patch.body !== undefined && patch.body !== row.body;
    if (bodyChanged) assertMayChange(actor, row);
    if (row.version !== patch.version) throw new AppError('VERSION_CONFLICT');
    const next = {
      body: patch.body ?? row.body,
      body_html: bodyChanged ? renderMarkdown(patch.body!) : row.body_html,
      is_pinned: patch.isPinned ?? row.is_pinned,
      version: row.version + 1,
      updated_at: now,
    };
    const res = await trx
      .updateTable('notes')
      .set(next)
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .where('version', '=', patch.version)
      .executeTakeFirst();
    if (!Number(res.numUpdatedRows)) throw new AppError('VERSION_CONFLICT');
    if (bodyChanged) {
      // the history keeps every earlier text with who replaced it and when
      await trx
        .insertInto('note_revisions')
        .values({
          id: newId(),
          workspace_id: actor.workspaceId,
          note_id: id,
          body: row.body,
          edited_by: actor.kind === 'system' ? null : actor.id,
          edited_by_name: actor.name,
          created_at: now,
          updated_at: now,
        })
        .execute();
      if (entity === 'contact') await reindexContact(trx, actor.workspaceId, row.entity_id);
    }
    const edits = (await revisionCounts(trx, actor.workspaceId, [id])).get(id) ?? 0;
    const after = toNote({ ...row, ...next }, edits);
    await recordAudit(
      trx,
      actor,
      {
        action: 'note.updated',
        entityType: 'note',
        entityId: id,
        before: { body: row.body, isPinned: row.is_pinned },
        after: { body: after.body, isPinned: after.isPinned },
      },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: `${eventPrefix(entity)}.note_updated`,
        entityType: entity,
        entityId: row.entity_id,
        payload: { noteId: id, excerpt: excerptOf(after.body), isPinned: after.isPinned },
      },
      now,
    );
    return after;
  });
}

export async function deleteNote(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, async (trx) => {
    const row = await findNoteRow(trx, actor.workspaceId, id);
    if (!row) throw notFound('Note');
    const entity = row.entity_type as NoteEntity;
    await assertEntityVisible(trx, actor, entity, row.entity_id);
    assertMayChange(actor, row);
    await trx
      .updateTable('notes')
      .set({ deleted_at: now, updated_at: now, version: row.version + 1 })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .execute();
    if (entity === 'contact') await reindexContact(trx, actor.workspaceId, row.entity_id);
    await recordAudit(
      trx,
      actor,
      { action: 'note.deleted', entityType: 'note', entityId: id, before: { body: row.body } },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: `${eventPrefix(entity)}.note_deleted`,
        entityType: entity,
        entityId: row.entity_id,
        payload: { noteId: id },
      },
      now,
    );
  });
}

export async function listNoteRevisions(ctx: AppContext, actor: Actor, id: string): Promise<NoteRevision[]> {
  const row = await findNoteRow(ctx.db, actor.workspaceId, id);
  if (!row) throw notFound('Note');
  await assertEntityVisible(ctx.db, actor, row.entity_type as NoteEntity, row.entity_id);
  return (await listRevisionRows(ctx.db, actor.workspaceId, id)).map((r) => ({
    id: r.id,
    body: r.body,
    editedBy: r.edited_by,
    editedByName: r.edited_by_name,
    createdAt: r.created_at,
  }));
}
