import { useQuery } from '@tanstack/react-query';
import type { Member } from '../../../../shared/contracts/users';
import { http } from '../../../lib/api';

/** Active members, for assignee pickers and filters. */
export function useMembers() {
  return useQuery({
    queryKey: ['users', 'active'],
    queryFn: () => http.get<{ items: Member[] }>('/users').then((r) => r.items.filter((m) => m.isActive)),
    staleTime: 5 * 60_000,
  });
}
