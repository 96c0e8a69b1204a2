import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Ok } from '../../../shared/contracts/common.js';
import {
  ContactSettings,
  ContactSource,
  ContactType,
  CreateContactSourceBody,
  CreateContactTypeBody,
  CreateCustomFieldBody,
  CreateTagBody,
  CustomField,
  CustomFieldQuery,
  Tag,
  UpdateContactSettingsBody,
  UpdateContactSourceBody,
  UpdateContactTypeBody,
  UpdateCustomFieldBody,
  UpdateTagBody,
} from '../../../shared/contracts/contacts-config.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../platform/context.js';
import {
  createContactSource,
  createContactType,
  createCustomField,
  deleteContactSource,
  deleteContactType,
  deleteCustomField,
  listContactSources,
  listContactTypes,
  listCustomFields,
  updateContactSource,
  updateContactType,
  updateCustomField,
} from './contact-config.service.js';
import { getContactSettings, updateContactSettings } from './contact-settings.service.js';
import { IdParams } from './route-helpers.js';
import { createTag, deleteTag, listTags, updateTag } from './tags.service.js';

const tags = ['contact settings'];
const items = <T extends z.ZodType>(s: T) => z.object({ items: z.array(s) });

export const contactConfigRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/contact-types',
    {
      config: { permission: 'contacts.view' },
      schema: {
        tags,
        summary: 'Contact types with how many contacts have each',
        response: { 200: items(ContactType) },
      },
    },
    async (req) => ({ items: await listContactTypes(ctx, actorOf(req).workspaceId, true) }),
  );
  app.post(
    '/contact-types',
    {
      config: { permission: 'settings.manage' },
      schema: { tags, summary: 'Add a contact type', body: CreateContactTypeBody, response: { 201: ContactType } },
    },
    async (req, reply) => reply.code(201).send(await createContactType(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/contact-types/:id',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Change a contact type (label, colour, icon, rules, order, archive)',
        params: IdParams,
        body: UpdateContactTypeBody,
        response: { 200: ContactType },
      },
    },
    async (req) => updateContactType(ctx, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/contact-types/:id',
    {
      config: { permission: 'settings.manage' },
      schema: { tags, summary: 'Delete a contact type no contact uses', params: IdParams, response: { 200: Ok } },
    },
    async (req) => {
      await deleteContactType(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/contact-sources',
    {
      config: { permission: 'contacts.view' },
      schema: { tags, summary: 'Where contacts come from', response: { 200: items(ContactSource) } },
    },
    async (req) => ({ items: await listContactSources(ctx, actorOf(req).workspaceId) }),
  );
  app.post(
    '/contact-sources',
    {
      config: { permission: 'settings.manage' },
      schema: { tags, summary: 'Add a source', body: CreateContactSourceBody, response: { 201: ContactSource } },
    },
    async (req, reply) => reply.code(201).send(await createContactSource(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/contact-sources/:id',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Change a source',
        params: IdParams,
        body: UpdateContactSourceBody,
        response: { 200: ContactSource },
      },
    },
    async (req) => updateContactSource(ctx, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/contact-sources/:id',
    {
      config: { permission: 'settings.manage' },
      schema: { tags, summary: 'Delete a source no contact uses', params: IdParams, response: { 200: Ok } },
    },
    async (req) => {
      await deleteContactSource(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/custom-fields',
    {
      config: { permission: 'contacts.view' },
      schema: {
        tags,
        summary: 'Custom field definitions (contacts and companies)',
        querystring: CustomFieldQuery,
        response: { 200: items(CustomField) },
      },
    },
    async (req) => ({ items: await listCustomFields(ctx, actorOf(req).workspaceId, req.query.entity) }),
  );
  app.post(
    '/custom-fields',
    {
      config: { permission: 'settings.manage' },
      schema: { tags, summary: 'Add a custom field', body: CreateCustomFieldBody, response: { 201: CustomField } },
    },
    async (req, reply) => reply.code(201).send(await createCustomField(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/custom-fields/:id',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Change a custom field (its type and key stay)',
        params: IdParams,
        body: UpdateCustomFieldBody,
        response: { 200: CustomField },
      },
    },
    async (req) => updateCustomField(ctx, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/custom-fields/:id',
    {
      config: { permission: 'settings.manage' },
      schema: { tags, summary: 'Delete a custom field', params: IdParams, response: { 200: Ok } },
    },
    async (req) => {
      await deleteCustomField(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/tags',
    {
      config: { permission: 'contacts.view' },
      schema: { tags, summary: 'Tags with how many contacts have each', response: { 200: items(Tag) } },
    },
    async (req) => ({ items: await listTags(ctx, actorOf(req).workspaceId) }),
  );
  app.post(
    '/tags',
    {
      config: { permission: 'tags.manage' },
      schema: { tags, summary: 'Create a tag', body: CreateTagBody, response: { 201: Tag } },
    },
    async (req, reply) => reply.code(201).send(await createTag(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/tags/:id',
    {
      config: { permission: 'tags.manage' },
      schema: {
        tags,
        summary: 'Rename or recolour a tag',
        params: IdParams,
        body: UpdateTagBody,
        response: { 200: Tag },
      },
    },
    async (req) => updateTag(ctx, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/tags/:id',
    {
      config: { permission: 'tags.manage' },
      schema: { tags, summary: 'Delete a tag (it comes off every contact)', params: IdParams, response: { 200: Ok } },
    },
    async (req) => {
      await deleteTag(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/contact-settings',
    {
      config: { permission: 'contacts.view' },
      schema: { tags, summary: 'Contact settings (trash retention)', response: { 200: ContactSettings } },
    },
    async (req) => getContactSettings(ctx, actorOf(req).workspaceId),
  );
  app.patch(
    '/contact-settings',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Change how long deleted contacts stay in the trash',
        body: UpdateContactSettingsBody,
        response: { 200: ContactSettings },
      },
    },
    async (req) => updateContactSettings(ctx, actorOf(req), req.body),
  );
};
