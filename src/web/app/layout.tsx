import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { Drawer } from '../design';
import { ShellEffects } from '../features/shell/components/shell-effects';
import { Sidebar } from '../features/shell/components/sidebar';
import { TopBar } from '../features/shell/components/top-bar';
import { NavItemsProvider } from '../lib/nav';
import { usePersistentState } from '../lib/use-persistent-state';
import { navItems } from './nav';
import './layout.css';

/** The signed-in frame: skip link, sidebar (a drawer on phones), top bar, and the page in <main>. */
export function AppLayout() {
  const { t } = useTranslation('shell');
  const [isCollapsed, setCollapsed] = usePersistentState('crm.sidebarCollapsed', false);
  const [isDrawerOpen, setDrawerOpen] = useState(false);
  return (
    <NavItemsProvider items={navItems}>
      <div className="app-shell" data-collapsed={isCollapsed}>
        <a className="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <ShellEffects />
        <aside className="app-sidebar" aria-label={t('sidebar')}>
          <Sidebar isCollapsed={isCollapsed} onToggleCollapsed={() => setCollapsed(!isCollapsed)} />
        </aside>
        <Drawer
          side="left"
          open={isDrawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={t('menu')}
          className="nav-drawer"
        >
          <Sidebar isCollapsed={false} onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
        <div className="app-column">
          <TopBar onOpenMenu={() => setDrawerOpen(true)} />
          <main id="main" className="app-main" tabIndex={-1}>
            <Outlet />
          </main>
        </div>
      </div>
    </NavItemsProvider>
  );
}
