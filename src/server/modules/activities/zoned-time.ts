/** Calendar arithmetic in a workspace's time zone ("today" for a school in Jakarta is not UTC's). */

function parts(date: Date, timeZone: string) {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const p = Object.fromEntries(fmt.formatToParts(date).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
  };
}

/** Milliseconds the zone's wall clock is ahead of UTC at `date`. */
function offsetMs(date: Date, timeZone: string): number {
  const p = parts(date, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(date.getTime() / 1000) * 1000;
}

export function localHour(date: Date, timeZone: string): number {
  return parts(date, timeZone).hour;
}

/** YYYY-MM-DD of `date` in the zone. */
export function localDate(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The instant local midnight starts the day containing `date` (DST-safe: re-checks the offset). */
export function startOfLocalDay(date: Date, timeZone: string): Date {
  const p = parts(date, timeZone);
  const wallMidnight = Date.UTC(p.year, p.month - 1, p.day);
  let guess = new Date(wallMidnight - offsetMs(date, timeZone));
  guess = new Date(wallMidnight - offsetMs(guess, timeZone));
  return guess;
}

/** [start, end) of the local day containing `date`, as ISO strings. */
export function localDayRange(date: Date, timeZone: string): { start: string; end: string } {
  const start = startOfLocalDay(date, timeZone);
  const end = startOfLocalDay(new Date(start.getTime() + 36 * 3600_000), timeZone);
  return { start: start.toISOString(), end: end.toISOString() };
}
