import type { Db } from '../../platform/transaction.js';
import {
  firstNameForCreate,
  type ContactImportContext,
  type DraftProblem,
  type PreparedContact,
} from './contacts-bulk-prepare.js';
import { dialectOf } from '../../db/dialect.js';
import {
  contactsByEmails,
  contactsByExternalIds,
  contactsByPhones,
  takenCustomValues,
} from './contacts-bulk.repository.js';

// Deciding, for a batch of prepared rows, which create a contact, which update an existing one
// (matched by external id, email or phone: one query per key kind for the whole batch), which are
// skipped, and which fail a rule that needs the database (values of unique custom fields).

export type DuplicateStrategy = 'skip' | 'update' | 'create';
export type MatchKey = 'phone' | 'email' | 'externalId';

export type ContactRowPlan =
  | { kind: 'invalid'; problems: DraftProblem[] }
  | { kind: 'create'; contact: PreparedContact }
  | { kind: 'update'; contactId: string; contact: PreparedContact; matchedBy: MatchKey }
  | { kind: 'skip'; reason: string }
  /** Same person as an earlier row of this batch: folded into that row's create or update. */
  | { kind: 'merge'; into: number; contact: PreparedContact };

export interface PlanOptions {
  strategy: DuplicateStrategy;
  matchBy: MatchKey[];
  externalSystem: string;
}

/** Values of `b` fill in `a`: given scalars replace, lists are united. */
export function mergePrepared(a: PreparedContact, b: PreparedContact): PreparedContact {
  const out: PreparedContact = {
    ...a,
    ...Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined)),
  } as PreparedContact;
  out.emails = [...new Set([...a.emails, ...b.emails])];
  out.phones = [...a.phones, ...b.phones.filter((p) => !a.phones.some((x) => x.e164 === p.e164))];
  out.tags = [...a.tags, ...b.tags.filter((t) => !a.tags.some((x) => x.key === t.key))];
  out.custom = { ...a.custom, ...b.custom };
  out.address = a.address || b.address ? { ...a.address, ...b.address } : undefined;
  return out;
}

function keysOf(p: PreparedContact, matchBy: MatchKey[]): Array<[MatchKey, string]> {
  const keys: Array<[MatchKey, string]> = [];
  if (matchBy.includes('externalId') && p.externalId) keys.push(['externalId', p.externalId]);
  if (matchBy.includes('email')) for (const e of p.emails) keys.push(['email', e]);
  if (matchBy.includes('phone')) for (const x of p.phones) keys.push(['phone', x.e164]);
  return keys;
}

const MATCH_LABEL: Record<MatchKey, string> = { externalId: 'external id', email: 'email', phone: 'phone' };

export async function planContactBatch(
  db: Db,
  ictx: ContactImportContext,
  items: Array<PreparedContact | DraftProblem[]>,
  opts: PlanOptions,
): Promise<ContactRowPlan[]> {
  const plans: ContactRowPlan[] = items.map((item) =>
    Array.isArray(item) ? { kind: 'invalid', problems: item } : { kind: 'create', contact: item },
  );
  for (const plan of plans) {
    if (plan.kind === 'create' && !firstNameForCreate(plan.contact))
      Object.assign(plan, {
        kind: 'invalid',
        problems: [{ field: 'firstName', message: 'No name, company, email or phone to name this contact' }],
      });
  }
  if (opts.strategy !== 'create') await matchExisting(db, ictx, plans, opts);
  await checkUniqueCustomValues(db, ictx, plans);
  for (const plan of plans) {
    if (plan.kind !== 'create') continue;
    const missing = ictx.customFields.filter(
      (f) => f.isRequired && [undefined, null, ''].includes(plan.contact.custom[f.key] as never),
    );
    if (missing.length)
      Object.assign(plan, {
        kind: 'invalid',
        problems: missing.map((f) => ({ field: `custom.${f.key}`, message: `${f.label} is required` })),
      });
  }
  return plans;
}

