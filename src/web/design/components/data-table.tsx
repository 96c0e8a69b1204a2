import { useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { cx } from '../cx';
import { Skeleton } from './feedback';
import { DataTableRow } from './data-table-row';
import './data-table.css';

export type SortDirection = 'asc' | 'desc';
export interface SortState {
  key: string;
  direction: SortDirection;
}

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Client-side sort value; with `onSortChange` on the table the server sorts instead. */
  sortValue?: (row: T) => string | number | null | undefined;
  isSortable?: boolean;
  width?: number | string;
  align?: 'left' | 'right' | 'center';
  className?: string;
}

export interface DataTableProps<T> {
  /** Names the table for screen readers. */
  label: string;
  columns: Column<T>[];
  rows: T[];
  getRowId: (row: T) => string;
  isLoading?: boolean;
  /** Shown in place of rows when there are none (usually an EmptyState). */
  empty?: ReactNode;
  /** Controlled sort (server-side). Without it, sortable columns sort the rows in the browser. */
  sort?: SortState | null;
  onSortChange?: (sort: SortState) => void;
  /** Enter on a focused row, or a click on it. */
  onRowActivate?: (row: T) => void;
  /** Content of a row's expansion; Enter or click toggles it when there is no onRowActivate. */
  renderExpanded?: (row: T) => ReactNode;
  /** Bulk selection: a checkbox column. */
  selectedIds?: ReadonlySet<string>;
  onSelectionChange?: (ids: Set<string>) => void;
  /** Renders only visible rows; requires maxHeight so the table scrolls inside itself. */
  virtualize?: boolean;
  estimateRowHeight?: number;
  maxHeight?: number | string;
  /** With `virtualize`: called when the last rows come into view (fetch the next page; guard with hasNextPage). */
  onReachEnd?: () => void;
  footer?: ReactNode;
  flush?: boolean;
}

