import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateExternalLinkBody,
  CreateRelationshipBody,
  ExternalLink,
  ReferralNode,
  Relationship,
} from '../../../../shared/contracts/contacts-relations';
import { http } from '../../../lib/api';
import { contactKeys } from './contacts';

export type { ExternalLink, ReferralNode, Relationship };

/** Under the contacts key: relationships show names, so a contact change refreshes them. */
export const relationshipKeys = {
  all: [...contactKeys.all, 'relationships'] as const,
  list: (id: string) =>
    queryOptions({
      queryKey: [...relationshipKeys.all, id],
      queryFn: () => http.get<{ items: Relationship[] }>(`/contacts/${id}/relationships`).then((r) => r.items),
    }),
};
export const referralKeys = {
  all: [...contactKeys.all, 'referrals'] as const,
  tree: (id: string) =>
    queryOptions({
      queryKey: [...referralKeys.all, id],
      queryFn: () => http.get<{ upstream: ReferralNode[]; downstream: ReferralNode[] }>(`/contacts/${id}/referrals`),
    }),
};
export const externalLinkKeys = {
  all: [...contactKeys.all, 'links'] as const,
  list: (id: string) =>
    queryOptions({
      queryKey: [...externalLinkKeys.all, id],
      queryFn: () => http.get<{ items: ExternalLink[] }>(`/contacts/${id}/links`).then((r) => r.items),
    }),
};

export function useRelationships(id: string) {
  return useQuery(relationshipKeys.list(id));
}
export function useReferrals(id: string) {
  return useQuery(referralKeys.tree(id));
}
export function useExternalLinks(id: string) {
  return useQuery(externalLinkKeys.list(id));
}
export const addRelationship = (id: string, input: z.input<typeof CreateRelationshipBody>) =>
  http.post<Relationship>(`/contacts/${id}/relationships`, input);
export const removeRelationship = (relationshipId: string) =>
  http.delete<{ ok: true }>(`/relationships/${relationshipId}`);
export const addExternalLink = (id: string, input: z.input<typeof CreateExternalLinkBody>) =>
  http.post<ExternalLink>(`/contacts/${id}/links`, input);
export const removeExternalLink = (id: string, linkId: string) =>
  http.delete<{ ok: true }>(`/contacts/${id}/links/${linkId}`);
