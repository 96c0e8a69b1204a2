import { describe, expect, it } from 'vitest';
import { jsonBody } from '../../src/server/http/json-body.js';

const text = (body: string | Buffer) => (typeof body === 'string' ? body : body.toString('utf8'));

describe('jsonBody', () => {
  it("writes a large value as bytes that are exactly JSON.stringify's text", () => {
    const card = (i: number) => ({
      id: `card-${i}`,
      title: `Pendaftaran — Budi “Santoso” ${i} ✓ 😀`,
      valueMinor: i * 1000,
      probability: i % 3 ? null : 0.5,
      tags: ['a', 'b\n"c"'],
      due: new Date(Date.UTC(2026, 0, 1 + (i % 28))),
      skipped: undefined,
      fn: () => 1,
      nested: { deeper: { deepest: [1, undefined, () => 2, { x: undefined }] } },
    });
    const board = {
      pipeline: { id: 'p', name: 'Funnel' },
      empty: [],
      none: null,
      columns: Array.from({ length: 10 }, (_, c) => ({
        stage: `s${c}`,
        cards: Array.from({ length: 51 }, (_, i) => card(c * 100 + i)),
        next: c % 2 ? 'cursor' : null,
      })),
    };
    const body = jsonBody(board);
    expect(Buffer.isBuffer(body)).toBe(true);
    expect(text(body)).toBe(JSON.stringify(board));
    const list = Array.from({ length: 300 }, (_, i) => card(i));
    expect(text(jsonBody(list))).toBe(JSON.stringify(list));
    const bare = Object.assign(Object.create(null), { items: list });
    expect(text(jsonBody(bare))).toBe(JSON.stringify(bare));
  });

  it("writes a small value as JSON.stringify's string", () => {
    for (const value of [
      { a: 1, b: [1, 2], c: undefined },
      [1, 'two', null],
      'text',
      3,
      null,
      true,
      { at: new Date(0) },
      [],
    ]) {
      expect(jsonBody(value)).toBe(JSON.stringify(value));
    }
  });
});
