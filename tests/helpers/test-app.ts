import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { describe } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { testConfig, type Config } from '../../src/server/config.js';
import type { Dialect } from '../../src/server/db/database.js';
import type { Mailer, MailMessage } from '../../src/server/modules/mail/mailer.js';
import { DEMO_PASSWORD } from '../../src/server/modules/workspaces/demo-seed.js';
import { ManualClock, type Clock } from '../../src/server/platform/clock.js';
import type { AppContext } from '../../src/server/platform/context.js';
import { createContext } from '../../src/server/platform/create-context.js';
import { createLogger } from '../../src/server/platform/logger.js';
import { createTestDatabase, testDialects, type TestDatabase } from './databases.js';
import { releaseSeed, seedDemo } from './seed-snapshots.js';

export const DIALECTS: Dialect[] = await testDialects();

/** Runs a suite once per dialect this run covers; titles say which ran. */
export function describeEachDialect(title: string, fn: (dialect: Dialect) => void): void {
  describe.each(DIALECTS)(`${title} [%s]`, fn);
}

export class CaptureMailer implements Mailer {
  outbox: MailMessage[] = [];
  async send(m: MailMessage) {
    this.outbox.push(m);
  }
  last(to?: string): MailMessage | undefined {
    return [...this.outbox].reverse().find((m) => !to || m.to === to);
  }
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  testDb: TestDatabase;
  mailer: CaptureMailer;
  clock: Clock;
  close(): Promise<void>;
}

export interface TestAppOptions {
  config?: Partial<Config>;
  clock?: Clock;
  manualClock?: boolean;
  sqliteFile?: string;
}

/** The real app over a fresh, migrated database of the given dialect (a clone of the run's template). */
export async function createTestApp(dialect: Dialect, opts: TestAppOptions = {}): Promise<TestApp> {
  const testDb = await createTestDatabase(dialect, { sqliteFile: opts.sqliteFile, migrated: true });
  const mailer = new CaptureMailer();
  const clock = opts.clock ?? (opts.manualClock ? new ManualClock() : undefined);
  const ctx = createContext({
    config: testConfig(opts.config),
    database: testDb.database,
    log: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    clock,
    mailer,
    channelSuffix: dialect === 'postgres' ? testDb.name : crypto.randomBytes(4).toString('hex'),
  });
  const app = await buildApp(ctx);
  await app.ready();
  await ctx.realtime.start();
  return {
    app,
    ctx,
    testDb,
    mailer,
    clock: ctx.clock,
    async close() {
      await app.close();
      await ctx.realtime.stop();
      await testDb.drop();
      releaseSeed(ctx);
    },
  };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A signed-in browser-like client: keeps the session cookie and sends the CSRF header. */
export class TestClient {
  cookie = '';
  csrf = '';
  bearer = '';
  constructor(private app: FastifyInstance) {}

  async login(email: string, password = DEMO_PASSWORD) {
    const res = await this.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
    this.cookie = String(res.headers['set-cookie']).split(';')[0];
    this.csrf = res.json().csrfToken;
    return res.json();
  }

  request(method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    return this.app.inject({ method, url, payload: payload as never, headers: h });
  }
  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  patch(url: string, body: unknown) {
    return this.request('PATCH', url, body);
  }
  put(url: string, body: unknown) {
    return this.request('PUT', url, body);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}

/**
 * A demo workspace (template of choice) with one signed-in client per role. The seed's rows are
 * copied from the run's first identical seed where they can be (seed-snapshots.ts); the sign-ins are
 * real.
 */
export async function seedWithClients(t: TestApp, template: 'school' | 'hospital' | 'sales' | 'blank' = 'school') {
  const { workspace } = await seedDemo({ ctx: t.ctx, schema: t.testDb.name }, template);
  const clients = {} as Record<'admin' | 'manager' | 'agent' | 'viewer', TestClient>;
  for (const role of ['admin', 'manager', 'agent', 'viewer'] as const) {
    clients[role] = new TestClient(t.app);
    await clients[role].login(`${role}@demo.test`);
  }
  return { workspace, ...clients };
}
