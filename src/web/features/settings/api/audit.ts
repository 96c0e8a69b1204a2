import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditEntry, AuditPage, AuditQuery } from '../../../../shared/contracts/audit';
import type { PageQuery } from '../../../../shared/contracts/common';
import { http } from '../../../lib/api';

export type { AuditEntry };
/** GET /audit filters (`from`/`to` are ISO date-times: the page turns date inputs into the workspace day's bounds). */
export type AuditFilters = Omit<z.input<typeof AuditQuery>, keyof z.input<typeof PageQuery>>;

const PAGE_SIZE = 50;
export const fetchAuditPage = (filters: AuditFilters, cursor?: string) =>
  http.get<z.infer<typeof AuditPage>>('/audit', { ...filters, cursor, limit: PAGE_SIZE, includeTotal: !cursor });

export const auditKeys = {
  all: ['audit'] as const,
  /** The audit log, newest first, one page at a time ("Load more"). */
  list: (filters: AuditFilters) =>
    infiniteQueryOptions({
      queryKey: [...auditKeys.all, 'list', filters],
      queryFn: ({ pageParam }) => fetchAuditPage(filters, pageParam),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
};

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery(auditKeys.list(filters));
}
