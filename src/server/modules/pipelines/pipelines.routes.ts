import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Ok } from '../../../shared/contracts/common.js';
import { Board, BoardQuery, CardPage, ColumnQuery, Forecast, ForecastQuery } from '../../../shared/contracts/deals.js';
import {
  CreatePipelineBody,
  CreateStageBody,
  DeleteStageQuery,
  DeleteStageResult,
  Pipeline,
  PipelineList,
  PipelineParams,
  ReorderStagesBody,
  StageParams,
  UpdatePipelineBody,
  UpdateStageBody,
} from '../../../shared/contracts/pipelines.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../platform/context.js';
import { getBoard, getColumnPage, pipelineOrNotFound } from './board.service.js';
import { getForecast } from './forecast.service.js';
import { createPipeline, deletePipeline, listPipelines, updatePipeline } from './pipelines.service.js';
import { addStage, deleteStage, reorderStages, updateStage } from './stages.service.js';

const tags = ['pipelines'];

export const pipelineRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/pipelines',
    {
      config: { permission: 'deals.view' },
      schema: { tags, summary: 'Pipelines of this workspace, with their stages', response: { 200: PipelineList } },
    },
    async (req) => ({
      items: await listPipelines(ctx, actorOf(req)),
    }),
  );

  app.post(
    '/pipelines',
    {
      config: { permission: 'pipelines.manage' },
      schema: {
        tags,
        summary: 'Create a pipeline (stages optional: New, Won, Lost by default)',
        body: CreatePipelineBody,
        response: { 201: Pipeline },
      },
    },
    async (req, reply) => reply.code(201).send(await createPipeline(ctx, actorOf(req), req.body)),
  );

  app.get(
    '/pipelines/:id',
    {
      config: { permission: 'deals.view' },
      schema: {
        tags,
        summary: 'One pipeline with its stages and rules',
        params: PipelineParams,
        response: { 200: Pipeline },
      },
    },
    async (req) => pipelineOrNotFound(ctx, actorOf(req), req.params.id),
  );

  app.patch(
    '/pipelines/:id',
    {
      config: { permission: 'pipelines.manage' },
      schema: {
        tags,
        summary: 'Rename, change rules, conversion, currency (while empty) or archive',
        params: PipelineParams,
        body: UpdatePipelineBody,
        response: { 200: Pipeline },
      },
    },
    async (req) => updatePipeline(ctx, actorOf(req), req.params.id, req.body),
  );

  app.delete(
    '/pipelines/:id',
    {
      config: { permission: 'pipelines.manage' },
      schema: { tags, summary: 'Delete an empty pipeline', params: PipelineParams, response: { 200: Ok } },
    },
    async (req) => {
      await deletePipeline(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/pipelines/:id/stages',
    {
      config: { permission: 'pipelines.manage' },
      schema: {
        tags,
        summary: 'Add a stage',
        params: PipelineParams,
        body: CreateStageBody,
        response: { 201: Pipeline },
      },
    },
    async (req, reply) => reply.code(201).send(await addStage(ctx, actorOf(req), req.params.id, req.body)),
  );

  app.put(
    '/pipelines/:id/stages/order',
    {
      config: { permission: 'pipelines.manage' },
      schema: {
        tags,
        summary: 'Reorder stages (list every stage id once)',
        params: PipelineParams,
        body: ReorderStagesBody,
        response: { 200: Pipeline },
      },
    },
    async (req) => reorderStages(ctx, actorOf(req), req.params.id, req.body.stageIds),
  );

  app.patch(
    '/pipelines/:id/stages/:stageId',
    {
      config: { permission: 'pipelines.manage' },
      schema: {
        tags,
        summary: 'Rename, recolour, change kind, probability, stale limit or required fields',
        params: StageParams,
        body: UpdateStageBody,
        response: { 200: Pipeline },
      },
    },
    async (req) => updateStage(ctx, actorOf(req), req.params.id, req.params.stageId, req.body),
  );

  app.delete(
    '/pipelines/:id/stages/:stageId',
    {
      config: { permission: 'pipelines.manage' },
      schema: {
        tags,
        summary: 'Delete a stage, moving its items to targetStageId',
        params: StageParams,
        querystring: DeleteStageQuery,
        response: { 200: DeleteStageResult },
      },
    },
    async (req) => {
      const { movedItems } = await deleteStage(
        ctx,
        actorOf(req),
        req.params.id,
        req.params.stageId,
        req.query.targetStageId,
      );
      return { ok: true as const, movedItems };
    },
  );

  app.get(
    '/pipelines/:id/board',
    {
      config: { permission: 'deals.view' },
      schema: {
        tags,
        summary: 'Kanban board: per stage its count, value, weighted value, days in stage, conversion and first cards',
        params: PipelineParams,
        querystring: BoardQuery,
        response: { 200: Board },
      },
    },
    async (req) => getBoard(ctx, actorOf(req), req.params.id, req.query),
  );

  app.get(
    '/pipelines/:id/stages/:stageId/cards',
    {
      config: { permission: 'deals.view' },
      schema: {
        tags,
        summary: 'More cards of one board column (keyset cursor)',
        params: StageParams,
        querystring: ColumnQuery,
        response: { 200: CardPage },
      },
    },
    async (req) => getColumnPage(ctx, actorOf(req), req.params.id, req.params.stageId, req.query),
  );

  app.get(
    '/pipelines/:id/forecast',
    {
      config: { permission: 'deals.view' },
      schema: {
        tags,
        summary: 'Weighted value by expected close month; won and lost by period; reasons',
        params: PipelineParams,
        querystring: ForecastQuery,
        response: { 200: Forecast },
      },
    },
    async (req) => getForecast(ctx, actorOf(req), req.params.id, req.query),
  );
};
