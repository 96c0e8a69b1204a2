import type { Pipeline } from '../../src/shared/contracts/pipelines.js';
import type { Role } from '../../src/shared/permissions.js';
import { loadConfig } from '../../src/server/config.js';
import type { Database } from '../../src/server/db/database.js';
import { insertTag } from '../../src/server/modules/contacts/tags.service.js';
import { createPipeline, listPipelines } from '../../src/server/modules/pipelines/pipelines.service.js';
import { addMember } from '../../src/server/modules/users/users.service.js';
import { createWorkspace } from '../../src/server/modules/workspaces/workspaces.service.js';
import { systemActor } from '../../src/server/platform/actor.js';
import { createContext } from '../../src/server/platform/create-context.js';
import { createLogger } from '../../src/server/platform/logger.js';
import { withTransaction } from '../../src/server/platform/transaction.js';

export const BENCH_PASSWORD = 'bench-password-1';

export interface BenchUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** What the workspace's configuration looks like once the app has created it (ids included). */
export interface WorkspaceSetup {
  workspaceId: string;
  users: BenchUser[];
  typeKeys: string[];
  sourceKeys: string[];
  tags: Array<{ id: string; name: string }>;
  pipelines: Pipeline[];
  funnelPipelineId: string;
  activityTypes: Array<{ id: string; key: string; name: string; icon: string | null; color: string }>;
}

const USERS: Array<[name: string, role: Role]> = [
  ['Ayu Admin', 'admin'],
  ['Budi Manager', 'manager'],
  ['Citra Agent', 'agent'],
  ['Dimas Agent', 'agent'],
  ['Eka Agent', 'agent'],
  ['Fajar Agent', 'agent'],
  ['Gita Agent', 'agent'],
  ['Hana Agent', 'agent'],
  ['Indra Viewer', 'viewer'],
];

const EXTRA_TAGS: Array<[string, string]> = [
  ['Angkatan 2027', '#0ea5e9'],
  ['Alumni SMP', '#a855f7'],
  ['Donatur', '#f59e0b'],
  ['Open house 2026', '#22c55e'],
  ['Newsletter', '#64748b'],
  ['Saudara kandung', '#ec4899'],
];

/** The detailed admissions funnel: ten stages, backward moves allowed (the move scenario needs them). */
const FUNNEL = {
  name: 'Admissions 2028/29 (detailed)',
  category: 'enrollment' as const,
  itemLabel: 'Application',
  rules: { allowBackward: true, closedStagesTerminal: false, reasonRequired: false },
  stages: [
    { name: 'Inquiry', color: '#64748b', kind: 'open' as const, probability: 10, staleDays: 14 },
    { name: 'Contacted', color: '#3b82f6', kind: 'open' as const, probability: 15, staleDays: 14 },
    { name: 'Visit scheduled', color: '#06b6d4', kind: 'open' as const, probability: 25, staleDays: 21 },
    { name: 'Visited', color: '#14b8a6', kind: 'open' as const, probability: 35, staleDays: 21 },
    { name: 'Application', color: '#eab308', kind: 'open' as const, probability: 50, staleDays: 21 },
    { name: 'Assessment', color: '#f97316', kind: 'open' as const, probability: 60, staleDays: 14 },
    { name: 'Interview', color: '#ef4444', kind: 'open' as const, probability: 70, staleDays: 14 },
    { name: 'Offer', color: '#a855f7', kind: 'open' as const, probability: 85, staleDays: 30 },
    { name: 'Enrolled', color: '#10b981', kind: 'won' as const, probability: 100 },
    { name: 'Lost', color: '#6b7280', kind: 'lost' as const, probability: 0, requiredFields: ['closeReason' as const] },
  ],
};

/**
 * Creates the workspace the way the app does (template defaults: contact types, sources, custom
 * fields, tags, pipelines, activity types), its users, extra tags and the 10-stage funnel.
 */
export async function setUpWorkspace(database: Database): Promise<WorkspaceSetup> {
  const config = loadConfig({ LOG_LEVEL: 'warn', RUN_WORKER: 'false', SEED_DEMO: 'false', SERVE_WEB: 'false' });
  const ctx = createContext({ config, database, log: createLogger('warn') });
  const ws = await createWorkspace(ctx, { name: 'SMA Harapan Bangsa (benchmark)', template: 'school' }, null);
  const now = new Date().toISOString();
  const users: BenchUser[] = [];
  await withTransaction(ctx.db, async (trx) => {
    for (const [name, role] of USERS) {
      const email = `${name.split(' ')[0].toLowerCase()}@bench.test`;
      users.push({
        id: await addMember(trx, ws.id, { email, name, password: BENCH_PASSWORD, role, locale: 'id' }, now),
        email,
        name,
        role,
      });
    }
    for (const [name, color] of EXTRA_TAGS) await insertTag(trx, ws.id, { name, color }, now);
  });
  const actor = systemActor(ws.id, 'benchmark setup');
  const funnel = await createPipeline(ctx, actor, { ...FUNNEL, wonContactType: 'student_parent' });
  const db = ctx.db;
  const [types, sources, tags, activityTypes] = await Promise.all([
    db.selectFrom('contact_types').select('key').where('workspace_id', '=', ws.id).orderBy('position').execute(),
    db.selectFrom('contact_sources').select('key').where('workspace_id', '=', ws.id).orderBy('position').execute(),
    db.selectFrom('tags').select(['id', 'name']).where('workspace_id', '=', ws.id).orderBy('name').execute(),
    db
      .selectFrom('activity_types')
      .select(['id', 'key', 'name', 'icon', 'color'])
      .where('workspace_id', '=', ws.id)
      .orderBy('position')
      .execute(),
  ]);
  return {
    workspaceId: ws.id,
    users,
    typeKeys: types.map((t) => t.key),
    sourceKeys: sources.map((s) => s.key),
    tags,
    pipelines: await listPipelines(ctx, actor),
    funnelPipelineId: funnel.id,
    activityTypes,
  };
}
