import fs from 'node:fs';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import type { z } from 'zod';
import type {
  Export,
  ExportBody,
  ExportColumn,
  ExportEntity,
  ExportListQuery,
} from '../../../shared/contracts/import-export.js';
import { newId } from '../../db/ids.js';
import { fromJson, toJson } from '../../db/sql-helpers.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { cursorPart, decodeCursor, pageOf } from '../../http/pagination.js';
import { can, type Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction, type Db } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { listCustomFields } from '../contacts/contact-config.service.js';
import { appendEvent } from '../events/events.service.js';
import type { JobRun } from '../jobs/job-definition.js';
import { actorForJob } from './import-context.js';
import { columnsFor, type ColumnDef } from './exporting/columns.js';
import { addReachability, countOf, lookupsFor, pagesOf, parseExportFilter } from './exporting/sources.js';
import { csvWriter, xlsxWriter, type RowWriter } from './exporting/writers.js';
import { findExport, insertExport, listExportRows, updateExport, type ExportRow } from './exports.repository.js';
import { fileKey, pathOf } from './files/storage.js';

const VIEW_PERMISSION = {
  contacts: 'contacts.view',
  companies: 'contacts.view',
  deals: 'deals.view',
  activities: 'activities.view',
  tasks: 'activities.view',
} as const;
const KEEP_DAYS = 7;

function toExport(r: ExportRow): Export {
  return {
    id: r.id,
    entity: r.entity as ExportEntity,
    format: r.format as Export['format'],
    status: r.status as Export['status'],
    columns: fromJson<string[]>(r.columns, []),
    includesPhones: r.includes_phones,
    rowCount: r.row_count,
    totalRows: r.total_rows,
    fileSize: r.file_size === null ? null : Number(r.file_size),
    error: r.error,
    createdBy: r.created_by ? { id: r.created_by, name: r.created_by_name ?? '' } : null,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
    expiresAt: r.expires_at,
    downloadUrl: r.status === 'completed' && r.file_key ? `/api/exports/${r.id}/download` : null,
  };
}

async function customFields(ctx: AppContext, workspaceId: string) {
  return (await listCustomFields(ctx, workspaceId)).filter((f) => !f.isArchived);
}

/** The columns an entity's export offers; phone columns are marked (bulk phone export needs its own permission). */
export async function exportColumns(ctx: AppContext, actor: Actor, entity: ExportEntity): Promise<ExportColumn[]> {
  const mayPhones = can(actor, 'contacts.export_phones');
  return columnsFor(entity, await customFields(ctx, actor.workspaceId)).map((c) => ({
    key: c.key,
    label: c.label,
    isPhone: Boolean(c.isPhone),
    isDefault: c.isDefault !== false && (!c.isPhone || mayPhones),
  }));
}

interface ExportPlan {
  entity: ExportEntity;
  format: 'csv' | 'xlsx';
  columns: Array<ColumnDef<any>>;
  filter: Record<string, unknown>;
  includesPhones: boolean;
}

/** Checks permissions, columns and filter of an export request before anything runs. */
async function planExport(ctx: AppContext, actor: Actor, body: z.output<typeof ExportBody>): Promise<ExportPlan> {
  const needed = VIEW_PERMISSION[body.entity];
  if (!can(actor, needed)) throw new AppError('FORBIDDEN', `Exporting ${body.entity} needs the ${needed} permission`);
  const all = columnsFor(body.entity, await customFields(ctx, actor.workspaceId));
  const mayPhones = can(actor, 'contacts.export_phones');
  let columns: Array<ColumnDef<any>>;
  if (body.columns) {
    columns = body.columns.map((key, i) => {
      const col = all.find((c) => c.key === key);
      if (!col) throw fieldError(`columns.${i}`, `"${key}" is not a column of the ${body.entity} export`);
      return col;
    });
  } else {
    columns = all.filter((c) => c.isDefault !== false && (!c.isPhone || mayPhones));
  }
  const includesPhones = columns.some((c) => c.isPhone);
  if (includesPhones && !mayPhones)
    throw new AppError(
      'FORBIDDEN',
      'Exporting phone numbers in bulk needs the contacts.export_phones permission; leave the phone columns out',
      { field: 'columns' },
    );
  return {
    entity: body.entity,
    format: body.format,
    columns,
    filter: parseExportFilter(body.entity, body.filter),
    includesPhones,
  };
}

