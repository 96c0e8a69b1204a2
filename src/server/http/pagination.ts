import { z } from 'zod';
import { isDateText } from '../db/sql-helpers.js';
import { AppError } from './errors.js';

/** What a cursor can hold: the sort values of a page's last row. */
export type CursorValue = string | number | boolean | null;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const instant = z.string().refine((s) => s.includes('T') && isDateText(s));
const day = z.string().refine((s) => s.length === 10 && isDateText(s));

/**
 * The parts a list's cursor is made of. A cursor is opaque to clients but not trusted: each list
 * says what its cursor holds, and a cursor that does not hold exactly that is a 400, so no value
 * reaches SQL that the column could refuse (PostgreSQL answers a text compared with a timestamp,
 * an object, or a malformed uuid with an error).
 */
export const cursorPart = {
  id: z.string().regex(UUID),
  instant,
  /** A date column (a day, or an instant for a timestamp column sorted the same way). */
  dateOrInstant: z.union([day, instant]),
  text: z
    .string()
    .max(2000)
    .refine((s) => !s.includes('\u0000')),
  number: z.number().finite(),
  integer: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
  boolean: z.boolean(),
  /** 0 or 1 (a boolean column sorted as a number). */
  flag: z.union([z.literal(0), z.literal(1)]),
} as const;

/** Opaque keyset cursor: the sort values of the last row of a page. */
export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

type Parts = readonly [z.ZodType, ...z.ZodType[]];
type Decoded<P extends Parts> = { -readonly [K in keyof P]: z.output<P[K]> };

/** The values of a cursor this list wrote, each checked against its part; anything else is a 400 naming `cursor`. */
export function decodeCursor<const P extends Parts>(cursor: string | undefined, parts: P): Decoded<P> | null {
  if (!cursor) return null;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  if (Array.isArray(values) && values.length === parts.length) {
    const parsed = parts.map((p, i) => p.safeParse(values[i]));
    if (parsed.every((r) => r.success)) return parsed.map((r) => r.data) as Decoded<P>;
  }
  throw new AppError('VALIDATION_FAILED', 'cursor: not a cursor this list returned', {
    field: 'cursor',
    errors: [{ field: 'cursor', message: 'Invalid cursor' }],
  });
}

/** Splits the extra row fetched to learn whether another page exists. */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (row: T) => CursorValue[]) {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items, nextCursor: hasMore ? encodeCursor(cursorOf(items[items.length - 1])) : null };
}

/**
 * Every page of a list, one page read ahead: the next page's query is already running while the
 * caller handles this one (an export formats a page while PostgreSQL reads the next on the other
 * core). `read` gets the cursor of the page to read (undefined: the first) and returns its items
 * and the next page's cursor (null or undefined: it was the last).
 */
export async function* pagesReadAhead<T, C>(
  read: (cursor: C | undefined) => Promise<{ items: T[]; next: C | null | undefined }>,
): AsyncGenerator<T[]> {
  let pending = read(undefined);
  for (;;) {
    const page = await pending;
    const last = page.next === null || page.next === undefined;
    if (!last) {
      pending = read(page.next as C);
      pending.catch(() => {}); // observed by the next turn's await; a caller that stops early leaves it unread
      // one turn of the event loop, so the read is sent before the caller's synchronous work starts
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (page.items.length) yield page.items;
    if (last) return;
  }
}
