/** Ids are UUIDs; anything else cannot match a row (and PostgreSQL would reject it as a uuid). */
export function isId(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
