import type { TemplateKey } from '../../../shared/contracts/workspaces.js';
import { ROLES, type Role } from '../../../shared/permissions.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction } from '../../platform/transaction.js';
import { addMember } from '../users/users.service.js';
import { seedDemoContacts } from '../contacts/contacts-demo.service.js';
import { seedDemoDeals } from '../pipelines/pipelines-demo.service.js';
import { seedDemoActivities } from '../activities/activities-demo.service.js';
import { TEMPLATES } from './templates.js';
import { createWorkspace } from './workspaces.service.js';

export const DEMO_PASSWORD = 'demo1234';
export const DEMO_USERS: Array<{ email: string; name: string; role: Role }> = ROLES.map((role) => ({
  email: `${role}@demo.test`,
  name: { admin: 'Ayu Admin', manager: 'Budi Manager', agent: 'Citra Agent', viewer: 'Dewi Viewer' }[role],
  role,
}));

/** A demo workspace from a template, with one user per role (they join every demo workspace). */
export async function seedDemoWorkspace(ctx: AppContext, template: TemplateKey, name?: string) {
  const ws = await createWorkspace(ctx, { name: name ?? `Demo ${TEMPLATES[template].label}`, template }, null);
  const now = nowIso(ctx.clock);
  const userIds: Record<string, string> = {};
  await withTransaction(ctx.db, async (trx) => {
    for (const u of DEMO_USERS)
      userIds[u.role] = await addMember(trx, ws.id, { ...u, password: DEMO_PASSWORD, locale: ws.locale }, now);
  });
  // sample contacts and companies make a first run look lived-in; tests start from an empty workspace
  if (ctx.config.NODE_ENV !== 'test') {
    const { contactIds } = await seedDemoContacts(ctx, ws.id, template, userIds);
    await seedDemoDeals(ctx, ws.id, template, contactIds, userIds);
    await seedDemoActivities(ctx, ws.id, template, contactIds, userIds);
  }
  return { workspace: ws, users: DEMO_USERS.map((u) => ({ ...u, password: DEMO_PASSWORD })) };
}

export async function hasAnyWorkspace(ctx: AppContext): Promise<boolean> {
  return Boolean(await ctx.db.selectFrom('workspaces').select('id').limit(1).executeTakeFirst());
}
