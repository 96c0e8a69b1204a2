import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Contact,
  ContactListItem,
  ContactPage,
  ContactSearchHit,
  ContactWithDuplicates,
  CreateContactBody,
  DuplicateMatch,
  UpdateContactBody,
} from '../../../../shared/contracts/contacts';
import type { BulkBody, BulkResult, ContactFilter } from '../../../../shared/contracts/contacts-query';
import { http } from '../../../lib/api';

export type { Contact, ContactListItem, ContactWithDuplicates, DuplicateMatch, ContactFilter, BulkResult };
export interface ContactSort {
  field: string;
  dir: 'asc' | 'desc';
}
export type SearchHit = z.infer<typeof ContactSearchHit>;

/** Every contact query starts with this key, so one invalidation refreshes lists, pages and searches. */
export const contactsRootKey = ['contacts'] as const;
export const contactListKey = (filter: ContactFilter, sort: ContactSort) => ['contacts', 'list', filter, sort] as const;
export const contactKey = (id: string) => ['contacts', 'one', id] as const;

const PAGE_SIZE = 100;

export const fetchContactPage = (filter: ContactFilter, sort: ContactSort, cursor?: string) =>
  http.post<ContactPage>('/contacts/query', { filter, sort, cursor, limit: PAGE_SIZE, includeTotal: !cursor });

/** The list, page by page (the table loads more as it scrolls). */
export function useContactList(filter: ContactFilter, sort: ContactSort) {
  return useInfiniteQuery({
    queryKey: contactListKey(filter, sort),
    queryFn: ({ pageParam }) => fetchContactPage(filter, sort, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const fetchContact = (id: string) => http.get<Contact>(`/contacts/${id}`);
export function useContact(id: string) {
  return useQuery({ queryKey: contactKey(id), queryFn: () => fetchContact(id) });
}

export function useContactSearch(q: string) {
  return useQuery({
    queryKey: ['contacts', 'search', q],
    queryFn: ({ signal }) =>
      http.get<{ items: SearchHit[] }>('/contacts/search', { q, limit: 8 }, signal).then((r) => r.items),
    enabled: q.trim().length > 0,
    staleTime: 10_000,
  });
}

export type ContactInput = z.input<typeof CreateContactBody>;
export type ContactPatch = z.input<typeof UpdateContactBody>;
export const createContact = (input: ContactInput) => http.post<ContactWithDuplicates>('/contacts', input);
export const updateContact = (id: string, patch: ContactPatch) =>
  http.patch<ContactWithDuplicates>(`/contacts/${id}`, patch);
export const deleteContact = (id: string) => http.delete<{ ok: true }>(`/contacts/${id}`);
export const restoreContact = (id: string) => http.post<Contact>(`/contacts/${id}/restore`);
export const runBulk = (body: BulkBody) => http.post<BulkResult>('/contacts/bulk', body);

export interface DuplicateCheckInput {
  firstName?: string;
  lastName?: string | null;
  emails?: string[];
  phones?: string[];
  excludeId?: string;
}
export const checkDuplicates = (input: DuplicateCheckInput) =>
  http.post<{ items: DuplicateMatch[] }>('/contacts/duplicates/check', input).then((r) => r.items);
