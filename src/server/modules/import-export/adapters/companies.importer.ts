import type { CustomField } from '../../../../shared/contracts/contacts-config.js';
import type { ImportIssue, ImportOptions } from '../../../../shared/contracts/import-export.js';
import type { Actor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/context.js';
import {
  planCompanyBatch,
  prepareCompany,
  recordCompanyBatch,
  undoCompanyBatch,
  writeCompanyPlans,
  type CompanyRowPlan,
  type ContactImportContext,
} from '../../contacts/contacts-bulk.service.js';
import type { CellReader } from './cells.js';
import { emptyWritten, type EntityImporter, type PlannedRow } from './types.js';

export interface CompanyImporterEnv {
  ctx: AppContext;
  actor: Actor;
  options: ImportOptions;
  reader: CellReader;
  /** Members and region come from the contacts import context. */
  ictx: ContactImportContext;
  customFields: CustomField[];
  currencyDigits: number;
}

const ADDRESS_KEYS = ['line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;

export function companyImporter(env: CompanyImporterEnv): EntityImporter<{ plans: CompanyRowPlan[] }> {
  const { ctx, actor, reader: r } = env;
  return {
    async plan(rows) {
      const conversion: ImportIssue[][] = rows.map(() => []);
      const items = rows.map((row, i) => {
        const c = row.cells;
        const address: Record<string, string> = {};
        for (const key of ADDRESS_KEYS) {
          const v = r.text(c, `address.${key}`);
          if (v) address[key] = v.slice(0, 200);
        }
        const draft = {
          name: r.text(c, 'name'),
          domain: r.text(c, 'domain'),
          industry: r.text(c, 'industry'),
          size: r.text(c, 'size'),
          owner: r.text(c, 'owner'),
          address,
          custom: r.custom(c, env.customFields, env.currencyDigits, conversion[i], row.line),
        };
        const prepared = prepareCompany(draft, {
          members: env.ictx.members,
          customFields: env.customFields,
          region: env.ictx.region,
        });
        if (Array.isArray(prepared)) conversion[i].push(...prepared.map((p) => r.issue(row.line, p.field, p.message)));
        return conversion[i].length ? [] : prepared;
      });
      const plans = await planCompanyBatch(ctx.db, actor.workspaceId, items, env.options.duplicateStrategy);
      const planned: PlannedRow[] = rows.map((row, i) => {
        const plan = plans[i];
        const base = { line: row.line, cells: row.cells, unit: i };
        if (plan.kind === 'invalid') return { ...base, status: 'invalid', issues: conversion[i] };
        if (plan.kind === 'skip')
          return { ...base, status: 'skip', issues: [{ row: row.line, column: null, problem: plan.reason }] };
        return { ...base, status: plan.kind, issues: [] };
      });
      return { rows: planned, state: { plans } };
    },

    async write(trx, state, indexes, now) {
      const result = await writeCompanyPlans(
        trx,
        actor,
        indexes.map((index) => ({ index, plan: state.plans[index] })),
        now,
      );
      const written = emptyWritten();
      for (const index of indexes) written.outcomes.set(index, result.createdIds.has(index) ? 'created' : 'updated');
      written.createdIds = [...result.createdIds.values()];
      written.images = result.images;
      return written;
    },

    async record(trx, ref, written, now) {
      await recordCompanyBatch(
        ctx,
        trx,
        actor,
        ref,
        { created: written.createdIds.length, updated: written.images.length },
        now,
      );
    },

    async undo(trx, ref, data, now) {
      return undoCompanyBatch(
        ctx,
        trx,
        actor,
        ref,
        {
          createdIds: data.createdIds,
          images: data.images as Array<{ id: string; versionAfter: number; columns: Record<string, unknown> }>,
        },
        now,
      );
    },
  };
}
