import type { Readable } from 'node:stream';
import type { z } from 'zod';
import {
  ImportOptions,
  type Import,
  type ImportEntity,
  type ImportListQuery,
  type JsonImportBody,
  type UpdateImportBody,
} from '../../../shared/contracts/import-export.js';
import { newId } from '../../db/ids.js';
import { fromJson, toJson } from '../../db/sql-helpers.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { cursorPart, decodeCursor, pageOf } from '../../http/pagination.js';
import { can, ownerScope, type Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction, type Db } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import { fileKey, removeFile, saveStream, writeText } from './files/storage.js';
import { assertMayImport, targetFields } from './import-context.js';
import { jsonHeaders, overviewOf, type FileOverview } from './import-files.js';
import { optionsOf, toImport } from './imports.mapper.js';
import {
  findImport,
  insertImport,
  listImportRows,
  rememberedHeaders,
  rememberHeaders,
  updateImport,
  type ImportRow,
} from './imports.repository.js';
import { missingMapping } from './mapping/fields.js';
import { PRESET_SYSTEM, suggestMapping } from './mapping/suggest.js';
import { looseKey } from './values/scalars.js';

export const BATCH_SIZE = 1000;
const EDITABLE = ['uploaded', 'validated'];

/** Options from a request (JSON text in a multipart field, or an object): 400 naming `options.<field>` when wrong. */
export function parseOptions(input: unknown, base: Partial<ImportOptions> = {}): ImportOptions {
  const raw = typeof input === 'string' ? safeJson(input, 'options') : (input ?? {});
  const parsed = ImportOptions.safeParse({ ...base, ...(raw as object) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path.join('.');
    throw fieldError(`options.${key}`, issue.code === 'unrecognized_keys' ? 'Unknown option' : issue.message);
  }
  return parsed.data;
}

function safeJson(text: string, field: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw fieldError(field, 'Send JSON');
  }
}

export async function visibleImport(db: Db, actor: Actor, id: string): Promise<ImportRow> {
  const row = await findImport(db, actor.workspaceId, id);
  const scope = ownerScope(actor);
  if (!row || (scope && row.created_by !== scope)) throw notFound('Import');
  return row;
}

async function audited(
  ctx: AppContext,
  db: Db,
  actor: Actor,
  action: string,
  imp: Pick<ImportRow, 'id' | 'entity' | 'file_name'>,
  extra: Record<string, unknown>,
  now: string,
): Promise<void> {
  const after = { entity: imp.entity, fileName: imp.file_name, ...extra };
  await recordAudit(db, actor, { action, entityType: 'import', entityId: imp.id, after }, now);
  await appendEvent(
    ctx,
    db,
    actor,
    { type: action, entityType: 'import', entityId: imp.id, payload: { ...after, timeline: false } },
    now,
  );
}

/** Suggested (or given, by column name) field per column. */
async function mappingFor(
  ctx: AppContext,
  actor: Actor,
  entity: ImportEntity,
  overview: Pick<FileOverview, 'headers' | 'preset'>,
  options: ImportOptions,
  given?: Record<string, string | null>,
): Promise<Array<string | null>> {
  const fields = await targetFields(ctx, actor, entity, options);
  const remembered = await rememberedHeaders(ctx.db, actor.workspaceId, entity);
  const suggested = suggestMapping(overview.headers, fields, overview.preset, remembered);
  return overview.headers.map((h, i) => (given && h in given ? given[h] : suggested[i]));
}

interface NewImport {
  entity: ImportEntity;
  fileName: string;
  key: string;
  size: number;
  overview: FileOverview;
  options: unknown;
  mapping?: Record<string, string | null>;
}

