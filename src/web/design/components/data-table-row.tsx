import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { cx } from '../cx';
import type { Column } from './data-table';

interface DataTableRowProps<T> {
  row: T;
  index: number;
  columns: Column<T>[];
  colSpan: number;
  isFirst: boolean;
  isExpanded: boolean;
  isSelected?: boolean;
  onToggleSelected?: () => void;
  onActivate?: () => void;
  renderExpanded?: (row: T) => ReactNode;
  measureRef?: (el: Element | null) => void;
  selectLabel: string;
}

const INTERACTIVE = 'button, a, input, select, textarea, [role="menuitem"], [contenteditable="true"]';

/** Moves focus between rows with the arrow keys, Home and End; Enter or Space activates. */
function onRowKeyDown(e: KeyboardEvent<HTMLTableRowElement>, onActivate?: () => void) {
  if (e.target !== e.currentTarget) return;
  const rows = Array.from(
    e.currentTarget.closest('table')?.querySelectorAll<HTMLTableRowElement>('tr.table-row') ?? [],
  );
  const index = rows.indexOf(e.currentTarget);
  const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: rows.length - 1 }[e.key];
  if (next !== undefined) {
    e.preventDefault();
    rows[Math.max(0, Math.min(rows.length - 1, next))]?.focus();
  } else if ((e.key === 'Enter' || e.key === ' ') && onActivate) {
    e.preventDefault();
    onActivate();
  }
}

export function DataTableRow<T>({
  row,
  index,
  columns,
  colSpan,
  isFirst,
  isExpanded,
  isSelected,
  onToggleSelected,
  onActivate,
  renderExpanded,
  measureRef,
  selectLabel,
}: DataTableRowProps<T>) {
  const isExpandable = Boolean(renderExpanded);
  function onClick(e: MouseEvent) {
    if ((e.target as HTMLElement).closest(INTERACTIVE)) return;
    onActivate?.();
  }
  return (
    <tbody ref={measureRef} data-index={index}>
      <tr
        className={cx('table-row', onActivate && 'table-row-clickable', isExpanded && 'table-row-expanded')}
        tabIndex={isFirst ? 0 : -1}
        aria-selected={onToggleSelected ? Boolean(isSelected) : undefined}
        aria-expanded={isExpandable ? isExpanded : undefined}
        onKeyDown={(e) => onRowKeyDown(e, onActivate)}
        onClick={onClick}
      >
        {onToggleSelected && (
          <td className="col-select">
            <input type="checkbox" aria-label={selectLabel} checked={Boolean(isSelected)} onChange={onToggleSelected} />
          </td>
        )}
        {columns.map((column, i) => (
          <td key={column.key} className={cx(column.align && `align-${column.align}`, column.className)}>
            {i === 0 && isExpandable ? (
              <span className="row" style={{ flexWrap: 'nowrap' }}>
                {isExpanded ? <ChevronDown size={14} aria-hidden /> : <ChevronRight size={14} aria-hidden />}
                {column.cell(row)}
              </span>
            ) : (
              column.cell(row)
            )}
          </td>
        ))}
      </tr>
      {isExpanded && renderExpanded && (
        <tr className="table-expansion">
          <td colSpan={colSpan}>{renderExpanded(row)}</td>
        </tr>
      )}
    </tbody>
  );
}
