import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROLES, roleHas, type Permission, type Role } from '../../src/shared/permissions.js';
import { addMember } from '../../src/server/modules/users/users.service.js';
import { seedDemoWorkspace, DEMO_PASSWORD } from '../../src/server/modules/workspaces/demo-seed.js';
import { nowIso } from '../../src/server/platform/clock.js';
import { withTransaction } from '../../src/server/platform/transaction.js';
import { createImportApp } from '../import-export/helpers.js';
import { describeEachDialect, seedWithClients, TestClient, type TestApp } from '../helpers/test-app.js';
import {
  apiRoutes,
  casesOf,
  idsOf,
  paramsOf,
  snapshotWorkspace,
  stringsIn,
  untaught,
  World,
  type ApiRoute,
  type RouteCase,
} from './route-world.js';

// Generated from the route table (issue 20): every route is covered the moment it is registered.
// - isolation: another workspace's object answers 404 on every route taking an id, and nothing of
//   it changes; no list shows anything of it;
// - roles: each role gets 403 exactly where its permissions say, and an agent gets 404 for
//   another user's record on every record route.
// One seeded app per dialect serves every case; the role matrix (which may change things) runs last.

type Body = (w: World) => Promise<unknown> | unknown;

/** A body that passes validation, so the handler (and its scoping) runs. Writes without one send {}. */
const BODIES: Record<string, Body> = {
  'PATCH /api/users/:id': () => ({ role: 'viewer' }),
  'PATCH /api/saved-views/:id': () => ({ version: 1, name: 'Changed' }),
  'PATCH /api/contact-types/:id': () => ({ version: 1, label: 'Changed' }),
  'PATCH /api/contact-sources/:id': () => ({ version: 1, label: 'Changed' }),
  'PATCH /api/custom-fields/:id': () => ({ version: 1, label: 'Changed' }),
  'PATCH /api/tags/:id': () => ({ version: 1, name: 'changed' }),
  'PATCH /api/contacts/:id': () => ({ version: 1, firstName: 'Changed' }),
  'POST /api/contacts/:id/notes': () => ({ body: 'Written from outside' }),
  'POST /api/companies/:id/notes': () => ({ body: 'Written from outside' }),
  'PATCH /api/notes/:id': () => ({ version: 1, body: 'Changed' }),
  'POST /api/contacts/:id/relationships': async (w) => ({
    relatedContactId: await w.get('second/:contact'),
    kind: 'spouse',
  }),
  'PATCH /api/relationships/:id': () => ({ strength: 9 }),
  'POST /api/contacts/:id/links': () => ({ system: 'other_app', externalId: 'X-1' }),
  'PATCH /api/contacts/:id/links/:linkId': () => ({ label: 'Changed' }),
  'PATCH /api/companies/:id': () => ({ version: 1, name: 'Changed' }),
  'POST /api/companies/:id/relationships': async (w) => ({
    relatedCompanyId: await w.get('second/:company'),
    kind: 'competitor',
  }),
  'PATCH /api/activity-types/:id': () => ({ version: 1, name: 'Changed' }),
  'PATCH /api/activities/:id': () => ({ version: 1, title: 'Changed' }),
  'PATCH /api/tasks/:id': () => ({ version: 1, title: 'Changed' }),
  'PATCH /api/pipelines/:id': () => ({ version: 1, name: 'Changed' }),
  'POST /api/pipelines/:id/stages': () => ({ name: 'Extra' }),
  'PUT /api/pipelines/:id/stages/order': async (w) => ({ stageIds: [await w.get('stages/:stageId')] }),
  'PATCH /api/pipelines/:id/stages/:stageId': () => ({ name: 'Changed' }),
  'PATCH /api/deals/:id': () => ({ version: 1, title: 'Changed' }),
  'POST /api/deals/:id/move': async (w) => ({ version: 1, stageId: await w.get('stages/:stageId') }),
};

