import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { Page, PageHeader } from '../../../design';
import { useCan } from '../../../lib/session';
import type { SettingsSection } from '../settings-section';
import './settings.css';

export function useVisibleSettingsSections(settingsSections: SettingsSection[]): SettingsSection[] {
  const can = useCan();
  return settingsSections.filter((s) => !s.permission || can(s.permission));
}

/** Settings: a grouped sub-navigation beside the chosen section (tabs across the top on phones). */
export function SettingsLayout({ sections: allSections }: { sections: SettingsSection[] }) {
  const { t } = useTranslation('settings');
  const sections = useVisibleSettingsSections(allSections);
  const groups = [...new Set(sections.map((s) => s.groupKey))];
  const navRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  // On phones the sections are a sideways-scrolling strip: keep the current one in view.
  useEffect(() => {
    navRef.current?.querySelector('.active')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [pathname]);
  return (
    <Page wide className="settings-page">
      <PageHeader title={t('title')} description={t('description')} />
      <div className="settings-grid">
        <nav className="settings-nav" aria-label={t('navLabel')} ref={navRef}>
          {groups.map((group) => (
            <div key={group} className="settings-nav-group">
              <div className="settings-nav-heading">{t(group)}</div>
              <ul>
                {sections
                  .filter((s) => s.groupKey === group)
                  .map((s) => (
                    <li key={s.key}>
                      <NavLink to={`/settings/${s.path}`} className="settings-nav-link">
                        <s.icon aria-hidden />
                        <span>{t(s.labelKey)}</span>
                      </NavLink>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </nav>
        <div className="settings-content">
          <Outlet />
        </div>
      </div>
    </Page>
  );
}
