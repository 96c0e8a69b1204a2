import { sql, type RawBuilder } from 'kysely';
import type { CustomField } from '../../../shared/contracts/contacts-config.js';
import type { FilterCondition } from '../../../shared/contracts/contacts-query.js';
import type { SqlDialect } from '../../db/dialect.js';
import { isDateText, isUuid, likeEscape } from '../../db/sql-helpers.js';
import { fieldError } from '../../http/errors.js';

// Turns list filter conditions (standard fields and custom.<key>) into SQL over `contacts as c`.

type Kind = 'text' | 'key' | 'number' | 'date' | 'boolean' | 'multi';

interface FieldSpec {
  kind: Kind;
  expr: RawBuilder<unknown>;
}

export interface FilterScope {
  /** The database's SQL dialect (dialectOf the handle the filter is for). */
  sql: SqlDialect;
  workspaceId: string;
  customFields: CustomField[];
}

const COLUMNS: Record<string, { kind: Kind; column: string }> = {
  firstName: { kind: 'text', column: 'c.first_name' },
  lastName: { kind: 'text', column: 'c.last_name' },
  fullName: { kind: 'text', column: 'c.full_name' },
  team: { kind: 'text', column: 'c.team' },
  typeKey: { kind: 'key', column: 'c.type_key' },
  sourceKey: { kind: 'key', column: 'c.source_key' },
  ownerId: { kind: 'key', column: 'c.owner_id' },
  companyId: { kind: 'key', column: 'c.company_id' },
  gender: { kind: 'key', column: 'c.gender' },
  preferredLanguage: { kind: 'key', column: 'c.preferred_language' },
  birthday: { kind: 'date', column: 'c.birthday' },
  doNotContact: { kind: 'boolean', column: 'c.do_not_contact' },
  createdAt: { kind: 'date', column: 'c.created_at' },
  updatedAt: { kind: 'date', column: 'c.updated_at' },
  primaryEmail: { kind: 'text', column: 'c.primary_email' },
  primaryPhone: { kind: 'text', column: 'c.primary_phone' },
  deletedAt: { kind: 'date', column: 'c.deleted_at' },
};

const UUID_FIELDS = new Set(['ownerId', 'companyId']);

const CUSTOM_KIND: Record<CustomField['type'], Kind> = {
  text: 'text',
  long_text: 'text',
  url: 'text',
  email: 'text',
  phone: 'text',
  select: 'key',
  number: 'number',
  money: 'number',
  date: 'date',
  boolean: 'boolean',
  multi_select: 'multi',
};

const OPS_BY_KIND: Record<Kind, string[]> = {
  text: ['eq', 'neq', 'in', 'contains', 'starts_with', 'empty', 'not_empty'],
  key: ['eq', 'neq', 'in', 'empty', 'not_empty'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'empty', 'not_empty'],
  date: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'empty', 'not_empty'],
  boolean: ['eq', 'empty', 'not_empty'],
  multi: ['in', 'contains', 'empty', 'not_empty'],
};

/** The SQL expression and kind of a sortable/filterable field, or null when there is none. */
export function fieldSpec(scope: FilterScope, field: string): (FieldSpec & { customKey?: string }) | null {
  if (field.startsWith('custom.')) {
    const key = field.slice(7);
    const def = scope.customFields.find((f) => f.key === key && !f.isArchived);
    if (!def) return null;
    const kind = CUSTOM_KIND[def.type];
    const expr =
      kind === 'number' ? scope.sql.jsonMemberNumber('c.custom', key) : scope.sql.jsonKeyText('c.custom', key);
    return { kind, expr, customKey: key };
  }
  if (field === 'city' || field === 'region' || field === 'country')
    return { kind: 'text', expr: scope.sql.jsonKeyText('c.address', field) };
  const col = COLUMNS[field];
  return col ? { kind: col.kind, expr: sql.ref(col.column) } : null;
}

function asList(v: unknown): Array<string | number> {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v as string | number];
}

