import type { z } from 'zod';
import type { BulkBody, BulkResult } from '../../../shared/contracts/contacts-query.js';
import { AppError, fieldError } from '../../http/errors.js';
import { can, type Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import { findTypeByKey } from './contact-config.repository.js';
import { contactIdsMatching } from './contact-list.repository.js';
import { visibleContactRows } from './contact-visibility.js';
import { findContactRows, updateContactRow } from './contacts.repository.js';
import { isActiveMember } from '../auth/members.service.js';
import { changeContactType, listScope, restoreRow, softDeleteRow } from './contacts.service.js';
import { tagContactsInTransaction, untagContactsInTransaction } from './tagging.js';

/** Most contacts one bulk request may touch; larger selections should be narrowed (or exported and imported). */
export const BULK_LIMIT = 10_000;
const CHUNK = 500;

type Input = z.output<typeof BulkBody>;

async function selectedIds(ctx: AppContext, actor: Actor, input: Input): Promise<string[]> {
  const wantsTrash = input.action.kind === 'restore';
  if ('ids' in input.selection) {
    const ids = [...new Set(input.selection.ids)];
    await visibleContactRows(ctx.db, actor, ids, 'selection.ids', { allowDeleted: true });
    return ids;
  }
  const scope = await listScope(ctx, ctx.db, actor);
  const ids = await contactIdsMatching(
    ctx.db,
    scope,
    { ...input.selection.filter, deleted: wantsTrash || input.selection.filter.deleted },
    BULK_LIMIT,
  );
  if (ids.length > BULK_LIMIT)
    throw new AppError(
      'SELECTION_TOO_LARGE',
      `The filter matches more than ${BULK_LIMIT.toLocaleString('en')} contacts; narrow it and run the action in parts`,
      { field: 'selection.filter' },
    );
  return ids;
}

/** Runs one action over a selection or a filter; each contact succeeds or is listed as failed with the reason. */
export async function runBulkAction(ctx: AppContext, actor: Actor, input: Input): Promise<BulkResult> {
  const action = input.action;
  if ((action.kind === 'delete' || action.kind === 'restore') && !can(actor, 'contacts.delete'))
    throw new AppError('FORBIDDEN', 'Deleting and restoring contacts needs the contacts.delete permission');
  if (action.kind === 'owner' && action.ownerId && !(await isActiveMember(ctx.db, actor.workspaceId, action.ownerId)))
    throw fieldError('action.ownerId', 'Not an active member of this workspace');
  if (action.kind === 'type' && action.typeKey) {
    const type = await findTypeByKey(ctx.db, actor.workspaceId, action.typeKey);
    if (!type || type.is_archived) throw fieldError('action.typeKey', `Unknown contact type "${action.typeKey}"`);
  }
  const ids = await selectedIds(ctx, actor, input);
  const result: BulkResult = { matched: ids.length, updated: 0, failed: [] };
  if (action.kind === 'type') {
    // each contact in its own transaction: one refusing rule fails that contact only
    for (const id of ids) {
      try {
        await withTransaction(ctx.db, (trx) => changeContactType(ctx, trx, actor, id, action.typeKey));
        result.updated++;
      } catch (err) {
        result.failed.push({
          id,
          message: err instanceof AppError ? (err.detail ?? err.message) : 'Could not change the type',
        });
      }
    }
    return result;
  }
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const now = nowIso(ctx.clock);
    await withTransaction(ctx.db, async (trx) => {
      if (action.kind === 'tag' || action.kind === 'untag') {
        const live = (await findContactRows(trx, actor.workspaceId, chunk))
          .filter((r) => !r.deleted_at)
          .map((r) => r.id);
        const fn = action.kind === 'tag' ? tagContactsInTransaction : untagContactsInTransaction;
        await fn(ctx, trx, actor, live, [...new Set(action.tagIds)], now, 'action.tagIds');
        result.updated += live.length;
        return;
      }
      for (const row of await findContactRows(trx, actor.workspaceId, chunk)) {
        if (action.kind === 'delete') {
          if (!row.deleted_at) await softDeleteRow(ctx, trx, actor, row, now);
        } else if (action.kind === 'restore') {
          if (row.merged_into_id) {
            result.failed.push({ id: row.id, message: 'Merged into another contact; undo the merge instead' });
            continue;
          }
          if (row.deleted_at) await restoreRow(ctx, trx, actor, row, now);
        } else if (action.kind === 'owner') {
          if (row.deleted_at || row.owner_id === action.ownerId) continue;
          await updateContactRow(trx, actor.workspaceId, row.id, row.version, {
            owner_id: action.ownerId,
            updated_at: now,
          });
          await recordAudit(
            trx,
            actor,
            {
              action: 'contact.updated',
              entityType: 'contact',
              entityId: row.id,
              before: { ownerId: row.owner_id },
              after: { ownerId: action.ownerId },
              meta: { bulk: true },
            },
            now,
          );
          await appendEvent(
            ctx,
            trx,
            actor,
            {
              type: 'contact.updated',
              entityType: 'contact',
              entityId: row.id,
              payload: {
                changes: ['ownerId'],
                fullName: row.full_name,
                ownerId: action.ownerId,
                previousOwnerId: row.owner_id,
              },
            },
            now,
          );
        }
        result.updated++;
      }
    });
  }
  return result;
}
