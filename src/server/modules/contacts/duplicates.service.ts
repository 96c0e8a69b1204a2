import type { z } from 'zod';
import type { DuplicateMatch } from '../../../shared/contracts/contacts.js';
import type {
  DismissDuplicateBody,
  DuplicateCheckBody,
  DuplicatePair,
} from '../../../shared/contracts/contacts-merge.js';
import { notFound } from '../../http/errors.js';
import { ownerScope, type Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction, type Db } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import { getWorkspace } from '../workspaces/workspaces.service.js';
import { findContactRows } from './contacts.repository.js';
import { contactsSharingKeys, dismissPair, duplicatePairs, type MatchKeys } from './duplicates.repository.js';
import { fullNameOf, nameSkeleton } from './name-keys.js';
import { parsePhone } from './phone-numbers.js';

/** Likely duplicates of the given keys, strongest reasons first. */
export async function findDuplicates(db: Db, workspaceId: string, keys: MatchKeys): Promise<DuplicateMatch[]> {
  const matches = new Map<string, DuplicateMatch>();
  for (const r of await contactsSharingKeys(db, workspaceId, keys)) {
    const match =
      matches.get(r.id) ??
      matches
        .set(r.id, {
          contactId: r.id,
          fullName: r.full_name,
          primaryEmail: r.primary_email,
          primaryPhone: r.primary_phone,
          typeKey: r.type_key,
          reasons: [],
        })
        .get(r.id)!;
    if (!match.reasons.includes(r.reason)) match.reasons.push(r.reason);
  }
  const order: DuplicateMatch['reasons'] = ['email', 'phone', 'name'];
  for (const m of matches.values()) m.reasons.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const weight = (m: DuplicateMatch) =>
    (m.reasons.includes('email') ? 4 : 0) +
    (m.reasons.includes('phone') ? 4 : 0) +
    (m.reasons.includes('name') ? 1 : 0);
  return [...matches.values()]
    .sort((a, b) => weight(b) - weight(a) || a.fullName.localeCompare(b.fullName))
    .slice(0, 10);
}

/** The check the create/edit form runs while a person types (nothing is written). */
export async function checkDuplicates(
  ctx: AppContext,
  actor: Actor,
  input: z.output<typeof DuplicateCheckBody>,
): Promise<DuplicateMatch[]> {
  const ws = await getWorkspace(ctx, actor.workspaceId);
  const emails = (input.emails ?? []).map((e) => e.trim().toLowerCase()).filter((e) => e.includes('@'));
  const e164s = (input.phones ?? [])
    .map((p) => parsePhone(p, ws.phoneRegion)?.e164)
    .filter((p): p is string => Boolean(p));
  const skeleton = input.firstName ? nameSkeleton(fullNameOf(input.firstName, input.lastName)) : null;
  return findDuplicates(ctx.db, actor.workspaceId, {
    emails,
    e164s,
    skeleton,
    excludeId: input.excludeId,
    ownerScope: ownerScope(actor),
  });
}

/** Likely duplicate pairs across the workspace (the duplicates view). */
export async function listDuplicatePairs(ctx: AppContext, actor: Actor, limit: number): Promise<DuplicatePair[]> {
  const found = await duplicatePairs(ctx.db, actor.workspaceId, limit, ownerScope(actor));
  const pairs = new Map<string, DuplicatePair['reasons']>();
  for (const reason of ['email', 'phone', 'name'] as const) {
    for (const p of found[reason]) {
      const key = `${p.a}|${p.b}`;
      pairs.set(key, [...(pairs.get(key) ?? []), reason]);
    }
  }
  const ids = [...new Set([...pairs.keys()].flatMap((k) => k.split('|')))];
  const rows = new Map((await findContactRows(ctx.db, actor.workspaceId, ids)).map((r) => [r.id, r]));
  const summary = (id: string) => {
    const r = rows.get(id)!;
    return {
      id,
      fullName: r.full_name,
      primaryEmail: r.primary_email,
      primaryPhone: r.primary_phone,
      createdAt: r.created_at,
    };
  };
  return [...pairs.entries()]
    .map(([key, reasons]) => {
      const [a, b] = key.split('|');
      return { a: summary(a), b: summary(b), reasons };
    })
    .sort((x, y) => y.reasons.length - x.reasons.length)
    .slice(0, limit);
}

/** Marks a pair as "not duplicates" so the view stops listing it. */
export async function dismissDuplicate(
  ctx: AppContext,
  actor: Actor,
  input: z.output<typeof DismissDuplicateBody>,
): Promise<void> {
  const [a, b] = input.contactIds;
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, async (trx) => {
    const rows = await findContactRows(trx, actor.workspaceId, [a, b]);
    if (rows.length !== 2) throw notFound('Contact');
    await dismissPair(trx, actor.workspaceId, a, b, actor.kind === 'user' ? actor.id : null, now);
    await recordAudit(
      trx,
      actor,
      { action: 'contact.duplicate_dismissed', entityType: 'contact', entityId: a, meta: { other: b } },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'contact.duplicate_dismissed', entityType: 'contact', entityId: a, payload: { other: b } },
      now,
    );
  });
}
