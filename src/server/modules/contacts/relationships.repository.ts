import { sql } from 'kysely';
import type { Db } from '../../platform/transaction.js';

// SQL for contact and company relationships (two rows per relationship, one per direction).

export function contactRelationshipRows(db: Db, workspaceId: string, contactId: string) {
  return db
    .selectFrom('contact_relationships as r')
    .innerJoin('contacts as c', 'c.id', 'r.related_contact_id')
    .select([
      'r.id',
      'r.pair_id',
      'r.contact_id',
      'r.kind',
      'r.custom_label',
      'r.strength',
      'r.note',
      'r.created_at',
      'c.id as related_id',
      'c.full_name as related_name',
      'c.type_key as related_type',
    ])
    .where('r.workspace_id', '=', workspaceId)
    .where('r.contact_id', '=', contactId)
    .where('c.deleted_at', 'is', null)
    .orderBy('r.kind')
    .orderBy('c.full_name')
    .execute();
}

export function findContactRelationship(db: Db, workspaceId: string, id: string) {
  return db
    .selectFrom('contact_relationships')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findSameContactRelationship(
  db: Db,
  workspaceId: string,
  contactId: string,
  relatedId: string,
  kind: string,
) {
  return db
    .selectFrom('contact_relationships')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .where('related_contact_id', '=', relatedId)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

export interface ChainRow {
  id: string;
  depth: number;
  via: string;
}

/**
 * Follows `kind` edges from a contact to any depth (bounded by maxDepth, which also stops
 * cycles): 'referrer' walks down to the people referred, 'referred_by' walks up.
 */
export async function referralChain(
  db: Db,
  workspaceId: string,
  contactId: string,
  kind: 'referrer' | 'referred_by',
  maxDepth: number,
): Promise<ChainRow[]> {
  const r = await sql<ChainRow>`
    with recursive chain(id, depth, via) as (
      select r.related_contact_id, 1, r.contact_id from contact_relationships r
      where r.workspace_id = ${workspaceId} and r.contact_id = ${contactId} and r.kind = ${kind}
      union all
      select r.related_contact_id, chain.depth + 1, r.contact_id from contact_relationships r
      join chain on r.contact_id = chain.id
      where r.workspace_id = ${workspaceId} and r.kind = ${kind} and chain.depth < ${maxDepth}
    )
    select id, depth, via from chain order by depth`.execute(db);
  return r.rows.map((row) => ({ ...row, depth: Number(row.depth) }));
}

export function companyRelationshipRows(db: Db, workspaceId: string, companyId: string) {
  return db
    .selectFrom('company_relationships as r')
    .innerJoin('companies as c', 'c.id', 'r.related_company_id')
    .select([
      'r.id',
      'r.pair_id',
      'r.company_id',
      'r.kind',
      'r.strength',
      'r.note',
      'r.created_at',
      'c.id as related_id',
      'c.name as related_name',
    ])
    .where('r.workspace_id', '=', workspaceId)
    .where('r.company_id', '=', companyId)
    .where('c.deleted_at', 'is', null)
    .orderBy('r.kind')
    .orderBy('c.name')
    .execute();
}

export function findCompanyRelationship(db: Db, workspaceId: string, id: string) {
  return db
    .selectFrom('company_relationships')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}
