import { z } from 'zod';
import { Id } from './common.js';
import { RefId } from './contacts-config.js';

/**
 * Person-to-person relationship kinds, read as "<contact> is <kind> of <related>"; adding one
 * side stores the reciprocal kind on the other side.
 */
export const RELATIONSHIP_KINDS = [
  'parent',
  'child',
  'sibling',
  'spouse',
  'guardian',
  'ward',
  'referred_by',
  'referrer',
  'colleague',
  'custom',
] as const;
export const RelationshipKind = z.enum(RELATIONSHIP_KINDS);
export type RelationshipKind = z.infer<typeof RelationshipKind>;
export const RECIPROCAL_KIND: Record<RelationshipKind, RelationshipKind> = {
  parent: 'child',
  child: 'parent',
  sibling: 'sibling',
  spouse: 'spouse',
  guardian: 'ward',
  ward: 'guardian',
  referred_by: 'referrer',
  referrer: 'referred_by',
  colleague: 'colleague',
  custom: 'custom',
};

export const ContactRef = z.object({ id: Id, fullName: z.string(), typeKey: z.string().nullable() });
export const Relationship = z.object({
  id: Id,
  pairId: Id,
  contactId: Id,
  kind: RelationshipKind,
  customLabel: z.string().nullable(),
  strength: z.number().int(),
  note: z.string().nullable(),
  related: ContactRef,
  createdAt: z.string(),
});
export type Relationship = z.infer<typeof Relationship>;
const Strength = z.number().int('Use a whole number').min(1, 'Strength is 1 to 10').max(10, 'Strength is 1 to 10');
export const CreateRelationshipBody = z.strictObject({
  relatedContactId: RefId,
  kind: RelationshipKind,
  customLabel: z.string().trim().min(1).max(60).nullish(),
  strength: Strength.default(5),
  note: z.string().trim().max(500).nullish(),
});
export const UpdateRelationshipBody = z.strictObject({
  strength: Strength.optional(),
  note: z.string().trim().max(500).nullish(),
  customLabel: z.string().trim().min(1).max(60).nullish(),
});

export const ReferralNode = z.object({
  id: Id,
  fullName: z.string(),
  typeKey: z.string().nullable(),
  depth: z.number().int(),
  referredById: z.string().nullable(),
});
export type ReferralNode = z.infer<typeof ReferralNode>;
export const ReferralChain = z.object({ upstream: z.array(ReferralNode), downstream: z.array(ReferralNode) });
export const ReferralQuery = z.object({ maxDepth: z.coerce.number().int().min(1).max(50).default(20) });

// ---- company relationships --------------------------------------------------------------------
export const COMPANY_RELATIONSHIP_KINDS = ['parent_company', 'subsidiary', 'partner', 'competitor'] as const;
export const CompanyRelationshipKind = z.enum(COMPANY_RELATIONSHIP_KINDS);
export type CompanyRelationshipKind = z.infer<typeof CompanyRelationshipKind>;
export const RECIPROCAL_COMPANY_KIND: Record<CompanyRelationshipKind, CompanyRelationshipKind> = {
  parent_company: 'subsidiary',
  subsidiary: 'parent_company',
  partner: 'partner',
  competitor: 'competitor',
};
export const CompanyRelationship = z.object({
  id: Id,
  pairId: Id,
  companyId: Id,
  kind: CompanyRelationshipKind,
  strength: z.number().int(),
  note: z.string().nullable(),
  related: z.object({ id: Id, name: z.string() }),
  createdAt: z.string(),
});
export type CompanyRelationship = z.infer<typeof CompanyRelationship>;
export const CreateCompanyRelationshipBody = z.strictObject({
  relatedCompanyId: RefId,
  kind: CompanyRelationshipKind,
  strength: Strength.default(5),
  note: z.string().trim().max(500).nullish(),
});

// ---- external links ---------------------------------------------------------------------------
export const ExternalLink = z.object({
  id: Id,
  contactId: Id,
  system: z.string(),
  externalId: z.string(),
  url: z.string().nullable(),
  label: z.string().nullable(),
  display: z.record(z.string(), z.unknown()),
  lastSyncedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ExternalLink = z.infer<typeof ExternalLink>;
const HttpUrl = z.url({ protocol: /^https?$/, message: 'Use an http(s) URL' }).max(2000);
export const CreateExternalLinkBody = z.strictObject({
  system: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_.-]{0,47}$/, 'Use a short system key such as student_app'),
  externalId: z.string().trim().min(1, 'Enter the id in that system').max(200),
  url: HttpUrl.nullish(),
  label: z.string().trim().max(120).nullish(),
  display: z
    .record(z.string().max(60), z.union([z.string().max(500), z.number(), z.boolean(), z.null()]))
    .refine((d) => Object.keys(d).length <= 30, 'At most 30 display values')
    .default({}),
  lastSyncedAt: z.iso.datetime({ offset: true }).nullish(),
});
export const UpdateExternalLinkBody = CreateExternalLinkBody.omit({ system: true, externalId: true }).partial();
export const ExternalLinkLookupQuery = z.object({ system: z.string().max(48), externalId: z.string().max(200) });
