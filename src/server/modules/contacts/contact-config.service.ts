import type { z } from 'zod';
import type {
  ContactSource,
  ContactType,
  CreateContactSourceBody,
  CreateContactTypeBody,
  CreateCustomFieldBody,
  CustomField,
  CustomFieldType,
  UpdateContactSourceBody,
  UpdateContactTypeBody,
  UpdateCustomFieldBody,
} from '../../../shared/contracts/contacts-config.js';
import { newId } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { fromJson, toJson } from '../../db/sql-helpers.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import type { Actor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { withTransaction, type Db } from '../../platform/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendEvent } from '../events/events.service.js';
import type { ContactTypeRuleRow } from './contact-config.tables.js';
import {
  countContactsByType,
  findFieldRow,
  findSourceByKey,
  findSourceRow,
  findTypeByKey,
  findTypeRow,
  listFieldRows,
  listSourceRows,
  listTypeRows,
  nextPosition,
} from './contact-config.repository.js';
import { isKnownRuleKind, REQUIRABLE_FIELDS } from './contact-type-rules.js';

export function toContactType(r: DB['contact_types'], count?: number): ContactType {
  return {
    id: r.id,
    key: r.key,
    label: r.label,
    color: r.color,
    icon: r.icon,
    position: r.position,
    rules: fromJson<ContactTypeRuleRow[]>(r.rules, []),
    isArchived: r.is_archived,
    version: r.version,
    ...(count !== undefined ? { contactCount: count } : {}),
  };
}
export function toSource(r: DB['contact_sources']): ContactSource {
  return { id: r.id, key: r.key, label: r.label, position: r.position, isArchived: r.is_archived, version: r.version };
}
export function toCustomField(r: DB['custom_fields']): CustomField {
  const options = fromJson<{ choices?: CustomField['choices'] }>(r.options, {});
  return {
    id: r.id,
    entity: r.entity as CustomField['entity'],
    key: r.key,
    label: r.label,
    type: r.type as CustomFieldType,
    choices: options.choices ?? [],
    isRequired: r.is_required,
    isUnique: r.is_unique,
    position: r.position,
    isArchived: r.is_archived,
    version: r.version,
  };
}

function validateRules(rules: ContactTypeRuleRow[]): void {
  rules.forEach((rule, i) => {
    if (!isKnownRuleKind(rule.kind)) throw fieldError(`rules.${i}.kind`, `Unknown rule kind "${rule.kind}"`);
    if (rule.kind === 'required_fields') {
      const fields = rule.fields;
      if (!Array.isArray(fields) || !fields.length || fields.some((f) => typeof f !== 'string'))
        throw fieldError(`rules.${i}.fields`, 'List the required fields');
      const bad = (fields as string[]).find(
        (f) => !f.startsWith('custom.') && !(REQUIRABLE_FIELDS as readonly string[]).includes(f),
      );
      if (bad) throw fieldError(`rules.${i}.fields`, `"${bad}" is not a field a type can require`);
    }
  });
}

// ---- contact types ---------------------------------------------------------------------------
export async function listContactTypes(
  ctx: AppContext,
  workspaceId: string,
  withCounts = false,
): Promise<ContactType[]> {
  const rows = await listTypeRows(ctx.db, workspaceId);
  const counts = withCounts ? await countContactsByType(ctx.db, workspaceId) : null;
  return rows.map((r) => toContactType(r, counts ? (counts.get(r.key) ?? 0) : undefined));
}

