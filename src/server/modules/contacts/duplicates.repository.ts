import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../db/dialect.js';
import { reusableQuery } from '../../db/reusable-query.js';
import type { DB } from '../../db/schema.js';
import type { Db } from '../../platform/transaction.js';

// Likely-duplicate lookups. Each is an index lookup: (workspace_id, email), (workspace_id, e164),
// (workspace_id, name_skeleton), so a check on create stays fast at millions of contacts.

export interface MatchKeys {
  emails: string[];
  e164s: string[];
  skeleton: string | null;
  excludeId?: string;
  ownerScope: string | null;
}

export type MatchReason = 'email' | 'phone' | 'name';

export interface SharedKeyRow {
  id: string;
  full_name: string;
  primary_email: string | null;
  primary_phone: string | null;
  type_key: string | null;
  reason: MatchReason;
}

const SUMMARY = ['c.id', 'c.full_name', 'c.primary_email', 'c.primary_phone', 'c.type_key'] as const;

/** Per kind of key, at most this many contacts. */
const PER_KIND = 10;

/**
 * The lookups by email, phone and name skeleton as one reusable statement: lists go in as one
 * argument each and absent keys as nulls, so its text never changes and PostgreSQL prepares it once
 * per connection. Planning had cost ~100 times more than running it (18 ms against 0.2 ms).
 */
const sharingKeys = reusableQuery((d, db, workspaceId, emails, phones, skeleton, excludeId, ownerId) => {
  const visible = <T extends { where: (...a: any[]) => T }>(q: T): T =>
    q
      .where('c.deleted_at', 'is', null)
      .where(d.unlessNull(excludeId, 'uuid', (v) => sql<boolean>`c.id <> ${v}`))
      .where(d.unlessNull(ownerId, 'uuid', (v) => sql<boolean>`c.owner_id = ${v}`));
  // each branch as a derived table: SQLite allows no LIMIT on a branch of a compound select
  const branch = <Q extends { limit: (n: any) => Q; as: (a: string) => any }>(q: Q, alias: string) =>
    db.selectFrom(q.limit(sql.lit(PER_KIND)).as(alias)).selectAll();
  return branch(
    visible(
      db
        .selectFrom('contact_emails as e')
        .innerJoin('contacts as c', 'c.id', 'e.contact_id')
        .select([...SUMMARY, sql<MatchReason>`'email'`.as('reason')])
        .where('e.workspace_id', '=', workspaceId)
        .where(d.inList('e.email', emails)),
    ),
    'k_email',
  )
    .unionAll(
      branch(
        visible(
          db
            .selectFrom('contact_phones as p')
            .innerJoin('contacts as c', 'c.id', 'p.contact_id')
            .select([...SUMMARY, sql<MatchReason>`'phone'`.as('reason')])
            .where('p.workspace_id', '=', workspaceId)
            .where(d.inList('p.e164', phones)),
        ),
        'k_phone',
      ),
    )
    .unionAll(
      branch(
        visible(
          db
            .selectFrom('contacts as c')
            .select([...SUMMARY, sql<MatchReason>`'name'`.as('reason')])
            .where('c.workspace_id', '=', workspaceId)
            .where('c.name_skeleton', '=', skeleton),
        ),
        'k_name',
      ),
    );
});

/**
 * Live contacts sharing an email, a phone or the name skeleton, up to 10 per kind, each row with
 * the contact's summary and the kind it matched by (a contact matching twice comes twice). One
 * statement: the form's check runs whenever a person pauses typing.
 */
export async function contactsSharingKeys(db: Db, workspaceId: string, keys: MatchKeys): Promise<SharedKeyRow[]> {
  if (!keys.emails.length && !keys.e164s.length && !keys.skeleton) return [];
  const { rows } = await sharingKeys(
    db as Kysely<DB>,
    workspaceId,
    dialectOf(db).listArg(keys.emails),
    dialectOf(db).listArg(keys.e164s),
    keys.skeleton,
    keys.excludeId ?? null,
    keys.ownerScope,
  );
  return rows as SharedKeyRow[];
}

export interface PairRow {
  a: string;
  b: string;
}

const notDismissed = (workspaceId: string) =>
  sql<boolean>`not exists (select 1 from duplicate_dismissals d where d.workspace_id = ${workspaceId} and d.contact_a = x.a and d.contact_b = x.b)`;

/** Pairs of live contacts (a < b) sharing an email, a phone, or a name skeleton. */
export async function duplicatePairs(
  db: Db,
  workspaceId: string,
  limit: number,
  ownerScope: string | null,
): Promise<Record<'email' | 'phone' | 'name', PairRow[]>> {
  const scope = ownerScope ? sql` and ca.owner_id = ${ownerScope} and cb.owner_id = ${ownerScope}` : sql``;
  const live = sql`ca.deleted_at is null and cb.deleted_at is null${scope}`;
  const run = (inner: ReturnType<typeof sql>) =>
    sql<PairRow>`select x.a, x.b from (${inner}) x where ${notDismissed(workspaceId)} limit ${limit}`
      .execute(db)
      .then((r) => r.rows);
  const [email, phone, name] = await Promise.all([
    run(sql`select distinct e1.contact_id as a, e2.contact_id as b from contact_emails e1
      join contact_emails e2 on e2.workspace_id = e1.workspace_id and e2.email = e1.email and e2.contact_id > e1.contact_id
      join contacts ca on ca.id = e1.contact_id join contacts cb on cb.id = e2.contact_id
      where e1.workspace_id = ${workspaceId} and ${live}`),
    run(sql`select distinct p1.contact_id as a, p2.contact_id as b from contact_phones p1
      join contact_phones p2 on p2.workspace_id = p1.workspace_id and p2.e164 = p1.e164 and p2.contact_id > p1.contact_id
      join contacts ca on ca.id = p1.contact_id join contacts cb on cb.id = p2.contact_id
      where p1.workspace_id = ${workspaceId} and ${live}`),
    run(sql`select ca.id as a, cb.id as b from contacts ca
      join contacts cb on cb.workspace_id = ca.workspace_id and cb.name_skeleton = ca.name_skeleton and cb.id > ca.id
      where ca.workspace_id = ${workspaceId} and ca.name_skeleton is not null and ${live}`),
  ]);
  return { email, phone, name };
}

export async function dismissPair(
  db: Db,
  workspaceId: string,
  a: string,
  b: string,
  by: string | null,
  now: string,
): Promise<void> {
  const [x, y] = a < b ? [a, b] : [b, a];
  await db
    .insertInto('duplicate_dismissals')
    .values({ workspace_id: workspaceId, contact_a: x, contact_b: y, dismissed_by: by, created_at: now })
    .onConflict((oc) => oc.columns(['workspace_id', 'contact_a', 'contact_b']).doNothing())
    .execute();
}
