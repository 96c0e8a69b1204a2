import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { trustProxyOption } from './config.js';
import { newId } from './db/ids.js';
import { installRouteGuard, type RoutePermission } from './http/guard.js';
import { zodJsonSerializer } from './http/json-body.js';
import { installNulByteCheck } from './http/nul-bytes.js';
import { clientErrorHandler, frameworkErrors, installProblemHandlers } from './http/problem.js';
import { registerWebApp } from './http/web.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { modules } from './modules/index.js';
import type { AppContext } from './platform/context.js';

export interface RegisteredRoute {
  method: string;
  url: string;
  permission?: RoutePermission;
  /** Status codes the route's response schema covers (empty: no response schema). */
  responseStatuses?: string[];
}

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[];
  }
}

/**
 * A large JSON string body (a route without a response schema; those with one are written by
 * zodJsonSerializer) goes out as bytes encoded once: left a string, Node measures it for
 * Content-Length and encodes it again to write it.
 */
function asBytes(payload: unknown): unknown {
  return typeof payload === 'string' && payload.length > 16_384 ? Buffer.from(payload) : payload;
}

/** Builds the HTTP app over a context: security, docs, the route guard, every module's routes, the web app. */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    bodyLimit: ctx.config.BODY_LIMIT_BYTES,
    trustProxy: trustProxyOption(ctx.config.TRUST_PROXY),
    genReqId: () => newId(),
    frameworkErrors,
    clientErrorHandler,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(zodJsonSerializer);
  const registered: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', registered);
  installProblemHandlers(app);
  installNulByteCheck(app);
  app.addHook('onSend', async (_req, _reply, payload) => asBytes(payload));

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  const origins = ctx.config.CORS_ORIGINS.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  await app.register(cors, { origin: origins.length ? origins : false, credentials: true });
  await app.register(compress, { threshold: 1024 });

  installRouteGuard(app, ctx, registered);
  await app.register(rateLimit, {
    max: ctx.config.RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    hook: 'preHandler',
    keyGenerator: (req) => (req.actor ? `${req.actor.kind}:${req.actor.id}` : `ip:${req.ip}`),
    allowList: (req) => !req.url.startsWith('/api/'),
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'CRM API',
        version: '1.0.0',
        description:
          'Contacts, pipelines, activities, campaigns and automations. Authenticate with the session cookie (send X-CSRF-Token on changes) or `Authorization: Bearer <API key>`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'crm_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes, { ctx });
  for (const m of modules) if (m.routes) await app.register(m.routes, { prefix: '/api', ctx });

  if (process.env.BENCH_ROUTES === 'true') await app.register((await import('./http/bench-routes.js')).benchRoutes);
  if (ctx.config.SERVE_WEB) await registerWebApp(app);
  app.addHook('onResponse', async (req, reply) => {
    ctx.metrics.httpDuration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  return app;
}
