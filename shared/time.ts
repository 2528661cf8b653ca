/**
 * Dates and times as the office sees them. Instants are epoch milliseconds (UTC); calendar dates are
 * 'YYYY-MM-DD' strings in the office's time zone. All date arithmetic happens on the strings, so a
 * deadline never depends on the machine's own zone setting.
 *
 * @example
 * localDateOf(Date.UTC(2026, 10, 27, 17, 0), 'Asia/Shanghai') // '2026-11-28'
 * endOfLocalDay('2026-11-28', 'Asia/Shanghai')                 // instant of 2026-11-28 24:00 in Shanghai
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
export const DAY_MS = 86_400_000;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

export interface LocalParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

export function localParts(ms: number, timeZone: string): LocalParts {
  const out: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? 0,
    month: out.month ?? 0,
    day: out.day ?? 0,
    hour: out.hour ?? 0,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function localDateOf(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

function dateToUtcMs(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

export function addDays(date: string, days: number): string {
  return new Date(dateToUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday */
export function weekdayOf(date: string): number {
  return new Date(dateToUtcMs(date)).getUTCDay();
}

export function daysBetween(from: string, to: string): number {
  return Math.round((dateToUtcMs(to) - dateToUtcMs(from)) / DAY_MS);
}

/** The instant at which the local wall clock shows the given date and time. */
export function instantOf(date: string, timeZone: string, hour = 0, minute = 0): number {
  const wall = dateToUtcMs(date) + (hour * 60 + minute) * 60_000;
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const p = localParts(guess, timeZone);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    const diff = shown - wall;
    if (diff === 0) break;
    guess -= diff;
  }
  return guess;
}

export function startOfLocalDay(date: string, timeZone: string): number {
  return instantOf(date, timeZone);
}

/** A period's last day "ends at 24:00": the instant the next day starts. */
export function endOfLocalDay(date: string, timeZone: string): number {
  return instantOf(addDays(date, 1), timeZone);
}

export function formatDateTime(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** Official-document style: Arabic numerals, year in full, no padding (2026年11月8日). */
export function formatChineseDate(date: string): string {
  const m = DATE_RE.exec(date);
  if (!m) return date;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Parses 'YYYY-MM-DD HH:mm' (or a bare date) typed in the office's zone. */
export function parseLocalDateTime(text: string, timeZone: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (!m || !m[1] || !isIsoDate(m[1])) return null;
  const hour = m[2] ? Number(m[2]) : 0;
  const minute = m[3] ? Number(m[3]) : 0;
  if (hour > 23 || minute > 59) return null;
  return instantOf(m[1], timeZone, hour, minute);
}