export async function createContactType(
  ctx: AppContext,
  actor: Actor,
  input: z.output<typeof CreateContactTypeBody>,
): Promise<ContactType> {
  validateRules(input.rules as ContactTypeRuleRow[]);
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    if (await findTypeByKey(trx, actor.workspaceId, input.key))
      throw new AppError('KEY_TAKEN', `A contact type with key "${input.key}" exists`, { field: 'key' });
    const row: DB['contact_types'] = {
      id: newId(),
      workspace_id: actor.workspaceId,
      key: input.key,
      label: input.label,
      color: input.color,
      icon: input.icon ?? null,
      position: await nextPosition(trx, 'contact_types', actor.workspaceId),
      rules: toJson(input.rules),
      is_archived: false,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('contact_types').values(row).execute();
    const type = toContactType(row);
    await recordAudit(
      trx,
      actor,
      { action: 'contact_type.created', entityType: 'contact_type', entityId: row.id, after: type },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'contact_type.created', entityType: 'contact_type', entityId: row.id, payload: { key: row.key } },
      now,
    );
    return type;
  });
}

export async function updateContactType(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: z.output<typeof UpdateContactTypeBody>,
): Promise<ContactType> {
  if (patch.rules) validateRules(patch.rules as ContactTypeRuleRow[]);
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const row = await findTypeRow(trx, actor.workspaceId, id);
    if (!row) throw notFound('Contact type');
    if (row.version !== patch.version) throw new AppError('VERSION_CONFLICT');
    const next = {
      label: patch.label ?? row.label,
      color: patch.color ?? row.color,
      icon: patch.icon === undefined ? row.icon : patch.icon,
      rules: toJson(patch.rules ?? fromJson(row.rules, [])),
      position: patch.position ?? row.position,
      is_archived: patch.isArchived ?? row.is_archived,
      version: row.version + 1,
      updated_at: now,
    };
    const res = await trx
      .updateTable('contact_types')
      .set(next)
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .where('version', '=', patch.version)
      .executeTakeFirst();
    if (!Number(res.numUpdatedRows)) throw new AppError('VERSION_CONFLICT');
    const after = toContactType({ ...row, ...next });
    await recordAudit(
      trx,
      actor,
      { action: 'contact_type.updated', entityType: 'contact_type', entityId: id, before: toContactType(row), after },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'contact_type.updated', entityType: 'contact_type', entityId: id, payload: { key: row.key } },
      now,
    );
    return after;
  });
}

/** Deletes a type no live contact uses (otherwise archive it). */
export async function deleteContactType(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, async (trx) => {
    const row = await findTypeRow(trx, actor.workspaceId, id);
    if (!row) throw notFound('Contact type');
    const used = await trx
      .selectFrom('contacts')
      .select('id')
      .where('workspace_id', '=', actor.workspaceId)
      .where('type_key', '=', row.key)
      .limit(1)
      .executeTakeFirst();
    if (used)
      throw new AppError(
        'STILL_IN_USE',
        `Contacts still have the type "${row.label}"; change their type or archive it`,
      );
    await trx.deleteFrom('contact_types').where('workspace_id', '=', actor.workspaceId).where('id', '=', id).execute();
    await recordAudit(
      trx,
      actor,
      { action: 'contact_type.deleted', entityType: 'contact_type', entityId: id, before: toContactType(row) },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'contact_type.deleted', entityType: 'contact_type', entityId: id, payload: { key: row.key } },
      now,
    );
  });
}

// ---- sources ---------------------------------------------------------------------------------
export async function listContactSources(ctx: AppContext, workspaceId: string): Promise<ContactSource[]> {
  return (await listSourceRows(ctx.db, workspaceId)).map(toSource);
}

export async function createContactSource(
  ctx: AppContext,
  actor: Actor,
  input: z.output<typeof CreateContactSourceBody>,
): Promise<ContactSource> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    if (await findSourceByKey(trx, actor.workspaceId, input.key))
      throw new AppError('KEY_TAKEN', `A source with key "${input.key}" exists`, { field: 'key' });
    const row: DB['contact_sources'] = {
      id: newId(),
      workspace_id: actor.workspaceId,
      key: input.key,
      label: input.label,
      position: await nextPosition(trx, 'contact_sources', actor.workspaceId),
      is_archived: false,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('contact_sources').values(row).execute();
    await recordAudit(
      trx,
      actor,
      { action: 'contact_source.created', entityType: 'contact_source', entityId: row.id, after: toSource(row) },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'contact_source.created', entityType: 'contact_source', entityId: row.id, payload: { key: row.key } },
      now,
    );
    return toSource(row);
  });
}

