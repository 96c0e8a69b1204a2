import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pgTimestampToIso } from '../../src/server/db/database.js';
import { types } from '../../src/server/db/migrations/_kit.js';
import { dialectOf } from '../../src/server/db/dialect.js';
import { reusableQuery } from '../../src/server/db/reusable-query.js';
import { countAll, fromJson, toJson } from '../../src/server/db/sql-helpers.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { describeEachDialect } from '../helpers/test-app.js';

// What both dialects must hand back, value for value and type for type.
const EXPECTED = [
  {
    id: 'a',
    flag: true,
    big: 9_007_199_254_740_991,
    settings: { agentsSeeAll: true, tags: ['wali', 'alumni'], nested: { n: 1 } },
    at: '2026-11-22T01:38:52.123Z',
    day: '2026-02-28',
    amount: 150_000_00,
  },
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
    for (const row of EXPECTED)
      await db
        .insertInto('type_probe')
        .values({ ...row, settings: row.settings === null ? null : toJson(row.settings) })
        .execute();
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
    const r = await db
      .selectFrom('type_probe')
      .select([countAll().as('n'), sql<number>`sum(big)`.as('total'), sql<number>`sum(amount)`.as('money')])
      .executeTakeFirstOrThrow();
    expect(r).toEqual({ n: 3, total: 9_007_199_254_740_949, money: 150_000_00 });
  });

  it('filters on booleans and timestamps the same way', async () => {
    expect(
      (await db.selectFrom('type_probe').select('id').where('flag', '=', true).execute()).map((r) => r.id),
    ).toEqual(['a']);
    expect(
      (await db.selectFrom('type_probe').select('id').where('flag', '=', false).execute()).map((r) => r.id),
    ).toEqual(['b']);
    const recent = await db
      .selectFrom('type_probe')
      .select('id')
      .where('at', '>=', '2026-01-05T09:00:00.000Z')
      .orderBy('at', 'desc')
      .execute();
    expect(recent.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('a subquery comes back as a JSON array of its rows, in its order', async () => {
    const r = await db
      .selectFrom('type_probe as p')
      .select((eb) => [
        dialectOf(db)
          .jsonRows(
            eb
              .selectFrom('type_probe as q')
              .select(['q.id', 'q.flag', 'q.amount'])
              .where('q.id', '<>', 'b')
              .orderBy('q.id', 'desc'),
          )
          .as('others'),
        dialectOf(db)
          .jsonRows(eb.selectFrom('type_probe as q').select('q.id').where('q.id', '=', 'none'))
          .as('none'),
      ])
      .where('p.id', '=', 'a')
      .executeTakeFirstOrThrow();
    const others = fromJson<Array<{ id: string; flag: unknown; amount: number | null }>>(r.others, []);
    expect(others.map((o) => ({ ...o, flag: o.flag === null ? null : Boolean(o.flag) }))).toEqual([
      { id: 'c', flag: null, amount: null },
      { id: 'a', flag: true, amount: 150_000_00 },
    ]);
    expect(fromJson(r.none, null)).toEqual([]);
  });

  it('a reusable query runs with new values each time and keeps the values it was built with', async () => {
    const byFlagAndId = reusableQuery((_d, qdb, flag, id) =>
      (qdb as unknown as Kysely<any>)
        .selectFrom('type_probe')
        .select(['id', 'amount'])
        .where('amount', '>', -1)
        .where('flag', '=', flag as unknown as boolean)
        .where('id', '<>', id)
        .orderBy('id'),
    );
    expect((await byFlagAndId(db as never, true, 'x')).rows).toEqual([{ id: 'a', amount: 150_000_00 }]);
    expect((await byFlagAndId(db as never, false, 'x')).rows).toEqual([{ id: 'b', amount: 0 }]);
    expect((await byFlagAndId(db as never, true, 'a')).rows).toEqual([]);
    const unused = reusableQuery((_d, qdb) => (qdb as unknown as Kysely<any>).selectFrom('type_probe').select('id'));
    await expect(unused(db as never, 'ignored')).rejects.toThrow(/every argument/);
  });

  it('a reusable query takes a list of values when its shape depends only on their count', async () => {
    const amountsOf = reusableQuery((_d, qdb, ...ids) => {
      const branch = (id: string) =>
        (qdb as unknown as Kysely<any>).selectFrom('type_probe').select(['id', 'amount']).where('id', '=', id);
      return ids.slice(1).reduce((q, id) => q.unionAll(branch(id)), branch(ids[0]));
    });
    expect((await amountsOf(db as never, 'a', 'b')).rows.sort((x, y) => x.id.localeCompare(y.id))).toEqual([
      { id: 'a', amount: 150_000_00 },
      { id: 'b', amount: 0 },
    ]);
    expect((await amountsOf(db as never, 'c')).rows).toEqual([{ id: 'c', amount: null }]);
    expect((await amountsOf(db as never, 'b', 'c', 'x')).rows.map((r) => r.id).sort()).toEqual(['b', 'c']);
  });

  it('a list as one argument and an optional condition keep one statement text for any values', async () => {
    await db
      .insertInto('type_probe')
      .values({
        id: 'q,"{x}\\',
        flag: true,
        big: 1,
        settings: null,
        at: '2026-12-06T00:00:00.000Z',
        day: null,
        amount: 7,
      })
      .execute();
    const pick = reusableQuery((d, qdb, ids, minAmount) =>
      (qdb as unknown as Kysely<any>)
        .selectFrom('type_probe')
        .select('id')
        .where(d.inList('id', ids))
        .where(d.unlessNull(minAmount, 'text', (v) => sql<boolean>`amount >= cast(${v} as integer)`))
        .orderBy('id'),
    );
    const ids = async (list: string[], min: string | null) =>
      (await pick(db as never, dialectOf(db).listArg(list), min)).rows.map((r) => r.id);
    expect(await ids(['a', 'b', 'c'], null)).toEqual(['a', 'b', 'c']);
    expect(await ids(['a', 'b', 'c'], '1')).toEqual(['a']);
    expect(await ids([], null)).toEqual([]);
    expect(await ids(['b'], null)).toEqual(['b']);
    // commas, quotes, braces and backslashes survive as one value
    expect(await ids(['q,"{x}\\', 'q'], '5')).toEqual(['q,"{x}\\']);
  });

  it.runIf(dialect === 'postgres')(
    'on PostgreSQL a reusable query is prepared once per connection and reused',
    async () => {
      const byId = reusableQuery((_d, qdb, id) =>
        (qdb as unknown as Kysely<any>).selectFrom('type_probe').select('amount').where('id', '=', id),
      );
      await db.transaction().execute(async (trx) => {
        const prepared = async () =>
          Number(
            (
              await sql<{
                n: number;
              }>`select count(*)::int as n from pg_prepared_statements where statement like ${'%type_probe%'}`.execute(
                trx,
              )
            ).rows[0].n,
          );
        expect(await prepared()).toBe(0);
        expect((await byId(trx as never, 'a')).rows).toEqual([{ amount: 150_000_00 }]);
        expect((await byId(trx as never, 'b')).rows).toEqual([{ amount: 0 }]);
        expect(await prepared()).toBe(1);
      });
    },
  );

  it('many rows written at once come back value for value, however they are written', async () => {
    await db.deleteFrom('type_probe').execute();
    const rows = EXPECTED.map((r) => ({ ...r, settings: r.settings === null ? null : toJson(r.settings) }));
    await dialectOf(db).insertRowsFast(db, 'type_probe', rows);
    expect(await db.selectFrom('type_probe').selectAll().orderBy('id').execute()).toEqual(EXPECTED);
    // the one-statement form (tables that feed a full-text index on SQLite) stores the same values
    await db.deleteFrom('type_probe').execute();
    await dialectOf(db).insertRowsFast(db, 'type_probe', rows, { fullText: true });
    expect(await db.selectFrom('type_probe').selectAll().orderBy('id').execute()).toEqual(EXPECTED);
  });

  it('thousands of rows in one call (more than one statement on PostgreSQL) and none when the list is empty', async () => {
    await db.deleteFrom('type_probe').execute();
    const many = Array.from({ length: 2500 }, (_, i) => ({
      id: `r${String(i).padStart(4, '0')}`,
      flag: i % 2 === 0,
      big: i,
      settings: null,
      at: '2026-12-06T00:00:00.000Z',
      day: null,
      amount: i * 100,
    }));
    await dialectOf(db).insertRowsFast(db, 'type_probe', many);
    await dialectOf(db).insertRowsFast(db, 'type_probe', []);
    const r = await db
      .selectFrom('type_probe')
      .select([countAll().as('n'), sql<number>`sum(amount)`.as('total')])
      .where('flag', '=', true)
      .executeTakeFirstOrThrow();
    expect(r).toEqual({ n: 1250, total: (100 * 2 * (1249 * 1250)) / 2 });
  });

  it('a failing row leaves none of the call written inside a rolled-back transaction', async () => {
    const before = (await db.selectFrom('type_probe').select(countAll().as('n')).executeTakeFirstOrThrow()).n;
    const clash = [
      { id: 'x1', flag: true, big: 1, settings: null, at: '2026-12-06T00:00:00.000Z', day: null, amount: 1 },
      { id: 'a', flag: true, big: 1, settings: null, at: '2026-12-06T00:00:00.000Z', day: null, amount: 1 },
    ];
    await expect(
      db.transaction().execute((trx) => dialectOf(trx).insertRowsFast(trx, 'type_probe', clash)),
    ).rejects.toThrow();
    expect((await db.selectFrom('type_probe').select(countAll().as('n')).executeTakeFirstOrThrow()).n).toBe(before);
  });
});

describe("PostgreSQL's timestamp text to ISO", () => {
  /** What the conversion gave before its text fast path: the Date's own ISO form. */
  const viaDate = (v: string) => {
    let s = v.replace(' ', 'T');
    if (/[+-]\d\d$/.test(s)) s += ':00';
    else if (!/(Z|[+-]\d\d:?\d\d)$/.test(s)) s += 'Z';
    return new Date(s).toISOString();
  };

  it('rearranges UTC timestamps as text exactly as a Date would write them', () => {
    const samples = [
      '2026-11-22 01:48:41+00',
      '2026-11-22 01:48:41.9+00',
      '2026-11-22 01:48:41.94+00',
      '2026-11-22 01:48:41.944+00',
      '2026-11-22 01:48:41.9449+00',
      '2026-11-22 01:48:41.999999+00',
      '1999-12-31 23:59:59.5+00',
      '0999-01-01 00:00:00+00',
    ];
    let seed = 7;
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 48271) % 2147483647;
      const at = new Date(Date.UTC(1970, 0, 1) + (seed % 2_000_000_000) * 1000 + (seed % 1000)).toISOString();
      const digits = String(seed % 1_000_000)
        .padStart(6, '0')
        .slice(0, 1 + (seed % 6));
      samples.push(`${at.slice(0, 10)} ${at.slice(11, 19)}${seed % 7 === 0 ? '' : `.${digits}`}+00`);
    }
    for (const v of samples) expect(pgTimestampToIso(v), v).toBe(viaDate(v));
  });

  it('converts other zones and zoneless timestamps through a Date', () => {
    expect(pgTimestampToIso('2026-11-22 08:48:41.944+07')).toBe('2026-11-22T01:48:41.944Z');
    expect(pgTimestampToIso('2026-11-22 01:48:41.944')).toBe('2026-11-22T01:48:41.944Z');
    expect(pgTimestampToIso('2026-11-22 03:18:41.944+01:30')).toBe('2026-11-22T01:48:41.944Z');
  });
});
