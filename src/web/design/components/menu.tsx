import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { Check } from 'lucide-react';
import { cx } from '../cx';
import './menu.css';

export type MenuEntry =
  | {
      type?: 'item';
      key: string;
      label: ReactNode;
      icon?: ReactNode;
      hint?: ReactNode;
      onSelect: () => void;
      disabled?: boolean;
      danger?: boolean;
      checked?: boolean;
    }
  | { type: 'separator'; key: string }
  | { type: 'label'; key: string; label: ReactNode };

export interface MenuTriggerProps {
  ref: Ref<HTMLButtonElement>;
  id: string;
  'aria-haspopup': 'menu';
  'aria-expanded': boolean;
  'aria-controls': string;
  onClick: () => void;
  onKeyDown: (e: KeyboardEvent) => void;
}

export interface MenuProps {
  /** Renders the button that opens the menu; spread the given props onto it. */
  trigger: (props: MenuTriggerProps) => ReactNode;
  items: MenuEntry[];
  label?: string;
  align?: 'start' | 'end';
  direction?: 'down' | 'up';
  className?: string;
}

const focusableItems = (menu: HTMLElement | null) =>
  Array.from(menu?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])') ?? []);

/** A dropdown menu (WAI-ARIA menu button): arrows move, Home/End jump, Esc closes and returns focus. */
export function Menu({ trigger, items, label, align = 'start', direction = 'down', className }: MenuProps) {
  const [isOpen, setOpen] = useState(false);
  const [focusLast, setFocusLast] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const anchorRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const menuId = `${baseId}-menu`;

  useEffect(() => {
    if (!isOpen) return;
    const list = focusableItems(menuRef.current);
    (focusLast
      ? list[list.length - 1]
      : (list.find((el) => el.getAttribute('aria-checked') === 'true') ?? list[0])
    )?.focus();
    const onPointerDown = (e: PointerEvent) => {
      if (!anchorRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [isOpen, focusLast]);

  function close(returnFocus = true) {
    setOpen(false);
    if (returnFocus) triggerRef.current?.focus();
  }

  function onMenuKeyDown(e: KeyboardEvent) {
    const list = focusableItems(menuRef.current);
    const index = list.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: list.length - 1 };
    if (e.key in moves) {
      e.preventDefault();
      list[(moves[e.key] + list.length) % list.length]?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'Tab') {
      close(false);
    }
  }

  const triggerProps: MenuTriggerProps = {
    ref: triggerRef,
    id: `${baseId}-trigger`,
    'aria-haspopup': 'menu',
    'aria-expanded': isOpen,
    'aria-controls': menuId,
    onClick: () => {
      setFocusLast(false);
      setOpen((v) => !v);
    },
    onKeyDown: (e) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setFocusLast(e.key === 'ArrowUp');
        setOpen(true);
      }
    },
  };

  return (
    <div className={cx('menu-anchor', className)} ref={anchorRef}>
      {trigger(triggerProps)}
      {isOpen && (
        <div
          className={cx('menu', align === 'end' && 'menu-end', direction === 'up' && 'menu-up')}
          role="menu"
          id={menuId}
          aria-label={label}
          aria-labelledby={label ? undefined : triggerProps.id}
          ref={menuRef}
          onKeyDown={onMenuKeyDown}
        >
          {items.map((entry) => (
            <MenuRow key={entry.key} entry={entry} onDone={() => close()} />
          ))}
        </div>
      )}
    </div>
  );
}

function MenuRow({ entry, onDone }: { entry: MenuEntry; onDone: () => void }) {
  if (entry.type === 'separator') return <div className="menu-separator" role="separator" />;
  if (entry.type === 'label')
    return (
      <div className="menu-label" role="presentation">
        {entry.label}
      </div>
    );
  const isCheckable = entry.checked !== undefined;
  return (
    <button
      type="button"
      role={isCheckable ? 'menuitemradio' : 'menuitem'}
      aria-checked={isCheckable ? entry.checked : undefined}
      aria-disabled={entry.disabled || undefined}
      tabIndex={-1}
      className={cx('menu-item', entry.danger && 'menu-item-danger')}
      onClick={() => {
        if (entry.disabled) return;
        onDone();
        entry.onSelect();
      }}
    >
      {entry.icon}
      <span className="grow truncate">{entry.label}</span>
      {entry.hint && <span className="menu-item-hint">{entry.hint}</span>}
      {entry.checked && <Check className="menu-check" aria-hidden />}
    </button>
  );
}
