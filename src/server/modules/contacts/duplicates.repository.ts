import { sql } from 'kysely';
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

export async function contactsSharingKeys(db: Db, workspaceId: string, keys: MatchKeys, limit = 10) {
  const visible = <T extends { where: (...a: any[]) => T }>(q: T): T => {
    let out = q.where('c.deleted_at', 'is', null);
    if (keys.excludeId) out = out.where('c.id', '!=', keys.excludeId);
    if (keys.ownerScope) out = out.where('c.owner_id', '=', keys.ownerScope);
    return out;
  };
  const byEmail = keys.emails.length
    ? await visible(db.selectFrom('contact_emails as e').innerJoin('contacts as c', 'c.id', 'e.contact_id').select(['c.id']).where('e.workspace_id', '=', workspaceId).where('e.email', 'in', keys.emails)).limit(limit).execute()
    : [];
  const byPhone = keys.e164s.length
    ? await visible(db.selectFrom('contact_phones as p').innerJoin('contacts as c', 'c.id', 'p.contact_id').select(['c.id']).where('p.workspace_id', '=', workspaceId).where('p.e164', 'in', keys.e164s)).limit(limit).execute()
    : [];
  const byName = keys.skeleton ? await visible(db.selectFrom('contacts as c').select(['c.id']).where('c.workspace_id', '=', workspaceId).where('c.name_skeleton', '=', keys.skeleton)).limit(limit).execute() : [];
  return { byEmail: byEmail.map((r) => r.id), byPhone: byPhone.map((r) => r.id), byName: byName.map((r) => r.id) };
}

export interface PairRow {
  a: string;
  b: string;
}

const notDismissed = (workspaceId: string) => sql<boolean>`not exists (select 1 from duplicate_dismissals d where d.workspace_id = ${workspaceId} and d.contact_a = x.a and d.contact_b = x.b)`;

/** Pairs of live contacts (a < b) sharing an email, a phone, or a name skeleton. */
export async function duplicatePairs(db: Db, workspaceId: string, limit: number, ownerScope: string | null): Promise<Record<'email' | 'phone' | 'name', PairRow[]>> {
  const scope = ownerScope ? sql` and ca.owner_id = ${ownerScope} and cb.owner_id = ${ownerScope}` : sql``;
  const live = sql`ca.deleted_at is null and cb.deleted_at is null${scope}`;
  const run = (inner: ReturnType<typeof sql>) =>
    sql<PairRow>`select x.a, x.b from (${inner}) x where ${notDismissed(workspaceId)} limit ${limit}`.execute(db).then((r) => r.rows);
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

export async function dismissPair(db: Db, workspaceId: string, a: string, b: string, by: string | null, now: string): Promise<void> {
  const [x, y] = a < b ? [a, b] : [b, a];
  await db.insertInto('duplicate_dismissals').values({ workspace_id: workspaceId, contact_a: x, contact_b: y, dismissed_by: by, created_at: now }).onConflict((oc) => oc.columns(['workspace_id', 'contact_a', 'contact_b']).doNothing()).execute();
}
