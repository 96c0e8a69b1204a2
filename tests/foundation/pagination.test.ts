import { describe, expect, it } from 'vitest';
import { pagesReadAhead } from '../../src/server/http/pagination.js';

/** A list of `total` numbers read `size` at a time, recording when each read starts. */
function pagedList(total: number, size: number, log: string[]) {
  return async (cursor: number | undefined) => {
    const from = cursor ?? 0;
    log.push(`read ${from}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const items = Array.from({ length: Math.min(size, total - from) }, (_, i) => from + i);
    return { items, next: from + size < total ? from + size : null };
  };
}

describe('pages read ahead', () => {
  it('yields every page in order and starts reading the next before the caller has handled this one', async () => {
    const log: string[] = [];
    const seen: number[] = [];
    for await (const page of pagesReadAhead(pagedList(7, 3, log))) {
      log.push(`handle ${page[0]}`);
      seen.push(...page);
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // the read of each next page was already under way when its predecessor was handed over
    expect(log).toEqual(['read 0', 'read 3', 'handle 0', 'read 6', 'handle 3', 'handle 6']);
  });

  it('stops after a last page, and yields nothing for an empty list', async () => {
    const log: string[] = [];
    const pages: number[][] = [];
    for await (const page of pagesReadAhead(pagedList(0, 3, log))) pages.push(page);
    expect(pages).toEqual([]);
    expect(log).toEqual(['read 0']);
  });

  it('passes a failed read to the caller at the page it belongs to', async () => {
    const read = async (cursor: number | undefined) => {
      if (cursor === 2) throw new Error('page 2 failed');
      return { items: [cursor ?? 0], next: (cursor ?? 0) + 1 };
    };
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const page of pagesReadAhead(read)) seen.push(...page);
      })(),
    ).rejects.toThrow('page 2 failed');
    expect(seen).toEqual([0, 1]);
  });

  it('a caller that stops early leaves no unhandled failure behind', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (err: unknown) => unhandled.push(err);
    process.on('unhandledRejection', onUnhandled);
    try {
      const read = async (cursor: number | undefined) => {
        if (cursor) throw new Error('read after the caller stopped');
        return { items: [0], next: 1 };
      };
      for await (const page of pagesReadAhead(read)) {
        expect(page).toEqual([0]);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
