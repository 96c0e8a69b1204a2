import { z } from 'zod';
import { defineEvent, type EventsOf, type RealtimeRule } from '../events/event-catalog.js';

const imports: RealtimeRule = { permission: 'contacts.edit' };
const exports: RealtimeRule = { permission: 'contacts.export' };
const entity = z.string().describe('What is imported or exported: contacts, companies, deals, activities');

/** An import's step taken by a member (created, mapped, started, cancelled). */
const importChange = z.strictObject({
  entity,
  fileName: z.string(),
  format: z.string().optional(),
  fileSize: z.number().int().optional(),
  mapping: z.unknown().optional(),
  options: z.unknown().optional(),
});
/** An import's run ended. */
const importEnded = z.strictObject({ entity, status: z.string() });
const exportChange = z.strictObject({ entity, format: z.string(), rowCount: z.number().int().optional() });

const importEvent = <P extends z.ZodType>(summary: string, payload: P) =>
  defineEvent({ summary, entity: 'import', payload, realtime: imports });
const exportEvent = (summary: string) =>
  defineEvent({ summary, entity: 'export', payload: exportChange, realtime: exports });

/** The import-export module's events: the steps of imports and exports (never on a timeline). */
export const importExportEvents = {
  'import.created': importEvent('A file was uploaded for import', importChange),
  'import.updated': importEvent("An import's mapping or options changed", importChange),
  'import.validation_started': importEvent('A dry run of an import started', importChange),
  'import.started': importEvent('An import started writing', importChange),
  'import.undo_started': importEvent('An undo of an import started', importChange),
  'import.cancelled': importEvent('An import was cancelled', importChange),
  'import.completed': importEvent('An import finished', importEnded),
  'import.failed': importEvent('An import stopped on an error (rows done so far are kept)', importEnded),
  'import.undone': importEvent('An import was undone', importEnded),
  'import.retried': importEvent(
    'A failed import was retried (it continues after its last committed batch)',
    importEnded,
  ),
  'export.created': exportEvent('An export was queued'),
  'export.streamed': exportEvent('An export was streamed straight to a download'),
  'export.completed': exportEvent("An export's file is ready"),
};

declare module '../events/event-catalog.js' {
  interface DomainEventMap extends EventsOf<typeof importExportEvents> {}
}
