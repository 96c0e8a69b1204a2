import fc from 'fast-check';
import type { TemplateKey } from '../../src/shared/contracts/workspaces.js';
import { seedDemoActivities } from '../../src/server/modules/activities/activities-demo.service.js';
import { seedDemoContacts } from '../../src/server/modules/contacts/contacts-demo.service.js';
import { seedDemoDeals } from '../../src/server/modules/pipelines/pipelines-demo.service.js';
import { userIdByEmail } from './fixtures.js';
import type { TestApp } from './test-app.js';

// Inputs for an OpenAPI operation, generated with fast-check from the document's own schemas:
// mostly values of the declared shape (so requests get past validation into the services, where
// a 5xx can hide), each value sometimes swapped for an edge case or a value of the wrong type.

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | JsonSchema;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

export interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: JsonSchema;
}

export interface FuzzRequest {
  method: string;
  url: string;
  body?: unknown;
}

const encode = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

function deepArray(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}
function deepObject(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

/** Cursors a client could craft: wrong lengths, wrong types, values no column holds. */
export const BAD_CURSORS = [
  'not-a-cursor',
  '',
  '%%%',
  encode([]),
  encode(['x']),
  encode(['x', 'y']),
  encode([1, 2]),
  encode([{}, []]),
  encode([[1, 2], { a: 1 }]),
  encode([true, false]),
  encode([null, null]),
  encode(['2026-02-30T00:00:00.000Z', '00000000-0000-0000-0000-000000000000']),
  encode(['9999-99-99', 'not-a-uuid']),
  encode([1e308, 'x']),
  encode(["' or 1=1 --", "'; drop table contacts; --"]),
  encode(['a\u0000b', 'x']),
  encode(['x'.repeat(10_000), 'y']),
  encode([1, '2026-01-01T00:00:00.000Z', '00000000-0000-0000-0000-000000000000']),
  encode(['x', 'y', 'z']),
  Buffer.from('{"a":1}').toString('base64url'),
  Buffer.from('[1,').toString('base64url'),
];

const SQLISH = ["' OR '1'='1", '1; DROP TABLE contacts; --', '" or ""="', "') union select * from users --", '%_\\'];

const EDGE_STRINGS = [
  '',
  ' ',
  'x'.repeat(100_000),
  'a\u0000b',
  '\u0000',
  '👩‍👩‍👧‍👦𝒳',
  '\u202Eevil',
  'e\u0301',
  '\uD800',
  '\uFFFF',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  'true',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '2026-02-30T00:00:00.000Z',
  '2026-13-01',
  '0000-01-01T00:00:00Z',
  '275760-09-13T00:00:00.000Z',
  '-infinity',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  'custom.nope',
  'custom.',
  'id; drop',
  ...SQLISH,
];

const EDGE_VALUES: unknown[] = [
  ...EDGE_STRINGS,
  0,
  -1,
  -2_147_483_649,
  2_147_483_648,
  2 ** 53 + 2,
  1e308,
  -1e308,
  1.5,
  true,
  false,
  null,
  [],
  {},
  [null],
  ['a', 1, null],
  { $gt: '' },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  deepArray(500),
  deepObject(500),
];

/** Any edge value: what a careless or hostile client sends. */
export const edgeValue = (): fc.Arbitrary<unknown> => fc.constantFrom(...EDGE_VALUES);

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  return schema.type ? [schema.type] : [];
}

function stringOf(schema: JsonSchema, ids: string[]): fc.Arbitrary<string> {
  const max = Math.min(schema.maxLength ?? 40, 40);
  const min = Math.min(schema.minLength ?? 0, max);
  switch (schema.format) {
    case 'uuid':
      return ids.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids) }, fc.uuid()) : fc.uuid();
    case 'date-time':
      return fc
        .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'date':
      return fc
        .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.constantFrom('https://example.com/a', 'http://localhost/x?y=1');
  }
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 1e9));
    } catch {
      // a pattern JavaScript cannot read: plain strings below
    }
  }
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength: min, maxLength: max }) },
    fc.string({ minLength: min, maxLength: max, unit: 'grapheme' }),
    fc.constantFrom(...SQLISH),
  );
}

