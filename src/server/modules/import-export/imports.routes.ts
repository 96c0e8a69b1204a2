import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  EntityParams,
  Import,
  ImportListQuery,
  ImportPage,
  ImportTargets,
  JsonImportBody,
  UpdateImportBody,
} from '../../../shared/contracts/import-export.js';
import { IdParams } from '../../../shared/contracts/common.js';
import { AppError } from '../../http/errors.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../platform/context.js';
import { failedRowsCsv } from './failed-rows.js';
import { tooLarge } from './files/storage.js';
import { assertMayImport, targetFields } from './import-context.js';
import { retryImport } from './import-failures.js';
import { validateNow } from './import-work.js';
import {
  cancelImport,
  createImportFromJson,
  createImportFromUpload,
  getImport,
  listImports,
  startRun,
  startUndo,
  startValidation,
  updateImportSetup,
} from './imports.service.js';

const tags = ['import'];
const UploadQuery = z.object({
  entity: z.enum(['contacts', 'companies', 'deals', 'activities']).optional(),
  start: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Run right away with the suggested (or given) mapping'),
});
/** JSON rows: 20,000 rows of a few dozen columns. */
const JSON_BODY_LIMIT = 32 * 1024 * 1024;

export const importRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const limit = ctx.config.IMPORT_MAX_BYTES;
  await app.register(multipart, { limits: { fileSize: limit + 1, files: 1, fields: 10, fieldSize: 256 * 1024 } });

  app.get(
    '/imports/targets/:entity',
    {
      config: { permission: 'contacts.edit' },
      schema: {
        tags,
        summary: "The fields an import can fill, with this workspace's custom fields and choices",
        params: EntityParams,
        querystring: z.object({ pipelineId: z.uuid().optional() }),
        response: { 200: ImportTargets },
      },
    },
    async (req) => {
      assertMayImport(actorOf(req), req.params.entity);
      return {
        entity: req.params.entity,
        fields: await targetFields(ctx, actorOf(req), req.params.entity, { pipelineId: req.query.pipelineId ?? null }),
      };
    },
  );

  app.post(
    '/imports',
    {
      config: { permission: 'contacts.edit' },
      schema: {
        tags,
        summary:
          'Upload a CSV, .xlsx or .vcf file (multipart/form-data: optional fields entity, options, mapping, then the file). Answers with the preview and a suggested mapping.',
        querystring: UploadQuery,
        response: { 201: Import },
      },
      // refuse oversized uploads before reading them
      onRequest: async (req) => {
        if (Number(req.headers['content-length'] ?? 0) > limit + 1024 * 1024) throw tooLarge(limit);
      },
    },
    async (req, reply) => {
      if (!req.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data in a field named "file"', {
          field: 'file',
        });
      const fields: Record<string, string> = {};
      try {
        for await (const part of req.parts()) {
          if (part.type === 'field') {
            fields[part.fieldname] = String(part.value);
            continue;
          }
          const created = await createImportFromUpload(ctx, actorOf(req), {
            fileName: part.filename || 'upload.csv',
            stream: part.file,
            entity: req.query.entity ?? fields.entity,
            options: fields.options,
            mapping: fields.mapping,
            start: req.query.start ?? fields.start === 'true',
          });
          return reply.code(201).send(created);
        }
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(limit);
        throw err;
      }
      throw new AppError('VALIDATION_FAILED', 'file: attach the file in a field named "file"', {
        field: 'file',
        errors: [{ field: 'file', message: 'Attach a file' }],
      });
    },
  );

  app.post(
    '/imports/json',
    {
      config: { permission: 'contacts.edit' },
      bodyLimit: JSON_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import rows sent as JSON (integrations): validated like a file; dryRun only reports',
        body: JsonImportBody,
        response: { 201: Import, 202: Import },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await createImportFromJson(ctx, actor, req.body);
      if (req.body.dryRun) return reply.code(201).send(await validateNow(ctx, actor, row.id));
      return reply.code(202).send(await startRun(ctx, actor, row.id));
    },
  );

  app.get(
    '/imports',
    {
      config: { permission: 'contacts.edit' },
      schema: {
        tags,
        summary: 'Import history: who, when, which file, what it did',
        querystring: ImportListQuery,
        response: { 200: ImportPage },
      },
    },
    async (req) => listImports(ctx, actorOf(req), req.query),
  );

  app.get(
    '/imports/:id',
    {
      config: { permission: 'contacts.edit' },
      schema: {
        tags,
        summary: 'One import with its progress, counts and validation report',
        params: IdParams,
        response: { 200: Import },
      },
    },
    async (req) => getImport(ctx, actorOf(req), req.params.id),
  );

  app.patch(
    '/imports/:id',
    {
      config: { permission: 'contacts.edit' },
      schema: {
        tags,
        summary: 'Choose the sheet, target, column mapping, duplicate strategy and options (before it runs)',
        params: IdParams,
        body: UpdateImportBody,
        response: { 200: Import },
      },
    },
    async (req) => updateImportSetup(ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/imports/:id/validate',
    {
      config: { permission: 'contacts.edit' },
      schema: {
        tags,
        summary: 'Dry run: check every row and report problems by row and column; nothing is written',
        params: IdParams,
        response: { 202: Import },
      },
    },
    async (req, reply) => reply.code(202).send(await startValidation(ctx, actorOf(req), req.params.id)),
  );

  app.post(
    '/imports/:id/run',
    {
      config: { permission: 'contacts.edit' },
      schema: {
        tags,
        summary: 'Run the import in the background (progress in GET /imports/:id)',
        params: IdParams,
        response: { 202: Import },
      },
    },
    async (req, reply) => reply.code(202).send(await startRun(ctx, actorOf(req), req.params.id)),
  );

  app.post(
    '/imports/:id/cancel',
    {
      config: { permission: 'contacts.edit' },
      schema: {
        tags,
        summary: 'Stop after the batch in progress (what was written stays and can be undone)',
        params: IdParams,
        response: { 200: Import },
      },
    },
    async (req) => cancelImport(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/imports/:id/undo',
    {
      config: { permission: 'contacts.edit' },
      schema: {
        tags,
        summary: 'Undo: remove what the import created and restore what it updated',
        params: IdParams,
        response: { 202: Import },
      },
    },
    async (req, reply) => reply.code(202).send(await startUndo(ctx, actorOf(req), req.params.id)),
  );

  app.post(
    '/imports/:id/retry',
    {
      config: { permission: 'contacts.edit' },
      schema: {
        tags,
        summary:
          'Retry a failed import: a stopped run continues after its last committed batch, a stopped undo finishes',
        params: IdParams,
        response: { 202: Import },
      },
    },
    async (req, reply) => reply.code(202).send(await retryImport(ctx, actorOf(req), req.params.id)),
  );

  app.get(
    '/imports/:id/failed-rows',
    {
      config: { permission: 'contacts.edit' },
      schema: {
        tags,
        summary: 'The rows that failed, with the reason, as CSV',
        params: IdParams,
        response: { 200: z.string().describe('CSV (text/csv)') },
      },
    },
    async (req, reply) => {
      const { stream, fileName } = await failedRowsCsv(ctx, actorOf(req), req.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${encodeURIComponent(fileName)}"`)
        .send(stream as never);
    },
  );
};
