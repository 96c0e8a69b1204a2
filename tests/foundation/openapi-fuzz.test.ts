import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  operationsOf,
  requestFor,
  seedDemoRecords,
  type FuzzRequest,
  type Operation,
} from '../helpers/openapi-fuzz.js';
import {
  createTestApp,
  describeEachDialect,
  seedWithClients,
  type TestApp,
  type TestClient,
} from '../helpers/test-app.js';

// Every operation of the OpenAPI document gets generated requests (edge cases and wrong types
// among values of the declared shapes), signed in as the admin of a seeded demo workspace. No
// answer may be a 5xx, and every error must be RFC 9457 problem+json. FUZZ_RUNS (requests per
// operation) and FUZZ_SEED widen or vary the run; CI keeps the defaults.
const RUNS = Number(process.env.FUZZ_RUNS ?? 5);
const SEED = Number(process.env.FUZZ_SEED ?? 20261208);

/**
 * Operations that cannot answer within one request (a live stream), end the admin's session, or
 * take no input and answer for the machine (probes: /readyz is a 503 while the database is slow).
 */
const SKIPPED = new Set(['GET /api/realtime', 'POST /api/auth/logout', 'GET /readyz', 'GET /healthz', 'GET /metrics']);

/** Tables whose ids (of the seeded workspace) the generated requests use besides random ones. */
const ID_TABLES = [
  'contacts',
  'companies',
  'deals',
  'pipelines',
  'pipeline_stages',
  'tags',
  'notes',
  'activities',
  'tasks',
  'activity_types',
  'custom_fields',
  'contact_types',
  'contact_sources',
  'contact_relationships',
  'company_relationships',
  'external_links',
  'saved_views',
  'contact_merges',
  'api_keys',
  'imports',
  'exports',
];

interface Failure {
  request: string;
  status: number;
  contentType: string;
  body: string;
}

describeEachDialect('fuzz from the OpenAPI document', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let ids: string[];
  let operations: Operation[];

  beforeAll(async () => {
    t = await createTestApp(dialect, { config: { RATE_LIMIT_PER_MINUTE: 1_000_000 } });
    const s = await seedWithClients(t);
    admin = s.admin;
    await seedDemoRecords(t, s.workspace.id);
    ids = [s.workspace.id];
    for (const table of ID_TABLES) {
      const rows = await (
        t.ctx.db as unknown as import('kysely').Kysely<Record<string, { id: string; workspace_id: string }>>
      )
        .selectFrom(table)
        .select('id')
        .where('workspace_id', '=', s.workspace.id)
        .limit(2)
        .execute();
      ids.push(...rows.map((r) => r.id));
    }
    const doc = (await admin.get('/api/openapi.json')).json();
    // deletes last, so the records the other operations use live as long as possible
    operations = operationsOf(doc)
      .filter((op) => !SKIPPED.has(`${op.method.toUpperCase()} ${op.path}`))
      .sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'));
  }, 120_000);
  afterAll(async () => t?.close());

  async function send(req: FuzzRequest) {
    const headers: Record<string, string> = {};
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    const res = await admin.request(
      req.method as 'GET',
      req.url,
      req.body === undefined ? undefined : JSON.stringify(req.body),
      headers,
    );
    // a generated request may end the admin's session (a password change, say): sign in again
    if (res.statusCode === 401 && !req.url.startsWith('/api/auth/')) await admin.login('admin@demo.test');
    return res;
  }

  function problemWithAnswer(res: Awaited<ReturnType<typeof send>>): string | null {
    if (res.statusCode >= 500) return 'a 5xx';
    if (res.statusCode < 400) return null;
    const type = String(res.headers['content-type'] ?? '');
    if (!type.startsWith('application/problem+json')) return 'an error that is not problem+json';
    const body = res.json() as { status?: unknown; title?: unknown; type?: unknown };
    if (body.status !== res.statusCode || typeof body.title !== 'string' || typeof body.type !== 'string')
      return 'a problem body without type, title and its status';
    return null;
  }

  it('answers every generated request with a success or a 4xx problem+json', async () => {
    expect(operations.length).toBeGreaterThan(100);
    const failures: Failure[] = [];
    for (const [index, op] of operations.entries()) {
      const result = await fc.check(
        fc.asyncProperty(requestFor(op, ids), async (req) => {
          const res = await send(req);
          const wrong = problemWithAnswer(res);
          if (wrong) {
            failures.push({
              request: `${req.method} ${req.url.slice(0, 300)} ${JSON.stringify(req.body ?? null).slice(0, 300)}`,
              status: res.statusCode,
              contentType: String(res.headers['content-type'] ?? ''),
              body: res.body.slice(0, 300),
            });
          }
          return true;
        }),
        { seed: SEED + index, numRuns: RUNS, endOnFailure: true },
      );
      if (result.failed && result.errorInstance) throw result.errorInstance;
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
