import { useState } from 'react';
import { UserPlus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../design';
import { useRealtime } from '../../../lib/realtime';
import { useCan } from '../../../lib/session';
import { useQueryClient } from '@tanstack/react-query';
import { invitationKeys } from '../api/users';
import { InvitationsCard } from './invitations-card';
import { InviteDialog } from './invite-dialog';
import { MembersCard } from './members-card';
import { RolesMatrix } from './roles-matrix';
import { SectionHeader } from './section-header';

/** Members and their roles, invitations, and what each role may do. */
export function UsersSettings() {
  const { t } = useTranslation('settings');
  const can = useCan();
  const canManage = can('users.manage');
  const [isInviting, setInviting] = useState(false);
  const queryClient = useQueryClient();
  useRealtime('user.', () => void queryClient.invalidateQueries({ queryKey: invitationKeys.all }));
  return (
    <>
      <SectionHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          canManage && (
            <Button variant="primary" icon={<UserPlus />} onClick={() => setInviting(true)}>
              {t('users.invite')}
            </Button>
          )
        }
      />
      <MembersCard canManage={canManage} onInvite={() => setInviting(true)} />
      {canManage && <InvitationsCard onInvite={() => setInviting(true)} />}
      <RolesMatrix />
      <InviteDialog open={isInviting} onClose={() => setInviting(false)} />
    </>
  );
}