/** Query strings a read needs to be valid. */
const QUERIES: Record<string, string> = {
  '/api/calendar': '?from=2026-11-01T00:00:00Z&to=2027-01-31T00:00:00Z',
  '/api/contacts/search': '?q=Matrix',
  '/api/contacts/by-external-id': '?system=student_app&externalId=S-0001',
};

/** Reads that are lists although they are POSTs (a query in the body). */
const POST_LISTS: Record<string, Body> = {
  'POST /api/contacts/query': () => ({ filter: { deleted: false } }),
  'POST /api/contacts/duplicates/check': () => ({
    firstName: 'Matrix',
    lastName: 'Person',
    emails: ['matrix.person@example.test'],
    phones: ['+62 812-4444-0001'],
  }),
};

/** Routes the matrices cannot call through inject, with the reason. */
const NOT_INJECTABLE: Record<string, string> = {
  'GET /api/realtime': 'an event stream that never ends (its isolation is tested in foundation/realtime.test.ts)',
};

/** Lists that may name the other workspace itself (not its data), with the reason. */
const SHOWS_OTHER_WORKSPACE: Record<string, string> = {
  'GET /api/auth/session': 'the signed-in user is a member of both; the workspace switcher lists their memberships',
};

/** Ends the caller's session: called last, once per role. */
const SESSION_ENDING = new Set(['POST /api/auth/logout']);

const keyOf = (r: ApiRoute) => `${r.method} ${r.url}`;

