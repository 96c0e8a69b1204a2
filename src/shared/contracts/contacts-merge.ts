import { z } from 'zod';
import { Id } from './common.js';
import { DuplicateMatch } from './contacts.js';
import { RefId } from './contacts-config.js';

export const DuplicateCheckBody = z.strictObject({
  firstName: z.string().trim().max(100).optional(),
  lastName: z.string().trim().max(100).nullish(),
  emails: z.array(z.string().trim().max(254)).max(20).optional(),
  phones: z.array(z.string().trim().max(40)).max(20).optional(),
  /** The contact being edited, left out of its own matches. */
  excludeId: RefId.optional(),
});
export const DuplicateCheckResult = z.object({ items: z.array(DuplicateMatch) });

export const DuplicatePair = z.object({
  a: z.object({
    id: Id,
    fullName: z.string(),
    primaryEmail: z.string().nullable(),
    primaryPhone: z.string().nullable(),
    createdAt: z.string(),
  }),
  b: z.object({
    id: Id,
    fullName: z.string(),
    primaryEmail: z.string().nullable(),
    primaryPhone: z.string().nullable(),
    createdAt: z.string(),
  }),
  reasons: z.array(z.enum(['email', 'phone', 'name'])),
});
export type DuplicatePair = z.infer<typeof DuplicatePair>;
export const DuplicatePairsQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });
export const DismissDuplicateBody = z.strictObject({ contactIds: z.tuple([RefId, RefId]) });

/** Fields whose surviving value can be picked from any merged contact. */
export const MERGE_FIELDS = [
  'firstName',
  'lastName',
  'typeKey',
  'sourceKey',
  'ownerId',
  'team',
  'companyId',
  'address',
  'birthday',
  'gender',
  'preferredLanguage',
  'doNotContact',
] as const;
export const MergeBody = z.strictObject({
  survivorId: RefId,
  mergedIds: z.array(RefId).min(1, 'Pick at least one contact to merge in').max(10),
  /** For each field (or `custom.<key>`), the contact whose value survives; default: the survivor's. */
  pick: z.record(z.string().max(80), RefId).default({}),
});
export type MergeBody = z.input<typeof MergeBody>;
export const MergeRecord = z.object({
  id: Id,
  survivorId: Id,
  mergedIds: z.array(Id),
  mergedBy: z.string().nullable(),
  mergedByName: z.string().nullable(),
  createdAt: z.string(),
  undoableUntil: z.string(),
  undoneAt: z.string().nullable(),
});
export type MergeRecord = z.infer<typeof MergeRecord>;