async function createImportRow(ctx: AppContext, actor: Actor, id: string, input: NewImport): Promise<ImportRow> {
  const system = input.overview.preset ? PRESET_SYSTEM[input.overview.preset] : undefined;
  const options = parseOptions(input.options, system ? { externalSystem: system } : {});
  const mapping = await mappingFor(ctx, actor, input.entity, input.overview, options, input.mapping);
  const now = nowIso(ctx.clock);
  const o = input.overview;
  const row: ImportRow = {
    id,
    workspace_id: actor.workspaceId,
    entity: input.entity,
    status: 'uploaded',
    file_name: input.fileName.slice(0, 200),
    file_key: input.key,
    format: o.format,
    file_size: input.size,
    encoding: o.encoding,
    delimiter: o.delimiter,
    sheets: toJson(o.sheets),
    sheet: o.sheet,
    preset: o.preset,
    headers: toJson(o.headers),
    preview: toJson(o.preview),
    total_rows: null,
    mapping: toJson(mapping),
    options: toJson(options),
    validation: null,
    batch_size: BATCH_SIZE,
    batches_done: 0,
    rows_done: 0,
    created_count: 0,
    updated_count: 0,
    skipped_count: 0,
    failed_count: 0,
    job_id: null,
    error: null,
    created_by: actor.kind === 'user' ? actor.id : null,
    created_by_name: actor.name,
    started_at: null,
    finished_at: null,
    undone_at: null,
    created_at: now,
    updated_at: now,
  };
  await withTransaction(ctx.db, async (trx) => {
    await insertImport(trx, row);
    await audited(ctx, trx, actor, 'import.created', row, { format: o.format, fileSize: input.size }, now);
  });
  return row;
}

export interface UploadInput {
  fileName: string;
  stream: Readable;
  entity?: string;
  mapping?: string;
  options?: string;
  start?: boolean;
}

/** Stores an uploaded file (streamed, size-limited), reads its header and first rows, suggests a mapping. */
export async function createImportFromUpload(ctx: AppContext, actor: Actor, input: UploadInput): Promise<Import> {
  const entity = (input.entity ?? 'contacts') as ImportEntity;
  if (!['contacts', 'companies', 'deals', 'activities'].includes(entity))
    throw fieldError('entity', 'Import contacts, companies, deals or activities');
  assertMayImport(actor, entity);
  const id = newId();
  const ext = (/\.([a-z0-9]{1,5})$/i.exec(input.fileName)?.[1] ?? 'bin').toLowerCase();
  const key = fileKey('uploads', actor.workspaceId, id, ext);
  const size = await saveStream(ctx.config, key, input.stream, ctx.config.IMPORT_MAX_BYTES);
  let row: ImportRow;
  try {
    const overview = await overviewOf(ctx.config, key, input.fileName);
    const mapping = input.mapping ? (safeJson(input.mapping, 'mapping') as Record<string, string | null>) : undefined;
    row = await createImportRow(ctx, actor, id, {
      entity,
      fileName: input.fileName,
      key,
      size,
      overview,
      options: input.options,
      mapping,
    });
  } catch (err) {
    await removeFile(ctx.config, key);
    throw err;
  }
  // a mapping that cannot run is a 400 naming it; the import stays, to be fixed and started again
  return input.start ? startRun(ctx, actor, id) : toImport(row);
}

/** Rows sent as JSON (integrations): stored as a file and handled exactly like an upload. */
export async function createImportFromJson(
  ctx: AppContext,
  actor: Actor,
  body: z.output<typeof JsonImportBody>,
): Promise<ImportRow> {
  assertMayImport(actor, body.entity);
  const id = newId();
  const key = fileKey('uploads', actor.workspaceId, id, 'ndjson');
  const headers = jsonHeaders(body.rows);
  const size = await writeText(ctx.config, key, body.rows.map((r) => JSON.stringify(r)).join('\n'));
  const preview = body.rows
    .slice(0, 10)
    .map((r) => headers.map((h) => (r[h] === null || r[h] === undefined ? '' : String(r[h]))));
  const overview: FileOverview = {
    format: 'json',
    encoding: 'utf-8',
    delimiter: null,
    sheets: [],
    sheet: null,
    headers,
    preview,
    preset: null,
  };
  try {
    return await createImportRow(ctx, actor, id, {
      entity: body.entity,
      fileName: body.fileName,
      key,
      size,
      overview,
      options: body.options,
      mapping: body.mapping,
    });
  } catch (err) {
    await removeFile(ctx.config, key);
    throw err;
  }
}

export async function getImport(ctx: AppContext, actor: Actor, id: string): Promise<Import> {
  return toImport(await visibleImport(ctx.db, actor, id));
}

