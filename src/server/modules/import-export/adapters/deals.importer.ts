import type { ImportIssue, ImportOptions } from '../../../../shared/contracts/import-export.js';
import type { Actor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { companyIdsByNames, type ContactImportContext } from '../../contacts/contacts-bulk.service.js';
import {
  insertDeals,
  prepareDeal,
  recordDealBatch,
  undoDealBatch,
  type DealImportContext,
  type PreparedDeal,
} from '../../pipelines/pipelines-bulk.service.js';
import { currencyDigits } from '../values/scalars.js';
import type { CellReader } from './cells.js';
import { resolveRowContacts } from './references.js';
import { emptyWritten, type EntityImporter, type PlannedRow } from './types.js';

/** How a deal field is named in problems when no column of the file holds it. */
const FIELD_NAMES: Record<string, string> = {
  closeReason: 'Won/lost reason',
  valueMinor: 'Value',
  expectedCloseDate: 'Expected close date',
  contactId: 'Contact',
  companyId: 'Company',
  ownerId: 'Owner',
  title: 'Title',
};

export interface DealImporterEnv {
  ctx: AppContext;
  actor: Actor;
  options: ImportOptions;
  reader: CellReader;
  ictx: ContactImportContext;
  dctx: DealImportContext;
}

/** Deals always create (no duplicate matching); each row enters its stage under the pipeline's rules. */
export function dealImporter(env: DealImporterEnv): EntityImporter<{ prepared: Array<PreparedDeal | null> }> {
  const { ctx, actor, reader: r, dctx } = env;
  const digits = currencyDigits(dctx.pipeline.currency);
  return {
    async plan(rows) {
      const issues: ImportIssue[][] = rows.map(() => []);
      const contactIds = await resolveRowContacts(ctx.db, env.ictx, r, rows, env.options.externalSystem, issues);
      const companyNames = rows.map((row) => r.text(row.cells, 'company'));
      const companies = await companyIdsByNames(
        ctx.db,
        actor.workspaceId,
        companyNames.filter((n): n is string => Boolean(n)),
      );
      const prepared = rows.map((row, i) => {
        const c = row.cells;
        const company = companyNames[i];
        const companyId = company ? companies.get(company.toLowerCase()) : undefined;
        if (company && !companyId) issues[i].push(r.issue(row.line, 'company', `No company named "${company}"`));
        const draft = {
          title: r.text(c, 'title'),
          valueMinor: r.money(c, 'value', digits, issues[i], row.line),
          stage: r.text(c, 'stage'),
          probability: r.number(c, 'probability', issues[i], row.line),
          expectedCloseDate: r.date(c, 'expectedCloseDate', issues[i], row.line),
          contactId: contactIds[i] ?? null,
          companyId: companyId ?? null,
          owner: r.text(c, 'owner'),
          source: r.text(c, 'source'),
          tags: r.list(c, 'tags'),
          custom: {},
          closeReason: r.text(c, 'closeReason'),
        };
        const result = prepareDeal(dctx, actor.workspaceId, draft);
        if (Array.isArray(result)) {
          const column = (f: string) =>
            f === 'valueMinor'
              ? 'value'
              : f === 'contactId'
                ? (['contactEmail', 'contactPhone', 'contactExternalId'].find((k) => r.isMapped(k)) ?? 'contactEmail')
                : f === 'companyId'
                  ? 'company'
                  : f === 'ownerId'
                    ? 'owner'
                    : f;
          issues[i].push(
            ...result.map((p) =>
              r.isMapped(column(p.field))
                ? r.issue(row.line, column(p.field), p.message)
                : { row: row.line, column: null, problem: `${FIELD_NAMES[p.field] ?? p.field}: ${p.message}` },
            ),
          );
        }
        return issues[i].length || Array.isArray(result) ? null : result;
      });
      const planned: PlannedRow[] = rows.map((row, i) => ({
        line: row.line,
        cells: row.cells,
        unit: i,
        status: prepared[i] ? 'create' : 'invalid',
        issues: issues[i],
      }));
      return { rows: planned, state: { prepared } };
    },

    async write(trx, state, indexes, now) {
      const items = indexes.map((i) => state.prepared[i]!);
      const ids = await insertDeals(ctx, trx, actor, dctx, items, now);
      const written = emptyWritten();
      indexes.forEach((index) => written.outcomes.set(index, 'created'));
      written.createdIds = ids;
      return written;
    },

    async record(trx, ref, written, now) {
      await recordDealBatch(ctx, trx, actor, ref, written.createdIds.length, dctx.pipeline.id, now);
    },

    async undo(trx, ref, data, now) {
      const { removed } = await undoDealBatch(ctx, trx, actor, ref, data.createdIds, now);
      return { removed, restored: 0, conflicts: 0 };
    },
  };
}
