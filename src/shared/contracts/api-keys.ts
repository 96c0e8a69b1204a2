import { z } from 'zod';
import { RoleSchema } from './auth.js';

export const ApiKey = z.object({
  id: z.string(),
  name: z.string(),
  role: RoleSchema,
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  owner: z
    .object({ id: z.string(), name: z.string(), isActive: z.boolean() })
    .nullable()
    .describe(
      'The member the key acts for: it never does more than their current role allows, and stops working while they are not an active member',
    ),
});
export type ApiKey = z.infer<typeof ApiKey>;
export const CreateApiKeyBody = z.strictObject({
  name: z.string().trim().min(1, 'Name the key after what uses it').max(100),
  role: RoleSchema,
});
export const CreatedApiKey = ApiKey.extend({ key: z.string().describe('Shown once; store it now') });
