import { migrateToLatest } from '../db/migrator.js';
import { JobWorker } from '../modules/jobs/job-worker.js';
import { describeDatabase, openRuntime } from './runtime.js';

// A standalone job worker; several may run beside the API nodes on one PostgreSQL database.
const { config, ctx } = openRuntime();
await migrateToLatest(ctx.database);
await ctx.realtime.start();
const worker = new JobWorker(ctx, { concurrency: config.WORKER_CONCURRENCY });
await worker.start();
console.log(`Job worker ${ctx.nodeId} running on ${describeDatabase(config)}`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  ctx.log.info({ signal }, 'worker shutting down: finishing running jobs');
  await worker.stop();
  await ctx.realtime.stop();
  await ctx.database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
