import { useQueryClient } from '@tanstack/react-query';
import { useRealtime } from '../../../lib/realtime';
import { sessionKey } from '../../../lib/session';
import { memberKeys } from '../../settings';

/** Keeps the shell current when someone else renames the workspace, changes your role or a member changes. */
export function ShellEffects() {
  const queryClient = useQueryClient();
  const refreshSession = () => void queryClient.invalidateQueries({ queryKey: sessionKey });
  useRealtime('workspace.', refreshSession);
  // A member joined, changed role or was deactivated: your own session, and every members list
  // (owner and assignee pickers offer active members only).
  useRealtime('user.', () => {
    refreshSession();
    void queryClient.invalidateQueries({ queryKey: memberKeys.all });
  });
  return null;
}
