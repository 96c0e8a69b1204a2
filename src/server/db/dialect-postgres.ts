import { CompiledQuery, sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { SqlDialect } from './dialect.js';
import { prepareOnPostgres } from './pg-prepared.js';
import { searchQueryTerms, DOCUMENT_PREFIX_CHARS } from './search.js';
import { assertJsonKey, columnKindOf, COUNTER_SLOTS, insertHead } from './sql-helpers.js';

/** On PostgreSQL prefixes up to this length have an index entry of their own (`w~`, migration 202612060030). */
const PG_SHORT_PREFIX = 5;

/**
 * PostgreSQL rows per INSERT: it prepares nothing (unnamed statements) and gains from fewer round
 * trips, up to its limit of 65,535 parameters.
 */
const PG_ROWS_PER_INSERT = 1000;

/** PostgreSQL's side of every dialect difference (see SqlDialect for what each method is). */
export const postgresDialect: SqlDialect = {
  name: 'postgres',

  forUpdate: <QB extends SelectQueryBuilder<any, any, any>>(qb: QB) => qb.forUpdate() as QB,
  forUpdateSkipLocked: <QB extends SelectQueryBuilder<any, any, any>>(qb: QB) => qb.forUpdate().skipLocked() as QB,
  async lockForTransaction(trx, key) {
    await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
  },
  snapshotTransaction: (db) => db.transaction().setIsolationLevel('repeatable read'),
  async deferForeignKeys(trx) {
    await sql`set constraints all deferred`.execute(trx); // affects only deferrable constraints
  },

  counterSlot: () => sql<number>`pg_backend_pid() % ${sql.lit(COUNTER_SLOTS)}`,

  ilike(column, pattern) {
    const col = typeof column === 'string' ? sql.ref(column) : column;
    return sql<boolean>`${col} ilike ${pattern} escape '\\'`;
  },
  monthOfDate: (column) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM')`,
  epochSeconds: (column) => sql<number>`extract(epoch from ${sql.ref(column)})`,
  stringAgg: (value, separator, order) =>
    sql.raw<string | null>(`string_agg(${value}, '${separator}' order by ${order})`),

  jsonKeyText(column, key) {
    assertJsonKey(key);
    return sql<string | null>`(${sql.ref(column)} ->> ${key})`;
  },
  jsonArrayHas: (column, value) => sql<boolean>`(${sql.ref(column)} @> jsonb_build_array(${value}::text))`,
  jsonMemberNumber(column, key) {
    assertJsonKey(key);
    return sql<number | null>`((${sql.ref(column)} ->> ${key})::numeric)`;
  },
  jsonMemberIsTrue(column, key) {
    assertJsonKey(key);
    return sql<boolean>`((${sql.ref(column)} -> ${key}) = 'true'::jsonb)`;
  },
  jsonMemberArrayHas(column, key, value) {
    assertJsonKey(key);
    return sql<boolean>`((${sql.ref(column)} -> ${key}) @> jsonb_build_array(${value}::text))`;
  },
  jsonRows: <O>(subquery: SelectQueryBuilder<any, any, O>) =>
    jsonArrayFrom(subquery) as RawBuilder<unknown> as RawBuilder<O[] | string>,

  listArg: (values) => [...values],
  inList: (column, arg) => sql<boolean>`${sql.ref(column)} = any(cast(${arg} as text[]))`,
  unlessNull(arg, pgType, test) {
    const value = sql`cast(${arg} as ${sql.raw(pgType)})`;
    return sql<boolean>`(${value} is null or ${test(value)})`;
  },
  idsOfPage(cte) {
    const page = sql.table(cte);
    return {
      bounds: sql`, bounds as (select (select id from ${page} order by id limit 1) as lo, (select id from ${page} order by id desc limit 1) as hi)`,
      inPage: sql`between (select lo from bounds) and (select hi from bounds)`,
    };
  },
  collectsSubqueryFirst: false,

  documentPrefix(column, from = 'first') {
    const ref = sql.ref(column);
    const n = sql.lit(DOCUMENT_PREFIX_CHARS);
    return from === 'first'
      ? sql<string>`(left(${ref}, ${n}) collate "C")`
      : sql<string>`(substr(${ref}, strpos(${ref}, ' ') + 1, ${n}) collate "C")`;
  },
  contactSearchSubquery(workspaceId, query, limit) {
    const terms = searchQueryTerms(query);
    if (!terms.length) return null;
    const cap = limit ? sql` limit ${limit}` : sql``;
    // a term of up to 5 characters is the prefix lexeme the index keeps for it (`sar~`, one posting
    // list); a longer one is a prefix of the words themselves (`nasution:*`, parsed as the documents were)
    const short = terms.filter((t) => t.length <= PG_SHORT_PREFIX);
    const long = terms.filter((t) => t.length > PG_SHORT_PREFIX);
    const parts = [
      ...(long.length ? [sql`to_tsquery('simple', ${long.map((t) => `${t}:*`).join(' & ')})`] : []),
      ...(short.length ? [sql`cast(${short.map((t) => `'${t}~'`).join(' & ')} as tsquery)`] : []),
    ];
    // materialized: with a LIMIT the planner would rather scan the table computing the vector per
    // row than use the GIN index; the CTE keeps the index scan and is read only as far as needed
    return sql`with m as materialized (select s.contact_id from contact_search s where s.workspace_id = ${workspaceId} and crm_search_vector(s.document) @@ (${sql.join(parts, sql` && `)})) select m.contact_id from m${cap}`;
  },

  /** Multi-row VALUES, up to PG_ROWS_PER_INSERT rows (and 65,535 parameters) a statement. */
  async insertRowsFast(db, table, rows) {
    if (!rows.length) return;
    const columns = Object.keys(rows[0]);
    const head = insertHead(table, columns);
    const size = Math.max(1, Math.min(PG_ROWS_PER_INSERT, Math.floor(65_535 / columns.length)));
    for (let from = 0; from < rows.length; from += size) {
      const params: unknown[] = [];
      const tuples: string[] = [];
      for (const row of rows.slice(from, from + size)) {
        const marks: string[] = [];
        for (const column of columns) {
          params.push(row[column] ?? null);
          marks.push(`$${params.length}`);
        }
        tuples.push(`(${marks.join(',')})`);
      }
      await db.executeQuery(CompiledQuery.raw(`${head}values ${tuples.join(',')}`, params));
    }
  },
  async writeAndNotify(db, writes, channel, payload) {
    // one round trip for the rows and the NOTIFY (which PostgreSQL delivers at commit)
    const ctes = writes.map((w, i) => sql`${sql.id(`write_${i}`)} as (${w})`);
    await sql`with ${sql.join(ctes)} select pg_notify(${channel}, ${payload()})`.execute(db);
    return true;
  },
  prepareReused: prepareOnPostgres,

  async listTables(db) {
    const rows = await sql<{
      name: string;
    }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
      db,
    );
    return rows.rows.map((r) => r.name);
  },
  async listForeignKeys(db) {
    const r = await sql<{ table: string; column: string; references: string }>`
      select cl.relname as "table", a.attname as "column", rf.relname as "references"
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_class rf on rf.oid = c.confrelid
      join pg_namespace n on n.oid = cl.relnamespace
      join lateral unnest(c.conkey) as k(attnum) on true
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
      where c.contype = 'f' and n.nspname = current_schema()`.execute(db);
    return r.rows;
  },
  async listColumns(db, table) {
    const r = await sql<{
      name: string;
    }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(
      db,
    );
    return r.rows.map((x) => x.name);
  },
  async listColumnKinds(db, table) {
    const r = await sql<{ name: string; type: string; auto: boolean }>`
      select column_name as name, data_type as type, (is_identity = 'YES' or coalesce(column_default, '') like 'nextval(%') as auto
      from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(
      db,
    );
    return r.rows.map(({ name, type, auto }) => ({ name, kind: columnKindOf(type), isAutoNumbered: Boolean(auto) }));
  },
  async currentSchema(db: Kysely<any>) {
    return (await sql<{ name: string }>`select current_schema() as name`.execute(db)).rows[0]?.name;
  },
};
