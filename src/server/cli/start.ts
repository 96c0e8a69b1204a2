import path from 'node:path';
import { buildApp } from '../app.js';
import { migrateToLatest } from '../db/migrator.js';
import { webAppBuilt } from '../http/web.js';
import { JobWorker } from '../modules/jobs/job-worker.js';
import { hasAnyWorkspace, seedDemoWorkspace } from '../modules/workspaces/demo-seed.js';
import { describeDatabase, openRuntime } from './runtime.js';

const { config, ctx } = openRuntime();
const log = ctx.log;

const applied = await migrateToLatest(ctx.database);
if (applied.length) log.info({ applied }, `applied ${applied.length} migration(s)`);

let demo: Awaited<ReturnType<typeof seedDemoWorkspace>> | null = null;
if (config.SEED_DEMO && !(await hasAnyWorkspace(ctx))) demo = await seedDemoWorkspace(ctx, config.DEMO_TEMPLATE);

if (config.SERVE_WEB && !webAppBuilt()) {
  console.log('Building the web app (first run only)…');
  const { build } = await import('vite');
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn' });
}

const app = await buildApp(ctx);
await ctx.realtime.start();
const worker = config.RUN_WORKER ? new JobWorker(ctx, { concurrency: config.WORKER_CONCURRENCY }) : null;
await app.listen({ port: config.PORT, host: config.HOST });
await worker?.start();

const url = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
console.log(`\nCRM is running at ${url}  (API docs: ${url}/api/docs)`);
console.log(`Database: ${describeDatabase(config)}${worker ? ' · job worker: in this process' : ''}`);
if (demo) {
  console.log(`\nDemo workspace "${demo.workspace.name}" created. Sign in as:`);
  for (const u of demo.users) console.log(`  ${u.role.padEnd(8)} ${u.email.padEnd(20)} password: ${u.password}`);
} else {
  console.log(
    'Demo logins (if seeded): admin@demo.test, manager@demo.test, agent@demo.test, viewer@demo.test — password demo1234',
  );
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  await app.close();
  await worker?.stop();
  await ctx.realtime.stop();
  await ctx.database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