export async function updateContactSource(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: z.output<typeof UpdateContactSourceBody>,
): Promise<ContactSource> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const row = await findSourceRow(trx, actor.workspaceId, id);
    if (!row) throw notFound('Source');
    const next = {
      label: patch.label ?? row.label,
      position: patch.position ?? row.position,
      is_archived: patch.isArchived ?? row.is_archived,
      version: row.version + 1,
      updated_at: now,
    };
    const res = await trx
      .updateTable('contact_sources')
      .set(next)
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .where('version', '=', patch.version)
      .executeTakeFirst();
    if (!Number(res.numUpdatedRows)) throw new AppError('VERSION_CONFLICT');
    const after = toSource({ ...row, ...next });
    await recordAudit(
      trx,
      actor,
      { action: 'contact_source.updated', entityType: 'contact_source', entityId: id, before: toSource(row), after },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'contact_source.updated', entityType: 'contact_source', entityId: id, payload: { key: row.key } },
      now,
    );
    return after;
  });
}

export async function deleteContactSource(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, async (trx) => {
    const row = await findSourceRow(trx, actor.workspaceId, id);
    if (!row) throw notFound('Source');
    const used = await trx
      .selectFrom('contacts')
      .select('id')
      .where('workspace_id', '=', actor.workspaceId)
      .where('source_key', '=', row.key)
      .limit(1)
      .executeTakeFirst();
    if (used) throw new AppError('STILL_IN_USE', `Contacts still have the source "${row.label}"; archive it instead`);
    await trx
      .deleteFrom('contact_sources')
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .execute();
    await recordAudit(
      trx,
      actor,
      { action: 'contact_source.deleted', entityType: 'contact_source', entityId: id, before: toSource(row) },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      { type: 'contact_source.deleted', entityType: 'contact_source', entityId: id, payload: { key: row.key } },
      now,
    );
  });
}

// ---- custom fields ---------------------------------------------------------------------------
export async function listCustomFields(ctx: AppContext, workspaceId: string, entity?: string): Promise<CustomField[]> {
  return (await listFieldRows(ctx.db, workspaceId, entity)).map(toCustomField);
}

const UNIQUE_CAPABLE: CustomFieldType[] = ['text', 'number', 'money', 'date', 'url', 'email', 'phone', 'select'];

function checkFieldShape(type: CustomFieldType, choices: CustomField['choices'], isUnique: boolean): void {
  const hasChoices = type === 'select' || type === 'multi_select';
  if (hasChoices && !choices.length) throw fieldError('choices', 'A select field needs at least one choice');
  if (!hasChoices && choices.length) throw fieldError('choices', `A ${type} field has no choices`);
  if (new Set(choices.map((c) => c.value)).size !== choices.length)
    throw fieldError('choices', 'Choice values must differ');
  if (isUnique && !UNIQUE_CAPABLE.includes(type)) throw fieldError('isUnique', `A ${type} field cannot be unique`);
}

