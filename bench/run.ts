import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/server/config.js';
import { createDatabase } from '../src/server/db/database.js';
import type { Actor } from '../src/server/platform/actor.js';
import { createContext } from '../src/server/platform/create-context.js';
import { createLogger } from '../src/server/platform/logger.js';
import { parseArgs, selected } from './cli.js';
import { CACHE_DIR, DEFAULT_PG_URL, ensureDataset } from './generate/dataset.js';
import { describeMachine, machineLines } from './machine.js';
import { formatTable, writeReport, type ResultRow } from './report.js';
import { compareWithBare, runScenario, runThroughput } from './runner.js';
import { SCENARIOS, THROUGHPUT_SCENARIOS } from './scenarios/index.js';
import type { BenchContext } from './scenarios/types.js';
import { startServer, type BenchServer } from './server.js';
import { signIn } from './session.js';

/**
 * `npm run bench [-- --scale 1m|100k|10k --db sqlite|postgres --only name]`: prepares (or reuses)
 * the generated workspace, starts the real server on it, runs every scenario against it with
 * autocannon beside the same SQL run in-process (the raw floor), prints the table and writes JSON.
 */
const log = (line: string) => process.stderr.write(`${line}\n`);
const opts = parseArgs(process.argv.slice(2));
const startedAt = new Date().toISOString();
const pgUrl = opts.pgUrl ?? process.env.BENCH_DATABASE_URL ?? DEFAULT_PG_URL;
const machine = await describeMachine(pgUrl);
for (const line of machineLines(machine)) console.log(line);
console.log(
  `Scale ${opts.scale} on ${opts.db}; ${opts.seconds} s per scenario after ${opts.warmupSeconds} s warm-up; raw floor ${opts.rawSeconds} s\n`,
);

const dataset = await ensureDataset({
  scale: opts.scale,
  dialect: opts.db,
  regenerate: opts.regenerate,
  pgUrl,
  cacheDir: opts.cacheDir,
  log,
});
const { manifest } = dataset;
if (!dataset.generated)
  log(
    `Reusing the cached ${opts.scale} dataset (generated ${manifest.generatedAt} in ${manifest.generationSeconds} s)`,
  );
if (opts.prepareOnly) {
  console.log(`Dataset ready: ${JSON.stringify(manifest.rows)}`);
  process.exit(0);
}
const database = createDatabase({ url: dataset.databaseUrl, sqliteFile: dataset.sqliteFile, poolSize: 4 });
const ctx = createContext({
  config: loadConfig({ LOG_LEVEL: 'warn', RUN_WORKER: 'false', SEED_DEMO: 'false', SERVE_WEB: 'false' }),
  database,
  log: createLogger('warn'),
});
const actor: Actor = {
  kind: 'user',
  id: manifest.benchUser.id,
  name: 'Ayu Admin',
  workspaceId: manifest.workspaceId,
  role: 'admin',
  agentsSeeAll: false,
};

const workDir = path.resolve(opts.cacheDir ?? CACHE_DIR, `work-${opts.scale}-${opts.db}`);
fs.rmSync(workDir, { recursive: true, force: true });
fs.mkdirSync(workDir, { recursive: true });
const rows: ResultRow[] = [];
let memory: ReturnType<BenchServer['memory']> = { rssMb: null, peakRssMb: null };

/** Runs scenarios against a freshly started server (with the job worker for import/export). */
async function withServer(worker: boolean, run: (b: BenchContext) => Promise<void>): Promise<void> {
  const server = await startServer(dataset, {
    worker,
    dataDir: workDir,
    profileDir: opts.profileDir && path.resolve(opts.profileDir),
  });
  try {
    const session = await signIn(server.baseUrl, manifest.benchUser.email, manifest.benchUser.password);
    await run({ dataset, manifest, database, ctx, actor, server, session, workDir });
  } finally {
    const m = server.memory();
    memory = { rssMb: m.rssMb, peakRssMb: Math.max(memory.peakRssMb ?? 0, m.peakRssMb ?? 0) || null };
    await server.stop();
  }
}

try {
  const requestScenarios = SCENARIOS.filter((s) => selected(s.name, opts.only));
  const jobScenarios = THROUGHPUT_SCENARIOS.filter((s) => selected(s.name, opts.only));
  if (requestScenarios.length)
    await withServer(false, async (b) => {
      for (const s of requestScenarios) rows.push(await runScenario(b, s, opts, log));
    });
  if (jobScenarios.length)
    await withServer(true, async (b) => {
      for (const s of jobScenarios) rows.push(await runThroughput(b, s, log));
    });
} finally {
  await database.close();
  fs.rmSync(workDir, { recursive: true, force: true });
}

const finalRows = compareWithBare(rows);
const report = {
  command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
  scale: opts.scale,
  db: opts.db,
  startedAt,
  finishedAt: new Date().toISOString(),
  machine,
  dataset: {
    generated: dataset.generated,
    generationSeconds: manifest.generationSeconds,
    rows: manifest.rows,
    generatorVersion: manifest.generatorVersion,
  },
  settings: { seconds: opts.seconds, warmupSeconds: opts.warmupSeconds, rawSeconds: opts.rawSeconds },
  serverRssMb: { afterRun: memory.rssMb, peak: memory.peakRssMb },
  rows: finalRows,
};
console.log(`\n${formatTable(finalRows)}\n`);
console.log(
  `Targets are for 1,000,000 contacts (bench/targets.ts). Raw = the same SQL in-process, one call at a time. Server peak RSS ${memory.peakRssMb?.toFixed(0) ?? '?'} MB.`,
);
console.log(`Report: ${writeReport(opts.outDir, report)}`);
