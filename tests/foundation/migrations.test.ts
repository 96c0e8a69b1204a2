import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/server/db/database.js';
import { MIGRATION_TABLE, migrateToLatest, migrationStatus, rollbackOne } from '../../src/server/db/migrator.js';
import { dialectOf } from '../../src/server/db/dialect.js';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../helpers/databases.js';
import { DIALECTS, describeEachDialect } from '../helpers/test-app.js';

const MIGRATIONS_DIR = path.resolve('src/server/db/migrations');
const migrationFiles = fs
  .readdirSync(MIGRATIONS_DIR)
  .filter((f) => /^\d{12}_.+\.ts$/.test(f))
  .sort();
const bookkeeping = [MIGRATION_TABLE, `${MIGRATION_TABLE}_lock`];

describeEachDialect('migrations', (dialect) => {
  let testDb: TestDatabase;
  beforeEach(async () => {
    testDb = await createTestDatabase(dialect);
  });
  afterEach(async () => testDb.drop());

  it('apply, report status, roll back one by one to nothing, and apply again', async () => {
    const db = testDb.database;
    expect((await migrationStatus(db)).every((m) => m.executedAt === null)).toBe(true);

    const applied = await migrateToLatest(db);
    expect(applied).toEqual(migrationFiles.map((f) => f.replace(/\.ts$/, '')));
    const status = await migrationStatus(db);
    expect(status.map((m) => m.name)).toEqual(applied);
    expect(status.every((m) => m.executedAt && !Number.isNaN(Date.parse(m.executedAt)))).toBe(true);
    expect(await migrateToLatest(db)).toEqual([]);
    expect(await dialectOf(db.db).listTables(db.db)).toEqual(
      expect.arrayContaining(['workspaces', 'users', 'audit_log', 'events', ...bookkeeping]),
    );

    // Every down works, newest first.
    for (const name of [...applied].reverse()) {
      expect(await rollbackOne(db)).toEqual([name]);
      expect((await migrationStatus(db)).find((m) => m.name === name)?.executedAt).toBeNull();
    }
    expect(await rollbackOne(db)).toEqual([]);
    const left = (await dialectOf(db.db).listTables(db.db)).filter((t) => !bookkeeping.includes(t));
    expect(left).toEqual([]);

    expect(await migrateToLatest(db)).toEqual(applied);
    expect((await migrationStatus(db)).every((m) => m.executedAt)).toBe(true);
  });
});

describe.skipIf(!DIALECTS.includes('postgres'))('migrations on PostgreSQL nodes starting together', () => {
  let testDb: TestDatabase;
  beforeEach(async () => {
    testDb = await createTestDatabase('postgres');
  });
  afterEach(async () => testDb.drop());

  it('two migrators on one empty schema both succeed and apply each migration once', async () => {
    const second = createDatabase({ url: TEST_DATABASE_URL, pgSchema: testDb.name, poolSize: 3 });
    try {
      const [a, b] = await Promise.all([migrateToLatest(testDb.database), migrateToLatest(second)]);
      expect([...a, ...b].sort()).toEqual(migrationFiles.map((f) => f.replace(/\.ts$/, '')));
      const rows = await testDb.database.db
        .selectFrom(MIGRATION_TABLE as never)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number((rows as { n: unknown }).n)).toBe(migrationFiles.length);
    } finally {
      await second.close();
    }
  });

  it('keeps its bookkeeping apart from another schema of the same database', async () => {
    await migrateToLatest(testDb.database);
    const neighbour = await createTestDatabase('postgres');
    try {
      // The neighbour sees our schema_migrations in the database, yet must migrate its own schema.
      expect(await migrateToLatest(neighbour.database)).toHaveLength(migrationFiles.length);
      expect(await dialectOf(neighbour.database.db).listTables(neighbour.database.db)).toEqual(
        expect.arrayContaining(['workspaces', ...bookkeeping]),
      );
    } finally {
      await neighbour.drop();
    }
  });
});

describe('migrations are frozen', () => {
  it('import nothing but packages and files of their own folder', () => {
    const offenders: string[] = [];
    for (const file of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.ts'))) {
      const text = fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8');
      const specifiers = [
        ...text.matchAll(
          /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm,
        ),
      ].map((m) => m[1] ?? m[2] ?? m[3]);
      for (const spec of specifiers) {
        const isRelative = spec.startsWith('.') || spec.startsWith('/');
        const inFolder = isRelative && path.dirname(path.resolve(MIGRATIONS_DIR, spec)) === MIGRATIONS_DIR;
        const isAppAlias = /^(src|@\/|~\/)/.test(spec);
        if ((isRelative && !inFolder) || isAppAlias) offenders.push(`${file} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('are named with a 12-digit timestamp and export an up and a down', async () => {
    const names = fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.ts') && f !== '_kit.ts');
    expect(names.filter((f) => !/^\d{12}_[a-z0-9_]+\.ts$/.test(f))).toEqual([]);
    for (const f of migrationFiles) {
      const mod = (await import(path.join(MIGRATIONS_DIR, f))) as { migration?: { up?: unknown; down?: unknown } };
      expect({ f, up: typeof mod.migration?.up, down: typeof mod.migration?.down }).toEqual({
        f,
        up: 'function',
        down: 'function',
      });
    }
  });
});
