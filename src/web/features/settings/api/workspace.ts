import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { UpdateWorkspaceBody, Workspace } from '../../../../shared/contracts/workspaces';
import { http } from '../../../lib/api';

export type WorkspacePatch = z.input<typeof UpdateWorkspaceBody>;

export const workspaceKey = ['workspace'] as const;
export const fetchWorkspace = () => http.get<Workspace>('/workspace');
export function useWorkspace() {
  return useQuery({ queryKey: workspaceKey, queryFn: fetchWorkspace });
}
export const updateWorkspace = (patch: WorkspacePatch) => http.patch<Workspace>('/workspace', patch);
