import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Export, ExportBody, ExportColumns, ExportEntity } from '../../../../shared/contracts/import-export';
import { http } from '../../../lib/api';

export type { Export, ExportEntity };

export const exportKeys = {
  all: ['exports'] as const,
  columns: (entity: ExportEntity) =>
    queryOptions({
      queryKey: [...exportKeys.all, 'columns', entity],
      queryFn: () => http.get<ExportColumns>(`/exports/columns/${entity}`),
    }),
  /** One export; polled while its file is being written. */
  detail: (id: string) =>
    queryOptions({
      queryKey: [...exportKeys.all, 'one', id],
      queryFn: () => http.get<Export>(`/exports/${id}`),
      refetchInterval: (q) =>
        q.state.data && (q.state.data.status === 'queued' || q.state.data.status === 'running') ? 800 : false,
    }),
};

export function useExportColumns(entity: ExportEntity) {
  return useQuery(exportKeys.columns(entity));
}

export const createExport = (body: ExportBody) => http.post<Export>('/exports', body);

export function useExport(id: string | null) {
  return useQuery({ ...exportKeys.detail(id ?? ''), enabled: Boolean(id) });
}
