import { useQuery } from '@tanstack/react-query';
import type { Export, ExportBody, ExportColumns, ExportEntity } from '../../../../shared/contracts/import-export';
import { http } from '../../../lib/api';

export type { Export, ExportEntity };

export const exportColumnsKey = (entity: ExportEntity) => ['exports', 'columns', entity] as const;
export const exportKey = (id: string) => ['exports', 'one', id] as const;

export function useExportColumns(entity: ExportEntity) {
  return useQuery({
    queryKey: exportColumnsKey(entity),
    queryFn: () => http.get<ExportColumns>(`/exports/columns/${entity}`),
  });
}

export const createExport = (body: ExportBody) => http.post<Export>('/exports', body);

/** One export; polled while its file is being written. */
export function useExport(id: string | null) {
  return useQuery({
    queryKey: exportKey(id ?? ''),
    queryFn: () => http.get<Export>(`/exports/${id}`),
    enabled: Boolean(id),
    refetchInterval: (q) =>
      q.state.data && (q.state.data.status === 'queued' || q.state.data.status === 'running') ? 800 : false,
  });
}
