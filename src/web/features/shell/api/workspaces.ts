import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateWorkspaceBody, TemplateInfo, Workspace } from '../../../../shared/contracts/workspaces';
import { http } from '../../../lib/api';

export type WorkspaceTemplate = z.infer<typeof TemplateInfo>;

export const fetchTemplates = () =>
  http.get<{ items: WorkspaceTemplate[] }>('/workspaces/templates').then((r) => r.items);
export const workspaceTemplateKeys = {
  all: ['workspace-templates'] as const,
  list: () =>
    queryOptions({ queryKey: [...workspaceTemplateKeys.all, 'list'], queryFn: fetchTemplates, staleTime: Infinity }),
};
export function useTemplates() {
  return useQuery(workspaceTemplateKeys.list());
}

export const createWorkspace = (input: z.input<typeof CreateWorkspaceBody>) =>
  http.post<Workspace>('/workspaces', input);