async function matchExisting(
  db: Db,
  ictx: ContactImportContext,
  plans: ContactRowPlan[],
  opts: PlanOptions,
): Promise<void> {
  const wanted: Record<MatchKey, Set<string>> = { externalId: new Set(), email: new Set(), phone: new Set() };
  for (const plan of plans)
    if (plan.kind === 'create') for (const [kind, key] of keysOf(plan.contact, opts.matchBy)) wanted[kind].add(key);
  const scope = { workspaceId: ictx.workspaceId, ownerScope: ictx.ownerScope };
  const [byExt, byEmail, byPhone] = await Promise.all([
    contactsByExternalIds(db, scope, opts.externalSystem, [...wanted.externalId]),
    contactsByEmails(db, scope, [...wanted.email]),
    contactsByPhones(db, scope, [...wanted.phone]),
  ]);
  const existing: Record<MatchKey, Map<string, string>> = { externalId: new Map(), email: new Map(), phone: new Map() };
  for (const [kind, rows] of [
    ['externalId', byExt],
    ['email', byEmail],
    ['phone', byPhone],
  ] as const)
    for (const r of rows) if (!existing[kind].has(r.key)) existing[kind].set(r.key, r.id);
  // keys of rows earlier in this batch that create or update a contact
  const earlier = new Map<string, number>();
  const updateOf = new Map<string, number>();
  plans.forEach((plan, index) => {
    if (plan.kind !== 'create') return;
    const keys = keysOf(plan.contact, opts.matchBy);
    const hit = keys.map(([kind, key]) => ({ kind, id: existing[kind].get(key) })).find((h) => h.id);
    if (hit?.id) {
      if (opts.strategy === 'skip') {
        plans[index] = { kind: 'skip', reason: `Matches an existing contact by ${MATCH_LABEL[hit.kind]}` };
      } else if (updateOf.has(hit.id)) {
        plans[index] = { kind: 'merge', into: updateOf.get(hit.id)!, contact: plan.contact };
      } else {
        updateOf.set(hit.id, index);
        plans[index] = { kind: 'update', contactId: hit.id, contact: plan.contact, matchedBy: hit.kind };
      }
      return;
    }
    const same = keys.map(([kind, key]) => earlier.get(`${kind}|${key}`)).find((i) => i !== undefined);
    if (same !== undefined) {
      plans[index] =
        opts.strategy === 'skip'
          ? { kind: 'skip', reason: 'Same contact as an earlier row of this file' }
          : { kind: 'merge', into: same, contact: plan.contact };
      return;
    }
    for (const [kind, key] of keys) earlier.set(`${kind}|${key}`, index);
  });
}

/** Unique custom fields: a value another live contact has, or an earlier row of the batch, fails the row. */
async function checkUniqueCustomValues(db: Db, ictx: ContactImportContext, plans: ContactRowPlan[]): Promise<void> {
  for (const def of ictx.customFields.filter((f) => f.isUnique)) {
    const values = new Map<string, number>();
    const clash = new Set<number>();
    plans.forEach((plan, i) => {
      if ((plan.kind !== 'create' && plan.kind !== 'update') || plan.contact.custom[def.key] === undefined) return;
      const v = String(plan.contact.custom[def.key]);
      if (values.has(v)) clash.add(i);
      else values.set(v, i);
    });
    const taken = await takenCustomValues(
      db,
      'contacts',
      ictx.workspaceId,
      dialectOf(db).jsonKeyText('custom', def.key),
      [...values.keys()],
    );
    plans.forEach((plan, i) => {
      if (plan.kind !== 'create' && plan.kind !== 'update') return;
      const v = plan.contact.custom[def.key];
      if (v === undefined) return;
      const holder = taken.get(String(v));
      const isTakenByOther = holder !== undefined && !(plan.kind === 'update' && holder === plan.contactId);
      if (clash.has(i) || isTakenByOther)
        Object.assign(plans[i], {
          kind: 'invalid',
          problems: [
            { field: `custom.${def.key}`, message: `Another contact already has ${def.label} "${String(v)}"` },
          ],
        });
    });
  }
}
