import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DuplicatePair, MergeBody, MergeRecord } from '../../../../shared/contracts/contacts-merge';
import type { Contact } from '../../../../shared/contracts/contacts';
import { http } from '../../../lib/api';
import { contactKeys } from './contacts';

export type { DuplicatePair, MergeRecord };

/** Duplicate pairs and merges sit under the contacts key: a contact change refreshes them too. */
export const duplicateKeys = {
  all: [...contactKeys.all, 'duplicate-pairs'] as const,
  pairs: () =>
    queryOptions({
      queryKey: [...duplicateKeys.all, 'list'],
      queryFn: () => http.get<{ items: DuplicatePair[] }>('/contacts/duplicates', { limit: 200 }).then((r) => r.items),
    }),
};
export const mergeKeys = {
  all: [...contactKeys.all, 'merges'] as const,
  ofSurvivor: (survivorId: string) =>
    queryOptions({
      queryKey: [...mergeKeys.all, survivorId],
      queryFn: () => http.get<{ items: MergeRecord[] }>('/contacts/merges', { survivorId }).then((r) => r.items),
    }),
};
export function useDuplicatePairs() {
  return useQuery(duplicateKeys.pairs());
}
export const mergeContacts = (body: MergeBody) =>
  http.post<{ merge: MergeRecord; contact: Contact }>('/contacts/merge', body);
export const undoMerge = (id: string) => http.post<MergeRecord>(`/contacts/merges/${id}/undo`);
export const dismissPair = (a: string, b: string) =>
  http.post<{ ok: true }>('/contacts/duplicates/dismiss', { contactIds: [a, b] });
export function useMerges(survivorId: string) {
  return useQuery(mergeKeys.ofSurvivor(survivorId));
}