export async function createCustomField(
  ctx: AppContext,
  actor: Actor,
  input: z.output<typeof CreateCustomFieldBody>,
): Promise<CustomField> {
  checkFieldShape(input.type, input.choices, input.isUnique);
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const existing = await trx
      .selectFrom('custom_fields')
      .select('id')
      .where('workspace_id', '=', actor.workspaceId)
      .where('entity', '=', input.entity)
      .where('key', '=', input.key)
      .executeTakeFirst();
    if (existing)
      throw new AppError('KEY_TAKEN', `A ${input.entity} field with key "${input.key}" exists`, { field: 'key' });
    const row: DB['custom_fields'] = {
      id: newId(),
      workspace_id: actor.workspaceId,
      entity: input.entity,
      key: input.key,
      label: input.label,
      type: input.type,
      options: toJson({ choices: input.choices }),
      is_required: input.isRequired,
      is_unique: input.isUnique,
      position: await nextPosition(trx, 'custom_fields', actor.workspaceId),
      is_archived: false,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('custom_fields').values(row).execute();
    const field = toCustomField(row);
    await recordAudit(
      trx,
      actor,
      { action: 'custom_field.created', entityType: 'custom_field', entityId: row.id, after: field },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: 'custom_field.created',
        entityType: 'custom_field',
        entityId: row.id,
        payload: { key: row.key, entity: row.entity },
      },
      now,
    );
    return field;
  });
}

export async function updateCustomField(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: z.output<typeof UpdateCustomFieldBody>,
): Promise<CustomField> {
  const now = nowIso(ctx.clock);
  return withTransaction(ctx.db, async (trx) => {
    const row = await findFieldRow(trx, actor.workspaceId, id);
    if (!row) throw notFound('Custom field');
    const before = toCustomField(row);
    const choices = patch.choices ?? before.choices;
    const isUnique = patch.isUnique ?? row.is_unique;
    checkFieldShape(before.type, choices, isUnique);
    const next = {
      label: patch.label ?? row.label,
      options: toJson({ choices }),
      is_required: patch.isRequired ?? row.is_required,
      is_unique: isUnique,
      position: patch.position ?? row.position,
      is_archived: patch.isArchived ?? row.is_archived,
      version: row.version + 1,
      updated_at: now,
    };
    const res = await trx
      .updateTable('custom_fields')
      .set(next)
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .where('version', '=', patch.version)
      .executeTakeFirst();
    if (!Number(res.numUpdatedRows)) throw new AppError('VERSION_CONFLICT');
    const after = toCustomField({ ...row, ...next });
    await recordAudit(
      trx,
      actor,
      { action: 'custom_field.updated', entityType: 'custom_field', entityId: id, before, after },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: 'custom_field.updated',
        entityType: 'custom_field',
        entityId: id,
        payload: { key: row.key, entity: row.entity },
      },
      now,
    );
    return after;
  });
}

/** Removes the definition; values already stored stay in the records' data but are no longer shown. */
export async function deleteCustomField(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const now = nowIso(ctx.clock);
  await withTransaction(ctx.db, async (trx) => {
    const row = await findFieldRow(trx, actor.workspaceId, id);
    if (!row) throw notFound('Custom field');
    await trx.deleteFrom('custom_fields').where('workspace_id', '=', actor.workspaceId).where('id', '=', id).execute();
    await recordAudit(
      trx,
      actor,
      { action: 'custom_field.deleted', entityType: 'custom_field', entityId: id, before: toCustomField(row) },
      now,
    );
    await appendEvent(
      ctx,
      trx,
      actor,
      {
        type: 'custom_field.deleted',
        entityType: 'custom_field',
        entityId: id,
        payload: { key: row.key, entity: row.entity },
      },
      now,
    );
  });
}

/**
 * Adds a rule to a type's rules inside a transaction (for template contributions of modules
 * that register a rule kind, e.g. pipelines on the school's prospect_parent). No-op when the
 * type does not exist or already has a rule of that kind.
 */
export async function addContactTypeRule(
  trx: Db,
  workspaceId: string,
  typeKey: string,
  rule: ContactTypeRuleRow,
): Promise<void> {
  const type = await findTypeByKey(trx, workspaceId, typeKey);
  if (!type) return;
  const rules = fromJson<ContactTypeRuleRow[]>(type.rules, []);
  if (rules.some((r) => r.kind === rule.kind)) return;
  await trx
    .updateTable('contact_types')
    .set({ rules: toJson([...rules, rule]), version: type.version + 1 })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', type.id)
    .execute();
}
