import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { createDatabase } from '../db/database.js';
import { createLogger } from '../platform/logger.js';
import { createContext } from '../platform/create-context.js';
import type { AppContext } from '../platform/context.js';
import 'dotenv/config';

/** Loads settings (exiting with a readable message when they are wrong) and opens the database. */
export function openRuntime(overrides: Partial<Record<string, string>> = {}): { config: Config; ctx: AppContext } {
  let config: Config;
  try {
    config = loadConfig({ ...process.env, ...overrides });
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(config.LOG_LEVEL);
  const database = createDatabase({ url: config.DATABASE_URL, sqliteFile: config.SQLITE_FILE ?? path.join(config.DATA_DIR, 'crm.sqlite') });
  const ctx = createContext({ config, database, log, defaultMetrics: true });
  return { config, ctx };
}

export function describeDatabase(config: Config): string {
  return config.DATABASE_URL ? `PostgreSQL (${config.DATABASE_URL.replace(/\/\/[^@]*@/, '//')})` : `SQLite (${config.SQLITE_FILE ?? path.join(config.DATA_DIR, 'crm.sqlite')})`;
}
