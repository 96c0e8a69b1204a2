import { z } from 'zod';

export const Id = z.string().min(1).max(64);
/** A record id (UUIDv7): anything else is refused up front instead of reaching the database. */
export const Uuid = z.uuid({ message: 'Not a valid id' });
export const IdParams = z.object({ id: Uuid });
export const IsoTimestamp = z.string();
/** The version a client saw (optimistic concurrency); an integer column on both databases. */
export const Version = z.number().int().min(1).max(2_147_483_647);
export const Email = z
  .email({ message: 'Enter a valid email address' })
  .max(254)
  .transform((v) => v.trim().toLowerCase());

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
  includeTotal: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number().int().optional() });
}

export const Ok = z.object({ ok: z.literal(true) });

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.string(),
  detail: z.string().optional(),
  field: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string(), code: z.string().optional() })).optional(),
});
export type ProblemBody = z.infer<typeof Problem>;
