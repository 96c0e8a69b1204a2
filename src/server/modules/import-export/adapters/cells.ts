import type { CustomField } from '../../../../shared/contracts/contacts-config.js';
import type { ImportIssue } from '../../../../shared/contracts/import-export.js';
import { parseDate, parseDateTime, type DateOrder } from '../values/dates.js';
import { looseKey, parseBoolean, parseMoney, parseNumber, splitList } from '../values/scalars.js';

/** Exports write ' before cells starting with = + - @ (so spreadsheets do not run them); reading one back drops it. */
export function unneutralize(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/**
 * Reads mapped fields out of a row's cells, converting text to typed values and collecting one
 * issue per problem with the column it came from (the row keeps going; the issue decides later).
 */
export class CellReader {
  private readonly columns = new Map<string, number[]>();

  constructor(
    private readonly headers: string[],
    mapping: Array<string | null>,
    readonly dateOrder: DateOrder,
    private readonly zoneOffset: (isoDate: string) => number,
  ) {
    mapping.forEach((field, i) => {
      if (field) this.columns.set(field, [...(this.columns.get(field) ?? []), i]);
    });
  }

  isMapped(field: string): boolean {
    return this.columns.has(field);
  }

  mappedFields(): string[] {
    return [...this.columns.keys()];
  }

  /** The header of the (first) column a field comes from, for issues. */
  columnOf(field: string): string | null {
    const i = this.columns.get(field)?.[0];
    return i === undefined ? null : this.headers[i] || `Column ${i + 1}`;
  }

  /** The first non-empty cell mapped to the field, trimmed; undefined when there is none. */
  text(cells: string[], field: string): string | undefined {
    for (const i of this.columns.get(field) ?? []) {
      const v = cells[i] ? unneutralize(cells[i].trim()) : '';
      if (v) return v;
    }
    return undefined;
  }

  /** Every value of every column mapped to the field, split by `split`. */
  list(cells: string[], field: string, split: (s: string) => string[] = splitList): string[] {
    const out: string[] = [];
    for (const i of this.columns.get(field) ?? [])
      if (cells[i]?.trim()) out.push(...split(unneutralize(cells[i].trim())));
    return out;
  }

  issue(line: number, field: string, problem: string): ImportIssue {
    return { row: line, column: this.columnOf(field), problem };
  }

  date(cells: string[], field: string, issues: ImportIssue[], line: number): string | undefined {
    const raw = this.text(cells, field);
    if (raw === undefined) return undefined;
    const v = parseDate(raw, this.dateOrder);
    if (!v) issues.push(this.issue(line, field, `"${raw}" is not a date (use e.g. 2026-01-31 or 31/01/2026)`));
    return v ?? undefined;
  }

  dateTime(cells: string[], field: string, issues: ImportIssue[], line: number): string | undefined {
    const raw = this.text(cells, field);
    if (raw === undefined) return undefined;
    const v = parseDateTime(raw, this.dateOrder, this.zoneOffset);
    if (!v) issues.push(this.issue(line, field, `"${raw}" is not a date and time (use e.g. 2026-01-31 14:30)`));
    return v ?? undefined;
  }

  number(cells: string[], field: string, issues: ImportIssue[], line: number): number | undefined {
    const raw = this.text(cells, field);
    if (raw === undefined) return undefined;
    const v = parseNumber(raw);
    if (v === undefined) issues.push(this.issue(line, field, `"${raw}" is not a number`));
    return v;
  }

  money(cells: string[], field: string, digits: number, issues: ImportIssue[], line: number): number | undefined {
    const raw = this.text(cells, field);
    if (raw === undefined) return undefined;
    const v = parseMoney(raw, digits);
    if (v === undefined || v < 0) issues.push(this.issue(line, field, `"${raw}" is not an amount`));
    return v;
  }

  boolean(cells: string[], field: string, issues: ImportIssue[], line: number): boolean | undefined {
    const raw = this.text(cells, field);
    if (raw === undefined) return undefined;
    const v = parseBoolean(raw);
    if (v === undefined) issues.push(this.issue(line, field, `"${raw}" is not yes or no`));
    return v;
  }

  /** Custom field values typed by their definitions (choices matched by value or label). */
  custom(
    cells: string[],
    defs: CustomField[],
    currencyDigits: number,
    issues: ImportIssue[],
    line: number,
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const def of defs) {
      const field = `custom.${def.key}`;
      if (!this.isMapped(field)) continue;
      const raw = this.text(cells, field);
      if (raw === undefined) continue;
      const choice = (s: string) =>
        def.choices.find((c) => looseKey(c.value) === looseKey(s) || looseKey(c.label) === looseKey(s))?.value ?? s;
      switch (def.type) {
        case 'number':
          out[def.key] = this.number(cells, field, issues, line);
          break;
        case 'money':
          out[def.key] = this.money(cells, field, currencyDigits, issues, line);
          break;
        case 'date':
          out[def.key] = this.date(cells, field, issues, line);
          break;
        case 'boolean':
          out[def.key] = this.boolean(cells, field, issues, line);
          break;
        case 'select':
          out[def.key] = choice(raw);
          break;
        case 'multi_select':
          out[def.key] = this.list(cells, field).map(choice);
          break;
        default:
          out[def.key] = raw;
      }
      if (out[def.key] === undefined) delete out[def.key];
    }
    return out;
  }
}
