import { sql, type Insertable, type Transaction } from 'kysely';
import { COMPANY_SIZES, type Company } from '../../../shared/contracts/companies.js';
import type { CustomField } from '../../../shared/contracts/contacts-config.js';
import { newId } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { fromJson, toJson } from '../../db/sql-helpers.js';
import { AppError } from '../../http/errors.js';
import { pagesReadAhead } from '../../http/pagination.js';
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import { listCompanies } from './companies.service.js';
import { insertMany, softDeleteCompanyIds } from './contacts-bulk.repository.js';
import type { DraftProblem } from './contacts-bulk-prepare.js';
import type { Address } from './contacts.tables.js';
import { mergeCustomValues } from './custom-values.js';

// Companies many at a time (imports and exports), with the single-company rules of
// companies.service.ts: name required, domain shape, size from the list, owner an active member,
// custom values by their field types. Matched to existing companies by domain, then name.

export interface CompanyDraft {
  name?: string;
  domain?: string;
  industry?: string;
  size?: string;
  owner?: string;
  address?: Address;
  custom: Record<string, unknown>;
}

export interface PreparedCompany {
  name: string;
  domain?: string;
  industry?: string;
  size?: string;
  ownerId?: string;
  address?: Address;
  custom: Record<string, unknown>;
}

export type CompanyRowPlan =
  | { kind: 'invalid'; problems: DraftProblem[] }
  | { kind: 'create'; company: PreparedCompany }
  | { kind: 'update'; companyId: string; company: PreparedCompany; before: Record<string, unknown>; version: number }
  | { kind: 'skip'; reason: string };

const loose = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.]+/gu, '');
const DOMAIN_RE = /^(?=.{1,253}$)([a-z0-9](-?[a-z0-9])*\.)+[a-z]{2,}$/;

export function prepareCompany(
  d: CompanyDraft,
  env: { members: Map<string, string>; customFields: CustomField[]; region: string },
): PreparedCompany | DraftProblem[] {
  const problems: DraftProblem[] = [];
  const name = d.name?.trim();
  if (!name) problems.push({ field: 'name', message: 'Enter the company name' });
  const out: PreparedCompany = { name: (name ?? '').slice(0, 200), custom: {} };
  if (d.domain !== undefined) {
    const domain = d.domain
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/^www\./, '')
      .replace(/\/.*$/, '');
    if (!DOMAIN_RE.test(domain))
      problems.push({ field: 'domain', message: `"${d.domain}" is not a domain such as example.com` });
    else out.domain = domain;
  }
  if (d.size !== undefined) {
    const size = d.size.trim().replace(/\s/g, '');
    if (!(COMPANY_SIZES as readonly string[]).includes(size))
      problems.push({ field: 'size', message: `Size must be one of ${COMPANY_SIZES.join(', ')}` });
    else out.size = size;
  }
  if (d.owner !== undefined) {
    const owner = d.owner.trim();
    const id = env.members.get(owner.includes('@') ? owner.toLowerCase() : loose(owner)) ?? env.members.get(owner);
    if (!id) problems.push({ field: 'owner', message: `"${d.owner}" is not an active member of this workspace` });
    else out.ownerId = id;
  }
  if (d.industry !== undefined) out.industry = d.industry.trim().slice(0, 100);
  if (d.address && Object.values(d.address).some(Boolean)) out.address = d.address;
  try {
    out.custom = mergeCustomValues({
      defs: env.customFields,
      region: env.region,
      input: d.custom,
      existing: {},
      isCreate: false,
    });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    problems.push({ field: err.extra.field ?? 'custom', message: err.extra.errors?.[0]?.message ?? err.message });
  }
  return problems.length ? problems : out;
}

/** Matches rows to live companies (domain first, then name); the strategy decides what a match means. */
export async function planCompanyBatch(
  trx: Transaction<DB> | AppContext['db'],
  workspaceId: string,
  items: Array<PreparedCompany | DraftProblem[]>,
  strategy: 'skip' | 'update' | 'create',
): Promise<CompanyRowPlan[]> {
  const plans: CompanyRowPlan[] = items.map((i) =>
    Array.isArray(i) ? { kind: 'invalid', problems: i } : { kind: 'create', company: i },
  );
  if (strategy === 'create') return plans;
  const valid = plans.filter((p): p is Extract<CompanyRowPlan, { kind: 'create' }> => p.kind === 'create');
  const names = [...new Set(valid.map((p) => p.company.name.toLowerCase()))];
  const domains = [...new Set(valid.map((p) => p.company.domain).filter((d): d is string => Boolean(d)))];
  const rows =
    names.length || domains.length
      ? await trx
          .selectFrom('companies')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('deleted_at', 'is', null)
          .where((eb) =>
            eb.or([
              ...(names.length ? [eb(sql<string>`lower(name)`, 'in', names)] : []),
              ...(domains.length ? [eb('domain', 'in', domains)] : []),
            ]),
          )
          .orderBy('created_at')
          .execute()
      : [];
  const seen = new Set<string>();
  return plans.map((plan) => {
    if (plan.kind !== 'create') return plan;
    const match =
      rows.find((r) => plan.company.domain && r.domain === plan.company.domain) ??
      rows.find((r) => r.name.toLowerCase() === plan.company.name.toLowerCase());
    const fileKey = plan.company.domain ?? plan.company.name.toLowerCase();
    if (!match) {
      if (seen.has(fileKey)) return { kind: 'skip', reason: 'Same company as an earlier row of this file' };
      seen.add(fileKey);
      return plan;
    }
    if (strategy === 'skip' || seen.has(match.id)) return { kind: 'skip', reason: 'Matches an existing company' };
    seen.add(match.id);
    const before = {
      name: match.name,
      domain: match.domain,
      industry: match.industry,
      size: match.size,
      owner_id: match.owner_id,
      address: fromJson(match.address, null),
      custom: fromJson(match.custom, {}),
    };
    return { kind: 'update', companyId: match.id, company: plan.company, before, version: match.version };
  });
}

