import type { z } from 'zod';
import type {
  Company,
  CompanyListQuery,
  CreateCompanyBody,
  UpdateCompanyBody,
} from '../../../shared/contracts/companies.js';
import { newId } from '../../db/ids.js';
import { fromJson, toJson } from '../../db/sql-helpers.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import type { Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction, type Db } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import { getWorkspace } from '../workspaces/workspaces.service.js';
import { listFieldRows } from './contact-config.repository.js';
import { toCustomField } from './contact-config.service.js';
import { isActiveMember, memberNames } from './contacts.repository.js';
import { findCompanyRow, listCompanyRows, peopleCounts, type CompanyRow } from './companies.repository.js';
import { assertUniqueCustomValues, mergeCustomValues } from './custom-values.js';
import { reindexCompanyContacts } from './search-document.js';

// Companies are shared reference data: every member with contacts.view sees all of them (the
// agents-see-only-their-own rule applies to contacts).

async function toCompanies(db: Db, workspaceId: string, rows: CompanyRow[]): Promise<Company[]> {
  const [owners, counts] = await Promise.all([
    memberNames(
      db,
      workspaceId,
      rows.map((r) => r.owner_id).filter((x): x is string => Boolean(x)),
    ),
    peopleCounts(
      db,
      workspaceId,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    domain: r.domain,
    industry: r.industry,
    size: r.size,
    address: fromJson<Record<string, string> | null>(r.address, null),
    ownerId: r.owner_id,
    ownerName: r.owner_id ? (owners.get(r.owner_id) ?? null) : null,
    custom: fromJson<Record<string, unknown>>(r.custom, {}),
    peopleCount: counts.get(r.id) ?? 0,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
    version: r.version,
  }));
}

export async function visibleCompanyRow(db: Db, actor: Actor, id: string): Promise<CompanyRow> {
  const row = await findCompanyRow(db, actor.workspaceId, id);
  if (!row) throw notFound('Company');
  return row;
}

export async function getCompany(ctx: AppContext, actor: Actor, id: string): Promise<Company> {
  return (await toCompanies(ctx.db, actor.workspaceId, [await visibleCompanyRow(ctx.db, actor, id)]))[0];
}

export async function listCompanies(ctx: AppContext, actor: Actor, q: z.output<typeof CompanyListQuery>) {
  const res = await listCompanyRows(ctx.db, actor.workspaceId, q);
  return {
    items: await toCompanies(ctx.db, actor.workspaceId, res.rows),
    nextCursor: res.nextCursor,
    ...(res.total !== undefined ? { total: res.total } : {}),
  };
}

export async function createCompany(
  ctx: AppContext,
  actor: Actor,
  input: z.output<typeof CreateCompanyBody>,
): Promise<Company> {
  const ws = await getWorkspace(ctx, actor.workspaceId);
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    if (input.ownerId && !(await isActiveMember(trx, actor.workspaceId, input.ownerId)))
      throw fieldError('ownerId', 'Not an active member of this workspace');
    const defs = (await listFieldRows(trx, actor.workspaceId, 'company')).map(toCustomField);
    const custom = mergeCustomValues({
      defs,
      region: ws.phoneRegion,
      input: input.custom,
      existing: {},
      isCreate: true,
    });
    const id = newId();
    await assertUniqueCustomValues(trx, 'companies', actor.workspaceId, id, defs, custom);
    const row: CompanyRow = {
      id,
      workspace_id: actor.workspaceId,
      name: input.name,
      domain: input.domain ?? null,
      industry: input.industry ?? null,
      size: input.size ?? null,
      address: input.address ? toJson(input.address) : null,
      owner_id: input.ownerId === undefined ? (actor.kind === 'user' ? actor.id : null) : input.ownerId,
      custom: toJson(custom),
      created_by: actor.kind === 'system' ? null : actor.id,
      version: 1,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    };
    await trx.insertInto('companies').values(row).execute();
    const company = (await toCompanies(trx, actor.workspaceId, [row]))[0];
    await recordAudit(
      trx,
      actor,
      { action: 'company.created', entityType: 'company', entityId: id, after: company },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'company.created', entityType: 'company', entityId: id, payload: { name: row.name } },
      now,
    );
    return company;
  });
}

