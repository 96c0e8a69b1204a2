import type { CustomField } from '../../../../shared/contracts/contacts-config.js';
import type { ImportEntity, ImportField } from '../../../../shared/contracts/import-export.js';

// The fields each import target offers for mapping. Custom fields of the workspace join as
// `custom.<key>` with their own types; choices (types, sources, stages) come from the workspace.

type Choice = { value: string; label: string };
const f = (key: string, label: string, type: ImportField['type'], extra: Partial<ImportField> = {}): ImportField => ({
  key,
  label,
  type,
  isRequired: false,
  isMultiple: false,
  ...extra,
});

const ADDRESS: ImportField[] = [
  f('address.line1', 'Street address', 'text'),
  f('address.line2', 'Address line 2', 'text'),
  f('address.city', 'City', 'text'),
  f('address.region', 'Province / state', 'text'),
  f('address.postalCode', 'Postal code', 'text'),
  f('address.country', 'Country', 'text'),
];

const CUSTOM_TYPES: Record<CustomField['type'], ImportField['type']> = {
  text: 'text',
  long_text: 'text',
  number: 'number',
  money: 'money',
  date: 'date',
  boolean: 'boolean',
  select: 'choice',
  multi_select: 'list',
  url: 'text',
  email: 'email',
  phone: 'phone',
};

export function customImportFields(defs: CustomField[]): ImportField[] {
  return defs
    .filter((d) => !d.isArchived)
    .map((d) =>
      f(`custom.${d.key}`, d.label, CUSTOM_TYPES[d.type], {
        isRequired: d.isRequired,
        ...(d.choices.length ? { choices: d.choices.map((c) => ({ value: c.value, label: c.label })) } : {}),
      }),
    );
}

export interface FieldEnv {
  customFields: CustomField[];
  contactTypes: Choice[];
  sources: Choice[];
  stages: Choice[];
  activityTypes: Choice[];
}

const CONTACT_REF: ImportField[] = [
  f('contactEmail', 'Contact email', 'email'),
  f('contactPhone', 'Contact phone', 'phone'),
  f('contactExternalId', 'Contact external id', 'text'),
];

export function importFields(entity: ImportEntity, env: FieldEnv): ImportField[] {
  switch (entity) {
    case 'contacts':
      return [
        f('fullName', 'Full name', 'text'),
        f('firstName', 'First name', 'text'),
        f('lastName', 'Last name', 'text'),
        f('email', 'Email', 'email', { isMultiple: true }),
        f('phone', 'Phone', 'phone', { isMultiple: true }),
        f('company', 'Company', 'text'),
        f('typeKey', 'Contact type', 'choice', { choices: env.contactTypes }),
        f('sourceKey', 'Source', 'choice', { choices: env.sources }),
        f('owner', 'Owner', 'person'),
        f('team', 'Team', 'text'),
        f('tags', 'Tags', 'list', { isMultiple: true }),
        f('birthday', 'Birthday', 'date'),
        f('gender', 'Gender', 'choice', {
          choices: ['female', 'male', 'other', 'undisclosed'].map((g) => ({ value: g, label: g })),
        }),
        f('preferredLanguage', 'Preferred language', 'text'),
        f('doNotContact', 'Do not contact', 'boolean'),
        ...ADDRESS,
        f('externalId', 'External id', 'text'),
        ...customImportFields(env.customFields.filter((c) => c.entity === 'contact')),
      ];
    case 'companies':
      return [
        f('name', 'Company name', 'text', { isRequired: true }),
        f('domain', 'Domain / website', 'text'),
        f('industry', 'Industry', 'text'),
        f('size', 'Size', 'choice', {
          choices: ['1-10', '11-50', '51-200', '201-500', '501-1000', '1001-5000', '5000+'].map((s) => ({
            value: s,
            label: s,
          })),
        }),
        f('owner', 'Owner', 'person'),
        ...ADDRESS,
        ...customImportFields(env.customFields.filter((c) => c.entity === 'company')),
      ];
    case 'deals':
      return [
        f('title', 'Title', 'text', { isRequired: true }),
        f('value', 'Value', 'money'),
        f('stage', 'Stage', 'choice', { choices: env.stages }),
        f('probability', 'Probability (%)', 'number'),
        f('expectedCloseDate', 'Expected close date', 'date'),
        ...CONTACT_REF,
        f('company', 'Company', 'text'),
        f('owner', 'Owner', 'person'),
        f('source', 'Source', 'text'),
        f('tags', 'Tags', 'list', { isMultiple: true }),
        f('closeReason', 'Won/lost reason', 'text'),
      ];
    case 'activities':
      return [
        f('type', 'Activity type', 'choice', { isRequired: true, choices: env.activityTypes }),
        f('title', 'Title', 'text', { isRequired: true }),
        ...CONTACT_REF,
        f('description', 'Description', 'text'),
        f('status', 'Status', 'choice', {
          choices: [
            { value: 'done', label: 'done' },
            { value: 'scheduled', label: 'scheduled' },
          ],
        }),
        f('occurredAt', 'Date and time', 'datetime'),
        f('durationMinutes', 'Duration (minutes)', 'number'),
        f('outcome', 'Outcome', 'choice', {
          choices: ['successful', 'no_answer', 'follow_up_required', 'custom'].map((o) => ({ value: o, label: o })),
        }),
        f('outcomeNote', 'Outcome note', 'text'),
        f('nextAction', 'Next action', 'text'),
        f('nextActionAt', 'Next action date', 'datetime'),
      ];
  }
}

/** A mapping must name what a record cannot do without; returns the sentence saying what is missing. */
export function missingMapping(entity: ImportEntity, mapped: Set<string>): string | null {
  const any = (keys: string[]) => keys.some((k) => mapped.has(k));
  if (entity === 'contacts' && !any(['fullName', 'firstName', 'lastName', 'email', 'phone', 'company']))
    return 'Map a column to a name, email or phone';
  if (entity === 'companies' && !mapped.has('name')) return 'Map a column to the company name';
  if (entity === 'deals' && !mapped.has('title')) return 'Map a column to the deal title';
  if (entity === 'activities') {
    if (!mapped.has('title')) return 'Map a column to the activity title';
    if (!mapped.has('type')) return 'Map a column to the activity type';
    if (!any(['contactEmail', 'contactPhone', 'contactExternalId']))
      return 'Map a column that identifies the contact (email, phone or external id)';
  }
  return null;
}
