import type { ImportIssue, ImportOptions } from '../../../../shared/contracts/import-export.js';
import type { Actor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/context.js';
import {
  insertActivityBatch,
  prepareActivity,
  recordActivityBatch,
  undoActivityBatch,
  type ActivityImportContext,
} from '../../activities/activities-bulk.service.js';
import type { ContactImportContext } from '../../contacts/contacts-bulk.service.js';
import type { CellReader } from './cells.js';
import { resolveRowContacts } from './references.js';
import { emptyWritten, type EntityImporter, type PlannedRow } from './types.js';

export interface ActivityImporterEnv {
  ctx: AppContext;
  actor: Actor;
  options: ImportOptions;
  reader: CellReader;
  ictx: ContactImportContext;
  actx: ActivityImportContext;
}

type ActivityRecord = Exclude<ReturnType<typeof prepareActivity>, unknown[]>;
const STATUS: Record<string, 'done' | 'scheduled'> = {
  done: 'done',
  selesai: 'done',
  completed: 'done',
  logged: 'done',
  scheduled: 'scheduled',
  terjadwal: 'scheduled',
  planned: 'scheduled',
  rencana: 'scheduled',
};

/** Activities always create; each names its contact by email, phone or external id. */
export function activityImporter(env: ActivityImporterEnv): EntityImporter<{ prepared: Array<ActivityRecord | null> }> {
  const { ctx, actor, reader: r } = env;
  return {
    async plan(rows) {
      const issues: ImportIssue[][] = rows.map(() => []);
      const contactIds = await resolveRowContacts(ctx.db, env.ictx, r, rows, env.options.externalSystem, issues);
      const now = ctx.clock.now();
      const prepared = rows.map((row, i) => {
        const c = row.cells;
        const statusText = r.text(c, 'status');
        const status = statusText === undefined ? undefined : STATUS[statusText.toLowerCase()];
        if (statusText !== undefined && !status)
          issues[i].push(r.issue(row.line, 'status', `Status must be done or scheduled, not "${statusText}"`));
        const duration = r.number(c, 'durationMinutes', issues[i], row.line);
        const draft = {
          type: r.text(c, 'type'),
          contactId: contactIds[i],
          title: r.text(c, 'title'),
          description: r.text(c, 'description'),
          status,
          occurredAt: r.dateTime(c, 'occurredAt', issues[i], row.line),
          durationMinutes: duration === undefined ? undefined : Math.round(duration),
          outcome: r.text(c, 'outcome')?.toLowerCase().replace(/\s+/g, '_'),
          outcomeNote: r.text(c, 'outcomeNote'),
          nextAction: r.text(c, 'nextAction'),
          nextActionAt: r.dateTime(c, 'nextActionAt', issues[i], row.line),
        };
        const result = prepareActivity(env.actx, actor, draft, now);
        if (Array.isArray(result)) {
          const column = (f: string) =>
            f === 'contact'
              ? (['contactEmail', 'contactPhone', 'contactExternalId'].find((k) => r.isMapped(k)) ?? 'contactEmail')
              : f;
          // a row whose contact was named but not found already says so
          issues[i].push(
            ...result
              .filter((p) => !(p.field === 'contact' && issues[i].length))
              .map((p) => r.issue(row.line, column(p.field), p.message)),
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
      const ids = await insertActivityBatch(
        ctx,
        trx,
        actor,
        indexes.map((i) => state.prepared[i]!),
        now,
      );
      const written = emptyWritten();
      indexes.forEach((index) => written.outcomes.set(index, 'created'));
      written.createdIds = ids;
      return written;
    },

    async record(trx, ref, written, now) {
      await recordActivityBatch(trx, actor, ref, written.createdIds.length, now);
    },

    async undo(trx, ref, data, now) {
      const { removed } = await undoActivityBatch(ctx, trx, actor, ref, data.createdIds, now);
      return { removed, restored: 0, conflicts: 0 };
    },
  };
}