export async function listImports(ctx: AppContext, actor: Actor, q: z.output<typeof ImportListQuery>) {
  const after = decodeCursor(q.cursor, [cursorPart.instant, cursorPart.id]);
  const { rows, total } = await listImportRows(ctx.db, actor.workspaceId, {
    entity: q.entity,
    createdBy: ownerScope(actor),
    limit: q.limit,
    after,
    includeTotal: q.includeTotal,
  });
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.created_at, r.id]);
  return { items: items.map(toImport), nextCursor, ...(total !== undefined ? { total } : {}) };
}

/** Changes the sheet, target, mapping or options before the import starts (a new validation is then needed). */
export async function updateImportSetup(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: z.output<typeof UpdateImportBody>,
): Promise<Import> {
  const row = await visibleImport(ctx.db, actor, id);
  if (!EDITABLE.includes(row.status)) throw new AppError('IMPORT_NOT_EDITABLE', `The import is ${row.status}`);
  const entity = (patch.entity ?? row.entity) as ImportEntity;
  assertMayImport(actor, entity);
  const options = patch.options ? parseOptions({ ...optionsOf(row), ...patch.options }) : optionsOf(row);
  const set: Partial<ImportRow> = {
    entity,
    options: toJson(options),
    validation: null,
    status: 'uploaded',
    total_rows: null,
    error: null,
    updated_at: nowIso(ctx.clock),
  };
  let headers = fromJson<string[]>(row.headers, []);
  let mapping = fromJson<Array<string | null>>(row.mapping, []);
  if (patch.sheet !== undefined && patch.sheet !== row.sheet) {
    if (!fromJson<string[]>(row.sheets, []).includes(patch.sheet))
      throw fieldError('sheet', `The workbook has no sheet named "${patch.sheet}"`);
    const overview = await overviewOf(ctx.config, row.file_key!, row.file_name, patch.sheet);
    headers = overview.headers;
    Object.assign(set, {
      sheet: overview.sheet,
      headers: toJson(headers),
      preview: toJson(overview.preview),
      preset: overview.preset,
    });
    mapping = await mappingFor(ctx, actor, entity, overview, options);
  } else if (
    entity !== row.entity ||
    (patch.options?.pipelineId && patch.options.pipelineId !== optionsOf(row).pipelineId && !patch.mapping)
  ) {
    mapping = await mappingFor(ctx, actor, entity, { headers, preset: row.preset as FileOverview['preset'] }, options);
  }
  if (patch.mapping) {
    if (patch.mapping.length !== headers.length)
      throw fieldError('mapping', `Send one entry per column (${headers.length})`);
    mapping = patch.mapping;
  }
  set.mapping = toJson(mapping);
  await withTransaction(ctx.db, async (trx) => {
    if (!(await updateImport(trx, actor.workspaceId, id, set, EDITABLE))) throw new AppError('IMPORT_NOT_EDITABLE');
    await audited(ctx, trx, actor, 'import.updated', row, { mapping, options }, set.updated_at!);
  });
  return toImport((await findImport(ctx.db, actor.workspaceId, id))!);
}

/** A mapping the target can use: known fields, single-value fields once, what records need present. */
export async function assertMappingUsable(ctx: AppContext, actor: Actor, row: ImportRow): Promise<void> {
  const entity = row.entity as ImportEntity;
  const options = optionsOf(row);
  if (entity === 'deals' && !options.pipelineId)
    throw fieldError('options.pipelineId', 'Choose the pipeline the deals go into');
  const fields = new Map((await targetFields(ctx, actor, entity, options)).map((f) => [f.key, f]));
  const headers = fromJson<string[]>(row.headers, []);
  const mapping = fromJson<Array<string | null>>(row.mapping, []);
  const seen = new Map<string, number>();
  mapping.forEach((field, i) => {
    if (!field) return;
    const def = fields.get(field);
    if (!def) throw fieldError(`mapping.${i}`, `"${field}" is not a field of ${entity}`);
    if (seen.has(field) && !def.isMultiple)
      throw fieldError(`mapping.${i}`, `${def.label} is already mapped from "${headers[seen.get(field)!]}"`);
    seen.set(field, i);
  });
  const missing = missingMapping(entity, new Set(seen.keys()));
  if (missing) throw fieldError('mapping', missing);
}

