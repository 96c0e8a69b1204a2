import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TemplateInfo, Workspace } from '../../../../shared/contracts/workspaces';
import type { TemplateKey } from '../../../../shared/contracts/workspaces';
import { http } from '../../../lib/api';

export type WorkspaceTemplate = z.infer<typeof TemplateInfo>;

export const templatesKey = ['workspaces', 'templates'] as const;
export const fetchTemplates = () =>
  http.get<{ items: WorkspaceTemplate[] }>('/workspaces/templates').then((r) => r.items);
export function useTemplates() {
  return useQuery({ queryKey: templatesKey, queryFn: fetchTemplates, staleTime: Infinity });
}

export const createWorkspace = (input: { name: string; template: TemplateKey }) =>
  http.post<Workspace>('/workspaces', input);
