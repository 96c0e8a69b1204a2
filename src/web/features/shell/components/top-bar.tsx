import { Menu as MenuIcon } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { IconButton } from '../../../design';
import { NotificationBell } from '../../activities';
import { LanguageSwitcher } from './language-switcher';
import { UserMenu } from './user-menu';
import { WorkspaceSwitcher } from './workspace-switcher';
import './top-bar.css';

/** Workspace on the left; language and the user on the right. Features add small widgets to `top-bar-actions`. */
export function TopBar({ onOpenMenu }: { onOpenMenu: () => void }) {
  const { t } = useTranslation('shell');
  return (
    <header className="top-bar">
      <IconButton className="top-bar-menu" label={t('openMenu')} icon={<MenuIcon />} onClick={onOpenMenu} />
      <WorkspaceSwitcher />
      <div className="top-bar-actions">
        <NotificationBell />
        <LanguageSwitcher />
        <UserMenu />
      </div>
    </header>
  );
}
