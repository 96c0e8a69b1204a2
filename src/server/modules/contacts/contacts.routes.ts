import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Ok } from '../../../shared/contracts/common.js';
import {
  BulkBody,
  BulkResult,
  ContactFilter,
  ContactListQuery,
  ContactQueryBody,
  TagContactsBody,
} from '../../../shared/contracts/contacts-query.js';
import {
  Contact,
  ContactPage,
  ContactSearchHit,
  ContactSearchQuery,
  ContactWithDuplicates,
  CreateContactBody,
  UpdateContactBody,
} from '../../../shared/contracts/contacts.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../platform/context.js';
import { runBulkAction } from './bulk.service.js';
import { searchContacts } from './contact-search.service.js';
import {
  createContact,
  deleteContact,
  getContact,
  listContacts,
  restoreContact,
  updateContact,
} from './contacts.service.js';
import { IdParams, parseOrBadRequest } from './route-helpers.js';
import { setContactTags } from './tags.service.js';

const tags = ['contacts'];

export const contactCoreRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/contacts',
    {
      config: { permission: 'contacts.view' },
      schema: {
        tags,
        summary: 'List contacts with the common filters (POST /contacts/query takes every filter)',
        querystring: ContactListQuery,
        response: { 200: ContactPage },
      },
    },
    async (req) => {
      const q = req.query;
      const filter = parseOrBadRequest(
        ContactFilter,
        {
          q: q.q,
          typeKeys: q.type,
          sourceKeys: q.source,
          ownerIds: q.owner,
          companyIds: q.company,
          tagIds: q.tag,
          tagMode: q.tagMode,
          createdFrom: q.createdFrom,
          createdTo: q.createdTo,
          deleted: q.deleted,
        },
        'query',
      );
      return listContacts(ctx, actorOf(req), {
        filter,
        sort: { field: q.sort, dir: q.dir },
        limit: q.limit,
        cursor: q.cursor,
        includeTotal: q.includeTotal,
      });
    },
  );

  app.post(
    '/contacts/query',
    {
      config: { permission: 'contacts.view' },
      schema: {
        tags,
        summary: 'List contacts: filters on every standard and custom field, tags, dates; any sort; cursor pages',
        body: ContactQueryBody,
        response: { 200: ContactPage },
      },
    },
    async (req) => listContacts(ctx, actorOf(req), req.body),
  );

  app.get(
    '/contacts/search',
    {
      config: { permission: 'contacts.view' },
      schema: {
        tags,
        summary: 'Instant search across names, emails, phones (as typed), company and notes',
        querystring: ContactSearchQuery,
        response: { 200: z.object({ items: z.array(ContactSearchHit) }) },
      },
    },
    async (req) => ({
      items: await searchContacts(ctx, actorOf(req), req.query.q, req.query.limit),
    }),
  );

  app.post(
    '/contacts',
    {
      config: { permission: 'contacts.edit' },
      schema: {
        tags,
        summary: 'Create a contact; the answer lists likely duplicates',
        body: CreateContactBody,
        response: { 201: ContactWithDuplicates },
      },
    },
    async (req, reply) => reply.code(201).send(await createContact(ctx, actorOf(req), req.body)),
  );

  app.get(
    '/contacts/:id',
    {
      config: { permission: 'contacts.view' },
      schema: { tags, summary: 'One contact', params: IdParams, response: { 200: Contact } },
    },
    async (req) => getContact(ctx, actorOf(req), req.params.id),
  );

  app.patch(
    '/contacts/:id',
    {
      config: { permission: 'contacts.edit' },
      schema: {
        tags,
        summary: 'Change a contact (send its version; a stale version gets 409)',
        params: IdParams,
        body: UpdateContactBody,
        response: { 200: ContactWithDuplicates },
      },
    },
    async (req) => updateContact(ctx, actorOf(req), req.params.id, req.body),
  );

  app.delete(
    '/contacts/:id',
    {
      config: { permission: 'contacts.delete' },
      schema: {
        tags,
        summary: 'Move a contact to the trash (restorable until purged)',
        params: IdParams,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await deleteContact(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/contacts/:id/restore',
    {
      config: { permission: 'contacts.delete' },
      schema: { tags, summary: 'Restore a contact from the trash', params: IdParams, response: { 200: Contact } },
    },
    async (req) => restoreContact(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/contacts/bulk',
    {
      config: { permission: 'contacts.edit' },
      schema: {
        tags,
        summary: 'Tag, untag, change owner or type, delete or restore a selection or everything a filter matches',
        body: BulkBody,
        response: { 200: BulkResult },
      },
    },
    async (req) => runBulkAction(ctx, actorOf(req), req.body),
  );

  app.post(
    '/contacts/tags/add',
    {
      config: { permission: 'contacts.edit' },
      schema: {
        tags,
        summary: 'Tag one or many contacts',
        body: TagContactsBody,
        response: { 200: z.object({ changed: z.number().int() }) },
      },
    },
    async (req) => setContactTags(ctx, actorOf(req), req.body, 'add'),
  );

  app.post(
    '/contacts/tags/remove',
    {
      config: { permission: 'contacts.edit' },
      schema: {
        tags,
        summary: 'Untag one or many contacts',
        body: TagContactsBody,
        response: { 200: z.object({ changed: z.number().int() }) },
      },
    },
    async (req) => setContactTags(ctx, actorOf(req), req.body, 'remove'),
  );
};
