import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { CreateWorkspaceBody, UpdateWorkspaceBody, Workspace } from '../../../shared/contracts/workspaces.js';
import { newId } from '../../db/ids.js';
import { reusableQuery } from '../../db/reusable-query.js';
import type { DB } from '../../db/schema.js';
import { fromJson, toJson } from '../../db/sql-helpers.js';
import { notFound } from '../../http/errors.js';
import { systemActor, type Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { forgetSessions } from '../../platform/session-cache.js';
import { withTransaction, type Db } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import { TEMPLATES } from './templates.js';
import type { WorkspaceSettings } from './workspaces.tables.js';

type WorkspaceRow = DB['workspaces'];

export function toWorkspace(row: WorkspaceRow): Workspace {
  const s = fromJson<WorkspaceSettings>(row.settings, {});
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    template: row.template,
    timezone: row.timezone,
    phoneRegion: row.phone_region,
    currency: row.currency,
    locale: row.locale,
    settings: { agentsSeeAll: Boolean(s.agentsSeeAll), auditRetentionDays: s.auditRetentionDays ?? 365 },
    createdAt: row.created_at,
  };
}

async function uniqueSlug(db: Db, name: string): Promise<string> {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'workspace';
  for (let i = 0; ; i++) {
    const slug = i === 0 ? base : `${base}-${i + 1}`;
    if (!(await db.selectFrom('workspaces').select('id').where('slug', '=', slug).executeTakeFirst())) return slug;
  }
}

/** Creates a workspace from a template, makes `ownerUserId` its admin, and applies module defaults. */
export async function createWorkspace(
  ctx: AppContext,
  input: z.output<typeof CreateWorkspaceBody>,
  ownerUserId: string | null,
  actorMeta: Partial<Actor> = {},
): Promise<Workspace> {
  const tpl = TEMPLATES[input.template];
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const id = newId();
    const row: WorkspaceRow = {
      id,
      slug: await uniqueSlug(trx, input.name),
      name: input.name,
      template: tpl.key,
      timezone: input.timezone ?? tpl.timezone,
      phone_region: input.phoneRegion ?? tpl.phoneRegion,
      currency: input.currency ?? tpl.currency,
      locale: input.locale ?? tpl.locale,
      settings: toJson({ agentsSeeAll: false, auditRetentionDays: ctx.config.AUDIT_RETENTION_DAYS }),
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('workspaces').values(row).execute();
    if (ownerUserId) {
      await trx
        .insertInto('memberships')
        .values({
          id: newId(),
          workspace_id: id,
          user_id: ownerUserId,
          role: 'admin',
          is_active: true,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    const actor: Actor = { ...systemActor(id), ...actorMeta, workspaceId: id };
    await applyTemplate(ctx, trx, { id, template: tpl.key }, actor, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'workspace.created',
        entityType: 'workspace',
        entityId: id,
        after: { name: input.name, template: tpl.key },
      },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'workspace.created', entityType: 'workspace', entityId: id, payload: { name: input.name } },
      now,
    );
    return toWorkspace({
      ...row,
      settings: { agentsSeeAll: false, auditRetentionDays: ctx.config.AUDIT_RETENTION_DAYS },
    });
  });
}

async function applyTemplate(
  ctx: AppContext,
  trx: Transaction<DB>,
  ws: { id: string; template: keyof typeof TEMPLATES },
  actor: Actor,
  now: string,
) {
  for (const contribute of ctx.templateContributions) await contribute(trx, ws, actor, now);
}

/** The workspace row by id, read on most writes (phone region, currency): reusable, so prepared once on PostgreSQL. */
const workspaceById = reusableQuery((_d, db, id) =>
  db
    .selectFrom('workspaces')
    .select([
      'id',
      'slug',
      'name',
      'template',
      'timezone',
      'phone_region',
      'currency',
      'locale',
      'settings',
      'created_at',
      'updated_at',
    ])
    .where('id', '=', id),
);

export async function getWorkspace(ctx: AppContext, id: string): Promise<Workspace> {
  const row = (await workspaceById(ctx.db, id)).rows[0];
  if (!row) throw notFound('Workspace');
  return toWorkspace(row);
}

export async function updateWorkspace(
  ctx: AppContext,
  actor: Actor,
  patch: z.output<typeof UpdateWorkspaceBody>,
): Promise<Workspace> {
  const now = nowIso(ctx.clock);
  const updated = await withTransaction(ctx.db, async (trx) => {
    const row = await trx.selectFrom('workspaces').selectAll().where('id', '=', actor.workspaceId).executeTakeFirst();
    if (!row) throw notFound('Workspace');
    const before = toWorkspace(row);
    const settings = { ...before.settings, ...(patch.settings ?? {}) };
    const next = {
      name: patch.name ?? row.name,
      timezone: patch.timezone ?? row.timezone,
      phone_region: patch.phoneRegion ?? row.phone_region,
      currency: patch.currency ?? row.currency,
      locale: patch.locale ?? row.locale,
      settings: toJson({ ...fromJson<WorkspaceSettings>(row.settings, {}), ...settings }),
      updated_at: now,
    };
    await trx.updateTable('workspaces').set(next).where('id', '=', actor.workspaceId).execute();
    const after = toWorkspace({ ...row, ...next, settings });
    await recordAudit(
      trx,
      actor,
      { action: 'workspace.updated', entityType: 'workspace', entityId: row.id, before, after },
      now,
    );
    await appendEvent(ctx, trx, actor, { type: 'workspace.updated', entityType: 'workspace', entityId: row.id }, now);
    return after;
  });
  // sessions carry the workspace's settings (whether agents see everyone's records)
  forgetSessions(ctx);
  return updated;
}
