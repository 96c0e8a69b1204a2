import { sql, type RawBuilder } from 'kysely';
import type { ColumnKind } from './dialect.js';

/**
 * SQL helpers that read the same on SQLite and PostgreSQL. Everything that differs between them is
 * a method of the database handle's dialect object: `dialectOf(db).ilike(...)` (see dialect.ts).
 */

/** Value for a json/jsonb column (pg would turn JS arrays into SQL arrays, so always send text). */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** Reads a json column whatever the driver handed back (parsed already, or text). */
export function fromJson<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as T;
    } catch {
      return fallback;
    }
  }
  return value as T;
}

/** How many rows a running total (stage counters, forecast totals) is spread over on PostgreSQL (see counterSlot). */
export const COUNTER_SLOTS = 16;

/** Escapes % and _ so user text is matched literally inside a LIKE pattern. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Count as a plain number on both dialects. */
export function countAll(): RawBuilder<number> {
  return sql<number>`count(*)`;
}

/** Whether a value looks like an id our uuid columns accept (PostgreSQL rejects anything else). */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/**
 * Whether a text is a day (2026-01-31) or an instant (2026-01-31T08:00:00.000Z, or with an offset)
 * that exists on the calendar: PostgreSQL refuses 2026-02-30 or "soon" for a date or timestamp
 * column, where SQLite would compare the text.
 */
export function isDateText(value: string): boolean {
  if (!/^[1-9]\d{3}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2}))?$/.test(value)) return false;
  const ms = Date.parse(`${value.slice(0, 10)}T00:00:00Z`);
  return (
    !Number.isNaN(ms) &&
    new Date(ms).toISOString().slice(0, 10) === value.slice(0, 10) &&
    !Number.isNaN(Date.parse(value))
  );
}

/** A database error for a value of the wrong shape for its column (PostgreSQL: invalid_text_representation). */
export function isMalformedValueError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '22P02';
}

/** JSON keys written into SQL must be plain identifiers (callers validate them; this is the last guard). */
export function assertJsonKey(key: string): void {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key)) throw new Error(`invalid json key ${key}`);
}

/** What kind of value a column's declared type holds, whichever database declared it. */
export function columnKindOf(type: string): ColumnKind {
  const t = type.toLowerCase();
  return t === 'boolean'
    ? 'boolean'
    : t === 'json' || t === 'jsonb'
      ? 'json'
      : /int|numeric|real|double|decimal/.test(t)
        ? 'number'
        : 'other';
}

/** `insert into "table" ("a","b") `, the names checked: they come from code, never from input. */
export function insertHead(table: string, columns: string[]): string {
  if (![table, ...columns].every((name) => /^[a-z_][a-z0-9_]*$/.test(name)))
    throw new Error(`unexpected identifier in insert into ${table}`);
  return `insert into "${table}" (${columns.map((c) => `"${c}"`).join(',')}) `;
}
