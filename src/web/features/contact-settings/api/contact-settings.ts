import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ContactSettings,
  CreateContactSourceBody,
  CreateContactTypeBody,
  CreateCustomFieldBody,
  CreateTagBody,
  UpdateContactSourceBody,
  UpdateContactTypeBody,
  UpdateCustomFieldBody,
  UpdateTagBody,
} from '../../../../shared/contracts/contacts-config';
import { http } from '../../../lib/api';

// Mutations for the contact settings pages; the lists themselves come from the contacts feature (contactTypeKeys, ...).

export const createContactType = (input: z.input<typeof CreateContactTypeBody>) => http.post('/contact-types', input);
export const updateContactType = (id: string, patch: z.input<typeof UpdateContactTypeBody>) =>
  http.patch(`/contact-types/${id}`, patch);
export const deleteContactType = (id: string) => http.delete(`/contact-types/${id}`);
export const createSource = (input: z.input<typeof CreateContactSourceBody>) => http.post('/contact-sources', input);
export const updateSource = (id: string, patch: z.input<typeof UpdateContactSourceBody>) =>
  http.patch(`/contact-sources/${id}`, patch);
export const deleteSource = (id: string) => http.delete(`/contact-sources/${id}`);
export const createCustomField = (input: z.input<typeof CreateCustomFieldBody>) => http.post('/custom-fields', input);
export const updateCustomField = (id: string, patch: z.input<typeof UpdateCustomFieldBody>) =>
  http.patch(`/custom-fields/${id}`, patch);
export const deleteCustomField = (id: string) => http.delete(`/custom-fields/${id}`);
export const createTag = (input: z.input<typeof CreateTagBody>) => http.post('/tags', input);
export const updateTag = (id: string, patch: z.input<typeof UpdateTagBody>) => http.patch(`/tags/${id}`, patch);
export const deleteTag = (id: string) => http.delete(`/tags/${id}`);

export const contactSettingsKeys = {
  all: ['contact-settings'] as const,
  get: () =>
    queryOptions({
      queryKey: [...contactSettingsKeys.all, 'get'],
      queryFn: () => http.get<z.infer<typeof ContactSettings>>('/contact-settings'),
    }),
};
export function useContactSettings() {
  return useQuery(contactSettingsKeys.get());
}
export const updateContactSettings = (retentionDays: number) =>
  http.patch<z.infer<typeof ContactSettings>>('/contact-settings', { retentionDays });

/** "Parent of a student" -> "parent_of_a_student": a key suggestion from a label. */
export function keyFromLabel(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, 'x$1')
    .slice(0, 48);
}
