import { useCallback, useState } from 'react';
import { usePersistentState } from '../../../lib/use-persistent-state';
import type { ContactFilter, ContactSort } from '../api/contacts';
import type { SavedView } from '../api/views';
import { DEFAULT_COLUMNS } from '../lib/columns';

export const DEFAULT_SORT: ContactSort = { field: 'createdAt', dir: 'desc' };
export const EMPTY_FILTER: ContactFilter = {};

/** What the contacts list shows: filter, sort, columns, and the saved view they came from. */
export function useContactListState() {
  const [filter, setFilter] = useState<ContactFilter>(EMPTY_FILTER);
  const [sort, setSort] = useState<ContactSort>(DEFAULT_SORT);
  const [columns, setColumns] = usePersistentState<string[]>('crm.contacts.columns', DEFAULT_COLUMNS);
  const [view, setView] = useState<SavedView | null>(null);

  const applyView = useCallback(
    (next: SavedView | null) => {
      setView(next);
      setFilter(next ? (next.filter as ContactFilter) : EMPTY_FILTER);
      setSort(next ? next.sort : DEFAULT_SORT);
      if (next?.columns.length) setColumns(next.columns);
    },
    [setColumns],
  );
  const isDirty = view
    ? JSON.stringify(view.filter) !== JSON.stringify(filter) ||
      JSON.stringify(view.sort) !== JSON.stringify(sort) ||
      JSON.stringify(view.columns) !== JSON.stringify(columns)
    : false;
  return { filter, setFilter, sort, setSort, columns, setColumns, view, applyView, isDirty };
}

/** How many filters are on (for the Filters button badge). */
export function activeFilterCount(f: ContactFilter): number {
  return (
    (f.typeKeys?.length ? 1 : 0) +
    (f.sourceKeys?.length ? 1 : 0) +
    (f.ownerIds?.length ? 1 : 0) +
    (f.tagIds?.length ? 1 : 0) +
    (f.createdFrom || f.createdTo ? 1 : 0) +
    (f.doNotContact !== undefined ? 1 : 0) +
    (f.deleted ? 1 : 0) +
    (f.conditions?.length ?? 0)
  );
}
