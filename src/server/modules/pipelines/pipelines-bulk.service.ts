import type { Insertable, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Deal, DealListQuery } from '../../../shared/contracts/deals.js';
import type { Pipeline, Stage } from '../../../shared/contracts/pipelines.js';
import { dialectOf } from '../../db/dialect.js';
import { newId } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { toJson } from '../../db/sql-helpers.js';
import { AppError, fieldError } from '../../http/errors.js';
import { pagesReadAhead } from '../../http/pagination.js';
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import { listMembers } from '../users/users.service.js';
import { convertContactOnWin } from './contact-conversion.js';
import { pipelineForBody } from './deal-context.js';
import { listDeals } from './deal-list.service.js';
import { closingFields } from './deals.service.js';
import type { DealRow } from './pipelines.mappers.js';
import { applyForecastDeltas } from './forecast-stats.repository.js';
import { assertRequiredFields } from './stage-rules.js';
import { addToStage, applyStatsDeltas, contributionOf, type StatsDelta } from './stage-stats.repository.js';

/**
 * Deals many at a time, for imports and exports, with the rules of deals.service.ts: every row
 * enters a stage of the chosen pipeline (named in the row, or the default stage), that stage's
 * required fields apply, closed stages get their closing fields, a history row records the entry,
 * and the per-stage counters move by the batch's totals in the same transaction.
 */

export interface DealDraft {
  title?: string;
  /** Minor units of the pipeline's currency. */
  valueMinor?: number;
  /** A stage name (or id) of the pipeline. */
  stage?: string;
  probability?: number;
  expectedCloseDate?: string;
  contactId?: string | null;
  companyId?: string | null;
  /** A member's email, name or id. */
  owner?: string;
  source?: string;
  tags: string[];
  custom: Record<string, string | number | boolean>;
  closeReason?: string;
}

export interface DealProblem {
  field: string;
  message: string;
}

export interface DealImportContext {
  pipeline: Pipeline;
  defaultStage: Stage;
  stages: Map<string, Stage>;
  members: Map<string, string>;
  actorId: string | null;
}

const loose = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.]+/gu, '');

/** The pipeline (400 naming `options.pipelineId` when it is not one of the workspace's) and its stages by name. */
export async function loadDealImportContext(
  db: Db,
  actor: Actor,
  pipelineId: string | null,
  stageId: string | null,
): Promise<DealImportContext> {
  if (!pipelineId) throw fieldError('options.pipelineId', 'Choose the pipeline the deals go into');
  const pipeline = await pipelineForBody(db, actor.workspaceId, pipelineId, 'options.pipelineId');
  const defaultStage = stageId
    ? pipeline.stages.find((s) => s.id === stageId)
    : pipeline.stages.find((s) => s.kind === 'open');
  if (!defaultStage) throw fieldError('options.stageId', 'Pick a stage of this pipeline');
  const stages = new Map<string, Stage>();
  for (const s of pipeline.stages) {
    stages.set(loose(s.name), s);
    stages.set(s.id, s);
  }
  const members = new Map<string, string>();
  for (const m of (await listMembers(db, actor.workspaceId)).filter((x) => x.isActive)) {
    members.set(m.email.toLowerCase(), m.id);
    members.set(loose(m.name), m.id);
    members.set(m.id, m.id);
  }
  return { pipeline, defaultStage, stages, members, actorId: actor.kind === 'user' ? actor.id : null };
}

export interface PreparedDeal {
  stage: Stage;
  row: Omit<DealRow, 'id' | 'closed_at' | 'closed_on' | 'stage_entered_at' | 'created_at' | 'updated_at'>;
}

/** Validates one deal row against the pipeline without writing: stage by name, stage requirements, probability, owner. */
export function prepareDeal(dctx: DealImportContext, workspaceId: string, d: DealDraft): PreparedDeal | DealProblem[] {
  const problems: DealProblem[] = [];
  const title = d.title?.trim();
  if (!title) problems.push({ field: 'title', message: 'Give the deal a title' });
  let stage = dctx.defaultStage;
  if (d.stage !== undefined) {
    const named = dctx.stages.get(loose(d.stage)) ?? dctx.stages.get(d.stage.trim());
    if (!named)
      problems.push({
        field: 'stage',
        message: `Unknown stage "${d.stage}" in ${dctx.pipeline.name} (stages: ${dctx.pipeline.stages.map((s) => s.name).join(', ')})`,
      });
    else stage = named;
  }
  if (d.probability !== undefined && !(Number.isInteger(d.probability) && d.probability >= 0 && d.probability <= 100))
    problems.push({ field: 'probability', message: 'Probability is a whole number 0-100' });
  if (d.valueMinor !== undefined && !(Number.isSafeInteger(d.valueMinor) && d.valueMinor >= 0))
    problems.push({ field: 'valueMinor', message: 'Value must be a positive amount' });
  let ownerId: string | null = dctx.actorId;
  if (d.owner !== undefined) {
    const id =
      dctx.members.get(d.owner.includes('@') ? d.owner.trim().toLowerCase() : loose(d.owner)) ??
      dctx.members.get(d.owner.trim());
    if (!id) problems.push({ field: 'owner', message: `"${d.owner}" is not an active member of this workspace` });
    else ownerId = id;
  }
  if (problems.length) return problems;
  const row: PreparedDeal['row'] = {
    workspace_id: workspaceId,
    pipeline_id: dctx.pipeline.id,
    stage_id: stage.id,
    status: stage.kind,
    title: title!.slice(0, 200),
    value_minor: d.valueMinor ?? 0,
    probability: d.probability ?? null,
    expected_close_date: d.expectedCloseDate ?? null,
    contact_id: d.contactId ?? null,
    company_id: d.companyId ?? null,
    owner_id: ownerId,
    source: d.source?.trim().slice(0, 80) || null,
    tags: toJson([...new Set(d.tags.map((t) => t.trim().slice(0, 60)).filter(Boolean))].slice(0, 30)),
    custom: toJson(d.custom),
    close_reason: d.closeReason?.trim().slice(0, 500) || null,
    created_by: dctx.actorId,
    version: 1,
  };
  try {
    assertRequiredFields(stage, row, 'created', '');
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return (err.extra.errors ?? [{ field: 'stage', message: err.message }]).map((e) => ({
      field: e.field,
      message: e.message,
    }));
  }
  return { stage, row };
}

