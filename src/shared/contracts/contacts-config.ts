import { z } from 'zod';
import { Id, Version } from './common.js';

/** An id sent in a request (ours are UUIDs); anything else is a 400 naming the field. */
export const RefId = z.uuid({ message: 'Not a valid id' });

/** Keys of configurable things: lower-case slug, as stored on records. */
export const ConfigKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,47}$/, 'Use lower-case letters, digits and _ (start with a letter), at most 48');
export const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a hex colour such as #3b82f6');
const Label = z.string().trim().min(1, 'Enter a label').max(80);

// ---- contact types -------------------------------------------------------------------------
/** A rule a contact type imposes. `required_fields` is built in; other kinds are registered by modules. */
export const ContactTypeRule = z.looseObject({ kind: z.string().min(1).max(64) });
export type ContactTypeRule = z.infer<typeof ContactTypeRule>;

export const ContactType = z.object({
  id: Id,
  key: z.string(),
  label: z.string(),
  color: z.string(),
  icon: z.string().nullable(),
  position: z.number().int(),
  rules: z.array(ContactTypeRule),
  isArchived: z.boolean(),
  contactCount: z.number().int().optional(),
  version: z.number().int(),
});
export type ContactType = z.infer<typeof ContactType>;

export const CreateContactTypeBody = z.strictObject({
  key: ConfigKey,
  label: Label,
  color: Color.default('#64748b'),
  icon: z.string().trim().max(40).nullish(),
  rules: z.array(ContactTypeRule).max(20).default([]),
});
export const UpdateContactTypeBody = z.strictObject({
  version: Version,
  label: Label.optional(),
  color: Color.optional(),
  icon: z.string().trim().max(40).nullish(),
  rules: z.array(ContactTypeRule).max(20).optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  isArchived: z.boolean().optional(),
});

// ---- sources ---------------------------------------------------------------------------------
export const ContactSource = z.object({
  id: Id,
  key: z.string(),
  label: z.string(),
  position: z.number().int(),
  isArchived: z.boolean(),
  version: z.number().int(),
});
export type ContactSource = z.infer<typeof ContactSource>;
export const CreateContactSourceBody = z.strictObject({ key: ConfigKey, label: Label });
export const UpdateContactSourceBody = z.strictObject({
  version: Version,
  label: Label.optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  isArchived: z.boolean().optional(),
});

// ---- custom fields ---------------------------------------------------------------------------
export const CUSTOM_FIELD_TYPES = [
  'text',
  'long_text',
  'number',
  'money',
  'date',
  'boolean',
  'select',
  'multi_select',
  'url',
  'email',
  'phone',
] as const;
export const CustomFieldType = z.enum(CUSTOM_FIELD_TYPES);
export type CustomFieldType = z.infer<typeof CustomFieldType>;
export const CUSTOM_FIELD_ENTITIES = ['contact', 'company'] as const;
export const CustomFieldEntity = z.enum(CUSTOM_FIELD_ENTITIES);
export type CustomFieldEntity = z.infer<typeof CustomFieldEntity>;

export const CustomFieldChoice = z.strictObject({
  value: z.string().trim().min(1).max(80),
  label: z.string().trim().min(1).max(80),
  color: Color.optional(),
});
export type CustomFieldChoice = z.infer<typeof CustomFieldChoice>;

export const CustomField = z.object({
  id: Id,
  entity: CustomFieldEntity,
  key: z.string(),
  label: z.string(),
  type: CustomFieldType,
  choices: z.array(z.object({ value: z.string(), label: z.string(), color: z.string().optional() })),
  isRequired: z.boolean(),
  isUnique: z.boolean(),
  position: z.number().int(),
  isArchived: z.boolean(),
  version: z.number().int(),
});
export type CustomField = z.infer<typeof CustomField>;

export const CreateCustomFieldBody = z.strictObject({
  entity: CustomFieldEntity.default('contact'),
  key: ConfigKey,
  label: Label,
  type: CustomFieldType,
  choices: z.array(CustomFieldChoice).max(200).default([]),
  isRequired: z.boolean().default(false),
  isUnique: z.boolean().default(false),
});
export const UpdateCustomFieldBody = z.strictObject({
  version: Version,
  label: Label.optional(),
  choices: z.array(CustomFieldChoice).max(200).optional(),
  isRequired: z.boolean().optional(),
  isUnique: z.boolean().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  isArchived: z.boolean().optional(),
});
export const CustomFieldQuery = z.object({ entity: CustomFieldEntity.optional() });

// ---- tags ------------------------------------------------------------------------------------
export const Tag = z.object({
  id: Id,
  name: z.string(),
  color: z.string(),
  description: z.string().nullable(),
  contactCount: z.number().int().optional(),
  version: z.number().int(),
});
export type Tag = z.infer<typeof Tag>;
export const TagRef = z.object({ id: Id, name: z.string(), color: z.string() });
export type TagRef = z.infer<typeof TagRef>;
export const CreateTagBody = z.strictObject({
  name: z.string().trim().min(1, 'Name the tag').max(60),
  color: Color.default('#64748b'),
  description: z.string().trim().max(500).nullish(),
});
export const UpdateTagBody = z.strictObject({
  version: Version,
  name: z.string().trim().min(1).max(60).optional(),
  color: Color.optional(),
  description: z.string().trim().max(500).nullish(),
});

// ---- settings --------------------------------------------------------------------------------
export const ContactSettings = z.object({ retentionDays: z.number().int() });
export const UpdateContactSettingsBody = z.strictObject({
  retentionDays: z.number().int().min(1, 'Keep deleted contacts at least one day').max(3650),
});
