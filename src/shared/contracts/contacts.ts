import { z } from 'zod';
import { Email, Id, Version, page } from './common.js';
import { RefId, TagRef } from './contacts-config.js';

export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
export const Address = z.strictObject({
  line1: text(200).optional(),
  line2: text(200).optional(),
  city: text(100).optional(),
  region: text(100).optional(),
  postalCode: text(20).optional(),
  country: text(100).optional(),
});
export type Address = z.infer<typeof Address>;

export const EmailInput = z.strictObject({
  email: Email,
  label: text(40).nullish(),
  isPrimary: z.boolean().optional(),
});
export const PhoneInput = z.strictObject({
  number: z.string().trim().min(3, 'Enter a phone number').max(40, 'At most 40 characters'),
  label: text(40).nullish(),
  isPrimary: z.boolean().optional(),
});
export const CustomValues = z.record(z.string().max(64), z.unknown());
const IsoDate = z.iso.date({ message: 'Use a date such as 2015-07-31' });

const contactFields = {
  lastName: text(100).nullish(),
  typeKey: z.string().max(64).nullish(),
  sourceKey: z.string().max(64).nullish(),
  ownerId: RefId.nullish(),
  team: text(100).nullish(),
  companyId: RefId.nullish(),
  emails: z.array(EmailInput).max(20, 'At most 20 emails').optional(),
  phones: z.array(PhoneInput).max(20, 'At most 20 phone numbers').optional(),
  address: Address.nullish(),
  birthday: IsoDate.nullish(),
  gender: z.enum(GENDERS).nullish(),
  preferredLanguage: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'Use a language code such as id or en')
    .nullish(),
  doNotContact: z.boolean().optional(),
  custom: CustomValues.optional(),
};
const firstName = z.string().trim().min(1, 'Enter a first name').max(100, 'At most 100 characters');

export const CreateContactBody = z.strictObject({
  firstName,
  ...contactFields,
  tagIds: z.array(RefId).max(50).optional(),
});
export type CreateContactBody = z.input<typeof CreateContactBody>;
export const UpdateContactBody = z.strictObject({
  version: Version,
  firstName: firstName.optional(),
  ...contactFields,
});
export type UpdateContactBody = z.input<typeof UpdateContactBody>;

export const ContactEmail = z.object({
  id: Id,
  email: z.string(),
  label: z.string().nullable(),
  isPrimary: z.boolean(),
});
export const ContactPhone = z.object({
  id: Id,
  e164: z.string(),
  raw: z.string().nullable(),
  label: z.string().nullable(),
  isPrimary: z.boolean(),
});

/** One row of the contacts list. */
export const ContactListItem = z.object({
  id: Id,
  firstName: z.string(),
  lastName: z.string().nullable(),
  fullName: z.string(),
  typeKey: z.string().nullable(),
  sourceKey: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  team: z.string().nullable(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  primaryEmail: z.string().nullable(),
  primaryPhone: z.string().nullable(),
  birthday: z.string().nullable(),
  gender: z.string().nullable(),
  preferredLanguage: z.string().nullable(),
  doNotContact: z.boolean(),
  city: z.string().nullable(),
  custom: z.record(z.string(), z.unknown()),
  tags: z.array(TagRef),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  version: z.number().int(),
});
export type ContactListItem = z.infer<typeof ContactListItem>;

export const Contact = ContactListItem.extend({
  emails: z.array(ContactEmail),
  phones: z.array(ContactPhone),
  address: z
    .object({
      line1: z.string().optional(),
      line2: z.string().optional(),
      city: z.string().optional(),
      region: z.string().optional(),
      postalCode: z.string().optional(),
      country: z.string().optional(),
    })
    .nullable(),
  createdBy: z.string().nullable(),
  mergedIntoId: z.string().nullable(),
});
export type Contact = z.infer<typeof Contact>;

export const DUPLICATE_REASONS = ['email', 'phone', 'name'] as const;
export const DuplicateMatch = z.object({
  contactId: Id,
  fullName: z.string(),
  primaryEmail: z.string().nullable(),
  primaryPhone: z.string().nullable(),
  typeKey: z.string().nullable(),
  reasons: z.array(z.enum(DUPLICATE_REASONS)),
});
export type DuplicateMatch = z.infer<typeof DuplicateMatch>;

/** Create/update answers: the contact and the likely duplicates the UI should warn about. */
export const ContactWithDuplicates = Contact.extend({ duplicates: z.array(DuplicateMatch) });
export type ContactWithDuplicates = z.infer<typeof ContactWithDuplicates>;

export const ContactPage = page(ContactListItem);
export type ContactPage = z.infer<typeof ContactPage>;

/** Instant search results (typeahead). */
export const ContactSearchHit = z.object({
  id: Id,
  fullName: z.string(),
  primaryEmail: z.string().nullable(),
  primaryPhone: z.string().nullable(),
  typeKey: z.string().nullable(),
  companyName: z.string().nullable(),
});
export const ContactSearchQuery = z.object({
  q: z.string().trim().min(1, 'Type something to search').max(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
