import { z } from 'zod';
import { AppError } from '../../http/errors.js';

/** Path parameters of routes about one record. */
export const IdParams = z.object({ id: z.uuid({ message: 'Not a valid id' }) });
export const IdAndLinkParams = z.object({
  id: z.uuid({ message: 'Not a valid id' }),
  linkId: z.uuid({ message: 'Not a valid id' }),
});

/** Parses a value built inside a handler (e.g. a filter from query parameters); a 400 naming the field otherwise. */
export function parseOrBadRequest<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.output<S> {
  const res = schema.safeParse(value);
  if (res.success) return res.data;
  const errors = res.error.issues.map((i) => ({
    field: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || prefix,
    message: i.message,
    code: i.code,
  }));
  throw new AppError('VALIDATION_FAILED', `${errors[0].field}: ${errors[0].message}`, {
    field: errors[0].field,
    errors,
  });
}
