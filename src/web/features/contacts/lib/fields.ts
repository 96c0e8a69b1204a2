import type { CustomField } from '../api/config';

/** Standard fields a filter condition can name, with how their values are entered. */
export type FieldKind = 'text' | 'key' | 'number' | 'date' | 'boolean' | 'multi';
export interface FilterField {
  key: string;
  /** i18n key in the contacts namespace, or a literal label for custom fields. */
  labelKey?: string;
  label?: string;
  kind: FieldKind;
  choices?: Array<{ value: string; label: string }>;
}

export const STANDARD_FILTER_FIELDS: FilterField[] = [
  { key: 'firstName', labelKey: 'fields.firstName', kind: 'text' },
  { key: 'lastName', labelKey: 'fields.lastName', kind: 'text' },
  { key: 'email', labelKey: 'fields.email', kind: 'text' },
  { key: 'phone', labelKey: 'fields.phone', kind: 'text' },
  { key: 'team', labelKey: 'fields.team', kind: 'text' },
  { key: 'city', labelKey: 'fields.city', kind: 'text' },
  { key: 'country', labelKey: 'fields.country', kind: 'text' },
  { key: 'birthday', labelKey: 'fields.birthday', kind: 'date' },
  {
    key: 'gender',
    labelKey: 'fields.gender',
    kind: 'key',
    choices: ['female', 'male', 'other', 'undisclosed'].map((g) => ({ value: g, label: g })),
  },
  { key: 'preferredLanguage', labelKey: 'fields.preferredLanguage', kind: 'key' },
  { key: 'updatedAt', labelKey: 'fields.updatedAt', kind: 'date' },
];

const CUSTOM_KIND: Record<CustomField['type'], FieldKind> = {
  text: 'text',
  long_text: 'text',
  url: 'text',
  email: 'text',
  phone: 'text',
  select: 'key',
  number: 'number',
  money: 'number',
  date: 'date',
  boolean: 'boolean',
  multi_select: 'multi',
};

export function customFilterFields(fields: CustomField[]): FilterField[] {
  return fields
    .filter((f) => !f.isArchived)
    .map((f) => ({
      key: `custom.${f.key}`,
      label: f.label,
      kind: CUSTOM_KIND[f.type],
      choices: f.choices.length ? f.choices : undefined,
    }));
}

/** Operators offered per kind (the server accepts the same sets). */
export const OPS_BY_KIND: Record<FieldKind, string[]> = {
  text: ['contains', 'eq', 'starts_with', 'empty', 'not_empty'],
  key: ['eq', 'neq', 'empty', 'not_empty'],
  number: ['eq', 'gt', 'gte', 'lt', 'lte', 'empty', 'not_empty'],
  date: ['eq', 'gt', 'lt', 'empty', 'not_empty'],
  boolean: ['eq'],
  multi: ['contains', 'empty', 'not_empty'],
};
