import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import { Avatar, Badge, type Column } from '../../../design';
import type { useFormat } from '../../../lib/format';
import type { ContactListItem } from '../api/contacts';
import type { ContactSource, ContactType, CustomField } from '../api/config';
import { badgeColor } from './colors';
import { formatPhone } from './phone';

export const DEFAULT_COLUMNS = ['type', 'phone', 'email', 'company', 'owner', 'tags', 'createdAt'];
export const STANDARD_COLUMNS = [
  'type',
  'phone',
  'email',
  'company',
  'owner',
  'source',
  'tags',
  'city',
  'team',
  'birthday',
  'gender',
  'language',
  'doNotContact',
  'createdAt',
  'updatedAt',
];

/** The server's sort field for a column, when it sorts by one. */
export const SORT_FIELD: Record<string, string> = {
  name: 'fullName',
  type: 'typeKey',
  email: 'primaryEmail',
  phone: 'primaryPhone',
  source: 'sourceKey',
  birthday: 'birthday',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
};
export function sortFieldOf(column: string): string | undefined {
  return SORT_FIELD[column] ?? (column.startsWith('custom.') ? column : undefined);
}
export function columnOfSortField(field: string): string {
  return Object.entries(SORT_FIELD).find(([, f]) => f === field)?.[0] ?? field;
}

export interface ColumnContext {
  t: TFunction;
  format: ReturnType<typeof useFormat>;
  types: Map<string, ContactType>;
  sources: Map<string, ContactSource>;
  fields: CustomField[];
}

export function columnLabel(key: string, ctx: Pick<ColumnContext, 't' | 'fields'>): string {
  if (key.startsWith('custom.')) return ctx.fields.find((f) => `custom.${f.key}` === key)?.label ?? key.slice(7);
  return ctx.t(`columns.${key}`);
}

function customCell(field: CustomField, value: unknown, ctx: ColumnContext) {
  if (value === undefined || value === null || value === '') return <span className="text-subtle">—</span>;
  const choice = (v: unknown) => field.choices.find((c) => c.value === v)?.label ?? String(v);
  switch (field.type) {
    case 'boolean':
      return value ? ctx.t('common:yes') : ctx.t('common:no');
    case 'money':
      return ctx.format.money(value as number);
    case 'date':
      return ctx.format.date(`${value as string}T00:00:00Z`);
    case 'select':
      return <Badge>{choice(value)}</Badge>;
    case 'multi_select':
      return (
        <span className="row">
          {(value as string[]).map((v) => (
            <Badge key={v}>{choice(v)}</Badge>
          ))}
        </span>
      );
    case 'phone':
      return formatPhone(value as string);
    default:
      return <span className="truncate">{String(value)}</span>;
  }
}

/** Table columns for the chosen keys; the name column always comes first. */
export function buildColumns(keys: string[], ctx: ColumnContext): Column<ContactListItem>[] {
  const { t, format } = ctx;
  const name: Column<ContactListItem> = {
    key: 'name',
    header: t('columns.name'),
    isSortable: true,
    width: 190,
    cell: (c) => (
      <Link to={`/contacts/${c.id}`} className="contact-name-cell">
        <Avatar name={c.fullName} size="sm" />
        <span className="truncate">{c.fullName}</span>
      </Link>
    ),
  };
  const cells: Record<string, Omit<Column<ContactListItem>, 'key' | 'header'>> = {
    type: {
      width: 140,
      isSortable: true,
      cell: (c) =>
        c.typeKey ? (
          <Badge color={badgeColor(ctx.types.get(c.typeKey)?.color)} dot>
            {ctx.types.get(c.typeKey)?.label ?? c.typeKey}
          </Badge>
        ) : null,
    },
    phone: {
      width: 140,
      isSortable: true,
      cell: (c) => <span className="tabular">{formatPhone(c.primaryPhone)}</span>,
    },
    email: { width: 170, isSortable: true, cell: (c) => <span className="truncate">{c.primaryEmail}</span> },
    company: {
      width: 130,
      cell: (c) => (c.companyId ? <Link to={`/contacts/companies/${c.companyId}`}>{c.companyName}</Link> : null),
    },
    owner: { width: 110, cell: (c) => <span className="text-muted">{c.ownerName ?? ''}</span> },
    source: {
      width: 140,
      isSortable: true,
      cell: (c) => (c.sourceKey ? (ctx.sources.get(c.sourceKey)?.label ?? c.sourceKey) : null),
    },
    tags: {
      width: 150,
      cell: (c) => (
        <span className="row contact-tags-cell">
          {c.tags.map((tag) => (
            <Badge key={tag.id} color={badgeColor(tag.color)}>
              {tag.name}
            </Badge>
          ))}
        </span>
      ),
    },
    city: { width: 120, cell: (c) => c.city },
    team: { width: 120, cell: (c) => c.team },
    birthday: {
      width: 120,
      isSortable: true,
      cell: (c) => (c.birthday ? format.date(`${c.birthday}T00:00:00Z`) : null),
    },
    gender: { width: 100, cell: (c) => (c.gender ? t(`genders.${c.gender}`) : null) },
    language: { width: 90, cell: (c) => c.preferredLanguage?.toUpperCase() },
    doNotContact: { width: 110, cell: (c) => (c.doNotContact ? <Badge color="red">{t('doNotContact')}</Badge> : null) },
    createdAt: {
      width: 96,
      isSortable: true,
      cell: (c) => <span className="text-muted">{format.date(c.createdAt)}</span>,
    },
    updatedAt: {
      width: 110,
      isSortable: true,
      cell: (c) => <span className="text-muted">{format.relative(c.updatedAt)}</span>,
    },
  };
  const rest = keys.flatMap((key): Column<ContactListItem>[] => {
    if (key.startsWith('custom.')) {
      const field = ctx.fields.find((f) => `custom.${f.key}` === key && !f.isArchived);
      if (!field) return [];
      return [
        {
          key,
          header: field.label,
          width: 150,
          isSortable: field.type !== 'multi_select',
          cell: (c) => customCell(field, c.custom[field.key], ctx),
        },
      ];
    }
    const cell = cells[key];
    return cell ? [{ key, header: columnLabel(key, ctx), ...cell }] : [];
  });
  return [name, ...rest];
}
