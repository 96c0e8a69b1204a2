import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEntry } from '../../../../shared/contracts/audit';
import { http } from '../../../lib/api';

export type { AuditEntry };
export interface AuditFilters {
  action?: string;
  entityType?: string;
  actorId?: string;
  /** ISO date-times (the page turns date inputs into the workspace day's bounds). */
  from?: string;
  to?: string;
}
interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
  total?: number;
}

const PAGE_SIZE = 50;
export const auditKey = (filters: AuditFilters) => ['audit', filters] as const;
export const fetchAuditPage = (filters: AuditFilters, cursor?: string) =>
  http.get<AuditPage>('/audit', { ...filters, cursor, limit: PAGE_SIZE, includeTotal: !cursor });

/** The audit log, newest first, one page at a time ("Load more"). */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKey(filters),
    queryFn: ({ pageParam }) => fetchAuditPage(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
