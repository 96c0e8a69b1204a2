import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Ok } from '../../../shared/contracts/common.js';
import {
  DismissDuplicateBody,
  DuplicateCheckBody,
  DuplicateCheckResult,
  DuplicatePair,
  DuplicatePairsQuery,
  MergeBody,
  MergeRecord,
} from '../../../shared/contracts/contacts-merge.js';
import { Contact } from '../../../shared/contracts/contacts.js';
import {
  CreateSavedViewBody,
  SavedView,
  SavedViewQuery,
  UpdateSavedViewBody,
} from '../../../shared/contracts/contacts-query.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../platform/context.js';
import { checkDuplicates, dismissDuplicate, listDuplicatePairs } from './duplicates.service.js';
import { listMerges, mergeContacts, undoMerge } from './merge.service.js';
import { IdParams } from './route-helpers.js';
import { createSavedView, deleteSavedView, listSavedViews, updateSavedView } from './saved-views.service.js';

/** Duplicates, merges and saved views. */
export const contactDedupeRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/contacts/duplicates/check',
    {
      config: { permission: 'contacts.view' },
      schema: {
        tags: ['duplicates'],
        summary: 'Likely duplicates of what is being typed (nothing is written)',
        body: DuplicateCheckBody,
        response: { 200: DuplicateCheckResult },
      },
    },
    async (req) => ({
      items: await checkDuplicates(ctx, actorOf(req), req.body),
    }),
  );
  app.get(
    '/contacts/duplicates',
    {
      config: { permission: 'contacts.view' },
      schema: {
        tags: ['duplicates'],
        summary: 'Likely duplicate pairs across the workspace',
        querystring: DuplicatePairsQuery,
        response: { 200: z.object({ items: z.array(DuplicatePair) }) },
      },
    },
    async (req) => ({
      items: await listDuplicatePairs(ctx, actorOf(req), req.query.limit),
    }),
  );
  app.post(
    '/contacts/duplicates/dismiss',
    {
      config: { permission: 'contacts.edit' },
      schema: {
        tags: ['duplicates'],
        summary: 'Mark two contacts as not duplicates',
        body: DismissDuplicateBody,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await dismissDuplicate(ctx, actorOf(req), req.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/contacts/merge',
    {
      config: { permission: 'contacts.delete' },
      schema: {
        tags: ['duplicates'],
        summary: 'Merge contacts into one (values picked per field); undoable for 30 days',
        body: MergeBody,
        response: { 200: z.object({ merge: MergeRecord, contact: Contact }) },
      },
    },
    async (req) => mergeContacts(ctx, actorOf(req), req.body),
  );
  app.get(
    '/contacts/merges',
    {
      config: { permission: 'contacts.view' },
      schema: {
        tags: ['duplicates'],
        summary: 'Recent merges',
        querystring: z.object({ survivorId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(MergeRecord) }) },
      },
    },
    async (req) => ({
      items: await listMerges(ctx, actorOf(req), req.query.survivorId),
    }),
  );
  app.post(
    '/contacts/merges/:id/undo',
    {
      config: { permission: 'contacts.delete' },
      schema: {
        tags: ['duplicates'],
        summary: 'Undo a merge (within 30 days)',
        params: IdParams,
        response: { 200: MergeRecord },
      },
    },
    async (req) => undoMerge(ctx, actorOf(req), req.params.id),
  );

  app.get(
    '/saved-views',
    {
      config: { permission: 'contacts.view' },
      schema: {
        tags: ['saved views'],
        summary: 'Your views and the shared ones',
        querystring: SavedViewQuery,
        response: { 200: z.object({ items: z.array(SavedView) }) },
      },
    },
    async (req) => ({
      items: await listSavedViews(ctx, actorOf(req), req.query.entity),
    }),
  );
  app.post(
    '/saved-views',
    {
      config: { permission: 'contacts.view' },
      schema: {
        tags: ['saved views'],
        summary: 'Save a view (filters, columns, sort); sharing needs segments.manage',
        body: CreateSavedViewBody,
        response: { 201: SavedView },
      },
    },
    async (req, reply) => reply.code(201).send(await createSavedView(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/saved-views/:id',
    {
      config: { permission: 'contacts.view' },
      schema: {
        tags: ['saved views'],
        summary: 'Change a view',
        params: IdParams,
        body: UpdateSavedViewBody,
        response: { 200: SavedView },
      },
    },
    async (req) => updateSavedView(ctx, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/saved-views/:id',
    {
      config: { permission: 'contacts.view' },
      schema: { tags: ['saved views'], summary: 'Delete a view', params: IdParams, response: { 200: Ok } },
    },
    async (req) => {
      await deleteSavedView(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
};
