import { z } from 'zod';
import { Id, Version, page } from './common.js';
import { Address, CustomValues } from './contacts.js';
import { RefId } from './contacts-config.js';

export const COMPANY_SIZES = ['1-10', '11-50', '51-200', '201-500', '501-1000', '1001-5000', '5000+'] as const;
const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](-?[a-z0-9])*\.)+[a-z]{2,}$/, 'Use a domain such as example.com');

const fields = {
  domain: Domain.nullish(),
  industry: z.string().trim().max(100).nullish(),
  size: z.enum(COMPANY_SIZES).nullish(),
  address: Address.nullish(),
  ownerId: RefId.nullish(),
  custom: CustomValues.optional(),
};
const Name = z.string().trim().min(1, 'Enter the company name').max(200, 'At most 200 characters');
export const CreateCompanyBody = z.strictObject({ name: Name, ...fields });
export const UpdateCompanyBody = z.strictObject({ version: Version, name: Name.optional(), ...fields });

export const Company = z.object({
  id: Id,
  name: z.string(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  size: z.string().nullable(),
  address: z.record(z.string(), z.string()).nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  custom: z.record(z.string(), z.unknown()),
  peopleCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Company = z.infer<typeof Company>;
export const CompanyPage = page(Company);
export type CompanyPage = z.infer<typeof CompanyPage>;
export const CompanyListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  industry: z.string().max(100).optional(),
  owner: z.string().max(64).optional(),
  deleted: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  sort: z.enum(['name', 'createdAt', 'updatedAt']).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
  includeTotal: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
