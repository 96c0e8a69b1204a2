import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { UpdateWorkspaceBody, Workspace } from '../../../../shared/contracts/workspaces';
import { http } from '../../../lib/api';

export type WorkspacePatch = z.input<typeof UpdateWorkspaceBody>;

export const fetchWorkspace = () => http.get<Workspace>('/workspace');
export const workspaceKeys = {
  all: ['workspace'] as const,
  current: () => queryOptions({ queryKey: [...workspaceKeys.all, 'current'], queryFn: fetchWorkspace }),
};
export function useWorkspace() {
  return useQuery(workspaceKeys.current());
}
export const updateWorkspace = (patch: WorkspacePatch) => http.patch<Workspace>('/workspace', patch);
