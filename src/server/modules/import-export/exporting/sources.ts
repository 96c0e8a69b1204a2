import { z } from 'zod';
import { ActivityQuery } from '../../../../shared/contracts/activities.js';
import { ContactFilter } from '../../../../shared/contracts/contacts-query.js';
import { DealListQuery } from '../../../../shared/contracts/deals.js';
import type { ExportEntity } from '../../../../shared/contracts/import-export.js';
import { TaskQuery } from '../../../../shared/contracts/tasks.js';
import { fieldError } from '../../../http/errors.js';
import type { Actor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { activityExportPages, taskExportPages } from '../../activities/activities-bulk.service.js';
import { listActivitiesFor } from '../../activities/activities.service.js';
import { listCompanies } from '../../contacts/companies.service.js';
import { listContactSources, listContactTypes } from '../../contacts/contact-config.service.js';
import { companyExportPages, contactExportPages, contactReachability } from '../../contacts/contacts-bulk.service.js';
import { listContacts } from '../../contacts/contacts.service.js';
import { dealExportPages } from '../../pipelines/pipelines-bulk.service.js';
import { listDeals } from '../../pipelines/deal-list.service.js';
import { listPipelines } from '../../pipelines/pipelines.service.js';
import { listTasksFor } from '../../activities/tasks/task-views.service.js';
import { listMembers } from '../../auth/members.service.js';
import { getWorkspace } from '../../workspaces/workspaces.service.js';
import { currencyDigits } from '../values/scalars.js';
import type { ExportLookups } from './columns.js';

// Where each export's rows come from: the entity's own list (same filter, same visibility rules
// as the list the user is looking at), read a page at a time.

const CompanyExportFilter = z.strictObject({
  q: z.string().trim().max(200).optional(),
  industry: z.string().max(100).optional(),
  owner: z.string().max(64).optional(),
});
const PAGING = { limit: true, cursor: true, includeTotal: true } as const;
const FILTERS: Record<ExportEntity, z.ZodType> = {
  contacts: ContactFilter,
  companies: CompanyExportFilter,
  deals: DealListQuery.omit({ ...PAGING, sort: true, order: true }).strict(),
  activities: ActivityQuery.omit(PAGING).strict(),
  tasks: TaskQuery.omit(PAGING)
    .extend({ view: TaskQuery.shape.view.default('all') })
    .strict(),
};

/** The list filter an export was given, checked with that list's own schema (400 naming `filter.<field>`). */
export function parseExportFilter(entity: ExportEntity, filter: unknown): Record<string, unknown> {
  const parsed = FILTERS[entity].safeParse(filter ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path.join('.');
    throw fieldError(
      `filter${key ? `.${key}` : ''}`,
      issue.code === 'unrecognized_keys' ? 'Unknown filter' : issue.message,
    );
  }
  return parsed.data as Record<string, unknown>;
}

/** Pages of records, oldest first. */
export function pagesOf(
  ctx: AppContext,
  actor: Actor,
  entity: ExportEntity,
  filter: Record<string, unknown>,
): AsyncGenerator<any[]> {
  switch (entity) {
    case 'contacts':
      return contactExportPages(ctx, actor, filter as never);
    case 'companies':
      return companyExportPages(ctx, actor, filter as never);
    case 'deals':
      return dealExportPages(ctx, actor, filter as never);
    case 'activities':
      return activityExportPages(ctx, actor, filter as never);
    case 'tasks':
      return taskExportPages(ctx, actor, filter as never);
  }
}

/** How many records the export will write (for its progress bar). */
export async function countOf(
  ctx: AppContext,
  actor: Actor,
  entity: ExportEntity,
  filter: Record<string, unknown>,
): Promise<number | null> {
  const one = { limit: 1, includeTotal: true } as const;
  const f = filter as Record<string, never>;
  const result = await (entity === 'contacts'
    ? listContacts(ctx, actor, { filter: f as never, sort: { field: 'createdAt', dir: 'asc' }, ...one })
    : entity === 'companies'
      ? listCompanies(ctx, actor, { ...f, sort: 'createdAt', dir: 'asc', ...one })
      : entity === 'deals'
        ? listDeals(ctx, actor, { ...f, sort: 'createdAt', order: 'asc', ...one })
        : entity === 'activities'
          ? listActivitiesFor(ctx, actor, { ...f, ...one })
          : listTasksFor(ctx, actor, { view: 'all', ...f, ...one }));
  return result.total ?? null;
}

/** Names and labels the columns write instead of ids, loaded once per export. */
export async function lookupsFor(ctx: AppContext, actor: Actor, entity: ExportEntity): Promise<ExportLookups> {
  const ws = await getWorkspace(ctx, actor.workspaceId);
  const [members, types, sources, pipelines] = await Promise.all([
    listMembers(ctx.db, actor.workspaceId),
    listContactTypes(ctx, actor.workspaceId),
    listContactSources(ctx, actor.workspaceId),
    entity === 'deals' ? listPipelines(ctx, actor) : Promise.resolve([]),
  ]);
  return {
    memberEmail: new Map(members.map((m) => [m.id, m.email])),
    typeLabel: new Map(types.map((t) => [t.key, t.label])),
    sourceLabel: new Map(sources.map((x) => [x.key, x.label])),
    stageName: new Map(pipelines.flatMap((p) => p.stages.map((st) => [st.id, st.name] as const))),
    reach: new Map(),
    currencyDigits,
    workspaceCurrencyDigits: currencyDigits(ws.currency),
  };
}

/** Fills in how to reach the contacts a page of deals, activities or tasks names. */
export async function addReachability(
  ctx: AppContext,
  actor: Actor,
  entity: ExportEntity,
  page: any[],
  lookups: ExportLookups,
): Promise<void> {
  if (entity === 'contacts' || entity === 'companies') return;
  const ids = page
    .map((x) => (entity === 'tasks' ? x.contact?.id : x.contactId))
    .filter((id): id is string => Boolean(id));
  lookups.reach = await contactReachability(ctx.db, actor.workspaceId, ids);
}
