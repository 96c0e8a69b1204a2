import { cloneElement, useId, type CSSProperties, type ReactElement, type ReactNode } from 'react';
import { X } from 'lucide-react';
import { cx } from '../cx';
import './feedback.css';

/** A placeholder block shown while data loads (prefer it over spinners for page content). */
export function Skeleton({
  width,
  height,
  className,
  style,
}: {
  width?: number | string;
  height?: number | string;
  className?: string;
  style?: CSSProperties;
}) {
  return <span className={cx('skeleton', className)} style={{ width, height, ...style }} aria-hidden />;
}

/** A few skeleton lines, for cards and panels. */
export function SkeletonText({ lines = 3, label }: { lines?: number; label?: string }) {
  return (
    <div className="stack-sm" role="status" aria-label={label}>
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton key={i} width={i === lines - 1 ? '60%' : '100%'} />
      ))}
    </div>
  );
}

export interface EmptyStateProps {
  icon?: ReactNode;
  title: ReactNode;
  /** Teach: what belongs here and how to get it here. */
  children?: ReactNode;
  action?: ReactNode;
  compact?: boolean;
}

export function EmptyState({ icon, title, children, action, compact }: EmptyStateProps) {
  return (
    <div className={cx('empty-state', compact && 'empty-state-compact')}>
      {icon && (
        <div className="empty-state-icon" aria-hidden>
          {icon}
        </div>
      )}
      <h2 className="empty-state-title">{title}</h2>
      {children && <div className="empty-state-text">{children}</div>}
      {action && <div className="empty-state-action">{action}</div>}
    </div>
  );
}

export interface ProgressBarProps {
  /** 0..max; omit for work whose size is unknown. */
  value?: number;
  max?: number;
  label?: string;
  /** Shows "value / max" (or a percentage) next to the label. */
  showValue?: boolean;
  tone?: 'accent' | 'success' | 'danger';
}

/** Progress of long work (imports, sends, exports). */
export function ProgressBar({ value, max = 100, label, showValue, tone = 'accent' }: ProgressBarProps) {
  const isIndeterminate = value === undefined;
  const percent = isIndeterminate ? 0 : Math.max(0, Math.min(100, (value / max) * 100));
  return (
    <div
      className={cx('progress', tone !== 'accent' && `progress-${tone}`, isIndeterminate && 'progress-indeterminate')}
    >
      {(label || showValue) && (
        <div className="progress-label">
          <span>{label}</span>
          {showValue && !isIndeterminate && (
            <span>{max === 100 ? `${Math.round(percent)}%` : `${value} / ${max}`}</span>
          )}
        </div>
      )}
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={isIndeterminate ? undefined : value}
      >
        <div className="progress-bar" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

export const TAG_COLORS = ['gray', 'blue', 'green', 'amber', 'red', 'purple', 'teal', 'pink'] as const;
export type TagColor = (typeof TAG_COLORS)[number] | 'accent';

export interface BadgeProps {
  color?: TagColor;
  children: ReactNode;
  icon?: ReactNode;
  /** A leading coloured dot (status). */
  dot?: boolean;
  round?: boolean;
  /** Shows a small remove button (for tags on a record). */
  onRemove?: () => void;
  removeLabel?: string;
  className?: string;
}

export function Badge({
  color = 'gray',
  children,
  icon,
  dot,
  round,
  onRemove,
  removeLabel = 'Remove',
  className,
}: BadgeProps) {
  return (
    <span className={cx('badge', `badge-${color}`, dot && 'badge-dot', round && 'badge-round', className)}>
      {icon}
      {children}
      {onRemove && (
        <button type="button" className="badge-remove" aria-label={removeLabel} onClick={onRemove}>
          <X />
        </button>
      )}
    </span>
  );
}

/** A Tag is a Badge used for labels the user chose (tags, types, sources). */
export const Tag = Badge;

const AVATAR_COLORS = ['#5a5bd4', '#1f8a70', '#c2410c', '#b12a6a', '#2463d6', '#7c3aed', '#0f766e', '#a16207'];

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? parts[parts.length - 1][0] : '')).toUpperCase();
}

/** A person's initials on a colour derived from their name (stable across renders). */
export function Avatar({ name, size = 'md', square }: { name: string; size?: 'sm' | 'md' | 'lg'; square?: boolean }) {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return (
    <span
      className={cx('avatar', `avatar-${size}`, square && 'avatar-square')}
      style={{ background: AVATAR_COLORS[hash % AVATAR_COLORS.length] }}
      aria-hidden
    >
      {initials(name)}
    </span>
  );
}

/** A short hint shown on hover and keyboard focus of its child. */
export function Tooltip({
  content,
  children,
  placement = 'top',
}: {
  content: string;
  children: ReactElement<{ 'aria-describedby'?: string }>;
  placement?: 'top' | 'bottom';
}) {
  const id = useId();
  return (
    <span className="tooltip-anchor">
      {cloneElement(children, { 'aria-describedby': id })}
      <span role="tooltip" id={id} className={cx('tooltip', placement === 'bottom' && 'tooltip-bottom')}>
        {content}
      </span>
    </span>
  );
}
