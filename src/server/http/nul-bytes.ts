import type { FastifyInstance } from 'fastify';
import { fieldError } from './errors.js';

/** How deep a body is searched; deeper values are refused by the contracts anyway. */
const MAX_DEPTH = 64;

/** The path of the first string (or object key) holding a NUL character, or null. */
export function nulBytePath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulBytePath(value[i], path ? `${path}.${i}` : String(i), depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (Buffer.isBuffer(value)) return null;
  for (const [key, v] of Object.entries(value)) {
    const shown = key.split('\u0000').join('\\u0000');
    const at = path ? `${path}.${shown}` : shown;
    if (key.includes('\u0000')) return at;
    const found = nulBytePath(v, at, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * No string of a request may hold U+0000: PostgreSQL cannot store it in text or jsonb, and SQLite
 * would keep what PostgreSQL refuses. Checked once for every route, before its schema, so both
 * databases give the same 400 naming the field (`body.x`, query and path fields by name).
 */
export function installNulByteCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const found = nulBytePath(req.params, '') ?? nulBytePath(req.query, '') ?? nulBytePath(req.body, '');
    if (found) throw fieldError(found || 'body', 'Text may not contain the NUL character (\\u0000)');
  });
}
