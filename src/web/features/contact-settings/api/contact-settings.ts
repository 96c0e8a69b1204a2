import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
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

// Mutations for the contact settings pages; the lists themselves come from features/contacts/api/config.

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

export const contactSettingsKey = ['contact-config', 'settings'] as const;
export function useContactSettings() {
  return useQuery({
    queryKey: contactSettingsKey,
    queryFn: () => http.get<{ retentionDays: number }>('/contact-settings'),
  });
}
export const updateContactSettings = (retentionDays: number) =>
  http.patch<{ retentionDays: number }>('/contact-settings', { retentionDays });

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
