import type { z } from 'zod';
import {
  RECIPROCAL_COMPANY_KIND,
  RECIPROCAL_KIND,
  type CompanyRelationship,
  type CompanyRelationshipKind,
  type CreateCompanyRelationshipBody,
  type CreateRelationshipBody,
  type ReferralNode,
  type Relationship,
  type RelationshipKind,
  type UpdateRelationshipBody,
} from '../../../shared/contracts/contacts-relations.js';
import { newId } from '../../db/ids.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { ownerScope, type Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import { visibleCompanyRow } from './companies.service.js';
import { findCompanyRow } from './companies.repository.js';
import { visibleContactRow } from './contacts.service.js';
import { findContactRow, findContactRows } from './contacts.repository.js';
import {
  companyRelationshipRows,
  contactRelationshipRows,
  findCompanyRelationship,
  findContactRelationship,
  findSameContactRelationship,
  referralChain,
} from './relationships.repository.js';

type RelRow = Awaited<ReturnType<typeof contactRelationshipRows>>[number];
const toRelationship = (r: RelRow): Relationship => ({
  id: r.id,
  pairId: r.pair_id,
  contactId: r.contact_id,
  kind: r.kind as RelationshipKind,
  customLabel: r.custom_label,
  strength: r.strength,
  note: r.note,
  related: { id: r.related_id, fullName: r.related_name, typeKey: r.related_type },
  createdAt: r.created_at,
});

export async function listRelationships(ctx: AppContext, actor: Actor, contactId: string): Promise<Relationship[]> {
  await visibleContactRow(ctx.db, actor, contactId);
  return (await contactRelationshipRows(ctx.db, actor.workspaceId, contactId)).map(toRelationship);
}

/** Adds a relationship and its reciprocal ("A is parent of B" also stores "B is child of A"). */
export async function addRelationship(
  ctx: AppContext,
  actor: Actor,
  contactId: string,
  input: z.output<typeof CreateRelationshipBody>,
): Promise<Relationship> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    await visibleContactRow(trx, actor, contactId);
    if (input.relatedContactId === contactId)
      throw fieldError('relatedContactId', 'A contact cannot be related to itself');
    const related = await findContactRow(trx, actor.workspaceId, input.relatedContactId);
    const scope = ownerScope(actor);
    if (!related || related.deleted_at || (scope && related.owner_id !== scope))
      throw fieldError('relatedContactId', 'No such contact in this workspace');
    if (input.kind === 'custom' && !input.customLabel) throw fieldError('customLabel', 'Name the custom relationship');
    if (await findSameContactRelationship(trx, actor.workspaceId, contactId, input.relatedContactId, input.kind))
      throw new AppError('CONFLICT', 'These contacts already have this relationship');
    const pairId = newId();
    const base = {
      workspace_id: actor.workspaceId,
      pair_id: pairId,
      custom_label: input.customLabel ?? null,
      strength: input.strength,
      note: input.note ?? null,
      created_by: actor.kind === 'system' ? null : actor.id,
      created_at: now,
      updated_at: now,
    };
    const id = newId();
    await trx
      .insertInto('contact_relationships')
      .values([
        { ...base, id, contact_id: contactId, related_contact_id: input.relatedContactId, kind: input.kind },
        {
          ...base,
          id: newId(),
          contact_id: input.relatedContactId,
          related_contact_id: contactId,
          kind: RECIPROCAL_KIND[input.kind],
        },
      ])
      .execute();
    const after = {
      contactId,
      relatedContactId: input.relatedContactId,
      kind: input.kind,
      strength: input.strength,
      note: input.note ?? null,
    };
    await recordAudit(
      trx,
      actor,
      { action: 'contact.relationship_added', entityType: 'contact', entityId: contactId, after },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: 'contact.relationship_added',
        entityType: 'contact',
        entityId: contactId,
        payload: { pairId, relatedContactId: input.relatedContactId, kind: input.kind },
      },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: 'contact.relationship_added',
        entityType: 'contact',
        entityId: input.relatedContactId,
        payload: { pairId, relatedContactId: contactId, kind: RECIPROCAL_KIND[input.kind] },
      },
      now,
    );
    return toRelationship((await contactRelationshipRows(trx, actor.workspaceId, contactId)).find((r) => r.id === id)!);
  });
}

export async function updateRelationship(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: z.output<typeof UpdateRelationshipBody>,
): Promise<Relationship> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const row = await findContactRelationship(trx, actor.workspaceId, id);
    if (!row) throw notFound('Relationship');
    await visibleContactRow(trx, actor, row.contact_id);
    const next = {
      strength: patch.strength ?? row.strength,
      note: patch.note === undefined ? row.note : patch.note,
      custom_label: patch.customLabel === undefined ? row.custom_label : patch.customLabel,
      updated_at: now,
    };
    await trx
      .updateTable('contact_relationships')
      .set(next)
      .where('workspace_id', '=', actor.workspaceId)
      .where('pair_id', '=', row.pair_id)
      .execute();
    await recordAudit(
      trx,
      actor,
      {
        action: 'contact.relationship_updated',
        entityType: 'contact',
        entityId: row.contact_id,
        before: { strength: row.strength, note: row.note },
        after: { strength: next.strength, note: next.note },
      },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: 'contact.relationship_updated',
        entityType: 'contact',
        entityId: row.contact_id,
        payload: { pairId: row.pair_id },
      },
      now,
    );
    return toRelationship(
      (await contactRelationshipRows(trx, actor.workspaceId, row.contact_id)).find((r) => r.id === id)!,
    );
  });
}