/** Writes a batch's creates (one multi-row insert) and updates; returns created ids by plan index. */
export async function writeCompanyPlans(
  trx: Transaction<DB>,
  actor: Actor,
  plans: Array<{ index: number; plan: CompanyRowPlan }>,
  now: string,
): Promise<{
  createdIds: Map<number, string>;
  images: Array<{ id: string; versionAfter: number; columns: Record<string, unknown> }>;
}> {
  const createdIds = new Map<number, string>();
  const rows: Insertable<DB['companies']>[] = [];
  const images: Array<{ id: string; versionAfter: number; columns: Record<string, unknown> }> = [];
  for (const { index, plan } of plans) {
    if (plan.kind === 'create') {
      const c = plan.company;
      const id = newId();
      createdIds.set(index, id);
      rows.push({
        id,
        workspace_id: actor.workspaceId,
        name: c.name,
        domain: c.domain ?? null,
        industry: c.industry ?? null,
        size: c.size ?? null,
        address: c.address ? toJson(c.address) : null,
        owner_id: c.ownerId ?? (actor.kind === 'user' ? actor.id : null),
        custom: toJson(c.custom),
        created_by: actor.kind === 'user' ? actor.id : null,
        version: 1,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      });
    } else if (plan.kind === 'update') {
      const c = plan.company;
      const set: Record<string, unknown> = { name: c.name };
      if (c.domain !== undefined) set.domain = c.domain;
      if (c.industry !== undefined) set.industry = c.industry;
      if (c.size !== undefined) set.size = c.size;
      if (c.ownerId !== undefined) set.owner_id = c.ownerId;
      if (c.address) set.address = { ...(plan.before.address as object | null), ...c.address };
      if (Object.keys(c.custom).length) set.custom = { ...(plan.before.custom as object), ...c.custom };
      const columns = Object.fromEntries(Object.keys(set).map((k) => [k, plan.before[k] ?? null]));
      const values = {
        ...set,
        ...(set.address ? { address: toJson(set.address) } : {}),
        ...(set.custom ? { custom: toJson(set.custom) } : {}),
      };
      const res = await trx
        .updateTable('companies')
        .set({ ...values, version: plan.version + 1, updated_at: now })
        .where('workspace_id', '=', actor.workspaceId)
        .where('id', '=', plan.companyId)
        .where('version', '=', plan.version)
        .executeTakeFirst();
      if (!Number(res.numUpdatedRows)) throw new AppError('VERSION_CONFLICT', 'The company changed while importing');
      images.push({ id: plan.companyId, versionAfter: plan.version + 1, columns });
    }
  }
  await insertMany(trx, 'companies', rows);
  return { createdIds, images };
}

export async function recordCompanyBatch(
  ctx: AppContext,
  trx: Transaction<DB>,
  actor: Actor,
  ref: { importId: string; batchNo: number },
  counts: { created: number; updated: number },
  now: string,
): Promise<void> {
  const meta = { importId: ref.importId, batch: ref.batchNo, ...counts };
  await recordAudit(
    trx,
    actor,
    { action: 'company.imported', entityType: 'import', entityId: ref.importId, meta },
    now,
  );
  await appendEvent(
    ctx,
    trx,
    actor,
    { type: 'company.imported', entityType: 'import', entityId: ref.importId, payload: { ...meta, timeline: false } },
    now,
  );
}

/** Created companies go to the trash; updated ones get their before-image back unless edited since. */
export async function undoCompanyBatch(
  ctx: AppContext,
  trx: Transaction<DB>,
  actor: Actor,
  ref: { importId: string; batchNo: number },
  data: { createdIds: string[]; images: Array<{ id: string; versionAfter: number; columns: Record<string, unknown> }> },
  now: string,
) {
  const removed = await softDeleteCompanyIds(trx, actor.workspaceId, data.createdIds, now);
  let restored = 0;
  let conflicts = 0;
  for (const image of [...data.images].reverse()) {
    const values: Record<string, unknown> = { ...image.columns };
    for (const key of ['address', 'custom'])
      if (values[key] !== undefined && values[key] !== null) values[key] = toJson(values[key]);
    const res = await trx
      .updateTable('companies')
      .set({ ...values, version: image.versionAfter + 1, updated_at: now })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', image.id)
      .where('version', '=', image.versionAfter)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows)) restored++;
    else conflicts++;
  }
  const meta = { importId: ref.importId, batch: ref.batchNo, removed, restored, conflicts };
  await recordAudit(
    trx,
    actor,
    { action: 'company.import_undone', entityType: 'import', entityId: ref.importId, meta },
    now,
  );
  await appendEvent(
    ctx,
    trx,
    actor,
    {
      type: 'company.import_undone',
      entityType: 'import',
      entityId: ref.importId,
      payload: { ...meta, timeline: false },
    },
    now,
  );
  return { removed, restored, conflicts };
}

/** Live companies, a page at a time (oldest first), for exports. */
export async function* companyExportPages(
  ctx: AppContext,
  actor: Actor,
  filter: { q?: string; industry?: string; owner?: string },
  pageSize = 500,
): AsyncGenerator<Company[]> {
  yield* pagesReadAhead(async (cursor: string | undefined) => {
    const page = await listCompanies(ctx, actor, { ...filter, sort: 'createdAt', dir: 'asc', limit: pageSize, cursor });
    return { items: page.items, next: page.nextCursor };
  });
}
