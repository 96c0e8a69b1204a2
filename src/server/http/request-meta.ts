import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context.js';

/** Base URL for links in emails: PUBLIC_URL, else what the request came in on. */
export function publicBaseUrl(ctx: AppContext, req: FastifyRequest): string {
  return ctx.config.PUBLIC_URL?.replace(/\/$/, '') ?? `${req.protocol}://${req.host}`;
}

export function requestMeta(req: FastifyRequest) {
  return { ip: req.ip, userAgent: req.headers['user-agent'] };
}
