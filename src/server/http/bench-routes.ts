import type { FastifyPluginAsync } from 'fastify';

/**
 * Routes that exist only for the benchmark (`npm run bench`), registered when BENCH_ROUTES=true:
 * a bare "hello" in the same process, behind the same hooks (guard, rate limit, compression,
 * security headers), so the HTTP layer's own throughput can be compared with a real endpoint's.
 */
export const benchRoutes: FastifyPluginAsync = async (app) => {
  app.get('/api/bench/hello', { config: { permission: 'public' }, schema: { hide: true } }, async () => ({
    hello: 'world',
  }));
};
