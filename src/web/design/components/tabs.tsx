import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { cx } from '../cx';
import './layout.css';

export interface TabItem {
  key: string;
  label: ReactNode;
  icon?: ReactNode;
  count?: number;
}

export interface TabsProps {
  items: TabItem[];
  value: string;
  onChange: (key: string) => void;
  label: string;
  /** The id prefix of panels, so each tab can point at its panel with aria-controls. */
  panelIdPrefix?: string;
}

/** In-page tabs (WAI-ARIA tabs pattern: arrows move between tabs, Home/End jump). */
export function Tabs({ items, value, onChange, label, panelIdPrefix }: TabsProps) {
  const listRef = useRef<HTMLDivElement>(null);
  function onKeyDown(e: KeyboardEvent) {
    const index = items.findIndex((i) => i.key === value);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: items.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const target = items[(next + items.length) % items.length];
    onChange(target.key);
    listRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(target.key)}"]`)?.focus();
  }
  return (
    <div className="tab-list" role="tablist" aria-label={label} ref={listRef} onKeyDown={onKeyDown}>
      {items.map((item) => {
        const isSelected = item.key === value;
        return (
          <button
            key={item.key}
            type="button"
            role="tab"
            data-key={item.key}
            className="tab"
            aria-selected={isSelected}
            aria-controls={panelIdPrefix ? `${panelIdPrefix}-${item.key}` : undefined}
            tabIndex={isSelected ? 0 : -1}
            onClick={() => onChange(item.key)}
          >
            {item.icon}
            {item.label}
            {item.count !== undefined && <span className="tab-count">{item.count}</span>}
          </button>
        );
      })}
    </div>
  );
}

export interface TabLinkItem {
  to: string;
  label: ReactNode;
  icon?: ReactNode;
  /** Match the path exactly (for an index tab). */
  end?: boolean;
}

/** Tabs that are links (sub-pages with their own URL, e.g. Settings sections). */
export function TabLinks({ items, label, className }: { items: TabLinkItem[]; label: string; className?: string }) {
  return (
    <nav aria-label={label} className={cx('tab-list', className)}>
      {items.map((item) => (
        <NavLink key={item.to} to={item.to} end={item.end} className="tab">
          {item.icon}
          {item.label}
        </NavLink>
      ))}
    </nav>
  );
}
