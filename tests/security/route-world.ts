import type { FastifyInstance } from 'fastify';
import { workspaceTables } from '../../src/server/db/backup-plan.js';
import type { RoutePermission } from '../../src/server/http/guard.js';
import type { TestApp, TestClient } from '../helpers/test-app.js';
import { upload } from '../import-export/helpers.js';

// The route table and how to make an object for each path parameter, shared by the generated
// isolation and role matrices. A new route is covered as soon as it is registered; a new kind of
// path parameter fails the matrices until PARAMS below is taught how to create one.

export interface ApiRoute {
  method: string;
  url: string;
  permission: RoutePermission;
}

/** Every API route (plugin routes such as the docs UI and static files left out). */
export function apiRoutes(app: FastifyInstance): ApiRoute[] {
  return app.registeredRoutes
    .filter((r) => r.method !== 'HEAD' && r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
    .map((r) => ({ method: r.method, url: r.url, permission: r.permission! }));
}

export const paramsOf = (url: string): string[] => [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);

/** `contacts/:id` for `:id` in `/api/contacts/:id/notes`: the segment before the parameter names its type. */
export function paramKey(url: string, param: string): string {
  const parts = url.split('/');
  const i = parts.indexOf(`:${param}`);
  return `${parts[i - 1]}/:${param}`;
}

/** The objects of one workspace, made on demand through the API by `client` (its admin), cached. */
export class World {
  private readonly made = new Map<string, Promise<string>>();
  constructor(
    readonly t: TestApp,
    readonly workspaceId: string,
    /** The workspace admin: creates (and so owns) every object. */
    readonly client: TestClient,
    /** Another member (an agent), for what must come from someone else (a notice for the admin). */
    readonly other: TestClient,
    /** A member that the other workspace does not have. */
    readonly memberId: string,
    readonly adminId: string,
  ) {}

  get(key: string): Promise<string> {
    const maker = PARAMS[key];
    if (!maker || !('make' in maker)) throw new Error(`No maker for ${key}`);
    if (!this.made.has(key))
      this.made.set(
        key,
        maker.make(this).then((id) => {
          if (typeof id !== 'string' || !id) throw new Error(`making ${key} gave no id`);
          return id;
        }),
      );
    return this.made.get(key)!;
  }
}

async function ok(res: { statusCode: number; body: string; json(): any }, what: string): Promise<any> {
  if (res.statusCode >= 300) throw new Error(`making ${what}: ${res.statusCode} ${res.body}`);
  return res.json();
}

const post = (w: World, url: string, body: unknown, what = url) => w.client.post(url, body).then((r) => ok(r, what));

/** How the matrices get a value for a path parameter. */
export type ParamSource =
  | {
      /** Creates one in the world's workspace, owned by its admin; returns its id. */
      make: (w: World) => Promise<string>;
      /** Agents see only their own (or assigned) ones, so another user's answers 404 to them. */
      isOwnerScoped?: boolean;
    }
  | {
      /** Not an object id (an enum or a capability token): the same value in every workspace. */
      fixed: string;
      reason: string;
    };

export const PARAMS: Record<string, ParamSource> = {
  'contacts/:id': {
    isOwnerScoped: true,
    make: async (w) =>
      (
        await post(w, '/api/contacts', {
          firstName: 'Matrix',
          lastName: 'Person',
          ownerId: w.adminId,
          emails: [{ email: 'matrix.person@example.test' }],
          phones: [{ number: '+62 812-4444-0001' }],
        })
      ).id,
  },
  'second/:contact': {
    make: async (w) => (await post(w, '/api/contacts', { firstName: 'Second', lastName: 'Relative' })).id,
  },
  'companies/:id': { make: async (w) => (await post(w, '/api/companies', { name: 'Matrix Sekolah' })).id },
  'second/:company': { make: async (w) => (await post(w, '/api/companies', { name: 'Partner Sekolah' })).id },
  'notes/:id': {
    isOwnerScoped: true,
    make: async (w) => (await post(w, `/api/contacts/${await w.get('contacts/:id')}/notes`, { body: 'A note' })).id,
  },
  'relationships/:id': {
    isOwnerScoped: true,
    make: async (w) =>
      (
        await post(w, `/api/contacts/${await w.get('contacts/:id')}/relationships`, {
          relatedContactId: await w.get('second/:contact'),
          kind: 'sibling',
        })
      ).id,
  },
  'links/:linkId': {
    isOwnerScoped: true,
    make: async (w) =>
      (
        await post(w, `/api/contacts/${await w.get('contacts/:id')}/links`, {
          system: 'student_app',
          externalId: 'S-0001',
        })
      ).id,
  },
  'company-relationships/:id': {
    make: async (w) =>
      (
        await post(w, `/api/companies/${await w.get('companies/:id')}/relationships`, {
          relatedCompanyId: await w.get('second/:company'),
          kind: 'partner',
        })
      ).id,
  },
  'merges/:id': {
    make: async (w) => {
      const a = (await post(w, '/api/contacts', { firstName: 'Merge', lastName: 'Survivor' })).id;
      const b = (await post(w, '/api/contacts', { firstName: 'Merge', lastName: 'Merged' })).id;
      return (await post(w, '/api/contacts/merge', { survivorId: a, mergedIds: [b] })).merge.id;
    },
  },
  'tags/:id': { make: async (w) => (await post(w, '/api/tags', { name: 'matrix' })).id },
  'contact-types/:id': {
    make: async (w) => (await post(w, '/api/contact-types', { key: 'matrix_type', label: 'Matrix' })).id,
  },
  'contact-sources/:id': {
    make: async (w) => (await post(w, '/api/contact-sources', { key: 'matrix_source', label: 'Matrix' })).id,
  },
  'custom-fields/:id': {
    make: async (w) => (await post(w, '/api/custom-fields', { key: 'matrix_field', label: 'Matrix', type: 'text' })).id,
  },
  'saved-views/:id': {
    isOwnerScoped: true,
    make: async (w) => (await post(w, '/api/saved-views', { name: 'My matrix view' })).id,
  },
  'activity-types/:id': { make: async (w) => (await post(w, '/api/activity-types', { name: 'Matrix visit' })).id },
  'activities/:id': {
    isOwnerScoped: true,
    make: async (w) =>
      (
        await post(w, '/api/activities', {
          typeId: await w.get('activity-types/:id'),
          contactId: await w.get('contacts/:id'),
          title: 'Called about the matrix',
        })
      ).id,
  },
  'tasks/:id': {
    isOwnerScoped: true,
    make: async (w) =>
      (
        await post(w, '/api/tasks', {
          title: 'Follow up',
          contactId: await w.get('contacts/:id'),
          assigneeId: w.adminId,
        })
      ).id,
  },
  'pipelines/:id': { make: async (w) => (await post(w, '/api/pipelines', { name: 'Matrix funnel' })).id },
  'stages/:stageId': {
    make: async (w) =>
      (await w.client.get(`/api/pipelines/${await w.get('pipelines/:id')}`).then((r) => ok(r, 'pipeline'))).stages[0]
        .id,
  },
  'deals/:id': {
    isOwnerScoped: true,
    make: async (w) =>
      (
        await post(w, '/api/deals', {
          pipelineId: await w.get('pipelines/:id'),
          title: 'Matrix deal',
          contactId: await w.get('contacts/:id'),
        })
      ).id,
  },
  'imports/:id': {
    isOwnerScoped: true,
    make: async (w) =>
      (await ok(await upload(w.client, 'matrix.csv', 'Nama,HP\nBudi Matrix,+62 812-4444-0002\n'), 'import')).id,
  },
  'exports/:id': {
    isOwnerScoped: true,
    make: async (w) => (await post(w, '/api/exports', { entity: 'contacts' })).id,
  },
  'jobs/:id': {
    make: async (w) => {
      await w.get('exports/:id'); // its job
      const page = await w.client.get('/api/jobs?name=export.run').then((r) => ok(r, 'jobs'));
      return page.items[0].id;
    },
  },
  'api-keys/:id': { make: async (w) => (await post(w, '/api/api-keys', { name: 'matrix', role: 'viewer' })).id },
  'users/:id': { make: async (w) => w.memberId },
  'notifications/:id': {
    isOwnerScoped: true,
    make: async (w) => {
      // someone else assigns a contact to the admin: the admin gets a notice
      await ok(
        await w.other.post('/api/contacts', { firstName: 'Assigned', lastName: 'ToAdmin', ownerId: w.adminId }),
        'assigned contact',
      );
      const page = await w.client.get('/api/notifications').then((r) => ok(r, 'notifications'));
      if (!page.items.length) throw new Error('making a notification: the admin got none');
      return page.items[0].id;
    },
  },
  'timeline/:subjectType': { fixed: 'contact', reason: 'an enum; the subject id decides' },
  ':subjectType/:subjectId': { make: (w) => w.get('contacts/:id'), isOwnerScoped: true },
  'targets/:entity': { fixed: 'contacts', reason: 'an entity name, the same in every workspace' },
  'columns/:entity': { fixed: 'contacts', reason: 'an entity name, the same in every workspace' },
  'invitations/:token': { fixed: 'not-a-real-token-000000', reason: 'a capability token, not a workspace object' },
  'feed/:file': { fixed: 'not-a-real-token.ics', reason: 'a capability token, not a workspace object' },
};

/** Routes with several parameters whose combinations matter: each variant is one case. */
export const VARIANTS: Record<string, (w: World) => Promise<Array<Record<string, string>>>> = {
  '/api/timeline/:subjectType/:subjectId': async (w) => [
    { subjectType: 'contact', subjectId: await w.get('contacts/:id') },
    { subjectType: 'deal', subjectId: await w.get('deals/:id') },
    { subjectType: 'company', subjectId: await w.get('companies/:id') },
  ],
};

/** Owner scoping of a variant that the parameter keys alone do not tell (companies are shared). */
export const VARIANT_OWNER_SCOPED: Record<string, (values: Record<string, string>) => boolean> = {
  '/api/timeline/:subjectType/:subjectId': (v) => v.subjectType !== 'company',
};

export interface RouteCase {
  route: ApiRoute;
  path: string;
  values: Record<string, string>;
  /** False when a parameter is not an object of the workspace (enum, token). */
  isWorkspaceObject: boolean;
  isOwnerScoped: boolean;
}

/** The parameter keys no entry of PARAMS covers (the matrices fail on them). */
export function untaught(routes: ApiRoute[]): string[] {
  return routes.flatMap((r) =>
    VARIANTS[r.url]
      ? []
      : paramsOf(r.url).flatMap((p) =>
          PARAMS[paramKey(r.url, p)] ? [] : [`${r.method} ${r.url} (${paramKey(r.url, p)})`],
        ),
  );
}

/** The concrete requests for a route in a world: one per variant, parameters filled in. */
export async function casesOf(w: World, route: ApiRoute): Promise<RouteCase[]> {
  const params = paramsOf(route.url);
  const fill = (values: Record<string, string>) =>
    route.url.replace(/:([A-Za-z]+)/g, (_, p: string) => encodeURIComponent(values[p]));
  if (VARIANTS[route.url]) {
    return (await VARIANTS[route.url](w)).map((values) => ({
      route,
      path: fill(values),
      values,
      isWorkspaceObject: true,
      isOwnerScoped: VARIANT_OWNER_SCOPED[route.url]?.(values) ?? false,
    }));
  }
  const values: Record<string, string> = {};
  let isWorkspaceObject = params.length > 0;
  let isOwnerScoped = false;
  for (const p of params) {
    const source = PARAMS[paramKey(route.url, p)];
    if (!source)
      throw new Error(`Teach PARAMS how to make ${paramKey(route.url, p)} (for ${route.method} ${route.url})`);
    if ('fixed' in source) {
      values[p] = source.fixed;
      isWorkspaceObject = false;
    } else {
      values[p] = await w.get(paramKey(route.url, p));
      isOwnerScoped ||= Boolean(source.isOwnerScoped);
    }
  }
  return [{ route, path: fill(values), values, isWorkspaceObject, isOwnerScoped }];
}

/** Every row of every table holding the workspace's data, as text (to prove nothing changed). */
export async function snapshotWorkspace(t: TestApp, workspaceId: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of await workspaceTables(t.ctx.db)) {
    if (!table.columns.some((c) => c.name === 'workspace_id')) continue;
    const rows = await (t.ctx.db as any)
      .selectFrom(table.name)
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .execute();
    out[table.name] = rows.map((r: Record<string, unknown>) => JSON.stringify(sorted(r))).sort();
  }
  return out;
}

function sorted(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(row)
      .sort()
      .map((k) => [k, row[k]]),
  );
}

/** Every id of the workspace's rows (and the workspace's own id): none may appear in another workspace's answers. */
export function idsOf(snapshot: Record<string, string[]>, workspaceId: string): Set<string> {
  const ids = new Set([workspaceId]);
  for (const rows of Object.values(snapshot))
    for (const text of rows) {
      const row = JSON.parse(text) as Record<string, unknown>;
      if (typeof row.id === 'string') ids.add(row.id);
    }
  return ids;
}

/** Every string anywhere in a JSON value. */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}