/** Removes both sides. */
export async function removeRelationship(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, async (trx) => {
    const row = await findContactRelationship(trx, actor.workspaceId, id);
    if (!row) throw notFound('Relationship');
    await visibleContactRow(trx, actor, row.contact_id);
    await trx
      .deleteFrom('contact_relationships')
      .where('workspace_id', '=', actor.workspaceId)
      .where('pair_id', '=', row.pair_id)
      .execute();
    await recordAudit(
      trx,
      actor,
      {
        action: 'contact.relationship_removed',
        entityType: 'contact',
        entityId: row.contact_id,
        before: { relatedContactId: row.related_contact_id, kind: row.kind, strength: row.strength },
      },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: 'contact.relationship_removed',
        entityType: 'contact',
        entityId: row.contact_id,
        payload: { pairId: row.pair_id, relatedContactId: row.related_contact_id },
      },
      now,
    );
  });
}

/** Who referred this contact (upstream, to any depth) and everyone they referred (downstream). */
export async function referralTree(
  ctx: AppContext,
  actor: Actor,
  contactId: string,
  maxDepth: number,
): Promise<{ upstream: ReferralNode[]; downstream: ReferralNode[] }> {
  await visibleContactRow(ctx.db, actor, contactId);
  const [up, down] = await Promise.all([
    referralChain(ctx.db, actor.workspaceId, contactId, 'referred_by', maxDepth),
    referralChain(ctx.db, actor.workspaceId, contactId, 'referrer', maxDepth),
  ]);
  const rows = new Map(
    (await findContactRows(ctx.db, actor.workspaceId, [...new Set([...up, ...down].map((r) => r.id))])).map((r) => [
      r.id,
      r,
    ]),
  );
  const nodes = (chain: typeof up, referredBy: (r: (typeof up)[number]) => string | null) => {
    const seen = new Set<string>([contactId]);
    const out: ReferralNode[] = [];
    for (const r of chain) {
      const c = rows.get(r.id);
      if (!c || c.deleted_at || seen.has(r.id)) continue;
      seen.add(r.id);
      out.push({ id: r.id, fullName: c.full_name, typeKey: c.type_key, depth: r.depth, referredById: referredBy(r) });
    }
    return out;
  };
  // upstream: X was referred by A (depth 1), A by B (depth 2): A.referredById = B
  const upstream = nodes(up, (r) => up.find((x) => x.via === r.id)?.id ?? null);
  const downstream = nodes(down, (r) => r.via);
  return { upstream, downstream };
}

// ---- companies ---------------------------------------------------------------------------------
type CompanyRelRow = Awaited<ReturnType<typeof companyRelationshipRows>>[number];
const toCompanyRelationship = (r: CompanyRelRow): CompanyRelationship => ({
  id: r.id,
  pairId: r.pair_id,
  companyId: r.company_id,
  kind: r.kind as CompanyRelationshipKind,
  strength: r.strength,
  note: r.note,
  related: { id: r.related_id, name: r.related_name },
  createdAt: r.created_at,
});

export async function listCompanyRelationships(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
): Promise<CompanyRelationship[]> {
  await visibleCompanyRow(ctx.db, actor, companyId);
  return (await companyRelationshipRows(ctx.db, actor.workspaceId, companyId)).map(toCompanyRelationship);
}

export async function addCompanyRelationship(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  input: z.output<typeof CreateCompanyRelationshipBody>,
): Promise<CompanyRelationship> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    await visibleCompanyRow(trx, actor, companyId);
    if (input.relatedCompanyId === companyId)
      throw fieldError('relatedCompanyId', 'A company cannot be related to itself');
    const related = await findCompanyRow(trx, actor.workspaceId, input.relatedCompanyId);
    if (!related || related.deleted_at) throw fieldError('relatedCompanyId', 'No such company in this workspace');
    const pairId = newId();
    const id = newId();
    const base = {
      workspace_id: actor.workspaceId,
      pair_id: pairId,
      strength: input.strength,
      note: input.note ?? null,
      created_by: actor.kind === 'system' ? null : actor.id,
      created_at: now,
      updated_at: now,
    };
    await trx
      .insertInto('company_relationships')
      .values([
        { ...base, id, company_id: companyId, related_company_id: input.relatedCompanyId, kind: input.kind },
        {
          ...base,
          id: newId(),
          company_id: input.relatedCompanyId,
          related_company_id: companyId,
          kind: RECIPROCAL_COMPANY_KIND[input.kind],
        },
      ])
      .execute();
    await recordAudit(
      trx,
      actor,
      {
        action: 'company.relationship_added',
        entityType: 'company',
        entityId: companyId,
        after: { relatedCompanyId: input.relatedCompanyId, kind: input.kind, strength: input.strength },
      },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: 'company.relationship_added',
        entityType: 'company',
        entityId: companyId,
        payload: { pairId, relatedCompanyId: input.relatedCompanyId, kind: input.kind },
      },
      now,
    );
    return toCompanyRelationship(
      (await companyRelationshipRows(trx, actor.workspaceId, companyId)).find((r) => r.id === id)!,
    );
  });
}

export async function removeCompanyRelationship(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, async (trx) => {
    const row = await findCompanyRelationship(trx, actor.workspaceId, id);
    if (!row) throw notFound('Relationship');
    await trx
      .deleteFrom('company_relationships')
      .where('workspace_id', '=', actor.workspaceId)
      .where('pair_id', '=', row.pair_id)
      .execute();
    await recordAudit(
      trx,
      actor,
      {
        action: 'company.relationship_removed',
        entityType: 'company',
        entityId: row.company_id,
        before: { relatedCompanyId: row.related_company_id, kind: row.kind },
      },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: 'company.relationship_removed',
        entityType: 'company',
        entityId: row.company_id,
        payload: { pairId: row.pair_id },
      },
      now,
    );
  });
}
