import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { fromJson } from '../../db/sql-helpers.js';
import { AppError } from '../../http/errors.js';
import type { ContactTypeRuleRow } from './contact-config.tables.js';
import { findTypeByKey } from './contact-config.repository.js';

/**
 * A checker for one kind of contact-type rule. It runs inside the writing transaction, after the
 * contact row is written, and returns null when the contact satisfies the rule or a sentence
 * saying what is missing (shown to the user; the write is rolled back).
 */
export type ContactTypeRuleChecker = (
  trx: Transaction<DB>,
  workspaceId: string,
  contactId: string,
  rule: ContactTypeRuleRow,
) => Promise<string | null>;

const checkers = new Map<string, ContactTypeRuleChecker>();

/** Fields a `required_fields` rule may name (besides `custom.<key>`). */
export const REQUIRABLE_FIELDS = [
  'lastName',
  'email',
  'phone',
  'ownerId',
  'sourceKey',
  'companyId',
  'team',
  'birthday',
  'gender',
  'preferredLanguage',
  'address',
] as const;

async function requiredFields(
  trx: Transaction<DB>,
  workspaceId: string,
  contactId: string,
  rule: ContactTypeRuleRow,
): Promise<string | null> {
  const c = await trx
    .selectFrom('contacts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', contactId)
    .executeTakeFirstOrThrow();
  const custom = fromJson<Record<string, unknown>>(c.custom, {});
  const values: Record<string, unknown> = {
    lastName: c.last_name,
    email: c.primary_email,
    phone: c.primary_phone,
    ownerId: c.owner_id,
    sourceKey: c.source_key,
    companyId: c.company_id,
    team: c.team,
    birthday: c.birthday,
    gender: c.gender,
    preferredLanguage: c.preferred_language,
    address: c.address,
  };
  const missing = ((rule.fields as string[] | undefined) ?? []).filter((f) => {
    const v = f.startsWith('custom.') ? custom[f.slice(7)] : values[f];
    return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
  });
  return missing.length ? `needs ${missing.join(', ')}` : null;
}
checkers.set('required_fields', requiredFields);

/** Plugs in a rule kind (e.g. pipelines: "must have an open item in an enrollment pipeline"). */
export function registerContactTypeRule(kind: string, checker: ContactTypeRuleChecker): void {
  checkers.set(kind, checker);
}

export function isKnownRuleKind(kind: string): boolean {
  return checkers.has(kind);
}

/**
 * Checks every rule of the contact's type. `onlyFields` limits the check to required fields
 * (edits that keep the type re-check what they could break; registered kinds run when a contact
 * gets its type). Throws CONTACT_TYPE_RULE naming the type and what is missing.
 */
export async function enforceContactTypeRules(
  trx: Transaction<DB>,
  workspaceId: string,
  contactId: string,
  typeKey: string | null,
  opts: { onlyFields?: boolean } = {},
): Promise<void> {
  if (!typeKey) return;
  const type = await findTypeByKey(trx, workspaceId, typeKey);
  if (!type) return;
  for (const rule of fromJson<ContactTypeRuleRow[]>(type.rules, [])) {
    if (opts.onlyFields && rule.kind !== 'required_fields') continue;
    const checker = checkers.get(rule.kind);
    if (!checker) continue; // a rule whose module is not installed imposes nothing
    const problem = await checker(trx, workspaceId, contactId, rule);
    if (problem)
      throw new AppError('CONTACT_TYPE_RULE', `A ${type.label} contact ${problem}`, {
        field: 'typeKey',
        errors: [{ field: 'typeKey', message: `A ${type.label} contact ${problem}`, code: rule.kind }],
      });
  }
}
