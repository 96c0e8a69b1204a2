import { z } from 'zod';
import { Id, Version } from './common.js';
import { RefId } from './contacts-config.js';

/**
 * Filters for the contacts list, bulk actions and saved views. `conditions` reach every
 * standard field and every custom field (`custom.<key>`); the named shortcuts cover the filters
 * people use most (type, source, owner, tags, dates).
 */
export const FILTER_OPS = [
  'eq',
  'neq',
  'in',
  'contains',
  'starts_with',
  'gt',
  'gte',
  'lt',
  'lte',
  'empty',
  'not_empty',
] as const;
export const FilterOp = z.enum(FILTER_OPS);
export type FilterOp = z.infer<typeof FilterOp>;

/** Standard fields a condition may name (besides `custom.<key>`). */
export const CONTACT_FILTER_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'email',
  'phone',
  'typeKey',
  'sourceKey',
  'ownerId',
  'team',
  'companyId',
  'city',
  'region',
  'country',
  'birthday',
  'gender',
  'preferredLanguage',
  'doNotContact',
  'createdAt',
  'updatedAt',
] as const;

export const FilterValue = z.union([
  z.string().max(500),
  z.number(),
  z.boolean(),
  z.array(z.union([z.string().max(500), z.number()])).max(200),
  z.null(),
]);
export const FilterCondition = z.strictObject({
  field: z.string().min(1).max(80),
  op: FilterOp,
  value: FilterValue.optional(),
});
export type FilterCondition = z.infer<typeof FilterCondition>;

const Timestamp = z.iso.datetime({ message: 'Use an ISO date-time such as 2026-01-31T00:00:00Z', offset: true });

export const ContactFilter = z.strictObject({
  q: z.string().trim().max(200).optional(),
  typeKeys: z.array(z.string().max(64)).max(50).optional(),
  sourceKeys: z.array(z.string().max(64)).max(50).optional(),
  /** User ids; 'me' is the caller, 'none' means unassigned. */
  ownerIds: z
    .array(z.union([z.literal('me'), z.literal('none'), RefId]))
    .max(50)
    .optional(),
  companyIds: z.array(RefId).max(50).optional(),
  tagIds: z.array(RefId).max(50).optional(),
  tagMode: z.enum(['any', 'all']).default('any'),
  createdFrom: Timestamp.optional(),
  createdTo: Timestamp.optional(),
  updatedFrom: Timestamp.optional(),
  updatedTo: Timestamp.optional(),
  doNotContact: z.boolean().optional(),
  conditions: z.array(FilterCondition).max(30).optional(),
  /** Show the trash (soft-deleted contacts) instead of live ones. */
  deleted: z.boolean().optional(),
});
export type ContactFilter = z.input<typeof ContactFilter>;

export const CONTACT_SORT_FIELDS = [
  'createdAt',
  'updatedAt',
  'fullName',
  'firstName',
  'lastName',
  'birthday',
  'typeKey',
  'sourceKey',
  'primaryEmail',
  'primaryPhone',
  'deletedAt',
] as const;
/** A standard sort field or `custom.<key>`. */
export const ContactSort = z.strictObject({
  field: z.string().min(1).max(80).default('createdAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
export type ContactSort = z.input<typeof ContactSort>;

export const ContactQueryBody = z.strictObject({
  filter: ContactFilter.default({ tagMode: 'any' }),
  sort: ContactSort.default({ field: 'createdAt', dir: 'desc' }),
  limit: z.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
  includeTotal: z.boolean().optional(),
});
export type ContactQueryBody = z.input<typeof ContactQueryBody>;

const csv = z
  .string()
  .max(2000)
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
/** GET /contacts: the common filters as query parameters (POST /contacts/query takes them all). */
export const ContactListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  type: csv.optional(),
  source: csv.optional(),
  owner: csv.optional(),
  company: csv.optional(),
  tag: csv.optional(),
  tagMode: z.enum(['any', 'all']).default('any'),
  createdFrom: Timestamp.optional(),
  createdTo: Timestamp.optional(),
  deleted: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  sort: z.string().max(80).default('createdAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
  includeTotal: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

// ---- bulk actions ----------------------------------------------------------------------------
export const BulkSelection = z.union([
  z.strictObject({ ids: z.array(RefId).min(1, 'Select at least one contact').max(10_000) }),
  z.strictObject({ filter: ContactFilter }),
]);
export const BulkAction = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('tag'), tagIds: z.array(RefId).min(1).max(50) }),
  z.strictObject({ kind: z.literal('untag'), tagIds: z.array(RefId).min(1).max(50) }),
  z.strictObject({ kind: z.literal('owner'), ownerId: RefId.nullable() }),
  z.strictObject({ kind: z.literal('type'), typeKey: z.string().max(64).nullable() }),
  z.strictObject({ kind: z.literal('delete') }),
  z.strictObject({ kind: z.literal('restore') }),
]);
export type BulkAction = z.infer<typeof BulkAction>;
export const BulkBody = z.strictObject({ selection: BulkSelection, action: BulkAction });
export type BulkBody = z.input<typeof BulkBody>;
export const BulkResult = z.object({
  matched: z.number().int(),
  updated: z.number().int(),
  failed: z.array(z.object({ id: Id, message: z.string() })),
});
export type BulkResult = z.infer<typeof BulkResult>;

// ---- tagging -----------------------------------------------------------------------------------
export const TagContactsBody = z.strictObject({
  contactIds: z.array(RefId).min(1).max(10_000),
  tagIds: z.array(RefId).min(1).max(50),
});

// ---- saved views -------------------------------------------------------------------------------
export const SAVED_VIEW_ENTITIES = ['contacts', 'companies'] as const;
export const SavedView = z.object({
  id: Id,
  entity: z.enum(SAVED_VIEW_ENTITIES),
  name: z.string(),
  ownerId: z.string().nullable(),
  isShared: z.boolean(),
  filter: z.record(z.string(), z.unknown()),
  columns: z.array(z.string()),
  sort: z.object({ field: z.string(), dir: z.enum(['asc', 'desc']) }),
  version: z.number().int(),
  createdAt: z.string(),
});
export type SavedView = z.infer<typeof SavedView>;
export const CreateSavedViewBody = z.strictObject({
  entity: z.enum(SAVED_VIEW_ENTITIES).default('contacts'),
  name: z.string().trim().min(1, 'Name the view').max(80),
  isShared: z.boolean().default(false),
  filter: ContactFilter.default({ tagMode: 'any' }),
  columns: z.array(z.string().max(80)).max(60).default([]),
  sort: ContactSort.default({ field: 'createdAt', dir: 'desc' }),
});
export const UpdateSavedViewBody = z.strictObject({
  version: Version,
  name: z.string().trim().min(1).max(80).optional(),
  isShared: z.boolean().optional(),
  filter: ContactFilter.optional(),
  columns: z.array(z.string().max(80)).max(60).optional(),
  sort: ContactSort.optional(),
});
export const SavedViewQuery = z.object({ entity: z.enum(SAVED_VIEW_ENTITIES).default('contacts') });
