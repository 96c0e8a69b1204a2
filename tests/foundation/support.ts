import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import { buildApp } from '../../src/server/app.js';
import { testConfig, type Config } from '../../src/server/config.js';
import { addMember } from '../../src/server/modules/users/users.service.js';
import { createWorkspace } from '../../src/server/modules/workspaces/workspaces.service.js';
import { nowIso, type Clock } from '../../src/server/platform/clock.js';
import type { AppContext } from '../../src/server/platform/context.js';
import { createContext } from '../../src/server/platform/create-context.js';
import { createLogger } from '../../src/server/platform/logger.js';
import type { TestDatabase } from '../helpers/databases.js';
import { CaptureMailer, TestClient, type TestApp } from '../helpers/test-app.js';

export const PASSWORD = 'correct-horse-42';

/** A second workspace with its own admin (not one of the demo users), signed in. */
export async function otherWorkspace(t: TestApp, email = 'rina@other.test') {
  const ws = await createWorkspace(
    t.ctx,
    { name: `Other ${crypto.randomBytes(3).toString('hex')}`, template: 'blank' },
    null,
  );
  const userId = await addMember(
    t.ctx.db,
    ws.id,
    { email, name: 'Rina Other', password: PASSWORD, role: 'admin' },
    nowIso(t.ctx.clock),
  );
  const client = new TestClient(t.app);
  await client.login(email, PASSWORD);
  return { workspace: ws, userId, client };
}

/** Log lines written by a logger, parsed. */
export function captureLog(level = 'info'): {
  log: Logger;
  lines: string[];
  entries: () => Array<Record<string, unknown>>;
} {
  const lines: string[] = [];
  const log = createLogger(level, { write: (line: string) => void lines.push(line) });
  return { log, lines, entries: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

/** Another app node over an existing test database (a second server sharing one PostgreSQL). */
export async function startNode(
  testDb: TestDatabase,
  opts: { channelSuffix: string; config?: Partial<Config>; log?: Logger; clock?: Clock },
) {
  const mailer = new CaptureMailer();
  const ctx: AppContext = createContext({
    config: testConfig(opts.config),
    database: testDb.database,
    log: opts.log ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    clock: opts.clock,
    mailer,
    channelSuffix: opts.channelSuffix,
  });
  const app = await buildApp(ctx);
  await app.ready();
  await ctx.realtime.start();
  return {
    app,
    ctx,
    mailer,
    async close() {
      await app.close();
      await ctx.realtime.stop();
    },
  };
}

export function tmpPath(name: string): string {
  return path.join(os.tmpdir(), `crm-test-${crypto.randomBytes(5).toString('hex')}-${name}`);
}

/** Waits for a condition that another process or node brings about; fails after `ms`. */
export async function eventually<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  ms = 5000,
  what = 'condition',
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v as T;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