function numberOf(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1_000_000);
  const hi = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1_000_000);
  const min = Math.max(lo, -Number.MAX_SAFE_INTEGER);
  const max = Math.min(hi, Number.MAX_SAFE_INTEGER);
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** A value of the schema's shape (children may still be edge values). */
export function shaped(schema: JsonSchema, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices?.length) return fc.oneof(...choices.map((s) => valueFor(s, ids, depth)));
  if (schema.allOf?.length) return shaped(Object.assign({}, ...schema.allOf), ids, depth);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const types = typesOf(schema);
  if (!types.length) return fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'string':
          return stringOf(schema, ids);
        case 'integer':
          return numberOf(schema, true);
        case 'number':
          return numberOf(schema, false);
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        case 'array': {
          const maxLength = Math.min(schema.maxItems ?? 3, 3);
          const minLength = Math.min(schema.minItems ?? 0, maxLength);
          if (depth > 4) return fc.constant([]);
          return fc.array(valueFor(schema.items ?? {}, ids, depth + 1), { minLength, maxLength });
        }
        case 'object': {
          const props = schema.properties ?? {};
          if (depth > 4) return fc.constant({});
          const record = fc.record(
            Object.fromEntries(Object.entries(props).map(([k, s]) => [k, valueFor(s, ids, depth + 1)])),
            { requiredKeys: (schema.required ?? []).filter((k) => k in props) },
          );
          // now and then a field the contract does not have
          return fc.oneof(
            { weight: 9, arbitrary: record },
            fc.tuple(record, fc.constantFrom('unknownField', 'a\u0000b', '__proto__', 'constructor')).map(([r, k]) => ({
              ...(r as object),
              [k]: 1,
            })),
          );
        }
        default:
          return fc.constant(null);
      }
    }),
  );
}

/** Mostly a value of the schema's shape, sometimes an edge value. */
export function valueFor(schema: JsonSchema, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6, arbitrary: shaped(schema, ids, depth) }, { weight: 1, arbitrary: edgeValue() });
}

/** Lone surrogates (a generated string may hold one) cannot be percent-encoded: U+FFFD instead. */
const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

function asQueryText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function paramValue(p: Parameter, ids: string[]): fc.Arbitrary<unknown> {
  const name = p.name.toLowerCase();
  const schema = p.schema ?? { type: 'string' };
  if (name === 'cursor') return fc.oneof(fc.constantFrom(...BAD_CURSORS), valueFor(schema, ids));
  if (name === 'sort' || name === 'sortby' || name === 'order')
    return fc.oneof(
      fc.constantFrom('createdAt', '-createdAt', 'custom.nope', 'nope', 'name desc', 'id; drop'),
      valueFor(schema, ids),
    );
  return valueFor(schema, ids);
}

/** Requests for one operation: path, query and body generated from its schemas. */
export function requestFor(op: Operation, ids: string[]): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const path = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, paramValue(p, ids)])));
  const query = fc.record(Object.fromEntries(queryParams.map((p) => [p.name, paramValue(p, ids)])), {
    requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name),
  });
  const body = op.body
    ? fc.oneof({ weight: 8, arbitrary: shaped(op.body, ids) }, { weight: 1, arbitrary: edgeValue() })
    : fc.constant(undefined);
  return fc.tuple(path, query, body).map(([pv, qv, b]) => {
    let url = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      const text = asQueryText((pv as Record<string, unknown>)[name]);
      // an empty segment would route elsewhere; the edge case there is a very long one
      return encodeURIComponent(wellFormed(text === '' ? 'x' : text.slice(0, 2000)));
    });
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(qv as Record<string, unknown>)) {
      if (v !== undefined) search.append(k, asQueryText(v).slice(0, 8000));
    }
    const qs = search.toString();
    if (qs) url += `?${qs}`;
    return { method: op.method.toUpperCase(), url, ...(b !== undefined ? { body: b } : {}) };
  });
}

/** The operations of an OpenAPI document (paths use `{name}` for parameters). */
export function operationsOf(doc: {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: unknown }>>;
}): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const content = (op.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined)?.content;
      out.push({ method, path, parameters: op.parameters ?? [], body: content?.['application/json']?.schema });
    }
  }
  return out;
}

/** The demo records a first run gets (contacts, companies, deals, activities), which test workspaces leave out. */
export async function seedDemoRecords(t: TestApp, workspaceId: string, template: TemplateKey = 'school') {
  const userIds: Record<string, string> = {};
  for (const role of ['admin', 'manager', 'agent', 'viewer'])
    userIds[role] = await userIdByEmail(t.ctx, `${role}@demo.test`);
  const { contactIds } = await seedDemoContacts(t.ctx, workspaceId, template, userIds);
  await seedDemoDeals(t.ctx, workspaceId, template, contactIds, userIds);
  await seedDemoActivities(t.ctx, workspaceId, template, contactIds, userIds);
  return contactIds;
}
