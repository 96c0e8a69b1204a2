import { useState } from 'react';
import { ChevronsUpDown, Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Avatar, Menu, type MenuEntry } from '../../../design';
import { useSession } from '../../../lib/session';
import { useSwitchWorkspace } from '../api/session-actions';
import { CreateWorkspaceDialog } from './create-workspace-dialog';

/** Shows the current workspace; lists the others to switch to, and creates new ones. */
export function WorkspaceSwitcher() {
  const { t } = useTranslation('shell');
  const session = useSession();
  const switchWorkspace = useSwitchWorkspace();
  const [isCreating, setCreating] = useState(false);

  const items: MenuEntry[] = [
    { type: 'label', key: 'label', label: t('workspace.yourWorkspaces') },
    ...session.workspaces.map((ws) => ({
      key: ws.id,
      label: ws.name,
      icon: <Avatar name={ws.name} size="sm" square />,
      hint: t(`common:roles.${ws.role}`),
      checked: ws.id === session.workspace.id,
      onSelect: () => ws.id !== session.workspace.id && switchWorkspace.mutate(ws.id),
    })),
    { type: 'separator', key: 'sep' },
    { key: 'create', label: t('workspace.create'), icon: <Plus />, onSelect: () => setCreating(true) },
  ];

  return (
    <>
      <Menu
        label={t('workspace.switch')}
        items={items}
        trigger={(props) => (
          <button
            type="button"
            className="top-bar-trigger"
            aria-label={t('workspace.current', { name: session.workspace.name })}
            {...props}
          >
            <Avatar name={session.workspace.name} size="md" square />
            <span className="ws-name truncate" data-testid="workspace-name">
              {session.workspace.name}
            </span>
            <span className="ws-role">{t(`common:roles.${session.role}`)}</span>
            <ChevronsUpDown aria-hidden />
          </button>
        )}
      />
      <CreateWorkspaceDialog open={isCreating} onClose={() => setCreating(false)} />
    </>
  );
}
