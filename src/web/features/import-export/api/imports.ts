import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  Import,
  ImportEntity,
  ImportPage,
  ImportTargets,
  UpdateImportBody,
} from '../../../../shared/contracts/import-export';
import type { ProblemBody } from '../../../../shared/contracts/common';
import { ApiError, http } from '../../../lib/api';

export type { Import, ImportEntity, ImportPage, ImportTargets };

/** Statuses with work going on in the background (the page polls while they last). */
export const BUSY_STATUSES = new Set(['validating', 'queued', 'running', 'undoing']);

export const fetchImport = (id: string) => http.get<Import>(`/imports/${id}`);

export const importKeys = {
  all: ['imports'] as const,
  /** One import; polled every second while validation, the run or undo is in progress. */
  detail: (id: string) =>
    queryOptions({
      queryKey: [...importKeys.all, 'one', id],
      queryFn: () => fetchImport(id),
      refetchInterval: (q) => (q.state.data && BUSY_STATUSES.has(q.state.data.status) ? 1000 : false),
    }),
  list: (entity?: ImportEntity) =>
    infiniteQueryOptions({
      queryKey: [...importKeys.all, 'list', entity ?? 'all'],
      queryFn: ({ pageParam }) =>
        http.get<ImportPage>('/imports', { entity, cursor: pageParam, limit: 50, includeTotal: !pageParam }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      refetchInterval: (q) =>
        q.state.data?.pages.some((p) => p.items.some((i) => BUSY_STATUSES.has(i.status))) ? 2000 : false,
    }),
  targets: (entity: ImportEntity, pipelineId: string | null) =>
    queryOptions({
      queryKey: [...importKeys.all, 'targets', entity, pipelineId],
      queryFn: () => http.get<ImportTargets>(`/imports/targets/${entity}`, { pipelineId: pipelineId ?? undefined }),
    }),
};

export function useImport(id: string | undefined) {
  return useQuery({ ...importKeys.detail(id ?? ''), enabled: Boolean(id) });
}

export function useImports(entity?: ImportEntity) {
  return useInfiniteQuery(importKeys.list(entity));
}

export function useImportTargets(entity: ImportEntity, pipelineId: string | null) {
  return useQuery(importKeys.targets(entity, pipelineId));
}

export const updateImport = ({ id, body }: { id: string; body: UpdateImportBody }) =>
  http.patch<Import>(`/imports/${id}`, body);
export const validateImport = (id: string) => http.post<Import>(`/imports/${id}/validate`);
export const runImport = (id: string) => http.post<Import>(`/imports/${id}/run`);
export const cancelImport = (id: string) => http.post<Import>(`/imports/${id}/cancel`);
export const undoImport = (id: string) => http.post<Import>(`/imports/${id}/undo`);
/** A failed import continues after its last committed batch (or finishes a stopped undo). */
export const retryImport = (id: string) => http.post<Import>(`/imports/${id}/retry`);
export const failedRowsUrl = (id: string) => `/api/imports/${id}/failed-rows`;

/**
 * Uploads a file as multipart/form-data with XMLHttpRequest, which reports upload progress
 * (fetch does not). Resolves to the new import or rejects with the server's problem as ApiError.
 */
export function uploadImportFile(
  file: File,
  entity: ImportEntity,
  csrfToken: string,
  onProgress: (fraction: number) => void,
): Promise<Import> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('entity', entity);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () =>
      reject(
        new ApiError(0, {
          code: 'NETWORK',
          title: 'Cannot reach the server',
          detail: 'Check your connection and try again.',
        }),
      );
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = { detail: xhr.responseText.slice(0, 200) };
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as Import);
      else reject(new ApiError(xhr.status, body as Partial<ProblemBody>));
    };
    xhr.send(form);
  });
}
