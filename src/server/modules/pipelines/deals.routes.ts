import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Ok } from '../../../shared/contracts/common.js';
import {
  BulkMoveBody,
  BulkMoveResult,
  CreateDealBody,
  Deal,
  DealListQuery,
  DealPage,
  DealParams,
  MoveDealBody,
  StageHistory,
  UpdateDealBody,
} from '../../../shared/contracts/deals.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../platform/context.js';
import { listDeals } from './deal-list.service.js';
import { BULK_LIMIT, bulkMoveDeals, moveDeal } from './deal-moves.service.js';
import { createDeal, dealHistory, deleteDeal, getDeal, updateDeal } from './deals.service.js';

const tags = ['deals'];

export const dealRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/deals',
    {
      config: { permission: 'deals.view' },
      schema: {
        tags,
        summary: 'Items (deals, applications, leads) as a table: filters, sort, keyset pages',
        querystring: DealListQuery,
        response: { 200: DealPage },
      },
    },
    async (req) => listDeals(ctx, actorOf(req), req.query),
  );

  app.post(
    '/deals',
    {
      config: { permission: 'deals.edit' },
      schema: {
        tags,
        summary: 'Create an item in a pipeline (first open stage unless stageId)',
        body: CreateDealBody,
        response: { 201: Deal },
      },
    },
    async (req, reply) => reply.code(201).send(await createDeal(ctx, actorOf(req), req.body)),
  );

  app.get(
    '/deals/:id',
    {
      config: { permission: 'deals.view' },
      schema: { tags, summary: 'One item', params: DealParams, response: { 200: Deal } },
    },
    async (req) => getDeal(ctx, actorOf(req), req.params.id),
  );

  app.patch(
    '/deals/:id',
    {
      config: { permission: 'deals.edit' },
      schema: {
        tags,
        summary: 'Edit fields (send the version you saw; stage changes go through /move)',
        params: DealParams,
        body: UpdateDealBody,
        response: { 200: Deal },
      },
    },
    async (req) => updateDeal(ctx, actorOf(req), req.params.id, req.body),
  );

  app.delete(
    '/deals/:id',
    {
      config: { permission: 'deals.edit' },
      schema: { tags, summary: 'Delete an item', params: DealParams, response: { 200: Ok } },
    },
    async (req) => {
      await deleteDeal(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/deals/:id/move',
    {
      config: { permission: 'deals.edit' },
      schema: {
        tags,
        summary: "Move to another stage; the pipeline's rules apply and a refusal names its rule",
        params: DealParams,
        body: MoveDealBody,
        response: { 200: Deal },
      },
    },
    async (req) => moveDeal(ctx, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/deals/:id/history',
    {
      config: { permission: 'deals.view' },
      schema: {
        tags,
        summary: 'Stage history: from, to, who, when, reason, time in the previous stage',
        params: DealParams,
        response: { 200: StageHistory },
      },
    },
    async (req) => ({
      items: await dealHistory(ctx, actorOf(req), req.params.id),
    }),
  );

  app.post(
    '/deals/bulk-move',
    {
      config: { permission: 'deals.edit' },
      schema: {
        tags,
        summary: `Move a selection (ids) or a filter's items (up to ${BULK_LIMIT}); each is checked against the rules`,
        body: BulkMoveBody,
        response: { 200: BulkMoveResult },
      },
    },
    async (req) => bulkMoveDeals(ctx, actorOf(req), req.body),
  );
};
