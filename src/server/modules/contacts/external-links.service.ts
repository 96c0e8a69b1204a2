import type { z } from 'zod';
import type {
  CreateExternalLinkBody,
  ExternalLink,
  UpdateExternalLinkBody,
} from '../../../shared/contracts/contacts-relations.js';
import type { ContactSearchHit } from '../../../shared/contracts/contacts.js';
import { newId } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { fromJson, toJson } from '../../db/sql-helpers.js';
import { AppError, notFound } from '../../http/errors.js';
import { ownerScope, type Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import { companyNames } from './contacts.repository.js';
import { visibleContactRow } from './contacts.service.js';

// Links from a contact to records in other systems (student app ids of each child, a payment
// record, a ticketing record), shown on the contact as shortcuts.

type LinkRow = DB['external_links'];
const toLink = (r: LinkRow): ExternalLink => ({
  id: r.id,
  contactId: r.contact_id,
  system: r.system,
  externalId: r.external_id,
  url: r.url,
  label: r.label,
  display: fromJson(r.display, {}),
  lastSyncedAt: r.last_synced_at,
  createdAt: r.created_at,
});

export async function listExternalLinks(ctx: AppContext, actor: Actor, contactId: string): Promise<ExternalLink[]> {
  await visibleContactRow(ctx.db, actor, contactId);
  const rows = await ctx.db
    .selectFrom('external_links')
    .selectAll()
    .where('workspace_id', '=', actor.workspaceId)
    .where('contact_id', '=', contactId)
    .orderBy('system')
    .orderBy('created_at')
    .execute();
  return rows.map(toLink);
}

export async function addExternalLink(
  ctx: AppContext,
  actor: Actor,
  contactId: string,
  input: z.output<typeof CreateExternalLinkBody>,
): Promise<ExternalLink> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    await visibleContactRow(trx, actor, contactId);
    const dup = await trx
      .selectFrom('external_links')
      .select('id')
      .where('workspace_id', '=', actor.workspaceId)
      .where('contact_id', '=', contactId)
      .where('system', '=', input.system)
      .where('external_id', '=', input.externalId)
      .executeTakeFirst();
    if (dup)
      throw new AppError('CONFLICT', `This contact already links to ${input.system} record ${input.externalId}`, {
        field: 'externalId',
      });
    const row: LinkRow = {
      id: newId(),
      workspace_id: actor.workspaceId,
      contact_id: contactId,
      system: input.system,
      external_id: input.externalId,
      url: input.url ?? null,
      label: input.label ?? null,
      display: toJson(input.display),
      last_synced_at: input.lastSyncedAt ? new Date(input.lastSyncedAt).toISOString() : null,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('external_links').values(row).execute();
    const link = toLink(row);
    await recordAudit(
      trx,
      actor,
      { action: 'contact.link_added', entityType: 'contact', entityId: contactId, after: link },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: 'contact.link_added',
        entityType: 'contact',
        entityId: contactId,
        payload: { linkId: row.id, system: row.system, externalId: row.external_id },
      },
      now,
    );
    return link;
  });
}

export async function updateExternalLink(
  ctx: AppContext,
  actor: Actor,
  contactId: string,
  linkId: string,
  patch: z.output<typeof UpdateExternalLinkBody>,
): Promise<ExternalLink> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    await visibleContactRow(trx, actor, contactId);
    const row = await trx
      .selectFrom('external_links')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('contact_id', '=', contactId)
      .where('id', '=', linkId)
      .executeTakeFirst();
    if (!row) throw notFound('Link');
    const next = {
      url: patch.url === undefined ? row.url : patch.url,
      label: patch.label === undefined ? row.label : patch.label,
      display: toJson(patch.display ?? fromJson(row.display, {})),
      last_synced_at:
        patch.lastSyncedAt === undefined
          ? row.last_synced_at
          : patch.lastSyncedAt
            ? new Date(patch.lastSyncedAt).toISOString()
            : null,
      updated_at: now,
    };
    await trx
      .updateTable('external_links')
      .set(next)
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', linkId)
      .execute();
    const after = toLink({ ...row, ...next });
    await recordAudit(
      trx,
      actor,
      { action: 'contact.link_updated', entityType: 'contact', entityId: contactId, before: toLink(row), after },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'contact.link_updated', entityType: 'contact', entityId: contactId, payload: { linkId } },
      now,
    );
    return after;
  });
}

export async function removeExternalLink(
  ctx: AppContext,
  actor: Actor,
  contactId: string,
  linkId: string,
): Promise<void> {
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, async (trx) => {
    await visibleContactRow(trx, actor, contactId);
    const row = await trx
      .selectFrom('external_links')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('contact_id', '=', contactId)
      .where('id', '=', linkId)
      .executeTakeFirst();
    if (!row) throw notFound('Link');
    await trx
      .deleteFrom('external_links')
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', linkId)
      .execute();
    await recordAudit(
      trx,
      actor,
      { action: 'contact.link_removed', entityType: 'contact', entityId: contactId, before: toLink(row) },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: 'contact.link_removed',
        entityType: 'contact',
        entityId: contactId,
        payload: { linkId, system: row.system },
      },
      now,
    );
  });
}

/** Contacts linked to one record of another system (e.g. both parents of a student id). */
export async function contactsByExternalId(
  ctx: AppContext,
  actor: Actor,
  system: string,
  externalId: string,
): Promise<Array<z.infer<typeof ContactSearchHit>>> {
  let q = ctx.db
    .selectFrom('external_links as l')
    .innerJoin('contacts as c', 'c.id', 'l.contact_id')
    .select(['c.id', 'c.full_name', 'c.primary_email', 'c.primary_phone', 'c.type_key', 'c.company_id'])
    .where('l.workspace_id', '=', actor.workspaceId)
    .where('l.system', '=', system)
    .where('l.external_id', '=', externalId)
    .where('c.deleted_at', 'is', null);
  const scope = ownerScope(actor);
  if (scope) q = q.where('c.owner_id', '=', scope);
  const rows = await q.limit(50).execute();
  const companies = await companyNames(
    ctx.db,
    actor.workspaceId,
    rows.map((r) => r.company_id).filter((x): x is string => Boolean(x)),
  );
  return rows.map((r) => ({
    id: r.id,
    fullName: r.full_name,
    primaryEmail: r.primary_email,
    primaryPhone: r.primary_phone,
    typeKey: r.type_key,
    companyName: r.company_id ? (companies.get(r.company_id) ?? null) : null,
  }));
}
