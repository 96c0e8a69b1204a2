import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiKey, CreateApiKeyBody, CreatedApiKey } from '../../../shared/contracts/api-keys.js';
import { IdParams } from '../../../shared/contracts/common.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../platform/context.js';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service.js';

export const apiKeyRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api-keys',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags: ['api-keys'],
        summary: 'API keys of this workspace',
        response: { 200: z.object({ items: z.array(ApiKey) }) },
      },
    },
    async (req) => ({
      items: await listApiKeys(ctx, actorOf(req).workspaceId),
    }),
  );
  app.post(
    '/api-keys',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags: ['api-keys'],
        summary: 'Create an API key (the key is shown once)',
        body: CreateApiKeyBody,
        response: { 201: CreatedApiKey },
      },
    },
    async (req, reply) => reply.code(201).send(await createApiKey(ctx, actorOf(req), req.body)),
  );
  app.delete(
    '/api-keys/:id',
    {
      config: { permission: 'settings.manage' },
      schema: { tags: ['api-keys'], summary: 'Revoke an API key', params: IdParams, response: { 200: ApiKey } },
    },
    async (req) => revokeApiKey(ctx, actorOf(req), req.params.id),
  );
};
