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
  throw new AppError('VALIDATION_FAILED', 'cursor: not a cursor this list returned', {
    field: 'cursor',
    errors: [{ field: 'cursor', message: 'Invalid cursor' }],
  });
}

/** Splits the extra row fetched to learn whether another page exists. */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (row: T) => Array<string | number | null>) {
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
