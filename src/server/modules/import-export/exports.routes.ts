import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../shared/contracts/common.js';
import {
  Export,
  ExportBody,
  ExportColumns,
  ExportEntityParams,
  ExportListQuery,
  ExportPage,
} from '../../../shared/contracts/import-export.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../platform/context.js';
import {
  createExport,
  exportColumns,
  getExport,
  listExports,
  openExportFile,
  streamExport,
} from './exports.service.js';

const tags = ['export'];
const File = z.string().describe('The file (text/csv or .xlsx)');
const disposition = (name: string) => `attachment; filename="${encodeURIComponent(name)}"`;

export const exportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/exports/columns/:entity',
    {
      config: { permission: 'contacts.export' },
      schema: {
        tags,
        summary: 'The columns an export can include (phone columns need contacts.export_phones)',
        params: ExportEntityParams,
        response: { 200: ExportColumns },
      },
    },
    async (req) => ({
      entity: req.params.entity,
      columns: await exportColumns(ctx, actorOf(req), req.params.entity),
    }),
  );

  app.post(
    '/exports',
    {
      config: { permission: 'contacts.export' },
      schema: {
        tags,
        summary:
          'Export a list (its current filter, chosen columns) to CSV or .xlsx in the background; download when ready',
        body: ExportBody,
        response: { 202: Export },
      },
    },
    async (req, reply) => reply.code(202).send(await createExport(ctx, actorOf(req), req.body)),
  );

  app.post(
    '/exports/stream',
    {
      config: { permission: 'contacts.export' },
      schema: {
        tags,
        summary: 'Export and stream the file in this response (integrations)',
        body: ExportBody,
        response: { 200: File },
      },
    },
    async (req, reply) => {
      const { stream, fileName, contentType } = await streamExport(ctx, actorOf(req), req.body);
      return reply
        .type(contentType)
        .header('content-disposition', disposition(fileName))
        .send(stream as never);
    },
  );

  app.get(
    '/exports',
    {
      config: { permission: 'contacts.export' },
      schema: {
        tags,
        summary: 'Your exports, newest first',
        querystring: ExportListQuery,
        response: { 200: ExportPage },
      },
    },
    async (req) => listExports(ctx, actorOf(req), req.query),
  );

  app.get(
    '/exports/:id',
    {
      config: { permission: 'contacts.export' },
      schema: { tags, summary: 'One export and its progress', params: IdParams, response: { 200: Export } },
    },
    async (req) => getExport(ctx, actorOf(req), req.params.id),
  );

  app.get(
    '/exports/:id/download',
    {
      config: { permission: 'contacts.export' },
      schema: {
        tags,
        summary: 'Download a finished export (its creator only)',
        params: IdParams,
        response: { 200: File },
      },
    },
    async (req, reply) => {
      const { stream, fileName, contentType, size } = await openExportFile(ctx, actorOf(req), req.params.id);
      return reply
        .type(contentType)
        .header('content-length', String(size))
        .header('content-disposition', disposition(fileName))
        .send(stream as never);
    },
  );
};
