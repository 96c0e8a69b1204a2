import { sql, type Kysely } from 'kysely';
import type { Migration, MigrationContext } from './_kit.js';

// The name-prefix index (202612061000) answers a search from the names that begin with the typed
// words. A common surname ("Nasution", "Sutanto") begins no name, and went to the full-text index,
// which builds the set of every document holding it (14-16 ms at 1,000,000 contacts, the slowest
// terms left). The second word of a document is the second word of the name (the surname of most),
// so a range over the 64 characters from there answers those the same way.
const SECOND = {
  postgres: sql`(substr(document, strpos(document, ' ') + 1, 64) collate "C")`,
  sqlite: sql`substr(document, instr(document, ' ') + 1, 64)`,
};

export const migration: Migration = {
  async up(db: Kysely<any>, ctx: MigrationContext) {
    await sql`create index contact_search_ws_second_idx on contact_search (workspace_id, ${SECOND[ctx.dialect]})`.execute(
      db,
    );
  },

  async down(db: Kysely<any>) {
    await db.schema.dropIndex('contact_search_ws_second_idx').ifExists().execute();
  },
};
