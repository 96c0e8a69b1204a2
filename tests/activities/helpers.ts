import { fromJson } from '../../src/server/db/sql-helpers.js';
import type { ManualClock } from '../../src/server/platform/clock.js';
import type { TestApp, TestClient } from '../helpers/test-app.js';
import { insertContact, userIdByEmail } from '../helpers/fixtures.js';

/**
 * Runs every pending job that is due by the test's clock, the way the worker would (handler with
 * the parsed payload), and marks it done. Returns the names of the jobs it ran.
 */
export async function runDueJobs(t: TestApp): Promise<string[]> {
  const ran: string[] = [];
  for (let round = 0; round < 5; round++) {
    const due = await t.ctx.db
      .selectFrom('jobs')
      .selectAll()
      .where('status', '=', 'pending')
      .where('run_at', '<=', t.clock.now().toISOString())
      .orderBy('run_at')
      .execute();
    if (!due.length) break;
    for (const job of due) {
      const def = t.ctx.jobs.definitions.get(job.name);
      if (!def) continue;
      await def.handler(t.ctx, {
        id: job.id,
        workspaceId: job.workspace_id,
        payload: def.schema.parse(fromJson(job.payload, {})),
        attempt: 1,
        progress: async () => undefined,
        signal: new AbortController().signal,
      });
      await t.ctx.db
        .updateTable('jobs')
        .set({ status: 'succeeded', finished_at: t.clock.now().toISOString() })
        .where('id', '=', job.id)
        .execute();
      ran.push(job.name);
    }
  }
  return ran;
}

export function manual(t: TestApp): ManualClock {
  return t.clock as ManualClock;
}

export async function typeIdByKey(client: TestClient, key: string): Promise<string> {
  const res = await client.get('/api/activity-types');
  const type = res.json().items.find((x: { key: string }) => x.key === key);
  if (!type) throw new Error(`no activity type ${key}`);
  return type.id;
}

/** Ids of the demo users and a contact owned by the agent. */
export async function people(t: TestApp, workspaceId: string) {
  const ids = {
    admin: await userIdByEmail(t.ctx, 'admin@demo.test'),
    manager: await userIdByEmail(t.ctx, 'manager@demo.test'),
    agent: await userIdByEmail(t.ctx, 'agent@demo.test'),
    viewer: await userIdByEmail(t.ctx, 'viewer@demo.test'),
  };
  const contactId = await insertContact(t.ctx, workspaceId, {
    firstName: 'Siti',
    lastName: 'Rahma',
    ownerId: ids.agent,
  });
  return { ...ids, contactId };
}

export async function countRows(
  t: TestApp,
  table: 'activities' | 'tasks' | 'events' | 'notifications' | 'timeline_entries',
): Promise<number> {
  const row = await t.ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