describeEachDialect('route matrices', (dialect) => {
  let t: TestApp;
  let routes: ApiRoute[];
  let clients: Record<Role, TestClient>;
  let own: World; // workspace A: where the clients are signed in
  let other: World; // workspace B: everything in it must stay out of A's reach
  let before: Record<string, string[]>;

  beforeAll(async () => {
    t = await createImportApp(dialect);
    routes = apiRoutes(t.app);
    const a = await seedWithClients(t);
    clients = { admin: a.admin, manager: a.manager, agent: a.agent, viewer: a.viewer };
    const adminId = (await a.admin.get('/api/auth/session')).json().user.id as string;
    const b = await seedDemoWorkspace(t.ctx, 'sales', 'Other workspace');
    const onlyInB = await withTransaction(t.ctx.db, (trx) =>
      addMember(
        trx,
        b.workspace.id,
        { email: 'only-b@other.test', name: 'Only B', password: DEMO_PASSWORD, role: 'agent' },
        nowIso(t.ctx.clock),
      ),
    );
    const inB = async (email: string) => {
      const c = new TestClient(t.app);
      await c.login(email);
      const res = await c.post('/api/auth/switch-workspace', { workspaceId: b.workspace.id });
      if (res.statusCode !== 200) throw new Error(`switch to B: ${res.statusCode} ${res.body}`);
      c.csrf = res.json().csrfToken ?? c.csrf;
      return c;
    };
    other = new World(t, b.workspace.id, await inB('admin@demo.test'), await inB('agent@demo.test'), onlyInB, adminId);
    own = new World(
      t,
      a.workspace.id,
      a.admin,
      a.agent,
      (await a.viewer.get('/api/auth/session')).json().user.id,
      adminId,
    );
    // every object of B exists before A starts trying to reach it
    for (const r of routes) for (const w of [other, own]) await casesOf(w, r).catch(() => undefined);
    before = await snapshotWorkspace(t, b.workspace.id);
  }, 240_000);
  afterAll(async () => t?.close());

  async function call(c: TestClient, rc: RouteCase, w: World) {
    const key = keyOf(rc.route);
    const method = rc.route.method as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
    const query = QUERIES[rc.route.url] ?? '';
    const body = method === 'GET' ? undefined : ((await BODIES[key]?.(w)) ?? (await POST_LISTS[key]?.(w)) ?? {});
    return c.request(method, rc.path + query, body);
  }

  it('knows how to make a value for every path parameter of every route', () => {
    expect(untaught(routes)).toEqual([]);
    expect(routes.length).toBeGreaterThan(150);
  });

  it("answers 404 to another workspace's object on every route taking an id, and changes none of it", async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const route of routes) {
      if (NOT_INJECTABLE[keyOf(route)] || SESSION_ENDING.has(keyOf(route))) continue;
      for (const rc of await casesOf(other, route)) {
        if (!rc.isWorkspaceObject) continue;
        const res = await call(clients.admin, rc, other);
        checked++;
        if (res.statusCode !== 404)
          wrong.push(`${route.method} ${rc.path} -> ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(60);
    expect(await snapshotWorkspace(t, other.workspaceId)).toEqual(before);
  });

  it('shows nothing of another workspace in any list', async () => {
    const foreign = idsOf(before, other.workspaceId);
    const wrong: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const key = keyOf(route);
      const isList = (route.method === 'GET' && paramsOf(route.url).length === 0) || POST_LISTS[key];
      if (!isList || NOT_INJECTABLE[key] || route.permission === 'public') continue;
      const [rc] = await casesOf(own, route);
      const res = await call(clients.admin, rc, own);
      checked++;
      if (res.statusCode !== 200) {
        wrong.push(
          `${key} -> ${res.statusCode} ${res.body.slice(0, 160)} (teach QUERIES or POST_LISTS a valid request)`,
        );
        continue;
      }
      const body = String(res.headers['content-type']).includes('json') ? res.json() : res.body;
      const leaked = stringsIn(body).filter(
        (s) =>
          !(SHOWS_OTHER_WORKSPACE[key] && s === other.workspaceId) &&
          (foreign.has(s) || [...foreign].some((id) => s.includes(id))),
      );
      if (leaked.length) wrong.push(`${key} shows ${leaked.slice(0, 3).join(', ')}`);
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(30);
  });

  it("answers 404 to an agent for another user's record on every record route", async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const key = keyOf(route);
      if (NOT_INJECTABLE[key] || SESSION_ENDING.has(key)) continue;
      if (route.permission !== 'authenticated' && route.permission !== 'public' && !roleHas('agent', route.permission))
        continue;
      for (const rc of await casesOf(own, route)) {
        if (!rc.isOwnerScoped) continue;
        const res = await call(clients.agent, rc, own);
        checked++;
        if (res.statusCode !== 404)
          wrong.push(`${route.method} ${rc.path} -> ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(30);
  });

  it('answers each role (and no one) as the route declares: 403 without the permission, never with it', async () => {
    const anonymous = new TestClient(t.app);
    const wrong: string[] = [];
    const last: Array<[TestClient, RouteCase, string]> = [];
    for (const route of routes) {
      const key = keyOf(route);
      if (NOT_INJECTABLE[key]) continue;
      const [rc] = await casesOf(own, route);
      const anon = await call(anonymous, rc, own);
      if (route.permission !== 'public' && anon.statusCode !== 401)
        wrong.push(`anonymous ${key} -> ${anon.statusCode}`);
      if (route.permission === 'public' && [401, 403].includes(anon.statusCode))
        wrong.push(`anonymous ${key} (public) -> ${anon.statusCode}`);
      for (const role of ROLES) {
        if (SESSION_ENDING.has(key)) {
          last.push([clients[role], rc, role]);
          continue;
        }
        const res = await call(clients[role], rc, own);
        const permission = route.permission;
        const isAllowed =
          permission === 'public' || permission === 'authenticated' || roleHas(role, permission as Permission);
        if (isAllowed && res.statusCode === 403) wrong.push(`${role} ${key} -> 403 ${res.body.slice(0, 160)}`);
        if (!isAllowed && (res.statusCode !== 403 || res.json().code !== 'FORBIDDEN'))
          wrong.push(`${role} ${key} -> ${res.statusCode}, expected 403 (needs ${permission})`);
        if (res.statusCode === 401) wrong.push(`${role} ${key} -> 401: the session ended mid-matrix`);
      }
    }
    for (const [client, rc, role] of last) {
      const res = await call(client, rc, own);
      if (res.statusCode === 403) wrong.push(`${role} ${keyOf(rc.route)} -> 403`);
    }
    expect(wrong).toEqual([]);
  });
});
