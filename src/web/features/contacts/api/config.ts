import { useQuery } from '@tanstack/react-query';
import type { ContactSource, ContactType, CustomField, Tag } from '../../../../shared/contracts/contacts-config';
import type { Member } from '../../../../shared/contracts/users';
import { http } from '../../../lib/api';

export type { ContactSource, ContactType, CustomField, Tag, Member };

export const contactTypesKey = ['contact-config', 'types'] as const;
export const contactSourcesKey = ['contact-config', 'sources'] as const;
export const customFieldsKey = ['contact-config', 'fields'] as const;
export const tagsKey = ['contact-config', 'tags'] as const;
export const membersKey = ['contact-config', 'members'] as const;

const ONE_MINUTE = 60_000;

export function useContactTypes() {
  return useQuery({
    queryKey: contactTypesKey,
    queryFn: () => http.get<{ items: ContactType[] }>('/contact-types').then((r) => r.items),
    staleTime: ONE_MINUTE,
  });
}
export function useContactSources() {
  return useQuery({
    queryKey: contactSourcesKey,
    queryFn: () => http.get<{ items: ContactSource[] }>('/contact-sources').then((r) => r.items),
    staleTime: ONE_MINUTE,
  });
}
export function useCustomFields(entity: 'contact' | 'company' = 'contact') {
  return useQuery({
    queryKey: [...customFieldsKey, entity],
    queryFn: () => http.get<{ items: CustomField[] }>('/custom-fields', { entity }).then((r) => r.items),
    staleTime: ONE_MINUTE,
  });
}
export function useTags() {
  return useQuery({
    queryKey: tagsKey,
    queryFn: () => http.get<{ items: Tag[] }>('/tags').then((r) => r.items),
    staleTime: ONE_MINUTE,
  });
}
/** Workspace members, for owner pickers. */
export function useMembers() {
  return useQuery({
    queryKey: membersKey,
    queryFn: () => http.get<{ items: Member[] }>('/users').then((r) => r.items.filter((m) => m.isActive)),
    staleTime: 5 * ONE_MINUTE,
  });
}

export const tagContacts = (contactIds: string[], tagIds: string[]) =>
  http.post<{ changed: number }>('/contacts/tags/add', { contactIds, tagIds });
export const untagContacts = (contactIds: string[], tagIds: string[]) =>
  http.post<{ changed: number }>('/contacts/tags/remove', { contactIds, tagIds });
