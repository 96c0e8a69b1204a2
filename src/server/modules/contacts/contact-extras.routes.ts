import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Ok, PageQuery } from '../../../shared/contracts/common.js';
import {
  CreateNoteBody,
  Note,
  NotePage,
  NoteRevision,
  UpdateNoteBody,
} from '../../../shared/contracts/contacts-notes.js';
import {
  CreateExternalLinkBody,
  CreateRelationshipBody,
  ExternalLink,
  ExternalLinkLookupQuery,
  ReferralChain,
  ReferralQuery,
  Relationship,
  UpdateExternalLinkBody,
  UpdateRelationshipBody,
} from '../../../shared/contracts/contacts-relations.js';
import { ContactSearchHit } from '../../../shared/contracts/contacts.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../platform/context.js';
import {
  addExternalLink,
  contactsByExternalId,
  listExternalLinks,
  removeExternalLink,
  updateExternalLink,
} from './external-links.service.js';
import { createNote, deleteNote, listNoteRevisions, listNotes, updateNote } from './notes.service.js';
import {
  addRelationship,
  listRelationships,
  referralTree,
  removeRelationship,
  updateRelationship,
} from './relationships.service.js';
import { IdAndLinkParams, IdParams } from './route-helpers.js';

const NotesQuery = PageQuery.pick({ limit: true, cursor: true });

/** Notes (on contacts and companies), relationships and external links. */
export const contactExtraRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  for (const entity of ['contact', 'company'] as const) {
    const base = entity === 'contact' ? '/contacts/:id/notes' : '/companies/:id/notes';
    app.get(
      base,
      {
        config: { permission: 'contacts.view' },
        schema: {
          tags: ['notes'],
          summary: `Notes on a ${entity}, pinned first`,
          params: IdParams,
          querystring: NotesQuery,
          response: { 200: NotePage },
        },
      },
      async (req) => listNotes(ctx, actorOf(req), entity, req.params.id, req.query),
    );
    app.post(
      base,
      {
        config: { permission: 'contacts.edit' },
        schema: {
          tags: ['notes'],
          summary: `Add a markdown note to a ${entity}`,
          params: IdParams,
          body: CreateNoteBody,
          response: { 201: Note },
        },
      },
      async (req, reply) => reply.code(201).send(await createNote(ctx, actorOf(req), entity, req.params.id, req.body)),
    );
  }
  app.patch(
    '/notes/:id',
    {
      config: { permission: 'contacts.edit' },
      schema: {
        tags: ['notes'],
        summary: 'Edit or pin a note (earlier text is kept in its history)',
        params: IdParams,
        body: UpdateNoteBody,
        response: { 200: Note },
      },
    },
    async (req) => updateNote(ctx, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/notes/:id',
    {
      config: { permission: 'contacts.edit' },
      schema: { tags: ['notes'], summary: 'Delete a note', params: IdParams, response: { 200: Ok } },
    },
    async (req) => {
      await deleteNote(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/notes/:id/revisions',
    {
      config: { permission: 'contacts.view' },
      schema: {
        tags: ['notes'],
        summary: 'Edit history of a note',
        params: IdParams,
        response: { 200: z.object({ items: z.array(NoteRevision) }) },
      },
    },
    async (req) => ({ items: await listNoteRevisions(ctx, actorOf(req), req.params.id) }),
  );

  app.get(
    '/contacts/:id/relationships',
    {
      config: { permission: 'contacts.view' },
      schema: {
        tags: ['relationships'],
        summary: 'People related to a contact',
        params: IdParams,
        response: { 200: z.object({ items: z.array(Relationship) }) },
      },
    },
    async (req) => ({ items: await listRelationships(ctx, actorOf(req), req.params.id) }),
  );
  app.post(
    '/contacts/:id/relationships',
    {
      config: { permission: 'contacts.edit' },
      schema: {
        tags: ['relationships'],
        summary: 'Relate two contacts (the reciprocal side is added too)',
        params: IdParams,
        body: CreateRelationshipBody,
        response: { 201: Relationship },
      },
    },
    async (req, reply) => reply.code(201).send(await addRelationship(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/relationships/:id',
    {
      config: { permission: 'contacts.edit' },
      schema: {
        tags: ['relationships'],
        summary: 'Change strength or note (both sides)',
        params: IdParams,
        body: UpdateRelationshipBody,
        response: { 200: Relationship },
      },
    },
    async (req) => updateRelationship(ctx, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/relationships/:id',
    {
      config: { permission: 'contacts.edit' },
      schema: {
        tags: ['relationships'],
        summary: 'Remove a relationship (both sides)',
        params: IdParams,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await removeRelationship(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/contacts/:id/referrals',
    {
      config: { permission: 'contacts.view' },
      schema: {
        tags: ['relationships'],
        summary: 'Referral chain: who referred this contact, and everyone they referred, to any depth',
        params: IdParams,
        querystring: ReferralQuery,
        response: { 200: ReferralChain },
      },
    },
    async (req) => referralTree(ctx, actorOf(req), req.params.id, req.query.maxDepth),
  );

  app.get(
    '/contacts/:id/links',
    {
      config: { permission: 'contacts.view' },
      schema: {
        tags: ['external links'],
        summary: 'Records in other systems this contact links to',
        params: IdParams,
        response: { 200: z.object({ items: z.array(ExternalLink) }) },
      },
    },
    async (req) => ({ items: await listExternalLinks(ctx, actorOf(req), req.params.id) }),
  );
  app.post(
    '/contacts/:id/links',
    {
      config: { permission: 'contacts.edit' },
      schema: {
        tags: ['external links'],
        summary: 'Link a record of another system (e.g. a student id)',
        params: IdParams,
        body: CreateExternalLinkBody,
        response: { 201: ExternalLink },
      },
    },
    async (req, reply) => reply.code(201).send(await addExternalLink(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/contacts/:id/links/:linkId',
    {
      config: { permission: 'contacts.edit' },
      schema: {
        tags: ['external links'],
        summary: 'Update a link (URL, cached display data, last synced)',
        params: IdAndLinkParams,
        body: UpdateExternalLinkBody,
        response: { 200: ExternalLink },
      },
    },
    async (req) => updateExternalLink(ctx, actorOf(req), req.params.id, req.params.linkId, req.body),
  );
  app.delete(
    '/contacts/:id/links/:linkId',
    {
      config: { permission: 'contacts.edit' },
      schema: { tags: ['external links'], summary: 'Remove a link', params: IdAndLinkParams, response: { 200: Ok } },
    },
    async (req) => {
      await removeExternalLink(ctx, actorOf(req), req.params.id, req.params.linkId);
      return { ok: true as const };
    },
  );
  app.get(
    '/contacts/by-external-id',
    {
      config: { permission: 'contacts.view' },
      schema: {
        tags: ['external links'],
        summary: 'Contacts linked to a record of another system',
        querystring: ExternalLinkLookupQuery,
        response: { 200: z.object({ items: z.array(ContactSearchHit) }) },
      },
    },
    async (req) => ({
      items: await contactsByExternalId(ctx, actorOf(req), req.query.system, req.query.externalId),
    }),
  );
};
