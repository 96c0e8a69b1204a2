import { useQuery } from '@tanstack/react-query';
import type { Member } from '../../../../shared/contracts/users';
import { http } from '../../../lib/api';

/** Workspace members (owners to pick and filter by). */
export function useMembers() {
  return useQuery({
    queryKey: ['users', 'members'],
    queryFn: () => http.get<{ items: Member[] }>('/users').then((r) => r.items.filter((m) => m.isActive)),
    staleTime: 60_000,
  });
}
