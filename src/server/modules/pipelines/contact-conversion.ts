import type { Transaction } from 'kysely';
import type { Pipeline } from '../../../shared/contracts/pipelines.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/transaction.js';
import { changeContactType } from '../contacts/contacts.service.js';
import type { DealRow } from './pipelines.mappers.js';

/**
 * Winning an item can change its contact's type (prospect_parent -> student_parent, lead -> patient),
 * as the pipeline configures (`wonContactType`). Runs in the move's transaction, so when the new
 * type's own rules refuse the contact, the move is refused too, naming the conversion.
 * Returns the type the contact now has, or null when nothing changed.
 */
export async function convertContactOnWin(
  ctx: AppContext,
  db: Db,
  actor: Actor,
  pipeline: Pipeline,
  deal: Pick<DealRow, 'contact_id'>,
): Promise<string | null> {
  const typeKey = pipeline.wonContactType;
  if (!typeKey || !deal.contact_id) return null;
  try {
    await changeContactType(ctx, db as Transaction<DB>, actor, deal.contact_id, typeKey);
    return typeKey;
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null; // the contact was deleted: nothing to convert
    if (err instanceof AppError && err.status < 500) {
      throw new AppError(
        'CONVERSION_REFUSED',
        `Winning converts the contact to "${typeKey}", which was refused: ${err.detail ?? err.message}`,
        { data: { rule: 'wonContactType' } },
      );
    }
    throw err;
  }
}
