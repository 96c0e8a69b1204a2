import { z } from 'zod';
import { Id, page } from './common.js';

/** What an import can create, and what an export can write out. */
export const IMPORT_ENTITIES = ['contacts', 'companies', 'deals', 'activities'] as const;
export const ImportEntity = z.enum(IMPORT_ENTITIES);
export type ImportEntity = z.infer<typeof ImportEntity>;
export const EXPORT_ENTITIES = ['contacts', 'companies', 'deals', 'activities', 'tasks'] as const;
export const ExportEntity = z.enum(EXPORT_ENTITIES);
export type ExportEntity = z.infer<typeof ExportEntity>;

export const IMPORT_STATUSES = [
  'uploaded',
  'validating',
  'validated',
  'queued',
  'running',
  'completed',
  'failed',
  'cancelled',
  'undoing',
  'undone',
] as const;
export const ImportStatus = z.enum(IMPORT_STATUSES);
export type ImportStatus = z.infer<typeof ImportStatus>;
export const FILE_FORMATS = ['csv', 'xlsx', 'vcf', 'json'] as const;

/** skip: leave the existing record; update: fill it from the row; create: add a new record anyway. */
export const DUPLICATE_STRATEGIES = ['skip', 'update', 'create'] as const;
export const DuplicateStrategy = z.enum(DUPLICATE_STRATEGIES);
export type DuplicateStrategy = z.infer<typeof DuplicateStrategy>;
export const MATCH_KEYS = ['phone', 'email', 'externalId'] as const;
export const MatchKey = z.enum(MATCH_KEYS);
/** How ambiguous dates such as 03/04/2026 are read; auto follows the workspace's locale. */
export const DATE_ORDERS = ['auto', 'dmy', 'mdy', 'ymd'] as const;

const Key = z.string().trim().min(1).max(64);
export const ImportOptions = z.strictObject({
  duplicateStrategy: DuplicateStrategy.default('skip'),
  matchBy: z.array(MatchKey).max(3).default(['phone', 'email', 'externalId']),
  /** The other system the external id column comes from (e.g. hubspot, student_app). */
  externalSystem: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use lowercase letters, digits and _')
    .default('import'),
  /** Deals: the pipeline rows go into, and the stage used when a row names none. */
  pipelineId: Id.nullable().default(null),
  stageId: Id.nullable().default(null),
  /** Contacts: type and source for rows that name none. */
  defaultTypeKey: Key.nullable().default(null),
  defaultSourceKey: Key.nullable().default(null),
  /** Tag names added to every imported contact. */
  addTags: z.array(z.string().trim().min(1).max(60)).max(10).default([]),
  dateOrder: z.enum(DATE_ORDERS).default('auto'),
});
export type ImportOptions = z.infer<typeof ImportOptions>;
export type ImportOptionsInput = z.input<typeof ImportOptions>;

/** One problem with one row: the line as a spreadsheet numbers it (header = 1), the column, what is wrong. */
export const ImportIssue = z.object({ row: z.number().int(), column: z.string().nullable(), problem: z.string() });
export type ImportIssue = z.infer<typeof ImportIssue>;

export const ValidationReport = z.object({
  totalRows: z.number().int(),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  wouldCreate: z.number().int(),
  wouldUpdate: z.number().int(),
  wouldSkip: z.number().int(),
  issueCount: z.number().int(),
  /** The first problems (all of them when issueCount is small). */
  issues: z.array(ImportIssue),
});
export type ValidationReport = z.infer<typeof ValidationReport>;

