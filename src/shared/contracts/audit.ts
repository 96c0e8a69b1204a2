import { z } from 'zod';
import { PageQuery, page } from './common.js';

export const AuditEntry = z.object({
  id: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = PageQuery.extend({
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  from: z.iso.datetime({ message: 'Use an ISO date-time such as 2026-01-31T00:00:00Z' }).optional(),
  to: z.iso.datetime({ message: 'Use an ISO date-time such as 2026-01-31T00:00:00Z' }).optional(),
});
export const AuditPage = page(AuditEntry);