/** A dense table: sortable headers, sticky header, arrow-key row focus, optional expansion, selection and virtualization. */
export function DataTable<T>(props: DataTableProps<T>) {
  const {
    label,
    columns,
    rows,
    getRowId,
    isLoading,
    empty,
    virtualize,
    estimateRowHeight = 37,
    maxHeight,
    footer,
    flush,
  } = props;
  const { t } = useTranslation('common');
  const scrollRef = useRef<HTMLDivElement>(null);
  const [localSort, setLocalSort] = useState<SortState | null>(null);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const sort = props.onSortChange ? (props.sort ?? null) : localSort;
  const hasSelection = Boolean(props.onSelectionChange);

  const sortedRows = useMemo(() => {
    const column = columns.find((c) => c.key === sort?.key);
    if (props.onSortChange || !sort || !column?.sortValue) return rows;
    const value = column.sortValue;
    const factor = sort.direction === 'asc' ? 1 : -1;
    return [...rows].sort((a, b) => compareValues(value(a), value(b)) * factor);
  }, [rows, columns, sort, props.onSortChange]);

  const virtualizer = useVirtualizer({
    count: sortedRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateRowHeight,
    overscan: 12,
    enabled: Boolean(virtualize),
  });
  const items = virtualize
    ? virtualizer.getVirtualItems()
    : sortedRows.map((_, index) => ({ index, start: 0, end: 0 }));
  const paddingTop = virtualize && items.length ? items[0].start : 0;
  const paddingBottom = virtualize && items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const lastVisible = virtualize ? items[items.length - 1]?.index : undefined;
  const onReachEndRef = useRef(props.onReachEnd);
  onReachEndRef.current = props.onReachEnd;
  useEffect(() => {
    if (lastVisible !== undefined && lastVisible >= sortedRows.length - 10) onReachEndRef.current?.();
  }, [lastVisible, sortedRows.length]);

  function toggleSort(column: Column<T>) {
    const next: SortState =
      sort?.key === column.key && sort.direction === 'asc'
        ? { key: column.key, direction: 'desc' }
        : { key: column.key, direction: 'asc' };
    if (props.onSortChange) props.onSortChange(next);
    else setLocalSort(next);
  }
  function toggleExpanded(id: string) {
    setExpanded((all) => {
      const next = new Set(all);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }
  function toggleSelected(id: string) {
    const next = new Set(props.selectedIds);
    if (!next.delete(id)) next.add(id);
    props.onSelectionChange?.(next);
  }
  const isAllSelected =
    hasSelection && sortedRows.length > 0 && sortedRows.every((r) => props.selectedIds?.has(getRowId(r)));
  const colSpan = columns.length + (hasSelection ? 1 : 0);
  const wrapStyle: CSSProperties = { maxHeight };

  return (
    <div className={cx('table-wrap', flush && 'table-wrap-flush')}>
      <div className="table-scroll" ref={scrollRef} style={wrapStyle}>
        <table className="table" aria-label={label} aria-rowcount={virtualize ? sortedRows.length + 1 : undefined}>
          <thead>
            <tr>
              {hasSelection && (
                <th className="col-select">
                  <input
                    type="checkbox"
                    aria-label={t('selectAll')}
                    checked={isAllSelected}
                    onChange={() =>
                      props.onSelectionChange?.(isAllSelected ? new Set() : new Set(sortedRows.map(getRowId)))
                    }
                  />
                </th>
              )}
              {columns.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  className={cx(column.align && `align-${column.align}`, column.className)}
                  style={{ width: column.width, minWidth: column.width }}
                  aria-sort={
                    sort?.key === column.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined
                  }
                >
                  {column.isSortable || column.sortValue ? (
                    <button
                      type="button"
                      className="sort-button"
                      data-active={sort?.key === column.key}
                      onClick={() => toggleSort(column)}
                    >
                      {column.header}
                      {sort?.key !== column.key ? (
                        <ArrowUpDown aria-hidden />
                      ) : sort.direction === 'asc' ? (
                        <ArrowUp aria-hidden />
                      ) : (
                        <ArrowDown aria-hidden />
                      )}
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              ))}
            </tr>
          </thead>
          {paddingTop > 0 && (
            <tbody aria-hidden>
              <tr>
                <td colSpan={colSpan} style={{ height: paddingTop, padding: 0, border: 0 }} />
              </tr>
            </tbody>
          )}
          {isLoading && !rows.length ? (
            <tbody>
              {Array.from({ length: 5 }, (_, i) => (
                <tr key={i} className="table-skeleton">
                  {Array.from({ length: colSpan }, (_, j) => (
                    <td key={j}>
                      <Skeleton width={j === 0 ? '70%' : '50%'} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          ) : !sortedRows.length ? null : (
            items.map((item) => {
              const row = sortedRows[item.index];
              const id = getRowId(row);
              return (
                <DataTableRow
                  key={id}
                  index={item.index}
                  measureRef={virtualize ? virtualizer.measureElement : undefined}
                  row={row}
                  columns={columns}
                  isFirst={item.index === 0}
                  isExpanded={expanded.has(id)}
                  isSelected={props.selectedIds?.has(id)}
                  onToggleSelected={hasSelection ? () => toggleSelected(id) : undefined}
                  onActivate={
                    props.onRowActivate
                      ? () => props.onRowActivate?.(row)
                      : props.renderExpanded
                        ? () => toggleExpanded(id)
                        : undefined
                  }
                  renderExpanded={props.renderExpanded}
                  colSpan={colSpan}
                  selectLabel={t('selectRow')}
                />
              );
            })
          )}
          {paddingBottom > 0 && (
            <tbody aria-hidden>
              <tr>
                <td colSpan={colSpan} style={{ height: paddingBottom, padding: 0, border: 0 }} />
              </tr>
            </tbody>
          )}
        </table>
      </div>
      {!isLoading && !sortedRows.length && <div className="table-empty">{empty}</div>}
      {footer && <div className="table-footer">{footer}</div>}
    </div>
  );
}

function compareValues(a: unknown, b: unknown): number {
  if (a == null && b == null) return 0;
  if (a == null) return 1;
  if (b == null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { sensitivity: 'base', numeric: true });
}
