import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { types } from '../../src/server/db/migrations/_kit.js';
import { countAll, fromJson, toJson } from '../../src/server/db/sql-helpers.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { describeEachDialect } from '../helpers/test-app.js';

// What both dialects must hand back, value for value and type for type.
const EXPECTED = [
  { id: 'a', flag: true, big: 9_007_199_254_740_991, settings: { agentsSeeAll: true, tags: ['wali', 'alumni'], nested: { n: 1 } }, at: '2026-11-22T01:38:52.123Z', day: '2026-02-28', amount: 150_000_00 },
  { id: 'b', flag: false, big: -42, settings: [], at: '2026-01-05T09:00:00.000Z', day: '2025-12-31', amount: 0 },
  { id: 'c', flag: null, big: null, settings: null, at: '1999-12-31T23:59:59.999Z', day: null, amount: null },
];

describeEachDialect('column types come back the same on both dialects', (dialect) => {
  let testDb: TestDatabase;
  let db: Kysely<any>;
  beforeEach(async () => {
    testDb = await createTestDatabase(dialect);
    db = testDb.database.db as unknown as Kysely<any>;
    const t = types(dialect);
    await db.schema
      .createTable('type_probe')
      .addColumn('id', t.text, (c) => c.primaryKey())
      .addColumn('flag', t.boolean)
      .addColumn('big', t.bigint)
      .addColumn('settings', t.json)
      .addColumn('at', t.timestamp, (c) => c.notNull())
      .addColumn('day', t.date)
      .addColumn('amount', t.integer)
      .execute();
    for (const row of EXPECTED) await db.insertInto('type_probe').values({ ...row, settings: row.settings === null ? null : toJson(row.settings) }).execute();
  });
  afterEach(async () => testDb.drop());

  it('booleans, bigints, JSON, timestamps, dates and integers', async () => {
    const rows = await db.selectFrom('type_probe').selectAll().orderBy('id').execute();
    expect(rows).toEqual(EXPECTED);
    expect(typeof rows[0].flag).toBe('boolean');
    expect(typeof rows[0].big).toBe('number');
    expect(typeof rows[0].at).toBe('string');
    expect(fromJson(rows[1].settings, null)).toEqual([]);
  });

  it('counts and sums are plain numbers', async () => {
    const r = await db.selectFrom('type_probe').select([countAll().as('n'), sql<number>`sum(big)`.as('total'), sql<number>`sum(amount)`.as('money')]).executeTakeFirstOrThrow();
    expect(r).toEqual({ n: 3, total: 9_007_199_254_740_949, money: 150_000_00 });
  });

  it('filters on booleans and timestamps the same way', async () => {
    expect((await db.selectFrom('type_probe').select('id').where('flag', '=', true).execute()).map((r) => r.id)).toEqual(['a']);
    expect((await db.selectFrom('type_probe').select('id').where('flag', '=', false).execute()).map((r) => r.id)).toEqual(['b']);
    const recent = await db.selectFrom('type_probe').select('id').where('at', '>=', '2026-01-05T09:00:00.000Z').orderBy('at', 'desc').execute();
    expect(recent.map((r) => r.id)).toEqual(['a', 'b']);
  });
});
