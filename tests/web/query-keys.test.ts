/// <reference types="vite/client" />
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The web app's query key factories (`contactKeys`, `memberKeys`, ...), one per resource in the
 * feature's api/ files. A key is made only together with its fetcher (queryOptions), and lint keeps
 * keys and fetchers out of components; this checks that no two factories, and no two queries of one
 * factory, can produce the same key, so two hooks never cache different answers under one key.
 */
const GLOB = '../../src/web/features/*/api/*.ts';
const loaders = import.meta.glob<Record<string, unknown>>('../../src/web/features/*/api/*.ts');
const sources = import.meta.glob<string>('../../src/web/features/*/api/*.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});
let modules: Record<string, Record<string, unknown>> = {};

beforeAll(async () => {
  // The files that declare key factories (the others hold only mutations and need a browser).
  const withFactories = Object.keys(loaders).filter((file) => /export const \w+Keys = \{/.test(sources[file]));
  expect(withFactories.length, `key factories under ${GLOB}`).toBeGreaterThan(20);
  modules = Object.fromEntries(await Promise.all(withFactories.map(async (file) => [file, await loaders[file]()])));
});

interface Factory {
  name: string;
  all: readonly unknown[];
  members: Record<string, unknown>;
}

function factories(): Factory[] {
  const found: Factory[] = [];
  for (const [file, exports] of Object.entries(modules))
    for (const [name, value] of Object.entries(exports)) {
      if (!name.endsWith('Keys') || typeof value !== 'object' || value === null) continue;
      const all = (value as { all?: unknown }).all;
      expect(Array.isArray(all), `${file}: ${name}.all is the resource's key prefix`).toBe(true);
      found.push({ name, all: all as unknown[], members: value as Record<string, unknown> });
    }
  return found;
}

const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) =>
  prefix.every((part, i) => JSON.stringify(key[i]) === JSON.stringify(part));

describe('web query key factories', () => {
  let list: Factory[] = [];
  beforeAll(() => {
    list = factories();
  });

  it('covers every resource the api files declare', () => {
    const names = list.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['contactKeys', 'memberKeys', 'dealKeys', 'taskKeys', 'auditKeys']));
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives each resource its own key prefix', () => {
    const byPrefix = new Map<string, string>();
    for (const f of list) {
      const prefix = JSON.stringify(f.all);
      expect(byPrefix.get(prefix), `${f.name} and ${byPrefix.get(prefix)} share the prefix ${prefix}`).toBeUndefined();
      byPrefix.set(prefix, f.name);
    }
  });

  it('makes every query key under its factory prefix, and no key twice', () => {
    const owners = new Map<string, string>();
    let checked = 0;
    for (const f of list)
      for (const [member, make] of Object.entries(f.members)) {
        if (member === 'all' || typeof make !== 'function') continue;
        // Same stand-in for every argument: two queries that differ only by their arguments' values
        // still differ by their key's fixed parts.
        const made = (make as (...args: unknown[]) => unknown)(...Array.from({ length: make.length }, () => 'x'));
        const key = Array.isArray(made) ? made : (made as { queryKey?: unknown[] }).queryKey;
        expect(Array.isArray(key), `${f.name}.${member}() returns a key or queryOptions`).toBe(true);
        expect(startsWith(key!, f.all), `${f.name}.${member}() starts with ${JSON.stringify(f.all)}`).toBe(true);
        if (Array.isArray(made)) continue; // a prefix for invalidation, not a query
        const id = JSON.stringify(key);
        expect(owners.get(id), `${f.name}.${member} and ${owners.get(id)} both cache under ${id}`).toBeUndefined();
        owners.set(id, `${f.name}.${member}`);
        checked++;
      }
    expect(checked).toBeGreaterThan(30);
  });

  it('reads the workspace members through one query', () => {
    const fetchesUsers = (make: unknown) => {
      if (typeof make !== 'function') return false;
      const made = (make as (...args: unknown[]) => { queryFn?: unknown })(
        ...Array.from({ length: make.length }, () => 'x'),
      );
      return /['"`]\/users['"`]/.test(String(made.queryFn ?? ''));
    };
    const members = list.filter((f) => Object.values(f.members).some(fetchesUsers));
    expect(members.map((f) => f.name)).toEqual(['memberKeys']);
  });
});
