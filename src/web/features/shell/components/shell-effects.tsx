import { useQueryClient } from '@tanstack/react-query';
import { useRealtime } from '../../../lib/realtime';
import { LIVE_EVENTS } from '../../../lib/realtime-events';
import { sessionKey } from '../../../lib/session';

/** Keeps the shell current when someone else renames the workspace or changes your role. */
export function ShellEffects() {
  const queryClient = useQueryClient();
  const refreshSession = () => void queryClient.invalidateQueries({ queryKey: sessionKey });
  useRealtime(LIVE_EVENTS.workspace, refreshSession);
  useRealtime(LIVE_EVENTS.user, refreshSession);
  return null;
}