async function audited(
  ctx: AppContext,
  db: Db,
  actor: Actor,
  action: string,
  id: string,
  plan: Pick<ExportPlan, 'entity' | 'format' | 'columns' | 'filter' | 'includesPhones'>,
  extra: Record<string, unknown>,
  now: string,
): Promise<void> {
  const after = {
    entity: plan.entity,
    format: plan.format,
    columns: plan.columns.map((c) => c.key),
    filter: plan.filter,
    includesPhones: plan.includesPhones,
    ...extra,
  };
  await recordAudit(db, actor, { action, entityType: 'export', entityId: id, after }, now);
  await appendEvent(
    ctx,
    db,
    actor,
    {
      type: action,
      entityType: 'export',
      entityId: id,
      payload: { entity: plan.entity, format: plan.format, ...extra, timeline: false },
    },
    now,
  );
}

/** Queues an export job; the file is written in the background and downloaded from its link. */
export async function createExport(ctx: AppContext, actor: Actor, body: z.output<typeof ExportBody>): Promise<Export> {
  const plan = await planExport(ctx, actor, body);
  const id = newId();
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, async (trx) => {
    const { id: jobId } = await ctx.jobs.enqueue(
      trx,
      'export.run',
      { exportId: id, workspaceId: actor.workspaceId },
      { workspaceId: actor.workspaceId },
    );
    await insertExport(trx, {
      id,
      workspace_id: actor.workspaceId,
      entity: plan.entity,
      format: plan.format,
      status: 'queued',
      columns: toJson(plan.columns.map((c) => c.key)),
      filter: toJson(plan.filter),
      includes_phones: plan.includesPhones,
      row_count: 0,
      total_rows: null,
      file_key: null,
      file_size: null,
      job_id: jobId,
      error: null,
      created_by: actor.kind === 'user' ? actor.id : null,
      created_by_name: actor.name,
      finished_at: null,
      expires_at: null,
      created_at: now,
      updated_at: now,
    });
    await audited(ctx, trx, actor, 'export.created', id, plan, {}, now);
  });
  return toExport((await findExport(ctx.db, actor.workspaceId, id))!);
}

/** Writes every matching record through the writer, a page at a time; returns how many were written. */
async function writeAll(
  ctx: AppContext,
  actor: Actor,
  plan: ExportPlan,
  out: Writable,
  onPage?: (rows: number) => Promise<void>,
  pages: AsyncIterable<any[]> = pagesOf(ctx, actor, plan.entity, plan.filter),
): Promise<number> {
  const lookups = await lookupsFor(ctx, actor, plan.entity);
  const writer: RowWriter =
    plan.format === 'xlsx'
      ? await xlsxWriter(
          out,
          plan.columns.map((c) => c.label),
          plan.entity,
        )
      : csvWriter(
          out,
          plan.columns.map((c) => c.label),
        );
  let rows = 0;
  for await (const page of pages) {
    await addReachability(ctx, actor, plan.entity, page, lookups);
    await writer.write(page.map((item) => plan.columns.map((c) => c.value(item, lookups))));
    rows += page.length;
    await onPage?.(rows);
    await new Promise((resolve) => setImmediate(resolve)); // let the file stream drain between pages
  }
  await writer.end();
  return rows;
}

/** The same pages, the first of them already read (so reading it has failed or succeeded). */
async function withFirstPageRead<T>(pages: AsyncGenerator<T>): Promise<AsyncIterable<T>> {
  const first = await pages.next();
  return {
    async *[Symbol.asyncIterator]() {
      if (first.done) return;
      yield first.value;
      yield* { [Symbol.asyncIterator]: () => pages };
    },
  };
}

/** Streams an export straight into the response (integrations, small lists); audited like the others. */
export async function streamExport(
  ctx: AppContext,
  actor: Actor,
  body: z.output<typeof ExportBody>,
): Promise<{ stream: Readable; fileName: string; contentType: string }> {
  const plan = await planExport(ctx, actor, body);
  // the first page is read before the response starts: a filter the list refuses (an unknown
  // field, a value of the wrong kind) is a 400 here, not a 200 whose stream breaks off
  const pages = await withFirstPageRead(pagesOf(ctx, actor, plan.entity, plan.filter));
  const id = newId();
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, (trx) => audited(ctx, trx, actor, 'export.streamed', id, plan, {}, now));
  const out = new PassThrough();
  writeAll(ctx, actor, plan, out, undefined, pages).catch((err) => {
    ctx.log.error({ err, exportId: id }, 'streamed export failed');
    out.destroy(err as Error);
  });
  return { stream: out, ...downloadNames(plan.entity, plan.format, now) };
}

function downloadNames(entity: string, format: string, at: string) {
  return {
    fileName: `${entity}-${at.slice(0, 10)}.${format}`,
    contentType:
      format === 'xlsx'
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv; charset=utf-8',
  };
}

/** Progress goes out at most this often; the count written when the export completes is exact. */
const PROGRESS_EVERY_MS = 250;

