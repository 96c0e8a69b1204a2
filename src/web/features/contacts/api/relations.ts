import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateExternalLinkBody,
  CreateRelationshipBody,
  ExternalLink,
  ReferralNode,
  Relationship,
} from '../../../../shared/contracts/contacts-relations';
import { http } from '../../../lib/api';

export type { ExternalLink, ReferralNode, Relationship };

export const relationshipsKey = (id: string) => ['contacts', 'relationships', id] as const;
export const linksKey = (id: string) => ['contacts', 'links', id] as const;

export function useRelationships(id: string) {
  return useQuery({
    queryKey: relationshipsKey(id),
    queryFn: () => http.get<{ items: Relationship[] }>(`/contacts/${id}/relationships`).then((r) => r.items),
  });
}
export function useReferrals(id: string) {
  return useQuery({
    queryKey: ['contacts', 'referrals', id],
    queryFn: () => http.get<{ upstream: ReferralNode[]; downstream: ReferralNode[] }>(`/contacts/${id}/referrals`),
  });
}
export function useExternalLinks(id: string) {
  return useQuery({
    queryKey: linksKey(id),
    queryFn: () => http.get<{ items: ExternalLink[] }>(`/contacts/${id}/links`).then((r) => r.items),
  });
}
export const addRelationship = (id: string, input: z.input<typeof CreateRelationshipBody>) =>
  http.post<Relationship>(`/contacts/${id}/relationships`, input);
export const removeRelationship = (relationshipId: string) =>
  http.delete<{ ok: true }>(`/relationships/${relationshipId}`);
export const addExternalLink = (id: string, input: z.input<typeof CreateExternalLinkBody>) =>
  http.post<ExternalLink>(`/contacts/${id}/links`, input);
export const removeExternalLink = (id: string, linkId: string) =>
  http.delete<{ ok: true }>(`/contacts/${id}/links/${linkId}`);
