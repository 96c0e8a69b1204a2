import type { CustomField } from '../../../shared/contracts/contacts-config.js';
import { fromJson } from '../../db/sql-helpers.js';
import { AppError } from '../../http/errors.js';
import { can, ownerScope, type Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/transaction.js';
import { listMembers } from '../users/users.service.js';
import { getWorkspace } from '../workspaces/workspaces.service.js';
import type { ContactTypeRuleRow } from './contact-config.tables.js';
import { listFieldRows, listSourceRows, listTypeRows } from './contact-config.repository.js';
import { toCustomField } from './contact-config.service.js';
import { PhoneParser } from './contacts-bulk-phones.js';
import { tagRows } from './contacts-bulk.repository.js';
import type { Address } from './contacts.tables.js';
import { mergeCustomValues } from './custom-values.js';
import { fullNameOf, nameKey, nameSkeleton } from './name-keys.js';

/** One contact as read from a file row, values already typed; undefined means "not given". */
export interface ContactDraft {
  firstName?: string;
  lastName?: string;
  fullName?: string;
  emails: string[];
  phones: string[];
  typeKey?: string;
  sourceKey?: string;
  /** A member's email, name or id. */
  owner?: string;
  team?: string;
  /** A company name: an existing live company of that name, or a new one. */
  company?: string;
  address?: Address;
  birthday?: string;
  gender?: string;
  preferredLanguage?: string;
  doNotContact?: boolean;
  tags: string[];
  custom: Record<string, unknown>;
  externalId?: string;
}

export interface DraftProblem {
  /** The draft field at fault (firstName, emails, phones, typeKey, custom.<key>, ...). */
  field: string;
  message: string;
}

export interface PreparedContact {
  firstName?: string;
  lastName?: string;
  emails: string[];
  phones: Array<{ e164: string; raw: string; searchForms: string[] }>;
  typeKey?: string;
  sourceKey?: string;
  ownerId?: string;
  team?: string;
  companyName?: string;
  address?: Address;
  birthday?: string;
  gender?: string;
  preferredLanguage?: string;
  doNotContact?: boolean;
  /** Tag name keys (lower-case) and the names as written. */
  tags: Array<{ key: string; name: string }>;
  custom: Record<string, unknown>;
  externalId?: string;
}

/** What validating contact rows needs, loaded once per import (tags again per batch). */
export interface ContactImportContext {
  workspaceId: string;
  region: string;
  actorId: string | null;
  ownerScope: string | null;
  mayCreateTags: boolean;
  customFields: CustomField[];
  types: Map<string, { key: string; label: string; rules: ContactTypeRuleRow[] }>;
  sources: Map<string, string>;
  members: Map<string, string>;
  tags: Map<string, string>;
  phones: PhoneParser;
}

const loose = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.]+/gu, '');
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const LANGUAGE_RE = /^[a-z]{2,3}(-[A-Z]{2})?$/;

export async function loadContactImportContext(ctx: AppContext, db: Db, actor: Actor): Promise<ContactImportContext> {
  const ws = await getWorkspace(ctx, actor.workspaceId);
  const [fields, types, sources, members] = await Promise.all([
    listFieldRows(db, actor.workspaceId, 'contact'),
    listTypeRows(db, actor.workspaceId),
    listSourceRows(db, actor.workspaceId),
    listMembers(db, actor.workspaceId),
  ]);
  const typeMap = new Map<string, { key: string; label: string; rules: ContactTypeRuleRow[] }>();
  for (const t of types.filter((x) => !x.is_archived)) {
    const entry = { key: t.key, label: t.label, rules: fromJson<ContactTypeRuleRow[]>(t.rules, []) };
    typeMap.set(loose(t.label), entry);
    typeMap.set(loose(t.key), entry);
  }
  const sourceMap = new Map<string, string>();
  for (const s of sources.filter((x) => !x.is_archived)) {
    sourceMap.set(loose(s.label), s.key);
    sourceMap.set(loose(s.key), s.key);
  }
  const memberMap = new Map<string, string>();
  for (const m of members.filter((x) => x.isActive)) {
    memberMap.set(loose(m.name), m.id);
    memberMap.set(m.email.toLowerCase(), m.id);
    memberMap.set(m.id, m.id);
  }
  const ictx: ContactImportContext = {
    workspaceId: actor.workspaceId,
    region: ws.phoneRegion,
    actorId: actor.kind === 'user' ? actor.id : null,
    ownerScope: ownerScope(actor),
    mayCreateTags: can(actor, 'tags.manage'),
    customFields: fields.map(toCustomField).filter((f) => !f.isArchived),
    types: typeMap,
    sources: sourceMap,
    members: memberMap,
    tags: new Map(),
    phones: new PhoneParser(ws.phoneRegion),
  };
  await refreshContactImportTags(db, ictx);
  return ictx;
}

/** Tags change as batches create them; reloaded before each batch. */
export async function refreshContactImportTags(db: Db, ictx: ContactImportContext): Promise<void> {
  ictx.tags = new Map((await tagRows(db, ictx.workspaceId)).map((t) => [t.name_key, t.id]));
}

function splitName(full: string): { first: string; last?: string } {
  const words = full.trim().split(/\s+/);
  if (words.length < 2) return { first: words[0] ?? '' };
  return { first: words.slice(0, -1).join(' '), last: words[words.length - 1] };
}

/**
 * Validates and normalizes one draft without writing anything: names, emails, phones (E.164 in the
 * workspace region), type, source, owner, language, tags and custom values (each by its field's type).
 */