/** Reports the first page at once, then at most every PROGRESS_EVERY_MS (two writes per page of 1,000 were pure overhead). */
function throttled(report: (rows: number) => Promise<void>): (rows: number) => Promise<void> {
  let last = -Infinity;
  return async (rows) => {
    const now = performance.now(); // monotonic, and unlike ctx.clock not frozen in tests
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    await report(rows);
  };
}

export async function runExportJob(
  ctx: AppContext,
  run: JobRun<{ exportId: string; workspaceId: string }>,
): Promise<unknown> {
  const row = await findExport(ctx.db, run.payload.workspaceId, run.payload.exportId);
  if (!row || !['queued', 'running'].includes(row.status)) return { skipped: true };
  const actor = await actorForJob(ctx, row.workspace_id, row.created_by, row.created_by_name);
  const entity = row.entity as ExportEntity;
  const all = columnsFor(entity, await customFields(ctx, row.workspace_id));
  const plan: ExportPlan = {
    entity,
    format: row.format as ExportPlan['format'],
    columns: fromJson<string[]>(row.columns, [])
      .map((k) => all.find((c) => c.key === k))
      .filter((c): c is ColumnDef<any> => Boolean(c)),
    filter: fromJson(row.filter, {}),
    includesPhones: row.includes_phones,
  };
  const key = fileKey('exports', row.workspace_id, row.id, plan.format);
  const total = await countOf(ctx, actor, entity, plan.filter);
  await updateExport(ctx.db, row.workspace_id, row.id, {
    status: 'running',
    total_rows: total,
    updated_at: nowIso(ctx.clock),
  });
  const file = pathOf(ctx.config, key);
  await fs.promises.mkdir(file.slice(0, file.lastIndexOf('/')), { recursive: true });
  try {
    const rows = await writeAll(
      ctx,
      actor,
      plan,
      fs.createWriteStream(file),
      throttled(async (n) => {
        await run.progress({ rowsDone: n, totalRows: total });
        await updateExport(ctx.db, row.workspace_id, row.id, { row_count: n, updated_at: nowIso(ctx.clock) });
      }),
    );
    const now = nowIso(ctx.clock);
    const size = (await fs.promises.stat(file)).size;
    await withTransaction(ctx.db, async (trx) => {
      await updateExport(trx, row.workspace_id, row.id, {
        status: 'completed',
        row_count: rows,
        file_key: key,
        file_size: size,
        finished_at: now,
        expires_at: new Date(ctx.clock.now().getTime() + KEEP_DAYS * 86_400_000).toISOString(),
        updated_at: now,
      });
      await audited(ctx, trx, actor, 'export.completed', row.id, plan, { rowCount: rows }, now);
    });
    return { rows };
  } catch (err) {
    await fs.promises.rm(file, { force: true });
    if (run.attempt < 3 && !(err instanceof AppError)) throw err;
    await updateExport(ctx.db, row.workspace_id, row.id, {
      status: 'failed',
      error: err instanceof AppError ? (err.detail ?? err.message) : 'The export stopped on an unexpected error',
      updated_at: nowIso(ctx.clock),
    });
    return { failed: true };
  }
}

async function ownExport(db: Db, actor: Actor, id: string): Promise<ExportRow> {
  const row = await findExport(db, actor.workspaceId, id);
  const mine = actor.kind === 'user' ? row?.created_by === actor.id : row?.created_by === null;
  if (!row || !mine) throw notFound('Export');
  return row;
}

export async function getExport(ctx: AppContext, actor: Actor, id: string): Promise<Export> {
  return toExport(await ownExport(ctx.db, actor, id));
}

export async function listExports(ctx: AppContext, actor: Actor, q: z.output<typeof ExportListQuery>) {
  const rows = await listExportRows(
    ctx.db,
    actor.workspaceId,
    actor.kind === 'user' ? actor.id : null,
    q.limit,
    decodeCursor(q.cursor, [cursorPart.instant, cursorPart.id]),
  );
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.created_at, r.id]);
  return { items: items.map(toExport), nextCursor };
}

/** The finished file, for its creator only (it may hold phone numbers). */
export async function openExportFile(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ stream: Readable; fileName: string; contentType: string; size: number }> {
  const row = await ownExport(ctx.db, actor, id);
  if (row.status !== 'completed') throw new AppError('EXPORT_NOT_READY', `The export is ${row.status}`);
  if (!row.file_key) throw new AppError('EXPORT_EXPIRED');
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, (trx) =>
    recordAudit(
      trx,
      actor,
      {
        action: 'export.downloaded',
        entityType: 'export',
        entityId: row.id,
        meta: { entity: row.entity, rowCount: row.row_count },
      },
      now,
    ),
  );
  return {
    stream: fs.createReadStream(pathOf(ctx.config, row.file_key)),
    ...downloadNames(row.entity, row.format, row.created_at),
    size: Number(row.file_size ?? 0),
  };
}