/** SQL for one condition; throws a 400 naming `filter.conditions.<i>` when it does not fit the field. */
export function conditionSql(scope: FilterScope, cond: FilterCondition, index: number): RawBuilder<boolean> {
  const at = `filter.conditions.${index}`;
  if (cond.field === 'email' || cond.field === 'phone') return childCondition(scope, cond, at);
  const spec = fieldSpec(scope, cond.field);
  if (!spec) throw fieldError(`${at}.field`, `Unknown field "${cond.field}"`);
  if (!OPS_BY_KIND[spec.kind].includes(cond.op))
    throw fieldError(`${at}.op`, `"${cond.op}" does not apply to ${cond.field}`);
  const { expr, kind } = spec;
  const v = cond.value;
  if (cond.op === 'empty' || cond.op === 'not_empty') {
    const isEmpty =
      kind === 'text'
        ? sql<boolean>`(${expr} is null or ${expr} = '')`
        : kind === 'multi' && spec.customKey
          ? sql<boolean>`(${expr} is null or ${expr} = '[]')`
          : sql<boolean>`(${expr} is null)`;
    return cond.op === 'empty' ? isEmpty : sql<boolean>`not ${isEmpty}`;
  }
  if (kind === 'boolean') {
    if (typeof v !== 'boolean') throw fieldError(`${at}.value`, 'Use true or false');
    if (spec.customKey)
      return v
        ? scope.sql.jsonMemberIsTrue('c.custom', spec.customKey)
        : sql<boolean>`not ${scope.sql.jsonMemberIsTrue('c.custom', spec.customKey)}`;
    return sql<boolean>`${expr} = ${v}`;
  }
  if (kind === 'multi') {
    const values = asList(v).map(String);
    if (!values.length) throw fieldError(`${at}.value`, 'Pick at least one value');
    return sql<boolean>`(${sql.join(
      values.map((x) => scope.sql.jsonMemberArrayHas('c.custom', spec.customKey!, x)),
      sql` or `,
    )})`;
  }
  if (UUID_FIELDS.has(cond.field) && asList(v).some((x) => typeof x !== 'string' || !isUuid(x)))
    throw fieldError(`${at}.value`, 'Not a valid id');
  // a date or timestamp column compares only with a date PostgreSQL can read (custom dates are text)
  if (kind === 'date' && !spec.customKey && asList(v).some((x) => typeof x !== 'string' || !isDateText(x)))
    throw fieldError(`${at}.value`, 'Use a date such as 2026-01-31');
  if (cond.op === 'in') {
    const values = asList(v);
    if (!values.length) throw fieldError(`${at}.value`, 'Give at least one value');
    return sql<boolean>`${expr} in (${sql.join(values.map(String))})`;
  }
  if (kind === 'number') {
    if (typeof v !== 'number') throw fieldError(`${at}.value`, 'Use a number');
  } else if (typeof v !== 'string') {
    throw fieldError(`${at}.value`, kind === 'date' ? 'Use a date such as 2026-01-31' : 'Use text');
  }
  switch (cond.op) {
    case 'eq':
      return sql<boolean>`${expr} = ${v}`;
    case 'neq':
      return sql<boolean>`(${expr} is null or ${expr} <> ${v})`;
    case 'contains':
      return scope.sql.ilike(expr, `%${likeEscape(String(v))}%`);
    case 'starts_with':
      return scope.sql.ilike(expr, `${likeEscape(String(v))}%`);
    case 'gt':
      return sql<boolean>`${expr} > ${v}`;
    case 'gte':
      return sql<boolean>`${expr} >= ${v}`;
    case 'lt':
      return sql<boolean>`${expr} < ${v}`;
    default:
      return sql<boolean>`${expr} <= ${v}`;
  }
}

/** email / phone conditions look at every address and number of the contact. */
function childCondition(scope: FilterScope, cond: FilterCondition, at: string): RawBuilder<boolean> {
  const isEmail = cond.field === 'email';
  const table = sql.raw(isEmail ? 'contact_emails' : 'contact_phones');
  const col = sql.raw(isEmail ? 'x.email' : 'x.e164');
  const exists = (extra: RawBuilder<unknown>) =>
    sql<boolean>`exists (select 1 from ${table} x where x.workspace_id = ${scope.workspaceId} and x.contact_id = c.id${extra})`;
  if (cond.op === 'empty') return sql<boolean>`not ${exists(sql``)}`;
  if (cond.op === 'not_empty') return exists(sql``);
  if (typeof cond.value !== 'string' && cond.op !== 'in') throw fieldError(`${at}.value`, 'Use text');
  const norm = (s: string) => (isEmail ? s.trim().toLowerCase() : s.replace(/[^\d+]/g, ''));
  switch (cond.op) {
    case 'eq':
      return exists(sql` and ${col} = ${norm(String(cond.value))}`);
    case 'in':
      return exists(sql` and ${col} in (${sql.join(asList(cond.value).map((s) => norm(String(s))))})`);
    case 'contains':
      return exists(
        sql` and ${col} like ${`%${likeEscape(norm(String(cond.value)).replace(/^\+/, ''))}%`} escape '\\'`,
      );
    case 'starts_with':
      return exists(sql` and ${col} like ${`${likeEscape(norm(String(cond.value)))}%`} escape '\\'`);
    default:
      throw fieldError(`${at}.op`, `"${cond.op}" does not apply to ${cond.field}`);
  }
}