export async function updateCompany(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: z.output<typeof UpdateCompanyBody>,
): Promise<Company> {
  const ws = await getWorkspace(ctx, actor.workspaceId);
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const row = await visibleCompanyRow(trx, actor, id);
    if (row.deleted_at) throw new AppError('CONFLICT', 'This company is in the trash; restore it first');
    if (row.version !== patch.version)
      throw new AppError(
        'VERSION_CONFLICT',
        `The company is at version ${row.version}; you sent ${patch.version}. Reload it and apply your change again.`,
      );
    if (patch.ownerId && !(await isActiveMember(trx, actor.workspaceId, patch.ownerId)))
      throw fieldError('ownerId', 'Not an active member of this workspace');
    const before = (await toCompanies(trx, actor.workspaceId, [row]))[0];
    const defs = (await listFieldRows(trx, actor.workspaceId, 'company')).map(toCustomField);
    const custom = mergeCustomValues({
      defs,
      region: ws.phoneRegion,
      input: patch.custom,
      existing: fromJson(row.custom, {}),
      isCreate: false,
    });
    await assertUniqueCustomValues(trx, 'companies', actor.workspaceId, id, defs, patch.custom ? custom : {});
    const next = {
      name: patch.name ?? row.name,
      domain: patch.domain === undefined ? row.domain : patch.domain,
      industry: patch.industry === undefined ? row.industry : patch.industry,
      size: patch.size === undefined ? row.size : patch.size,
      address:
        patch.address === undefined
          ? row.address === null
            ? null
            : toJson(fromJson(row.address, null))
          : patch.address
            ? toJson(patch.address)
            : null,
      owner_id: patch.ownerId === undefined ? row.owner_id : patch.ownerId,
      custom: toJson(custom),
      version: row.version + 1,
      updated_at: now,
    };
    const res = await trx
      .updateTable('companies')
      .set(next)
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .where('version', '=', patch.version)
      .executeTakeFirst();
    if (!Number(res.numUpdatedRows)) throw new AppError('VERSION_CONFLICT');
    if (next.name !== row.name) await reindexCompanyContacts(trx, actor.workspaceId, id);
    const after = (await toCompanies(trx, actor.workspaceId, [{ ...row, ...next }]))[0];
    await recordAudit(
      trx,
      actor,
      { action: 'company.updated', entityType: 'company', entityId: id, before, after },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'company.updated', entityType: 'company', entityId: id, payload: { name: after.name } },
      now,
    );
    return after;
  });
}

export async function setCompanyDeleted(ctx: AppContext, actor: Actor, id: string, deleted: boolean): Promise<Company> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const row = await visibleCompanyRow(trx, actor, id);
    if (Boolean(row.deleted_at) !== deleted) {
      const deletedAt = deleted ? now : null;
      await trx
        .updateTable('companies')
        .set({ deleted_at: deletedAt, updated_at: now, version: row.version + 1 })
        .where('workspace_id', '=', actor.workspaceId)
        .where('id', '=', id)
        .execute();
      const action = deleted ? 'company.deleted' : 'company.restored';
      await recordAudit(
        trx,
        actor,
        { action, entityType: 'company', entityId: id, before: { deletedAt: row.deleted_at }, after: { deletedAt } },
        now,
      );
      await appendEvent(
        ctx,
        trx,
        actor,
        { type: action, entityType: 'company', entityId: id, payload: { name: row.name } },
        now,
      );
    }
    const fresh = (await findCompanyRow(trx, actor.workspaceId, id))!;
    return (await toCompanies(trx, actor.workspaceId, [fresh]))[0];
  });
}
