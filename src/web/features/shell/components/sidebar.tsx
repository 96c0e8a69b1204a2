import { PanelLeftClose, PanelLeftOpen } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { IconButton } from '../../../design';
import { useNavItems, type NavItem } from '../../../lib/nav';
import { useCan } from '../../../lib/session';
import './sidebar.css';

export interface SidebarProps {
  isCollapsed: boolean;
  onToggleCollapsed?: () => void;
  /** Called after a link is followed (closes the phone drawer). */
  onNavigate?: () => void;
}

/** The product's sections, filtered by the user's permissions. */
export function Sidebar({ isCollapsed, onToggleCollapsed, onNavigate }: SidebarProps) {
  const { t } = useTranslation('shell');
  const can = useCan();
  const visible = useNavItems().filter((item) => !item.permission || can(item.permission));
  const renderItem = (item: NavItem) => {
    const label = t(item.labelKey);
    return (
      <li key={item.key}>
        <NavLink
          to={item.path}
          end={item.path === '/'}
          className="nav-link"
          title={isCollapsed ? label : undefined}
          aria-label={isCollapsed ? label : undefined}
          onClick={onNavigate}
          data-nav={item.key}
        >
          <item.icon aria-hidden />
          {!isCollapsed && <span className="truncate">{label}</span>}
        </NavLink>
      </li>
    );
  };
  return (
    <div className="sidebar" data-collapsed={isCollapsed}>
      <div className="sidebar-brand">
        <span className="brand-mark" aria-hidden>
          <svg viewBox="0 0 32 32">
            <path
              d="M10 16a6 6 0 0 1 10.2-4.3M22 16a6 6 0 0 1-10.2 4.3"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.8"
              strokeLinecap="round"
            />
          </svg>
        </span>
        {!isCollapsed && <span className="brand-name">{t('common:appName')}</span>}
        {onToggleCollapsed && (
          <IconButton
            className="sidebar-toggle"
            size="sm"
            label={isCollapsed ? t('expandSidebar') : t('collapseSidebar')}
            icon={isCollapsed ? <PanelLeftOpen /> : <PanelLeftClose />}
            onClick={onToggleCollapsed}
            aria-expanded={!isCollapsed}
          />
        )}
      </div>
      <nav className="sidebar-nav" aria-label={t('mainNavigation')}>
        <ul>{visible.filter((i) => !i.isFooter).map(renderItem)}</ul>
        <ul className="sidebar-footer">{visible.filter((i) => i.isFooter).map(renderItem)}</ul>
      </nav>
    </div>
  );
}
