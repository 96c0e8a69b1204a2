import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Company,
  CompanyPage,
  CreateCompanyBody,
  UpdateCompanyBody,
} from '../../../../shared/contracts/companies';
import type {
  CompanyRelationship,
  CreateCompanyRelationshipBody,
} from '../../../../shared/contracts/contacts-relations';
import type { ContactPage } from '../../../../shared/contracts/contacts';
import { http } from '../../../lib/api';

export type { Company, CompanyRelationship };
export const companiesRootKey = ['companies'] as const;
export const companyKey = (id: string) => ['companies', 'one', id] as const;

export interface CompanyListParams {
  q?: string;
  sort?: 'name' | 'createdAt' | 'updatedAt';
  dir?: 'asc' | 'desc';
  deleted?: boolean;
}

export function useCompanyList(params: CompanyListParams) {
  return useInfiniteQuery({
    queryKey: ['companies', 'list', params],
    queryFn: ({ pageParam }) =>
      http.get<CompanyPage>('/companies', {
        ...params,
        deleted: params.deleted ? 'true' : undefined,
        cursor: pageParam,
        limit: 100,
        includeTotal: !pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** A short list for pickers: companies whose name or domain contains the text. */
export function useCompanyOptions(q: string) {
  return useQuery({
    queryKey: ['companies', 'options', q],
    queryFn: () =>
      http.get<CompanyPage>('/companies', { q: q || undefined, limit: 50, sort: 'name' }).then((r) => r.items),
    staleTime: 30_000,
  });
}

export function useCompany(id: string) {
  return useQuery({ queryKey: companyKey(id), queryFn: () => http.get<Company>(`/companies/${id}`) });
}
export function useCompanyPeople(id: string) {
  return useQuery({
    queryKey: ['contacts', 'company', id],
    queryFn: () =>
      http
        .post<ContactPage>('/contacts/query', {
          filter: { companyIds: [id] },
          sort: { field: 'fullName', dir: 'asc' },
          limit: 200,
        })
        .then((r) => r.items),
  });
}
export function useCompanyRelationships(id: string) {
  return useQuery({
    queryKey: ['companies', 'relationships', id],
    queryFn: () => http.get<{ items: CompanyRelationship[] }>(`/companies/${id}/relationships`).then((r) => r.items),
  });
}

export const createCompany = (input: z.input<typeof CreateCompanyBody>) => http.post<Company>('/companies', input);
export const updateCompany = (id: string, patch: z.input<typeof UpdateCompanyBody>) =>
  http.patch<Company>(`/companies/${id}`, patch);
export const deleteCompany = (id: string) => http.delete<{ ok: true }>(`/companies/${id}`);
export const restoreCompany = (id: string) => http.post<Company>(`/companies/${id}/restore`);
export const addCompanyRelationship = (id: string, input: z.input<typeof CreateCompanyRelationshipBody>) =>
  http.post<CompanyRelationship>(`/companies/${id}/relationships`, input);
export const removeCompanyRelationship = (id: string) => http.delete<{ ok: true }>(`/company-relationships/${id}`);
