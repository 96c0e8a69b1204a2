import net from 'node:net';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { BAD_CURSORS, seedDemoRecords } from '../helpers/openapi-fuzz.js';
import { createTestApp, describeEachDialect, seedWithClients, type TestApp } from '../helpers/test-app.js';

type Res = { statusCode: number; headers: Record<string, unknown>; json(): Record<string, unknown>; body: string };

function expectProblem(res: Res, status: number, field?: string) {
  expect({ status: res.statusCode, body: res.body.slice(0, 300) }).toMatchObject({ status });
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  if (field) expect(body.field).toBe(field);
}

const countOf = async (t: TestApp, table: string) =>
  Number(
    (
      await (t.ctx.db as unknown as import('kysely').Kysely<Record<string, object>>)
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const cursorOf = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
/** Crafted cursors of the right shape for a list sorted by text (or the notes' three parts). */
const VALID_FOR_SOME_LIST = [
  cursorOf(['2026-02-30T00:00:00.000Z', '00000000-0000-0000-0000-000000000000']),
  cursorOf([1, '2026-01-01T00:00:00.000Z', '00000000-0000-0000-0000-000000000000']),
];

describeEachDialect('crafted input: cursors, NUL bytes, unique keys, streams, framework errors', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, { config: { RATE_LIMIT_PER_MINUTE: 100_000 } });
  });
  afterEach(async () => t.close());

  it('a crafted cursor is a 400 naming `cursor` on every list, and a cursor a list wrote still pages', async () => {
    const s = await seedWithClients(t);
    await seedDemoRecords(t, s.workspace.id);
    const contact = (await s.admin.get('/api/contacts?limit=1')).json().items[0].id as string;
    const pipeline = (await s.admin.get('/api/pipelines')).json().items[0];
    const stage = pipeline.stages[0].id as string;
    const lists = [
      '/api/contacts?sort=fullName',
      '/api/contacts?sort=createdAt',
      '/api/contacts?sort=birthday',
      '/api/contacts?sort=doNotContact',
      '/api/companies',
      '/api/companies?sort=name',
      '/api/deals',
      '/api/deals?sort=value',
      '/api/deals?sort=title',
      '/api/audit',
      '/api/jobs',
      '/api/tasks?view=all',
      '/api/activities',
      `/api/timeline/contact/${contact}`,
      `/api/contacts/${contact}/notes`,
      '/api/notifications',
      '/api/exports',
      '/api/imports',
      `/api/pipelines/${pipeline.id}/stages/${stage}/cards`,
    ];
    for (const list of lists) {
      const sep = list.includes('?') ? '&' : '?';
      for (const cursor of BAD_CURSORS.filter(Boolean)) {
        const res = await s.admin.get(`${list}${sep}cursor=${encodeURIComponent(cursor)}`);
        // a few crafted cursors hold values some list could have written (a text and an id): those
        // page from there; every other one is refused
        const couldBeValid = VALID_FOR_SOME_LIST.includes(cursor);
        if (couldBeValid)
          expect({ list, cursor, status: res.statusCode < 500 }).toEqual({ list, cursor, status: true });
        else {
          expect({ list, cursor, status: res.statusCode }).toEqual({ list, cursor, status: 400 });
          expectProblem(res, 400, 'cursor');
        }
      }
    }
    // the cursors the lists hand out keep working
    for (const list of [
      '/api/contacts?sort=fullName&limit=2',
      '/api/contacts?sort=doNotContact&limit=2',
      '/api/audit?limit=2',
    ]) {
      const first = (await s.admin.get(list)).json();
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await s.admin.get(`${list}&cursor=${encodeURIComponent(first.nextCursor)}`);
      expect(second.statusCode).toBe(200);
      expect(second.json().items[0].id).not.toBe(first.items[0].id);
    }
    const queried = (
      await s.admin.post('/api/contacts/query', { limit: 2, sort: { field: 'updatedAt', dir: 'asc' } })
    ).json();
    const bad = await s.admin.post('/api/contacts/query', {
      limit: 2,
      sort: { field: 'updatedAt', dir: 'asc' },
      cursor: BAD_CURSORS[11],
    });
    expectProblem(bad, 400, 'cursor');
    const next = await s.admin.post('/api/contacts/query', {
      limit: 2,
      sort: { field: 'updatedAt', dir: 'asc' },
      cursor: queried.nextCursor,
    });
    expect(next.statusCode).toBe(200);
  });

  it('a NUL character in the body, the query or the path is a 400 naming the field, and nothing is written', async () => {
    const s = await seedWithClients(t);
    const before = await countOf(t, 'contacts');
    expectProblem(await s.admin.post('/api/contacts', { firstName: 'Ad\u0000i' }), 400, 'firstName');
    expectProblem(
      await s.admin.post('/api/contacts', { firstName: 'Adi', custom: { 'no\u0000te': 'x' } }),
      400,
      'custom.no\\u0000te',
    );
    expectProblem(
      await s.admin.post('/api/contacts', { firstName: 'Adi', emails: [{ email: 'a@b.c', label: 'w\u0000' }] }),
      400,
      'emails.0.label',
    );
    expectProblem(await s.admin.post('/api/tags', { name: 'vip\u0000' }), 400, 'name');
    expectProblem(await s.admin.get('/api/contacts?q=budi%00'), 400, 'q');
    expectProblem(await s.admin.get('/api/contacts/search?q=%00'), 400, 'q');
    expectProblem(await s.admin.get('/api/contacts/%00'), 400, 'id');
    expect(await countOf(t, 'contacts')).toBe(before);
    expect((await s.admin.post('/api/contacts', { firstName: 'Adi' })).statusCode).toBe(201);
  });

  it('parallel duplicate creates of a unique key: one 201, the rest 409 naming the field, never a 500', async () => {
    const s = await seedWithClients(t);
    const creates: Array<[string, (i: number) => object, string]> = [
      ['/api/tags', () => ({ name: 'Same tag' }), 'name'],
      ['/api/contact-types', () => ({ key: 'same_type', label: 'Same' }), 'key'],
      ['/api/contact-sources', () => ({ key: 'same_source', label: 'Same' }), 'key'],
      ['/api/custom-fields', () => ({ key: 'same_field', label: 'Same', type: 'text' }), 'key'],
      ['/api/activity-types', () => ({ key: 'same_kind', name: 'Same' }), 'key'],
    ];
    for (const [url, body, field] of creates) {
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => s.admin.post(url, body(i))));
      const statuses = answers.map((r) => r.statusCode).sort();
      expect({ url, statuses }).toEqual({ url, statuses: [201, ...Array(11).fill(409)] });
      for (const res of answers.filter((r) => r.statusCode === 409)) expectProblem(res, 409, field);
    }
  });

  it('a streamed export with a filter the list refuses is a 400 before any byte, not a 200 that breaks off', async () => {
    const s = await seedWithClients(t);
    await seedDemoRecords(t, s.workspace.id);
    const refused = [
      { conditions: [{ field: 'nope', op: 'eq', value: 1 }] },
      { conditions: [{ field: 'createdAt', op: 'gt', value: 'not a date' }] },
      { sort: { field: 'custom.nope', dir: 'asc' } },
    ];
    for (const filter of refused) {
      const res = await s.admin.post('/api/exports/stream', { entity: 'contacts', filter });
      expect({ filter, status: res.statusCode }).toEqual({ filter, status: 400 });
      expectProblem(res, 400);
    }
    const ok = await s.admin.post('/api/exports/stream', { entity: 'contacts', filter: {} });
    expect(ok.statusCode).toBe(200);
    expect(ok.body.split('\n').length).toBeGreaterThan(2);
  });

  it('an over-long path parameter is a 414 problem that does not echo the address', async () => {
    const s = await seedWithClients(t);
    const long = 'x'.repeat(5000) + 'SECRET-LOOKING-PART';
    const res = await s.admin.get(`/api/contacts/${long}`);
    expectProblem(res, 414);
    expect(res.body).not.toContain('SECRET-LOOKING-PART');
    expectProblem(await s.admin.get('/api/contacts/%E0%A4%A'), 400);
  });

  it('over-large headers and bytes that are not HTTP get problem+json from the socket', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as net.AddressInfo;
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1');
        let text = '';
        socket.on('data', (d) => (text += d.toString()));
        socket.on('error', () => resolve(text));
        socket.on('close', () => resolve(text));
        socket.setTimeout(5000, () => reject(new Error('no answer')));
        socket.write(request);
      });
    const big = await raw(`GET /api/contacts HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
    expect(big).toMatch(/^HTTP\/1\.1 431 /);
    expect(big).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(big.slice(big.indexOf('\r\n\r\n') + 4))).toMatchObject({
      status: 431,
      code: 'HEADERS_TOO_LARGE',
    });
    const garbage = await raw('NOT HTTP AT ALL\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(garbage.slice(garbage.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 400 });
  });
});
