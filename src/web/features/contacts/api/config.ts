import { queryOptions, useQuery } from '@tanstack/react-query';
import type {
  ContactSource,
  ContactType,
  CustomField,
  CustomFieldEntity,
  Tag,
} from '../../../../shared/contracts/contacts-config';
import { http } from '../../../lib/api';

export type { ContactSource, ContactType, CustomField, Tag };

const ONE_MINUTE = 60_000;

export const contactTypeKeys = {
  all: ['contact-types'] as const,
  list: () =>
    queryOptions({
      queryKey: [...contactTypeKeys.all, 'list'],
      queryFn: () => http.get<{ items: ContactType[] }>('/contact-types').then((r) => r.items),
      staleTime: ONE_MINUTE,
    }),
};
export const contactSourceKeys = {
  all: ['contact-sources'] as const,
  list: () =>
    queryOptions({
      queryKey: [...contactSourceKeys.all, 'list'],
      queryFn: () => http.get<{ items: ContactSource[] }>('/contact-sources').then((r) => r.items),
      staleTime: ONE_MINUTE,
    }),
};
export const customFieldKeys = {
  all: ['custom-fields'] as const,
  list: (entity: CustomFieldEntity) =>
    queryOptions({
      queryKey: [...customFieldKeys.all, 'list', entity],
      queryFn: () => http.get<{ items: CustomField[] }>('/custom-fields', { entity }).then((r) => r.items),
      staleTime: ONE_MINUTE,
    }),
};
export const tagKeys = {
  all: ['tags'] as const,
  list: () =>
    queryOptions({
      queryKey: [...tagKeys.all, 'list'],
      queryFn: () => http.get<{ items: Tag[] }>('/tags').then((r) => r.items),
      staleTime: ONE_MINUTE,
    }),
};

export function useContactTypes() {
  return useQuery(contactTypeKeys.list());
}
export function useContactSources() {
  return useQuery(contactSourceKeys.list());
}
export function useCustomFields(entity: CustomFieldEntity = 'contact') {
  return useQuery(customFieldKeys.list(entity));
}
export function useTags() {
  return useQuery(tagKeys.list());
}

export const tagContacts = (contactIds: string[], tagIds: string[]) =>
  http.post<{ changed: number }>('/contacts/tags/add', { contactIds, tagIds });
export const untagContacts = (contactIds: string[], tagIds: string[]) =>
  http.post<{ changed: number }>('/contacts/tags/remove', { contactIds, tagIds });
