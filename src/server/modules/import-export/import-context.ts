import type { ImportEntity, ImportField, ImportOptions } from '../../../shared/contracts/import-export.js';
import type { Role } from '../../../shared/permissions.js';
import { AppError } from '../../http/errors.js';
import { can, systemActor, type Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { getActivityTypes } from '../activities/activity-types.service.js';
import { loadActivityImportContext } from '../activities/activities-bulk.service.js';
import { listContactSources, listContactTypes, listCustomFields } from '../contacts/contact-config.service.js';
import { loadContactImportContext } from '../contacts/contacts-bulk.service.js';
import { loadDealImportContext } from '../pipelines/pipelines-bulk.service.js';
import { listPipelines } from '../pipelines/pipelines.service.js';
import { listMembers } from '../auth/members.service.js';
import { getWorkspace } from '../workspaces/workspaces.service.js';
import { activityImporter } from './adapters/activities.importer.js';
import { CellReader } from './adapters/cells.js';
import { companyImporter } from './adapters/companies.importer.js';
import { contactImporter } from './adapters/contacts.importer.js';
import { dealImporter } from './adapters/deals.importer.js';
import type { EntityImporter } from './adapters/types.js';
import { importFields } from './mapping/fields.js';
import { dateOrderOf, zoneOffsetOn } from './values/dates.js';
import { currencyDigits } from './values/scalars.js';

/** The permission writing each kind of record needs (besides contacts.edit, which every import route needs). */
const EDIT_PERMISSION = {
  contacts: 'contacts.edit',
  companies: 'contacts.edit',
  deals: 'deals.edit',
  activities: 'activities.edit',
} as const;

export function assertMayImport(actor: Actor, entity: ImportEntity): void {
  if (!can(actor, EDIT_PERMISSION[entity]))
    throw new AppError('FORBIDDEN', `Importing ${entity} needs the ${EDIT_PERMISSION[entity]} permission`);
}

/** The fields an import target offers, with this workspace's custom fields and choices. */
export async function targetFields(
  ctx: AppContext,
  actor: Actor,
  entity: ImportEntity,
  options: Pick<ImportOptions, 'pipelineId'>,
): Promise<ImportField[]> {
  const ws = actor.workspaceId;
  const [customFields, types, sources] = await Promise.all([
    listCustomFields(ctx, ws),
    listContactTypes(ctx, ws),
    listContactSources(ctx, ws),
  ]);
  const pipeline =
    entity === 'deals' && options.pipelineId
      ? (await listPipelines(ctx, actor)).find((p) => p.id === options.pipelineId)
      : undefined;
  const activityTypes = entity === 'activities' ? await getActivityTypes(ctx, actor) : [];
  return importFields(entity, {
    customFields,
    contactTypes: types.filter((t) => !t.isArchived).map((t) => ({ value: t.key, label: t.label })),
    sources: sources.filter((s) => !s.isArchived).map((s) => ({ value: s.key, label: s.label })),
    stages: (pipeline?.stages ?? []).map((s) => ({ value: s.name, label: s.name })),
    activityTypes: activityTypes.filter((t) => !t.isArchived).map((t) => ({ value: t.key, label: t.name })),
  });
}

/** Who a background job acts as: the member who started the import, with their role today. */
export async function actorForJob(
  ctx: AppContext,
  workspaceId: string,
  userId: string | null,
  name: string | null,
): Promise<Actor> {
  if (!userId) return systemActor(workspaceId, name ?? 'import');
  const [member, ws] = await Promise.all([
    listMembers(ctx.db, workspaceId).then((ms) => ms.find((m) => m.id === userId && m.isActive)),
    getWorkspace(ctx, workspaceId),
  ]);
  if (!member) return systemActor(workspaceId, name ?? 'import');
  return {
    kind: 'user',
    id: member.id,
    name: member.name,
    workspaceId,
    role: member.role as Role,
    agentsSeeAll: ws.settings.agentsSeeAll,
  };
}

export interface ImportSetup {
  entity: ImportEntity;
  headers: string[];
  mapping: Array<string | null>;
  options: ImportOptions;
}

/** The importer for one import: its cell reader (mapping, date order, time zone) and its target's rules. */
export async function importerFor(ctx: AppContext, actor: Actor, setup: ImportSetup): Promise<EntityImporter<any>> {
  const ws = await getWorkspace(ctx, actor.workspaceId);
  const reader = new CellReader(
    setup.headers,
    setup.mapping,
    dateOrderOf(ws.locale, setup.options.dateOrder),
    zoneOffsetOn(ws.timezone),
  );
  const ictx = await loadContactImportContext(ctx, ctx.db, actor);
  const base = { ctx, actor, options: setup.options, reader, ictx };
  switch (setup.entity) {
    case 'contacts':
      return contactImporter({ ...base, currencyDigits: currencyDigits(ws.currency) });
    case 'companies':
      return companyImporter({
        ...base,
        customFields: (await listCustomFields(ctx, ws.id, 'company')).filter((f) => !f.isArchived),
        currencyDigits: currencyDigits(ws.currency),
      });
    case 'deals':
      return dealImporter({
        ...base,
        dctx: await loadDealImportContext(ctx.db, actor, setup.options.pipelineId, setup.options.stageId),
      });
    case 'activities':
      return activityImporter({ ...base, actx: await loadActivityImportContext(ctx.db, ws.id) });
  }
}