async function transition(
  ctx: AppContext,
  actor: Actor,
  id: string,
  from: string[],
  to: string,
  job: string,
  action: string,
  check?: (row: ImportRow) => Promise<void>,
): Promise<Import> {
  const row = await visibleImport(ctx.db, actor, id);
  if (!from.includes(row.status))
    throw new AppError(to === 'undoing' ? 'IMPORT_NOT_UNDOABLE' : 'IMPORT_NOT_RUNNABLE', `The import is ${row.status}`);
  await check?.(row);
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, async (trx) => {
    const payload = { importId: id, workspaceId: actor.workspaceId, userId: actor.kind === 'user' ? actor.id : null };
    const { id: jobId } = await ctx.jobs.enqueue(trx, job, payload, { workspaceId: actor.workspaceId, maxAttempts: 3 });
    const set: Partial<ImportRow> = {
      status: to,
      job_id: jobId,
      error: null,
      updated_at: now,
      ...(to === 'validating' ? { validation: null } : {}),
    };
    if (!(await updateImport(trx, actor.workspaceId, id, set, from)))
      throw new AppError('CONFLICT', 'The import changed meanwhile; reload it');
    await audited(ctx, trx, actor, action, row, {}, now);
  });
  return toImport((await findImport(ctx.db, actor.workspaceId, id))!);
}

/** The dry run, as a job: nothing is written; the report lists each problem by row and column. */
export function startValidation(ctx: AppContext, actor: Actor, id: string): Promise<Import> {
  return transition(ctx, actor, id, EDITABLE, 'validating', 'import.validate', 'import.validation_started', (row) =>
    assertMappingUsable(ctx, actor, row),
  );
}

export async function startRun(ctx: AppContext, actor: Actor, id: string): Promise<Import> {
  return transition(ctx, actor, id, EDITABLE, 'queued', 'import.run', 'import.started', async (row) => {
    assertMayImport(actor, row.entity as ImportEntity);
    await assertMappingUsable(ctx, actor, row);
    const headers = fromJson<string[]>(row.headers, []);
    const pairs = fromJson<Array<string | null>>(row.mapping, []).flatMap((field, i): Array<[string, string]> =>
      field && looseKey(headers[i]) ? [[looseKey(headers[i]), field]] : [],
    );
    await rememberHeaders(ctx.db, actor.workspaceId, row.entity, pairs, nowIso(ctx.clock));
  });
}

/** Stops a queued or running import after the batch in progress (what was committed stays, and can be undone). */
export async function cancelImport(ctx: AppContext, actor: Actor, id: string): Promise<Import> {
  const row = await visibleImport(ctx.db, actor, id);
  const now = nowIso(ctx.clock);
  const from = ['queued', 'running', 'validating'];
  await withTransaction(ctx.db, async (trx) => {
    const to = row.status === 'validating' ? 'uploaded' : 'cancelled';
    if (
      !(await updateImport(
        trx,
        actor.workspaceId,
        id,
        { status: to, finished_at: to === 'cancelled' ? now : null, updated_at: now },
        from,
      ))
    )
      throw new AppError('IMPORT_NOT_RUNNABLE', `The import is ${row.status}`);
    await audited(ctx, trx, actor, 'import.cancelled', row, {}, now);
  });
  return toImport((await findImport(ctx.db, actor.workspaceId, id))!);
}

/** Undo removes what the import created and restores what it updated (as a job, batch by batch). */
export function startUndo(ctx: AppContext, actor: Actor, id: string): Promise<Import> {
  return transition(
    ctx,
    actor,
    id,
    ['completed', 'failed', 'cancelled'],
    'undoing',
    'import.undo',
    'import.undo_started',
    async (row) => {
      const isOwn = actor.kind === 'user' && row.created_by === actor.id;
      if (!isOwn && !can(actor, 'contacts.delete'))
        throw new AppError(
          'FORBIDDEN',
          'Only the person who ran the import, or someone with contacts.delete, can undo it',
        );
      if (!toImport(row).canUndo) throw new AppError('IMPORT_NOT_UNDOABLE', 'The import created and updated nothing');
    },
  );
}
