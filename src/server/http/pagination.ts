import { AppError } from './errors.js';

/** Opaque keyset cursor: the sort values of the last row of a page. */
export function encodeCursor(values: Array<string | number | null>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, length: number): Array<string | number | null> | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === length) return v;
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION_FAILED', 'cursor: not a cursor this list returned', { field: 'cursor', errors: [{ field: 'cursor', message: 'Invalid cursor' }] });
}

/** Splits the extra row fetched to learn whether another page exists. */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (row: T) => Array<string | number | null>) {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items, nextCursor: hasMore ? encodeCursor(cursorOf(items[items.length - 1])) : null };
}
