import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { postgresAvailable, TEST_DATABASE_URL } from './databases.js';
import { dropRunSchemas, finishRun, lockName, prepareRun } from './templates.js';

/**
 * Once per run: says which databases the run covers, drops what killed runs left behind, and makes
 * the migrated templates every test clones (templates.ts). The returned teardown drops them.
 */
export default async function setup(project: TestProject) {
  const pgOn = process.env.TEST_DIALECT === 'sqlite' ? false : await postgresAvailable();
  const which = process.env.TEST_DIALECT ? [process.env.TEST_DIALECT] : pgOn ? ['sqlite', 'postgres'] : ['sqlite'];
  console.log(
    `\nDatabase tests run on: ${which.join(' and ')}${pgOn ? ` (PostgreSQL at ${TEST_DATABASE_URL.replace(/\/\/[^@]*@/, '//')})` : ' (PostgreSQL unreachable: skipped)'}\n`,
  );
  const dialects = which.filter((d): d is 'sqlite' | 'postgres' => d === 'sqlite' || (d === 'postgres' && pgOn));
  let lock: pg.Client | undefined;
  if (dialects.includes('postgres')) await dropRunSchemas(TEST_DATABASE_URL);
  const run = await prepareRun(dialects, TEST_DATABASE_URL, async (id) => {
    lock = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await lock.connect();
    await lock.query('select pg_advisory_lock(hashtext($1))', [lockName(id)]);
  });
  project.provide('crmTestRun', run);
  return async () => {
    await finishRun(run, dialects.includes('postgres') ? TEST_DATABASE_URL : undefined);
    await lock?.end().catch(() => undefined);
  };
}