export function prepareContact(ictx: ContactImportContext, d: ContactDraft): PreparedContact | DraftProblem[] {
  const problems: DraftProblem[] = [];
  const out: PreparedContact = { emails: [], phones: [], tags: [], custom: {} };
  let first = d.firstName?.trim();
  let last = d.lastName?.trim();
  if (!first && !last && d.fullName?.trim()) ({ first, last } = splitName(d.fullName));
  if (!first && last) [first, last] = [last, undefined];
  if (first) out.firstName = first.slice(0, 100);
  if (last) out.lastName = last.slice(0, 100);
  for (const raw of d.emails) {
    const email = raw.trim().toLowerCase();
    if (!EMAIL_RE.test(email) || email.length > 254)
      problems.push({ field: 'emails', message: `"${raw}" is not a valid email address` });
    else if (!out.emails.includes(email)) out.emails.push(email);
  }
  for (const raw of d.phones) {
    const parsed = ictx.phones.parse(raw);
    if (!parsed)
      problems.push({
        field: 'phones',
        message: `"${raw}" is not a valid phone number (default region ${ictx.region}; add the country code, e.g. +62)`,
      });
    else if (!out.phones.some((p) => p.e164 === parsed.e164))
      out.phones.push({ e164: parsed.e164, raw: raw.trim(), searchForms: parsed.searchForms });
  }
  if (d.typeKey !== undefined) {
    const type = ictx.types.get(loose(d.typeKey));
    if (!type) problems.push({ field: 'typeKey', message: `Unknown contact type "${d.typeKey}"` });
    else out.typeKey = type.key;
  }
  if (d.sourceKey !== undefined) {
    const key = ictx.sources.get(loose(d.sourceKey));
    if (!key) problems.push({ field: 'sourceKey', message: `Unknown source "${d.sourceKey}"` });
    else out.sourceKey = key;
  }
  if (d.owner !== undefined) {
    const id =
      ictx.members.get(d.owner.includes('@') ? d.owner.trim().toLowerCase() : loose(d.owner)) ??
      ictx.members.get(d.owner.trim());
    if (!id) problems.push({ field: 'owner', message: `"${d.owner}" is not an active member of this workspace` });
    else out.ownerId = id;
  }
  if (d.preferredLanguage !== undefined) {
    if (!LANGUAGE_RE.test(d.preferredLanguage))
      problems.push({
        field: 'preferredLanguage',
        message: `Use a language code such as id or en, not "${d.preferredLanguage}"`,
      });
    else out.preferredLanguage = d.preferredLanguage;
  }
  for (const name of d.tags) {
    const key = name.trim().toLowerCase();
    if (!key || out.tags.some((t) => t.key === key)) continue;
    if (key.length > 60) problems.push({ field: 'tags', message: `Tag "${name}" is longer than 60 characters` });
    else if (!ictx.tags.has(key) && !ictx.mayCreateTags)
      problems.push({
        field: 'tags',
        message: `Unknown tag "${name}" (creating tags needs the tags.manage permission)`,
      });
    else out.tags.push({ key, name: name.trim() });
  }
  try {
    out.custom = mergeCustomValues({
      defs: ictx.customFields,
      region: ictx.region,
      input: d.custom,
      existing: {},
      isCreate: false,
    });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    problems.push({
      field: err.extra.field ?? 'custom',
      message: (err.extra.errors?.[0]?.message ?? err.detail ?? err.message).replace(/^custom\.[^:]+: /, ''),
    });
  }
  const simple: Array<keyof ContactDraft & keyof PreparedContact> = [
    'team',
    'birthday',
    'gender',
    'doNotContact',
    'externalId',
  ];
  for (const key of simple) if (d[key] !== undefined) (out as unknown as Record<string, unknown>)[key] = d[key];
  if (d.company?.trim()) out.companyName = d.company.trim().slice(0, 200);
  if (d.address && Object.values(d.address).some(Boolean)) out.address = d.address;
  return problems.length ? problems : out;
}

/** The display name a new contact gets: its name, else its company, email or phone. */
export function firstNameForCreate(p: PreparedContact): string | null {
  return p.firstName ?? p.companyName ?? p.emails[0] ?? p.phones[0]?.raw ?? null;
}

export function nameColumns(firstName: string, lastName: string | null) {
  const full = fullNameOf(firstName, lastName);
  return {
    first_name: firstName,
    last_name: lastName,
    full_name: full,
    name_key: nameKey(full),
    name_skeleton: nameSkeleton(full),
  };
}

/** Fields a `required_fields` type rule can name, with their values on a contact about to be written. */
export function missingRequiredFields(
  ictx: ContactImportContext,
  typeKey: string | null | undefined,
  values: Record<string, unknown>,
  custom: Record<string, unknown>,
): string[] {
  if (!typeKey) return [];
  const type = [...ictx.types.values()].find((t) => t.key === typeKey);
  const missing: string[] = [];
  for (const rule of type?.rules ?? []) {
    if (rule.kind !== 'required_fields') continue;
    for (const f of (rule.fields as string[] | undefined) ?? []) {
      const v = f.startsWith('custom.') ? custom[f.slice(7)] : values[f];
      if (v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length)) missing.push(f);
    }
  }
  return missing;
}

/** Whether a type has rules that can only be checked against the database after the write. */
export function hasRegisteredRules(ictx: ContactImportContext, typeKey: string | null | undefined): boolean {
  if (!typeKey) return false;
  const type = [...ictx.types.values()].find((t) => t.key === typeKey);
  return Boolean(type?.rules.some((r) => r.kind !== 'required_fields'));
}
