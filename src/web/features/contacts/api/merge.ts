import { useQuery } from '@tanstack/react-query';
import type { DuplicatePair, MergeBody, MergeRecord } from '../../../../shared/contracts/contacts-merge';
import type { Contact } from '../../../../shared/contracts/contacts';
import { http } from '../../../lib/api';

export type { DuplicatePair, MergeRecord };

export const duplicatePairsKey = ['contacts', 'duplicate-pairs'] as const;
export function useDuplicatePairs() {
  return useQuery({
    queryKey: duplicatePairsKey,
    queryFn: () => http.get<{ items: DuplicatePair[] }>('/contacts/duplicates', { limit: 200 }).then((r) => r.items),
  });
}
export const mergeContacts = (body: MergeBody) =>
  http.post<{ merge: MergeRecord; contact: Contact }>('/contacts/merge', body);
export const undoMerge = (id: string) => http.post<MergeRecord>(`/contacts/merges/${id}/undo`);
export const dismissPair = (a: string, b: string) =>
  http.post<{ ok: true }>('/contacts/duplicates/dismiss', { contactIds: [a, b] });
export function useMerges(survivorId: string) {
  return useQuery({
    queryKey: ['contacts', 'merges', survivorId],
    queryFn: () => http.get<{ items: MergeRecord[] }>('/contacts/merges', { survivorId }).then((r) => r.items),
  });
}
