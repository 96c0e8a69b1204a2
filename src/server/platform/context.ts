import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { Mailer } from '../modules/mail/mailer.js';
import type { RealtimeHub } from '../modules/events/realtime.js';
import type { EventProjector } from '../modules/events/events.service.js';
import type { JobQueue } from '../modules/jobs/job-queue.js';
import type { Clock } from './clock.js';
import type { Metrics } from './metrics.js';
import type { Permission } from '../../shared/permissions.js';
import type { WorkspaceTemplateContribution } from '../modules/workspaces/templates.js';

/** Everything a service needs, built once per process (or per test) and passed explicitly. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Kysely<DB>;
  clock: Clock;
  log: Logger;
  mailer: Mailer;
  realtime: RealtimeHub;
  jobs: JobQueue;
  metrics: Metrics;
  /** Each module's defaults for a new workspace of a template (contact types, funnels, ...). */
  templateContributions: WorkspaceTemplateContribution[];
  /** Permission needed to receive live events, by event type prefix (e.g. 'contact.' -> contacts.view). */
  eventPermissions: Record<string, Permission | 'authenticated'>;
  /** Projections every appended event passes through, in the writer's transaction (see AppModule.eventProjectors). */
  eventProjectors: EventProjector[];
  /** Identifies this process among the nodes sharing one database. */
  nodeId: string;
}
