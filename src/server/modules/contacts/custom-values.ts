import type { CustomField } from '../../../shared/contracts/contacts-config.js';
import { AppError, fieldError } from '../../http/errors.js';
import type { Db } from '../../platform/transaction.js';
import { dialectOf } from '../../db/dialect.js';
import { parsePhone } from './phone-numbers.js';

const URL_RE = /^https?:\/\/[^\s/$.?#].[^\s]*$/i;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** One value checked against its field's type; returns the stored form or throws naming `custom.<key>`. */
function normalizeValue(def: CustomField, value: unknown, region: string): unknown {
  const field = `custom.${def.key}`;
  const fail = (message: string) => fieldError(field, message);
  const choices = new Set(def.choices.map((c) => c.value));
  switch (def.type) {
    case 'text':
    case 'long_text': {
      if (typeof value !== 'string') throw fail('Enter text');
      const max = def.type === 'text' ? 500 : 10_000;
      if (value.length > max) throw fail(`At most ${max} characters`);
      return value.trim();
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw fail('Enter a number');
      return value;
    case 'money':
      if (typeof value !== 'number' || !Number.isSafeInteger(value))
        throw fail('Enter an amount in minor units (a whole number, e.g. cents)');
      return value;
    case 'date':
      if (typeof value !== 'string' || !DATE_RE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
        throw fail('Use a date such as 2026-07-31');
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw fail('Use true or false');
      return value;
    case 'select':
      if (typeof value !== 'string' || !choices.has(value)) throw fail(`Pick one of: ${[...choices].join(', ')}`);
      return value;
    case 'multi_select':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !choices.has(v)))
        throw fail(`Pick any of: ${[...choices].join(', ')}`);
      return [...new Set(value as string[])];
    case 'url':
      if (typeof value !== 'string' || value.length > 2000 || !URL_RE.test(value.trim()))
        throw fail('Use an http(s) URL');
      return value.trim();
    case 'email':
      if (typeof value !== 'string' || value.length > 254 || !EMAIL_RE.test(value.trim()))
        throw fail('Enter a valid email address');
      return value.trim().toLowerCase();
    case 'phone': {
      const parsed = typeof value === 'string' ? parsePhone(value, region) : null;
      if (!parsed) throw fail(`"${String(value)}" is not a valid phone number (region ${region})`);
      return parsed.e164;
    }
  }
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

export interface CustomValuesInput {
  defs: CustomField[];
  region: string;
  /** Values sent by the caller (keys not sent stay as they are). */
  input: Record<string, unknown> | undefined;
  existing: Record<string, unknown>;
  isCreate: boolean;
}

/** Validates a record's custom values against the workspace's definitions; returns the merged values. */
export function mergeCustomValues({
  defs,
  region,
  input,
  existing,
  isCreate,
}: CustomValuesInput): Record<string, unknown> {
  const live = new Map(defs.filter((d) => !d.isArchived).map((d) => [d.key, d]));
  const out: Record<string, unknown> = { ...existing };
  for (const [key, value] of Object.entries(input ?? {})) {
    const def = live.get(key);
    if (!def) throw fieldError(`custom.${key}`, 'Unknown custom field');
    if (isEmpty(value)) {
      if (def.isRequired) throw fieldError(`custom.${key}`, `${def.label} is required`);
      delete out[key];
    } else {
      out[key] = normalizeValue(def, value, region);
    }
  }
  if (isCreate) {
    for (const def of live.values())
      if (def.isRequired && isEmpty(out[def.key])) throw fieldError(`custom.${def.key}`, `${def.label} is required`);
  }
  return out;
}

/** Refuses a value another live record of the workspace already has in a unique field. */
export async function assertUniqueCustomValues(
  db: Db,
  table: 'contacts' | 'companies',
  workspaceId: string,
  selfId: string,
  defs: CustomField[],
  changed: Record<string, unknown>,
): Promise<void> {
  for (const def of defs) {
    if (!def.isUnique || def.isArchived || !(def.key in changed) || isEmpty(changed[def.key])) continue;
    const other = await db
      .selectFrom(table)
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('deleted_at', 'is', null)
      .where('id', '!=', selfId)
      .where(dialectOf(db).jsonKeyText('custom', def.key), '=', String(changed[def.key]))
      .limit(1)
      .executeTakeFirst();
    if (other)
      throw new AppError(
        'VALUE_NOT_UNIQUE',
        `custom.${def.key}: another record already has ${def.label} "${String(changed[def.key])}"`,
        {
          field: `custom.${def.key}`,
          errors: [{ field: `custom.${def.key}`, message: `Another record already has this ${def.label}` }],
        },
      );
  }
}
