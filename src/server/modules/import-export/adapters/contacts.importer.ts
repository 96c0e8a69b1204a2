import type { ImportIssue, ImportOptions } from '../../../../shared/contracts/import-export.js';
import type { Actor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/context.js';
import {
  planContactBatch,
  prepareContact,
  recordContactBatch,
  refreshContactImportTags,
  undoContactBatch,
  writeContactPlans,
  type ContactBeforeImage,
  type ContactDraft,
  type ContactImportContext,
  type ContactRowPlan,
  type DraftProblem,
} from '../../contacts/contacts-bulk.service.js';
import type { SourceRow } from '../parsing/row-source.js';
import { parseGender, splitPhones } from '../values/scalars.js';
import type { CellReader } from './cells.js';
import { emptyWritten, type EntityImporter, type PlannedRow } from './types.js';

const LANGUAGES: Record<string, string> = {
  indonesian: 'id',
  indonesia: 'id',
  'bahasa indonesia': 'id',
  english: 'en',
  inggris: 'en',
  'bahasa inggris': 'en',
  arabic: 'ar',
  arab: 'ar',
  javanese: 'jv',
  jawa: 'jv',
  sundanese: 'su',
  sunda: 'su',
  chinese: 'zh',
  mandarin: 'zh',
};
const ADDRESS_KEYS = ['line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;

/** Where a problem of a draft field shows up in the file. */
const COLUMN_FIELD: Record<string, string[]> = {
  emails: ['email'],
  phones: ['phone'],
  firstName: ['fullName', 'firstName', 'lastName'],
};

export interface ContactImporterEnv {
  ctx: AppContext;
  actor: Actor;
  options: ImportOptions;
  reader: CellReader;
  ictx: ContactImportContext;
  currencyDigits: number;
}

function draftOf(env: ContactImporterEnv, row: SourceRow, issues: ImportIssue[]): ContactDraft {
  const { reader: r, options } = env;
  const c = row.cells;
  const address: Record<string, string> = {};
  for (const key of ADDRESS_KEYS) {
    const v = r.text(c, `address.${key}`);
    if (v) address[key] = v.slice(0, key === 'postalCode' ? 20 : 200);
  }
  const gender = r.text(c, 'gender');
  const parsedGender = gender === undefined ? undefined : parseGender(gender);
  if (gender !== undefined && !parsedGender)
    issues.push(r.issue(row.line, 'gender', `"${gender}" is not a gender (female, male, other)`));
  const language = r.text(c, 'preferredLanguage');
  return {
    firstName: r.text(c, 'firstName'),
    lastName: r.text(c, 'lastName'),
    fullName: r.text(c, 'fullName'),
    emails: r.list(c, 'email', (s) => s.split(/\s*(?::::|[;,\s])\s*/).filter(Boolean)),
    phones: r.list(c, 'phone', splitPhones),
    typeKey: r.text(c, 'typeKey') ?? options.defaultTypeKey ?? undefined,
    sourceKey: r.text(c, 'sourceKey') ?? options.defaultSourceKey ?? undefined,
    owner: r.text(c, 'owner'),
    team: r.text(c, 'team')?.slice(0, 100),
    company: r.text(c, 'company'),
    address: Object.keys(address).length ? address : undefined,
    birthday: r.date(c, 'birthday', issues, row.line),
    gender: parsedGender,
    preferredLanguage:
      language === undefined ? undefined : (LANGUAGES[language.toLowerCase()] ?? language.toLowerCase()),
    doNotContact: r.boolean(c, 'doNotContact', issues, row.line),
    tags: [...r.list(c, 'tags'), ...options.addTags],
    custom: r.custom(c, env.ictx.customFields, env.currencyDigits, issues, row.line),
    externalId: r.text(c, 'externalId')?.slice(0, 200),
  };
}

function toIssues(reader: CellReader, line: number, problems: DraftProblem[]): ImportIssue[] {
  return problems.map((p) => {
    const fields = COLUMN_FIELD[p.field] ?? [p.field];
    const field = fields.find((f) => reader.isMapped(f)) ?? fields[0];
    return reader.issue(line, field, p.message);
  });
}

interface State {
  plans: ContactRowPlan[];
}

export function contactImporter(env: ContactImporterEnv): EntityImporter<State> {
  const { ctx, actor, options, reader } = env;
  const planOptions = {
    strategy: options.duplicateStrategy,
    matchBy: options.matchBy,
    externalSystem: options.externalSystem,
  };
  return {
    async plan(rows) {
      await refreshContactImportTags(ctx.db, env.ictx);
      const conversion: ImportIssue[][] = rows.map(() => []);
      const items = rows.map((row, i) => {
        const prepared = prepareContact(env.ictx, draftOf(env, row, conversion[i]));
        if (conversion[i].length) return Array.isArray(prepared) ? prepared : [];
        return prepared;
      });
      const plans = await planContactBatch(ctx.db, env.ictx, items, planOptions);
      const planned: PlannedRow[] = rows.map((row, i) => {
        const plan = plans[i];
        const base = { line: row.line, cells: row.cells, unit: plan.kind === 'merge' ? plan.into : i };
        if (plan.kind === 'invalid')
          return {
            ...base,
            status: 'invalid',
            issues: [...conversion[i], ...toIssues(reader, row.line, plan.problems)],
          };
        if (plan.kind === 'skip')
          return { ...base, status: 'skip', issues: [{ row: row.line, column: null, problem: plan.reason }] };
        return { ...base, status: plan.kind, issues: [] };
      });
      return { rows: planned, state: { plans } };
    },

    async write(trx, state, indexes, now) {
      const result = await writeContactPlans(
        trx,
        actor,
        env.ictx,
        indexes.map((index) => ({ index, plan: state.plans[index] })),
        options.externalSystem,
        now,
      );
      const written = emptyWritten();
      for (const index of indexes) {
        const plan = state.plans[index];
        if (result.createdIds.has(index)) written.outcomes.set(index, 'created');
        else if (result.updatedIndexes.has(index) || plan.kind === 'merge') written.outcomes.set(index, 'updated');
      }
      written.createdIds = [...result.createdIds.values()];
      written.extraCreated = { companies: result.companyIds, tags: result.tagIds };
      written.images = result.images;
      return written;
    },

    async record(trx, ref, written, now) {
      const counts = {
        created: written.createdIds.length,
        updated: written.images.length,
        companiesCreated: written.extraCreated.companies?.length ?? 0,
        updatedIds: (written.images as ContactBeforeImage[]).map((i) => i.id),
      };
      await recordContactBatch(ctx, trx, actor, ref, counts, now);
    },

    async undo(trx, ref, data, now) {
      return undoContactBatch(
        ctx,
        trx,
        actor,
        ref,
        {
          createdIds: data.createdIds,
          companyIds: data.extraCreated.companies ?? [],
          images: data.images as ContactBeforeImage[],
        },
        now,
      );
    },
  };
}
