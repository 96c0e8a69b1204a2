import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST = path.resolve(process.cwd(), 'dist/web');

export function webAppBuilt(): boolean {
  return fs.existsSync(path.join(WEB_DIST, 'index.html'));
}

/** Serves the built web app; any non-API GET that matches no file gets index.html (client-side routes). */
export async function registerWebApp(app: FastifyInstance): Promise<void> {
  if (!webAppBuilt()) return;
  await app.register(fastifyStatic, { root: WEB_DIST, serve: false });
  const indexHtml = fs.readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
  app.get('/*', { config: { permission: 'public' }, schema: { hide: true } }, async (req, reply) => {
    const url = req.url.split('?')[0];
    if (url.startsWith('/api/')) return reply.callNotFound();
    const file = path.join(WEB_DIST, path.normalize(url).replace(/^(\.\.[/\\])+/, ''));
    if (file.startsWith(WEB_DIST) && url !== '/' && fs.existsSync(file) && fs.statSync(file).isFile()) {
      const isAsset = url.startsWith('/assets/');
      return reply
        .header('cache-control', isAsset ? 'public, max-age=31536000, immutable' : 'no-cache')
        .sendFile(path.relative(WEB_DIST, file));
    }
    return reply.type('text/html').header('cache-control', 'no-cache').send(indexHtml);
  });
}
