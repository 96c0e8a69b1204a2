import type { AutocannonRequest } from 'autocannon';
import type { Database } from '../../src/server/db/database.js';
import type { Actor } from '../../src/server/platform/actor.js';
import type { AppContext } from '../../src/server/platform/context.js';
import type { Dataset, Manifest } from '../generate/dataset.js';
import type { BenchServer } from '../server.js';
import type { Session } from '../session.js';

/** What scenarios get: the dataset, a database handle of this process (raw floor), the server, a session. */
export interface BenchContext {
  dataset: Dataset;
  manifest: Manifest;
  database: Database;
  /** A context for calling the app's repositories in-process (raw floors only). */
  ctx: AppContext;
  /** The signed-in user (the workspace admin) as the app's services see them. */
  actor: Actor;
  server: BenchServer;
  session: Session;
  /** Scratch directory of this run (also the server's DATA_DIR: uploads, export files). */
  workDir: string;
}

export interface PreparedScenario {
  /** The request autocannon sends (setupRequest varies it per request). */
  request: AutocannonRequest;
  /** Sends the CSRF header and JSON content type. */
  isWrite?: boolean;
  /** The same SQL run directly on the database, once per call. */
  raw?: (i: number) => Promise<unknown>;
  /** Removes what the scenario wrote (created contacts), after its runs. */
  cleanup?: () => Promise<void>;
  /** What the parameters were (for the JSON report). */
  details?: Record<string, unknown>;
}

export interface Scenario {
  name: string;
  title: string;
  connections: number;
  prepare(b: BenchContext): Promise<PreparedScenario>;
}

/** Scenarios measured as rows per second through a job (import, export) rather than request latency. */
export interface ThroughputScenario {
  name: string;
  title: string;
  run(b: BenchContext): Promise<ThroughputResult>;
}

export interface ThroughputResult {
  available: boolean;
  note?: string;
  rows?: number;
  seconds?: number;
  rowsPerSecond?: number;
  peakRssMb?: number | null;
  rawRowsPerSecond?: number;
}

/** Cycles through a list (request variety that repeats identically on every run). */
export function cycle<T>(items: T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length];
}