/**
 * Inserts a batch of prepared deals in the caller's transaction: deals and their first history rows
 * with multi-row inserts, stage counters moved once per stage, won items converting their contacts.
 */
export async function insertDeals(
  ctx: AppContext,
  trx: Transaction<DB>,
  actor: Actor,
  dctx: DealImportContext,
  items: PreparedDeal[],
  now: string,
): Promise<string[]> {
  const deals: Insertable<DB['deals']>[] = [];
  const history: Insertable<DB['deal_stage_history']>[] = [];
  const deltas = new Map<string, StatsDelta>();
  for (const item of items) {
    const row: DealRow = {
      ...item.row,
      id: newId(),
      ...(await closingFields(trx, actor.workspaceId, item.stage, now)),
      stage_entered_at: now,
      created_at: now,
      updated_at: now,
    };
    deals.push(row);
    history.push({
      id: newId(),
      workspace_id: actor.workspaceId,
      deal_id: row.id,
      pipeline_id: row.pipeline_id,
      from_stage_id: null,
      to_stage_id: row.stage_id,
      actor_id: actor.kind === 'system' ? null : actor.id,
      actor_name: actor.name,
      reason: null,
      seconds_in_previous: null,
      created_at: now,
      updated_at: now,
    });
    addToStage(deltas, row.stage_id, { ...contributionOf(row), enteredTotal: 1 });
  }
  // inserts written directly: compiling thousands of values through the builder costs more than storing them
  await dialectOf(trx).insertRowsFast(trx, 'deals', deals as Array<Record<string, unknown>>);
  await dialectOf(trx).insertRowsFast(trx, 'deal_stage_history', history as Array<Record<string, unknown>>);
  for (const row of deals as DealRow[])
    if (row.status === 'won') await convertContactOnWin(ctx, trx, actor, dctx.pipeline, row);
  // contacts before the running totals, the order every deal write takes its locks in
  await applyStatsDeltas(trx, actor.workspaceId, dctx.pipeline.id, deltas);
  await applyForecastDeltas(
    trx,
    actor.workspaceId,
    dctx.pipeline.id,
    (deals as DealRow[]).map((row) => [null, row]),
  );
  return deals.map((d) => d.id as string);
}

export async function recordDealBatch(
  ctx: AppContext,
  trx: Transaction<DB>,
  actor: Actor,
  ref: { importId: string; batchNo: number },
  created: number,
  pipelineId: string,
  now: string,
): Promise<void> {
  const meta = { importId: ref.importId, batch: ref.batchNo, created, pipelineId };
  await recordAudit(trx, actor, { action: 'deal.imported', entityType: 'import', entityId: ref.importId, meta }, now);
  await appendEvent(
    ctx,
    trx,
    actor,
    { type: 'deal.imported', entityType: 'import', entityId: ref.importId, payload: { ...meta, timeline: false } },
    now,
  );
}

/** Deletes the deals a batch created (those still there) and takes them out of their stages' counters. */
export async function undoDealBatch(
  ctx: AppContext,
  trx: Transaction<DB>,
  actor: Actor,
  ref: { importId: string; batchNo: number },
  ids: string[],
  now: string,
): Promise<{ removed: number }> {
  let removed = 0;
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await trx
      .selectFrom('deals')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', 'in', ids.slice(i, i + 1000))
      .execute();
    if (!rows.length) continue;
    await trx
      .deleteFrom('deals')
      .where('workspace_id', '=', actor.workspaceId)
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    for (const pipelineId of new Set(rows.map((r) => r.pipeline_id))) {
      const removedHere = rows.filter((r) => r.pipeline_id === pipelineId);
      const deltas = new Map<string, StatsDelta>();
      for (const row of removedHere) addToStage(deltas, row.stage_id, contributionOf(row, -1));
      await applyStatsDeltas(trx, actor.workspaceId, pipelineId, deltas);
      await applyForecastDeltas(
        trx,
        actor.workspaceId,
        pipelineId,
        removedHere.map((row) => [row, null]),
      );
    }
    removed += rows.length;
  }
  const meta = { importId: ref.importId, batch: ref.batchNo, removed };
  await recordAudit(
    trx,
    actor,
    { action: 'deal.import_undone', entityType: 'import', entityId: ref.importId, meta },
    now,
  );
  await appendEvent(
    ctx,
    trx,
    actor,
    { type: 'deal.import_undone', entityType: 'import', entityId: ref.importId, payload: { ...meta, timeline: false } },
    now,
  );
  return { removed };
}

/** Deals matching a list query that the actor may see, a page at a time (oldest first), for exports. */
export async function* dealExportPages(
  ctx: AppContext,
  actor: Actor,
  query: Omit<z.output<typeof DealListQuery>, 'limit' | 'cursor' | 'sort' | 'order'>,
  pageSize = 1000,
): AsyncGenerator<Deal[]> {
  yield* pagesReadAhead(async (cursor: string | undefined) => {
    const page = await listDeals(ctx, actor, { ...query, sort: 'createdAt', order: 'asc', limit: pageSize, cursor });
    return { items: page.items, next: page.nextCursor };
  });
}
