import type { FastifyInstance, FastifyRequest } from 'fastify';
import { roleHas, type Permission } from '../../shared/permissions.js';
import { can, type Actor } from '../platform/actor.js';
import type { AppContext } from '../platform/context.js';
import { actorFromApiKey, actorFromSession, SESSION_COOKIE } from '../modules/auth/auth.service.js';
import { AuthFailureCounter } from './auth-failures.js';
import { AppError } from './errors.js';

/** What a route requires: a permission, any signed-in actor, or nothing. */
export type RoutePermission = Permission | 'authenticated' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
    /** Only a signed-in person may call it (their own settings, a new workspace): API keys get 403. */
    personal?: boolean;
    /** The route checks a password: its failures count toward the IP's AUTH_FAILURES_PER_MINUTE. */
    signIn?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** Routes that plugins register for us (docs UI, static files) are public by nature. */
const PLUGIN_ROUTES = /^\/api\/docs(\/|$)|^\/api\/openapi\.json$|^\/assets\/|^\/\*$|^\/$/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Every route must declare its permission; one that does not fails at start-up. */
export function installRouteGuard(
  app: FastifyInstance,
  ctx: AppContext,
  registered: Array<{ method: string; url: string; permission?: RoutePermission; responseStatuses?: string[] }>,
): void {
  app.decorateRequest('actor', null);

  app.addHook('onRoute', (route) => {
    const config = (route.config ??= {}) as { permission?: RoutePermission };
    if (!config.permission && PLUGIN_ROUTES.test(route.url)) config.permission = 'public';
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const responseStatuses = Object.keys((route.schema?.response as Record<string, unknown> | undefined) ?? {});
    for (const method of methods)
      registered.push({ method, url: route.url, permission: config.permission, responseStatuses });
    if (!config.permission)
      throw new Error(`Route ${methods.join(',')} ${route.url} declares no permission (config.permission)`);
  });

  const failures = new AuthFailureCounter(ctx.config.AUTH_FAILURES_PER_MINUTE, () => ctx.clock.now().getTime());
  const checksCredentials = (req: FastifyRequest) =>
    Boolean(req.routeOptions.config?.signIn) || Boolean(req.headers.authorization?.startsWith('Bearer '));
  app.addHook('onResponse', async (req, reply) => {
    if (reply.statusCode === 401 && checksCredentials(req)) failures.note(req.ip);
  });

  app.addHook('onRequest', async (req) => {
    const config = req.routeOptions.config;
    const required = config?.permission;
    if (!required || (required === 'public' && !req.url.startsWith('/api/'))) return;
    if (checksCredentials(req)) {
      const retryAfterSeconds = failures.retryAfterSeconds(req.ip);
      if (retryAfterSeconds)
        throw new AppError(
          'RATE_LIMITED',
          'Too many failed sign-ins or API-key checks from this address; retry after the time in Retry-After',
          { retryAfterSeconds },
        );
    }
    const meta = { ip: req.ip, userAgent: req.headers['user-agent'] };
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      req.actor = await actorFromApiKey(ctx, auth.slice(7).trim(), meta);
      if (!req.actor)
        throw new AppError(
          'UNAUTHENTICATED',
          'The API key is invalid or revoked, or the member who owns it is no longer active in its workspace',
        );
    } else {
      const token = req.cookies?.[SESSION_COOKIE];
      if (token) req.actor = await actorFromSession(ctx, token, meta);
      if (
        req.actor &&
        required !== 'public' &&
        !SAFE_METHODS.has(req.method) &&
        req.headers['x-csrf-token'] !== req.actor.csrfToken
      ) {
        throw new AppError('CSRF_INVALID', 'Send the X-CSRF-Token header from GET /api/auth/session with every change');
      }
    }
    if (required === 'public') return;
    if (!req.actor) throw new AppError('UNAUTHENTICATED');
    if (required !== 'authenticated' && !can(req.actor, required)) {
      throw new AppError(
        'FORBIDDEN',
        req.actor.kind === 'api_key' && roleHas(req.actor.role, required)
          ? `This needs the ${required} permission, which the member who owns this API key no longer has`
          : `This needs the ${required} permission, which the ${req.actor.role} role does not have`,
      );
    }
    if (config?.personal && req.actor.kind !== 'user') {
      throw new AppError(
        'PERSONAL_ROUTE',
        'This is for a signed-in person (their own settings, or a workspace they will administer); an API key cannot use it',
      );
    }
  });
}

/** The signed-in actor of a route that declared a permission other than 'public'. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}
