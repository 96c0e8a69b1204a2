import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
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
import type {
  BulkBody,
  BulkResult,
  ContactFilter,
  ContactSort as ContactSortSchema,
} from '../../../../shared/contracts/contacts-query';
import type { DuplicateCheckBody } from '../../../../shared/contracts/contacts-merge';
import { http } from '../../../lib/api';

export type { Contact, ContactListItem, ContactWithDuplicates, DuplicateMatch, ContactFilter, BulkResult };
/** A sort as the list keeps it (both fields set; the API's defaults filled in). */
export type ContactSort = z.output<typeof ContactSortSchema>;
export type SearchHit = z.infer<typeof ContactSearchHit>;

const PAGE_SIZE = 100;

export const fetchContactPage = (filter: ContactFilter, sort: ContactSort, cursor?: string) =>
  http.post<ContactPage>('/contacts/query', { filter, sort, cursor, limit: PAGE_SIZE, includeTotal: !cursor });
export const fetchContact = (id: string) => http.get<Contact>(`/contacts/${id}`);

/** Every contact query starts with `contactKeys.all`, so one invalidation refreshes lists, pages and searches. */
export const contactKeys = {
  all: ['contacts'] as const,
  /** The list, page by page (the table loads more as it scrolls). */
  list: (filter: ContactFilter, sort: ContactSort) =>
    infiniteQueryOptions({
      queryKey: [...contactKeys.all, 'list', filter, sort],
      queryFn: ({ pageParam }) => fetchContactPage(filter, sort, pageParam),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  detail: (id: string) => queryOptions({ queryKey: [...contactKeys.all, 'one', id], queryFn: () => fetchContact(id) }),
  /** Instant search (the header box, contact pickers). */
  search: (q: string, limit: number) =>
    queryOptions({
      queryKey: [...contactKeys.all, 'search', q, limit],
      queryFn: ({ signal }) =>
        http.get<{ items: SearchHit[] }>('/contacts/search', { q, limit }, signal).then((r) => r.items),
      enabled: q.trim().length > 0,
      staleTime: 10_000,
    }),
  /** The people of one company, by name. */
  ofCompany: (companyId: string) =>
    queryOptions({
      queryKey: [...contactKeys.all, 'company', companyId],
      queryFn: () =>
        http
          .post<ContactPage>('/contacts/query', {
            filter: { companyIds: [companyId] },
            sort: { field: 'fullName', dir: 'asc' },
            limit: 200,
          })
          .then((r) => r.items),
    }),
  duplicateCheck: (input: DuplicateCheckInput) =>
    queryOptions({
      queryKey: [...contactKeys.all, 'duplicate-check', input],
      queryFn: () => checkDuplicates(input),
      staleTime: 5_000,
    }),
};

export function useContactList(filter: ContactFilter, sort: ContactSort) {
  return useInfiniteQuery(contactKeys.list(filter, sort));
}
export function useContact(id: string) {
  return useQuery(contactKeys.detail(id));
}
export function useContactSearch(q: string, limit = 8) {
  return useQuery(contactKeys.search(q, limit));
}
export function useCompanyContacts(companyId: string) {
  return useQuery(contactKeys.ofCompany(companyId));
}

export type ContactInput = z.input<typeof CreateContactBody>;
export type ContactPatch = z.input<typeof UpdateContactBody>;
export const createContact = (input: ContactInput) => http.post<ContactWithDuplicates>('/contacts', input);
export const updateContact = (id: string, patch: ContactPatch) =>
  http.patch<ContactWithDuplicates>(`/contacts/${id}`, patch);
export const deleteContact = (id: string) => http.delete<{ ok: true }>(`/contacts/${id}`);
export const restoreContact = (id: string) => http.post<Contact>(`/contacts/${id}/restore`);
export const runBulk = (body: BulkBody) => http.post<BulkResult>('/contacts/bulk', body);

export type DuplicateCheckInput = z.input<typeof DuplicateCheckBody>;
export const checkDuplicates = (input: DuplicateCheckInput) =>
  http.post<{ items: DuplicateMatch[] }>('/contacts/duplicates/check', input).then((r) => r.items);
