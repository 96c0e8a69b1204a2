import type { Activity } from '../../../../shared/contracts/activities.js';
import type { Company } from '../../../../shared/contracts/companies.js';
import type { ContactExportRecord } from '../../contacts/contacts-bulk.service.js';
import type { CustomField } from '../../../../shared/contracts/contacts-config.js';
import type { Deal } from '../../../../shared/contracts/deals.js';
import type { ExportEntity } from '../../../../shared/contracts/import-export.js';
import type { Task } from '../../../../shared/contracts/tasks.js';

// The columns each export offers. Headers are the labels the import recognizes, and values are
// written the way the import reads them (labels for types, emails for owners, "; " between
// several emails or phones), so exporting and importing again reproduces the records.

export interface ExportLookups {
  memberEmail: Map<string, string>;
  typeLabel: Map<string, string>;
  sourceLabel: Map<string, string>;
  stageName: Map<string, string>;
  /** Primary email and phone of contacts named by deals, activities and tasks. */
  reach: Map<string, { email: string | null; phone: string | null }>;
  currencyDigits: (currency: string) => number;
  workspaceCurrencyDigits: number;
}

export interface ColumnDef<T> {
  key: string;
  label: string;
  isPhone?: boolean;
  isDefault?: boolean;
  value: (item: T, l: ExportLookups) => string;
}

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
export const major = (minor: number, digits: number) =>
  digits ? (minor / 10 ** digits).toFixed(digits).replace(/\.?0+$/, '') : String(minor);
const yesNo = (v: boolean) => (v ? 'yes' : 'no');
const address = (key: string, label: string) => ({
  key: `address.${key}`,
  label,
  value: (x: { address?: Record<string, string | undefined> | null }) => s(x.address?.[key]),
});

function customValue(def: CustomField, v: unknown, digits: number): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => def.choices.find((c) => c.value === x)?.label ?? String(x)).join(', ');
  if (def.type === 'select') return def.choices.find((c) => c.value === v)?.label ?? String(v);
  if (def.type === 'boolean') return yesNo(Boolean(v));
  if (def.type === 'money' && typeof v === 'number') return major(v, digits);
  return String(v);
}

function customColumns<T extends { custom: Record<string, unknown> }>(defs: CustomField[]): Array<ColumnDef<T>> {
  return defs
    .filter((d) => !d.isArchived)
    .map((d) => ({
      key: `custom.${d.key}`,
      label: d.label,
      isPhone: d.type === 'phone',
      value: (x, l) => customValue(d, x.custom[d.key], l.workspaceCurrencyDigits),
    }));
}

function contactColumns(defs: CustomField[]): Array<ColumnDef<ContactExportRecord>> {
  return [
    { key: 'id', label: 'Id', isDefault: false, value: (c) => c.id },
    { key: 'firstName', label: 'First name', value: (c) => c.firstName },
    { key: 'lastName', label: 'Last name', value: (c) => s(c.lastName) },
    { key: 'email', label: 'Email', value: (c) => c.emails },
    { key: 'phone', label: 'Phone', isPhone: true, value: (c) => c.phones },
    { key: 'company', label: 'Company', value: (c) => s(c.companyName) },
    {
      key: 'typeKey',
      label: 'Contact type',
      value: (c, l) => (c.typeKey ? (l.typeLabel.get(c.typeKey) ?? c.typeKey) : ''),
    },
    {
      key: 'sourceKey',
      label: 'Source',
      value: (c, l) => (c.sourceKey ? (l.sourceLabel.get(c.sourceKey) ?? c.sourceKey) : ''),
    },
    { key: 'owner', label: 'Owner', value: (c, l) => (c.ownerId ? (l.memberEmail.get(c.ownerId) ?? '') : '') },
    { key: 'team', label: 'Team', value: (c) => s(c.team) },
    { key: 'tags', label: 'Tags', value: (c) => c.tags },
    { key: 'birthday', label: 'Birthday', value: (c) => s(c.birthday) },
    { key: 'gender', label: 'Gender', value: (c) => s(c.gender) },
    { key: 'preferredLanguage', label: 'Preferred language', value: (c) => s(c.preferredLanguage) },
    { key: 'doNotContact', label: 'Do not contact', value: (c) => yesNo(c.doNotContact) },
    address('line1', 'Street address'),
    address('line2', 'Address line 2'),
    address('city', 'City'),
    address('region', 'Province / state'),
    address('postalCode', 'Postal code'),
    address('country', 'Country'),
    ...customColumns<ContactExportRecord>(defs),
    { key: 'createdAt', label: 'Created at', value: (c) => c.createdAt },
  ];
}

function companyColumns(defs: CustomField[]): Array<ColumnDef<Company>> {
  return [
    { key: 'id', label: 'Id', isDefault: false, value: (c) => c.id },
    { key: 'name', label: 'Company name', value: (c) => c.name },
    { key: 'domain', label: 'Domain', value: (c) => s(c.domain) },
    { key: 'industry', label: 'Industry', value: (c) => s(c.industry) },
    { key: 'size', label: 'Size', value: (c) => s(c.size) },
    {
      key: 'owner',
      label: 'Owner',
      value: (c, l) => (c.ownerId ? (l.memberEmail.get(c.ownerId) ?? s(c.ownerName)) : ''),
    },
    address('line1', 'Street address'),
    address('city', 'City'),
    address('region', 'Province / state'),
    address('postalCode', 'Postal code'),
    address('country', 'Country'),
    { key: 'peopleCount', label: 'People', value: (c) => String(c.peopleCount) },
    ...customColumns<Company>(defs),
    { key: 'createdAt', label: 'Created at', value: (c) => c.createdAt },
  ];
}

