import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Company,
  CompanyListQuery,
  CompanyPage,
  CreateCompanyBody,
  UpdateCompanyBody,
} from '../../../../shared/contracts/companies';
import type {
  CompanyRelationship,
  CreateCompanyRelationshipBody,
} from '../../../../shared/contracts/contacts-relations';
import { http } from '../../../lib/api';

export type { Company, CompanyRelationship };
export type CompanyListParams = Pick<z.input<typeof CompanyListQuery>, 'q' | 'sort' | 'dir'> & { deleted?: boolean };

export const companyKeys = {
  all: ['companies'] as const,
  list: (params: CompanyListParams) =>
    infiniteQueryOptions({
      queryKey: [...companyKeys.all, 'list', params],
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
    }),
  /** A short list for pickers: companies whose name or domain contains the text. */
  options: (q: string) =>
    queryOptions({
      queryKey: [...companyKeys.all, 'options', q],
      queryFn: () =>
        http.get<CompanyPage>('/companies', { q: q || undefined, limit: 50, sort: 'name' }).then((r) => r.items),
      staleTime: 30_000,
    }),
  detail: (id: string) =>
    queryOptions({ queryKey: [...companyKeys.all, 'one', id], queryFn: () => http.get<Company>(`/companies/${id}`) }),
  relationships: (id: string) =>
    queryOptions({
      queryKey: [...companyKeys.all, 'relationships', id],
      queryFn: () => http.get<{ items: CompanyRelationship[] }>(`/companies/${id}/relationships`).then((r) => r.items),
    }),
};

export function useCompanyList(params: CompanyListParams) {
  return useInfiniteQuery(companyKeys.list(params));
}
export function useCompanyOptions(q: string) {
  return useQuery(companyKeys.options(q));
}
export function useCompany(id: string) {
  return useQuery(companyKeys.detail(id));
}
export function useCompanyRelationships(id: string) {
  return useQuery(companyKeys.relationships(id));
}

export const createCompany = (input: z.input<typeof CreateCompanyBody>) => http.post<Company>('/companies', input);
export const updateCompany = (id: string, patch: z.input<typeof UpdateCompanyBody>) =>
  http.patch<Company>(`/companies/${id}`, patch);
export const deleteCompany = (id: string) => http.delete<{ ok: true }>(`/companies/${id}`);
export const restoreCompany = (id: string) => http.post<Company>(`/companies/${id}/restore`);
export const addCompanyRelationship = (id: string, input: z.input<typeof CreateCompanyRelationshipBody>) =>
  http.post<CompanyRelationship>(`/companies/${id}/relationships`, input);
export const removeCompanyRelationship = (id: string) => http.delete<{ ok: true }>(`/company-relationships/${id}`);