export const ImportCounts = z.object({
  rowsDone: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;
export const UserRef = z.object({ id: z.string(), name: z.string() });

export const Import = z.object({
  id: Id,
  entity: ImportEntity,
  status: ImportStatus,
  fileName: z.string(),
  format: z.enum(FILE_FORMATS),
  fileSize: z.number().int(),
  encoding: z.string(),
  delimiter: z.string().nullable(),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  /** A recognized export format (google_contacts, hubspot, vcard), mapped without manual work. */
  preset: z.string().nullable(),
  headers: z.array(z.string()),
  /** The first rows of the file, as text. */
  preview: z.array(z.array(z.string())),
  totalRows: z.number().int().nullable(),
  /** Target field per column (same order as headers); null leaves the column out. */
  mapping: z.array(z.string().nullable()),
  options: ImportOptions,
  counts: ImportCounts,
  validation: ValidationReport.nullable(),
  error: z.string().nullable(),
  createdBy: UserRef.nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  undoneAt: z.string().nullable(),
  canUndo: z.boolean(),
});
export type Import = z.infer<typeof Import>;
export const ImportPage = page(Import);
export type ImportPage = z.infer<typeof ImportPage>;

export const ImportListQuery = z.object({
  entity: ImportEntity.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
  includeTotal: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const UpdateImportBody = z.strictObject({
  entity: ImportEntity.optional(),
  sheet: z.string().max(200).optional(),
  mapping: z.array(z.string().max(80).nullable()).max(500).optional(),
  options: ImportOptions.partial().optional(),
});
export type UpdateImportBody = z.input<typeof UpdateImportBody>;

const Cell = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);
/** Rows sent as JSON (integrations): objects keyed by column name. */
export const JsonImportBody = z.strictObject({
  entity: ImportEntity,
  fileName: z.string().trim().min(1).max(200).default('api.json'),
  rows: z
    .array(z.record(z.string().max(200), Cell))
    .min(1, 'Send at least one row')
    .max(20_000, 'At most 20,000 rows per request; send more in several requests'),
  /** Target field by column name; columns left out are suggested from their names. */
  mapping: z.record(z.string().max(200), z.string().max(80).nullable()).optional(),
  options: ImportOptions.partial().optional(),
  /** true: only validate and report (nothing is written); false: validate and run as a job. */
  dryRun: z.boolean().default(false),
});
export type JsonImportBody = z.input<typeof JsonImportBody>;

export const IMPORT_FIELD_TYPES = [
  'text',
  'email',
  'phone',
  'date',
  'datetime',
  'number',
  'money',
  'boolean',
  'choice',
  'list',
  'person',
  'reference',
] as const;
export const ImportField = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(IMPORT_FIELD_TYPES),
  isRequired: z.boolean(),
  /** Several columns may map to it (emails, phones, tags). */
  isMultiple: z.boolean(),
  choices: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
});
export type ImportField = z.infer<typeof ImportField>;
export const ImportTargets = z.object({ entity: ImportEntity, fields: z.array(ImportField) });
export type ImportTargets = z.infer<typeof ImportTargets>;
export const EntityParams = z.object({ entity: ImportEntity });

// ---- export ------------------------------------------------------------------------------------
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export const EXPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;

export const ExportBody = z.strictObject({
  entity: ExportEntity,
  format: ExportFormat.default('csv'),
  /** Column keys (GET /exports/columns/:entity); default: every column the caller may export. */
  columns: z.array(z.string().max(80)).min(1, 'Choose at least one column').max(200).optional(),
  /** The list's current filter, in that list's own filter shape (e.g. the contacts ContactFilter). */
  filter: z.record(z.string(), z.unknown()).default({}),
});
export type ExportBody = z.input<typeof ExportBody>;

export const Export = z.object({
  id: Id,
  entity: ExportEntity,
  format: ExportFormat,
  status: z.enum(EXPORT_STATUSES),
  columns: z.array(z.string()),
  includesPhones: z.boolean(),
  rowCount: z.number().int(),
  totalRows: z.number().int().nullable(),
  fileSize: z.number().int().nullable(),
  error: z.string().nullable(),
  createdBy: UserRef.nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  /** Where to fetch the file once it is ready. */
  downloadUrl: z.string().nullable(),
});
export type Export = z.infer<typeof Export>;
export const ExportPage = page(Export);
export const ExportListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});

export const ExportColumn = z.object({
  key: z.string(),
  label: z.string(),
  isPhone: z.boolean(),
  isDefault: z.boolean(),
});
export type ExportColumn = z.infer<typeof ExportColumn>;
export const ExportColumns = z.object({ entity: ExportEntity, columns: z.array(ExportColumn) });
export type ExportColumns = z.infer<typeof ExportColumns>;
export const ExportEntityParams = z.object({ entity: ExportEntity });
