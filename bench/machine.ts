import { execSync } from 'node:child_process';
import os from 'node:os';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  /** 1-minute load average when the run started: other work on the machine skews timings. */
  loadAverage: number;
  os: string;
  node: string;
  sqlite: string;
  postgres: string | null;
  commit: string | null;
}

async function postgresVersion(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return (await client.query<{ server_version: string }>('show server_version')).rows[0].server_version;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function describeMachine(pgUrl: string): Promise<Machine> {
  const sqlite = new BetterSqlite3(':memory:');
  const sqliteVersion = (sqlite.prepare('select sqlite_version() as v').get() as { v: string }).v;
  sqlite.close();
  let commit: string | null;
  try {
    commit = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    commit = null;
  }
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    loadAverage: Math.round(os.loadavg()[0] * 100) / 100,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    sqlite: sqliteVersion,
    postgres: await postgresVersion(pgUrl),
    commit,
  };
}

export function machineLines(m: Machine): string[] {
  return [
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB RAM, ${m.os}, load average ${m.loadAverage}`,
    `Node ${m.node} · SQLite ${m.sqlite} · PostgreSQL ${m.postgres ?? 'not reachable'} · commit ${m.commit ?? '?'}`,
  ];
}
