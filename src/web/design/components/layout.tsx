import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from '../cx';
import { Button } from './button';
import './layout.css';

/** The standard page frame: header on top, content below, consistent padding. */
export function Page({ children, wide, className }: { children: ReactNode; wide?: boolean; className?: string }) {
  return <div className={cx('page', wide && 'page-wide', className)}>{children}</div>;
}

export interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  /** Small text above the title (breadcrumb or section). */
  eyebrow?: ReactNode;
  actions?: ReactNode;
}

export function PageHeader({ title, description, eyebrow, actions }: PageHeaderProps) {
  return (
    <header className="page-header">
      <div className="page-header-text">
        {eyebrow && <div className="page-header-eyebrow">{eyebrow}</div>}
        <h1>{title}</h1>
        {description && <p className="page-header-description">{description}</p>}
      </div>
      {actions && <div className="page-header-actions">{actions}</div>}
    </header>
  );
}

export interface CardProps {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  footer?: ReactNode;
  /** No body padding (tables that run to the card's edges). */
  flush?: boolean;
  children?: ReactNode;
  className?: string;
  as?: 'section' | 'div';
}

export function Card({
  title,
  description,
  actions,
  footer,
  flush,
  children,
  className,
  as: Tag = 'section',
}: CardProps) {
  return (
    <Tag className={cx('card', flush && 'card-flush', className)}>
      {(title || actions) && (
        <div className="card-header">
          <div className="grow">
            {title && <h2 className="card-title">{title}</h2>}
            {description && <p className="card-description">{description}</p>}
          </div>
          {actions && <div className="row">{actions}</div>}
        </div>
      )}
      <div className="card-body">{children}</div>
      {footer && <div className="card-footer">{footer}</div>}
    </Tag>
  );
}

export interface LoadMoreProps {
  hasMore: boolean;
  isLoading?: boolean;
  onLoadMore: () => void;
  /** e.g. "50 of 312"; shown beside the button. */
  summary?: ReactNode;
}

/** Cursor pagination: one button that appends the next page. */
export function LoadMore({ hasMore, isLoading, onLoadMore, summary }: LoadMoreProps) {
  const { t } = useTranslation('common');
  if (!hasMore && !summary) return null;
  return (
    <div className="load-more">
      {summary && <span>{summary}</span>}
      {hasMore && (
        <Button size="sm" onClick={onLoadMore} isLoading={isLoading}>
          {t('loadMore')}
        </Button>
      )}
    </div>
  );
}