const reachOf = (l: ExportLookups, id: string | null | undefined) => (id ? l.reach.get(id) : undefined);

const DEAL_COLUMNS: Array<ColumnDef<Deal>> = [
  { key: 'id', label: 'Id', isDefault: false, value: (d) => d.id },
  { key: 'title', label: 'Title', value: (d) => d.title },
  { key: 'value', label: 'Value', value: (d, l) => major(d.valueMinor, l.currencyDigits(d.currency)) },
  { key: 'currency', label: 'Currency', value: (d) => d.currency },
  { key: 'stage', label: 'Stage', value: (d, l) => l.stageName.get(d.stageId) ?? '' },
  { key: 'status', label: 'Status', value: (d) => d.status },
  { key: 'probability', label: 'Probability (%)', value: (d) => s(d.probability) },
  { key: 'expectedCloseDate', label: 'Expected close date', value: (d) => s(d.expectedCloseDate) },
  { key: 'contact', label: 'Contact', value: (d) => s(d.contact?.name) },
  { key: 'contactEmail', label: 'Contact email', value: (d, l) => s(reachOf(l, d.contactId)?.email) },
  { key: 'contactPhone', label: 'Contact phone', isPhone: true, value: (d, l) => s(reachOf(l, d.contactId)?.phone) },
  { key: 'company', label: 'Company', value: (d) => s(d.company?.name) },
  {
    key: 'owner',
    label: 'Owner',
    value: (d, l) => (d.ownerId ? (l.memberEmail.get(d.ownerId) ?? s(d.owner?.name)) : ''),
  },
  { key: 'source', label: 'Source', value: (d) => s(d.source) },
  { key: 'tags', label: 'Tags', value: (d) => d.tags.join(', ') },
  { key: 'closeReason', label: 'Won/lost reason', value: (d) => s(d.closeReason) },
  { key: 'closedAt', label: 'Closed at', value: (d) => s(d.closedAt) },
  { key: 'createdAt', label: 'Created at', value: (d) => d.createdAt },
];

const ACTIVITY_COLUMNS: Array<ColumnDef<Activity>> = [
  { key: 'id', label: 'Id', isDefault: false, value: (a) => a.id },
  { key: 'type', label: 'Activity type', value: (a) => a.type.name },
  { key: 'title', label: 'Title', value: (a) => a.title },
  { key: 'contact', label: 'Contact', value: (a) => s(a.contact?.name) },
  { key: 'contactEmail', label: 'Contact email', value: (a, l) => s(reachOf(l, a.contactId)?.email) },
  { key: 'contactPhone', label: 'Contact phone', isPhone: true, value: (a, l) => s(reachOf(l, a.contactId)?.phone) },
  { key: 'description', label: 'Description', value: (a) => s(a.description) },
  { key: 'status', label: 'Status', value: (a) => a.status },
  { key: 'occurredAt', label: 'Date and time', value: (a) => a.occurredAt },
  { key: 'durationMinutes', label: 'Duration (minutes)', value: (a) => s(a.durationMinutes) },
  { key: 'outcome', label: 'Outcome', value: (a) => s(a.outcome) },
  { key: 'outcomeNote', label: 'Outcome note', value: (a) => s(a.outcomeNote) },
  { key: 'nextAction', label: 'Next action', value: (a) => s(a.nextAction) },
  { key: 'nextActionAt', label: 'Next action date', value: (a) => s(a.nextActionAt) },
  { key: 'createdBy', label: 'Logged by', value: (a) => s(a.createdBy?.name) },
];

const TASK_COLUMNS: Array<ColumnDef<Task>> = [
  { key: 'id', label: 'Id', isDefault: false, value: (t) => t.id },
  { key: 'title', label: 'Title', value: (t) => t.title },
  { key: 'description', label: 'Description', value: (t) => s(t.description) },
  { key: 'type', label: 'Type', value: (t) => t.type },
  { key: 'priority', label: 'Priority', value: (t) => t.priority },
  { key: 'status', label: 'Status', value: (t) => t.status },
  { key: 'dueAt', label: 'Due', value: (t) => s(t.dueAt) },
  { key: 'assignee', label: 'Assignee', value: (t) => s(t.assignee?.name) },
  { key: 'contact', label: 'Contact', value: (t) => s(t.contact?.name) },
  { key: 'contactEmail', label: 'Contact email', value: (t, l) => s(reachOf(l, t.contact?.id)?.email) },
  { key: 'contactPhone', label: 'Contact phone', isPhone: true, value: (t, l) => s(reachOf(l, t.contact?.id)?.phone) },
  { key: 'completedAt', label: 'Completed at', value: (t) => s(t.completedAt) },
  { key: 'createdAt', label: 'Created at', value: (t) => t.createdAt },
];

/** Every column an entity's export offers (custom fields included). */
export function columnsFor(entity: ExportEntity, customFields: CustomField[]): Array<ColumnDef<any>> {
  switch (entity) {
    case 'contacts':
      return contactColumns(customFields.filter((f) => f.entity === 'contact'));
    case 'companies':
      return companyColumns(customFields.filter((f) => f.entity === 'company'));
    case 'deals':
      return DEAL_COLUMNS;
    case 'activities':
      return ACTIVITY_COLUMNS;
    case 'tasks':
      return TASK_COLUMNS;
  }
}
