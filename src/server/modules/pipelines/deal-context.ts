import type { Pipeline, Stage } from '../../../shared/contracts/pipelines.js';
import { fieldError, notFound } from '../../http/errors.js';
import { ownerScope, type Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/transaction.js';
import { listMembers } from '../users/users.service.js';
import * as deals from './deals.repository.js';
import { isId } from './ids.js';
import type { CardContext, DealPageRow, DealRow } from './pipelines.mappers.js';
import { loadPipeline } from './pipelines.service.js';

/** What card and deal mapping needs: the pipeline's stages by id, owner names, and now. */
export async function cardContext(ctx: AppContext, db: Db, workspaceId: string, stages: Stage[]): Promise<CardContext> {
  const members = await listMembers(db, workspaceId);
  return cardContextOf(ctx, stages, new Map(members.map((m) => [m.id, m.name])));
}

/** The same from owner names already at hand. */
export function cardContextOf(ctx: AppContext, stages: Stage[], ownerNames: Map<string, string>): CardContext {
  return { stages: new Map(stages.map((s) => [s.id, s])), ownerNames, now: ctx.clock.now() };
}

/** The deal row if the actor may see it (agents: only their own unless the workspace shares all), else 404. */
export async function visibleDeal(db: Db, actor: Actor, id: string): Promise<DealRow> {
  return seenBy(actor, isId(id) ? await deals.findDealRow(db, actor.workspaceId, id) : undefined);
}

/** The same, with the names its page shows (contact, company, owner) read along with it. */
export async function visibleDealPage(ctx: AppContext, db: Db, actor: Actor, id: string): Promise<DealPageRow> {
  return seenBy(actor, isId(id) ? await deals.findDealView(db, actor.workspaceId, id) : undefined);
}

function seenBy<Row extends DealRow>(actor: Actor, row: Row | undefined): Row {
  const scope = ownerScope(actor);
  if (!row || (scope && row.owner_id !== scope)) throw notFound('Deal');
  return row;
}

/** A pipeline named in a request body (400 naming the field when it is not one of this workspace's). */
export async function pipelineForBody(
  db: Db,
  workspaceId: string,
  pipelineId: string,
  field = 'pipelineId',
): Promise<Pipeline> {
  if (!isId(pipelineId)) throw fieldError(field, 'No such pipeline in this workspace');
  try {
    return await loadPipeline(db, workspaceId, pipelineId);
  } catch {
    throw fieldError(field, 'No such pipeline in this workspace');
  }
}

/** Checks that referenced contact, company and owner exist in the workspace; 400 naming the field otherwise. */
export async function assertReferences(
  db: Db,
  workspaceId: string,
  refs: { contactId?: string | null; companyId?: string | null; ownerId?: string | null },
  prefix = '',
): Promise<void> {
  if (refs.contactId && !(isId(refs.contactId) && (await deals.contactExists(db, workspaceId, refs.contactId))))
    throw fieldError(`${prefix}contactId`, 'No such contact in this workspace');
  if (refs.companyId && !(isId(refs.companyId) && (await deals.companyExists(db, workspaceId, refs.companyId))))
    throw fieldError(`${prefix}companyId`, 'No such company in this workspace');
  if (refs.ownerId) {
    const members = await listMembers(db, workspaceId);
    if (!members.some((m) => m.id === refs.ownerId && m.isActive))
      throw fieldError(`${prefix}ownerId`, 'Not an active member of this workspace');
  }
}
