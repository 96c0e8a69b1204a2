import { useState } from 'react';
import { LogOut, UserRound } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Avatar, Menu } from '../../../design';
import { useSession } from '../../../lib/session';
import { useLogout } from '../api/session-actions';
import { ProfileDialog } from './profile-dialog';

export function UserMenu() {
  const { t } = useTranslation('shell');
  const { user } = useSession();
  const logout = useLogout();
  const [isProfileOpen, setProfileOpen] = useState(false);
  return (
    <>
      <Menu
        align="end"
        label={t('user.menu')}
        trigger={(props) => (
          <button
            type="button"
            className="top-bar-trigger"
            aria-label={t('user.menuFor', { name: user.name })}
            {...props}
          >
            <Avatar name={user.name} size="md" />
            <span className="user-name truncate">{user.name}</span>
          </button>
        )}
        items={[
          { type: 'label', key: 'who', label: user.email },
          { key: 'profile', label: t('user.profile'), icon: <UserRound />, onSelect: () => setProfileOpen(true) },
          { type: 'separator', key: 'sep' },
          { key: 'logout', label: t('user.signOut'), icon: <LogOut />, onSelect: () => logout.mutate() },
        ]}
      />
      <ProfileDialog open={isProfileOpen} onClose={() => setProfileOpen(false)} />
    </>
  );
}
