import crypto from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { RealtimeHub } from '../modules/events/realtime.js';
import { JobQueue } from '../modules/jobs/job-queue.js';
import { registerQueueDepthGauge } from '../modules/jobs/queue-metrics.js';
import { createMailer, type Mailer } from '../modules/mail/mailer.js';
import { modules } from '../modules/index.js';
import { systemClock, type Clock } from './clock.js';
import type { AppContext } from './context.js';
import { createMetrics } from './metrics.js';

export interface ContextOptions {
  config: Config;
  database: Database;
  log: Logger;
  clock?: Clock;
  mailer?: Mailer;
  /** Keeps LISTEN channels of parallel test databases apart. */
  channelSuffix?: string;
  defaultMetrics?: boolean;
}

/** Builds the per-process context and registers every module's jobs and template defaults. */
export function createContext(opts: ContextOptions): AppContext {
  // the queue reads the context lazily: it is built before the context it belongs to
  const jobs: JobQueue = new JobQueue(() => ctx);
  const ctx: AppContext = {
    config: opts.config,
    database: opts.database,
    db: opts.database.db,
    clock: opts.clock ?? systemClock,
    log: opts.log,
    mailer: opts.mailer ?? createMailer(opts.config, opts.log),
    realtime: new RealtimeHub(opts.database, opts.log, opts.channelSuffix),
    jobs,
    metrics: createMetrics(opts.defaultMetrics ?? false),
    nodeId: `${process.pid}-${crypto.randomBytes(3).toString('hex')}`,
    templateContributions: [],
    eventPermissions: {},
    eventProjectors: [],
  };
  for (const m of modules) {
    for (const def of m.jobs ?? []) jobs.register(def);
    for (const r of m.recurring ?? []) jobs.registerRecurring(r);
    if (m.templates) ctx.templateContributions.push(m.templates);
    Object.assign(ctx.eventPermissions, m.eventPermissions ?? {});
    for (const project of m.eventProjectors ?? [])
      ctx.eventProjectors.push((db, actor, event) => project(ctx, db, actor, event));
  }
  registerQueueDepthGauge(ctx);
  return ctx;
}
