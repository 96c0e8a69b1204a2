import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Ok } from '../../../shared/contracts/common.js';
import {
  Company,
  CompanyListQuery,
  CompanyPage,
  CreateCompanyBody,
  UpdateCompanyBody,
} from '../../../shared/contracts/companies.js';
import { CompanyRelationship, CreateCompanyRelationshipBody } from '../../../shared/contracts/contacts-relations.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../platform/context.js';
import { createCompany, getCompany, listCompanies, setCompanyDeleted, updateCompany } from './companies.service.js';
import {
  addCompanyRelationship,
  listCompanyRelationships,
  removeCompanyRelationship,
} from './relationships.service.js';
import { IdParams } from './route-helpers.js';

const tags = ['companies'];

export const companyRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/companies',
    {
      config: { permission: 'contacts.view' },
      schema: { tags, summary: 'List companies', querystring: CompanyListQuery, response: { 200: CompanyPage } },
    },
    async (req) => listCompanies(ctx, actorOf(req), req.query),
  );
  app.post(
    '/companies',
    {
      config: { permission: 'contacts.edit' },
      schema: { tags, summary: 'Create a company', body: CreateCompanyBody, response: { 201: Company } },
    },
    async (req, reply) => reply.code(201).send(await createCompany(ctx, actorOf(req), req.body)),
  );
  app.get(
    '/companies/:id',
    {
      config: { permission: 'contacts.view' },
      schema: { tags, summary: 'One company', params: IdParams, response: { 200: Company } },
    },
    async (req) => getCompany(ctx, actorOf(req), req.params.id),
  );
  app.patch(
    '/companies/:id',
    {
      config: { permission: 'contacts.edit' },
      schema: {
        tags,
        summary: 'Change a company (send its version)',
        params: IdParams,
        body: UpdateCompanyBody,
        response: { 200: Company },
      },
    },
    async (req) => updateCompany(ctx, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/companies/:id',
    {
      config: { permission: 'contacts.delete' },
      schema: { tags, summary: 'Move a company to the trash', params: IdParams, response: { 200: Ok } },
    },
    async (req) => {
      await setCompanyDeleted(ctx, actorOf(req), req.params.id, true);
      return { ok: true as const };
    },
  );
  app.post(
    '/companies/:id/restore',
    {
      config: { permission: 'contacts.delete' },
      schema: { tags, summary: 'Restore a company from the trash', params: IdParams, response: { 200: Company } },
    },
    async (req) => setCompanyDeleted(ctx, actorOf(req), req.params.id, false),
  );

  app.get(
    '/companies/:id/relationships',
    {
      config: { permission: 'contacts.view' },
      schema: {
        tags,
        summary: 'Parent companies, subsidiaries, partners, competitors',
        params: IdParams,
        response: { 200: z.object({ items: z.array(CompanyRelationship) }) },
      },
    },
    async (req) => ({
      items: await listCompanyRelationships(ctx, actorOf(req), req.params.id),
    }),
  );
  app.post(
    '/companies/:id/relationships',
    {
      config: { permission: 'contacts.edit' },
      schema: {
        tags,
        summary: 'Relate two companies (the reciprocal side is added too)',
        params: IdParams,
        body: CreateCompanyRelationshipBody,
        response: { 201: CompanyRelationship },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await addCompanyRelationship(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.delete(
    '/company-relationships/:id',
    {
      config: { permission: 'contacts.edit' },
      schema: { tags, summary: 'Remove a company relationship (both sides)', params: IdParams, response: { 200: Ok } },
    },
    async (req) => {
      await removeCompanyRelationship(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
};
