import { describe, expect, it } from 'vitest';
import { CROSS_MODULE_READS } from '../../src/server/modules/cross-module-reads.js';
import { allTableReferences, tableOwners, tableReferences } from './table-references.js';

const owners = tableOwners();
const refs = allTableReferences();
const listed = new Set(CROSS_MODULE_READS.flatMap((e) => e.tables.map((t) => `${e.file} ${t}`)));

describe('modules own their tables', () => {
  it('names only its own tables in a module, or a listed exception', () => {
    expect(refs.length).toBeGreaterThan(300);
    const unlisted = refs
      .filter((r) => owners.get(r.table) !== r.module && !listed.has(`${r.file} ${r.table}`))
      .map((r) => `${r.file}:${r.line} names ${r.table} (owned by ${owners.get(r.table)})`);
    expect(unlisted).toEqual([]);
  });

  it('lists no exception that is no longer used', () => {
    const used = new Set(refs.map((r) => `${r.file} ${r.table}`));
    expect([...listed].filter((key) => !used.has(key))).toEqual([]);
  });

  it('finds builder calls, aliases, sql.table and raw SQL text', () => {
    const known = new Set(owners.keys());
    const source = [
      "db.selectFrom('contacts as c').innerJoin('users as u', 'u.id', 'c.owner_id');",
      'sql`update deals set title = ${t} where id in (select deal_id from deal_stage_history)`;',
      "sql`select 1 from ${sql.table('memberships')}`;",
      "insertRowsFast(db, 'tags', rows);",
      "db.selectFrom('not_a_table');",
    ].join('\n');
    const found = tableReferences('x', 'x/y.ts', source, known).map((r) => r.table);
    expect(found.sort()).toEqual(['contacts', 'deal_stage_history', 'deals', 'memberships', 'tags', 'users']);
  });
});
