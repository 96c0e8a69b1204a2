/**
 * The database's table types. Each module adds its own tables by declaration merging
 * (`declare module '../../db/schema.js' { interface DB { ... } }` in its `*.tables.ts`), so this
 * file never becomes everyone's merge conflict. Column names are snake_case, as in SQL.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DB {}

/** ISO-8601 UTC timestamp with milliseconds, e.g. 2026-11-22T01:38:52.123Z (both dialects). */
export type Timestamp = string;
/** Calendar date, YYYY-MM-DD. */
export type DateOnly = string;
