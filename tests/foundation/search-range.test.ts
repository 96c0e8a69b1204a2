import { describe, expect, it } from 'vitest';
import { documentPrefixRange } from '../../src/server/db/search.js';

describe('documentPrefixRange', () => {
  it('is the typed words as plain tokens, up to the key just past every document starting with them', () => {
    expect(documentPrefixRange('Lestari Har')).toEqual({ from: 'lestari har', to: 'lestari has' });
    expect(documentPrefixRange('  Sári,  UTAMI ')).toEqual({ from: 'sari utami', to: 'sari utamj' });
    expect(documentPrefixRange('lestari.h')).toEqual({ from: 'lestari h', to: 'lestari i' });
    expect(documentPrefixRange('budi 9')).toEqual({ from: 'budi 9', to: 'budi :' });
  });

  it('is null for a phone number, nothing searchable, or more than the index keeps', () => {
    expect(documentPrefixRange('0812 3456')).toBeNull();
    expect(documentPrefixRange('+62 812-3456')).toBeNull();
    expect(documentPrefixRange('!!!')).toBeNull();
    expect(documentPrefixRange('a'.repeat(65))).toBeNull();
    expect(documentPrefixRange('a'.repeat(64))).toEqual({ from: 'a'.repeat(64), to: `${'a'.repeat(63)}b` });
  });
});
