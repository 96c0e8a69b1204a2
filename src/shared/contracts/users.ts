import { z } from 'zod';
import { RoleSchema } from './auth.js';
import { Email } from './common.js';

export const Member = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  isActive: z.boolean(),
  joinedAt: z.string(),
});
export type Member = z.infer<typeof Member>;

export const InviteBody = z.strictObject({ email: Email, role: RoleSchema });
export const Invitation = z.object({
  id: z.string(),
  email: z.string(),
  role: RoleSchema,
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const UpdateMemberBody = z.strictObject({ role: RoleSchema.optional(), isActive: z.boolean().optional() });

export const RoleInfo = z.object({ role: RoleSchema, permissions: z.array(z.string()) });
