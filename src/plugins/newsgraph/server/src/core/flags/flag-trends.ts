/**
 * The desk's trends, shaped from what the database aggregates (services/flag-trends.ts): the window
 * of days a request asks for, every day of it filled (a day with no flags is a zero, not a gap), the
 * median time to resolution from the middle values, and the speakers with the most verdicts.
 */
import type { FlagTrends, SpeakerVerdicts, TrendDay } from '../../contracts/trends';
import { VERDICTS, type Verdict } from './flag-types';
import { InputError } from '../input-error';

export const DAY_MS = 86_400_000;
export const DEFAULT_TREND_DAYS = 30;
export const MAX_TREND_DAYS = 90;
/** UTC-12:00 to UTC+14:00, in minutes east of UTC. */
export const MAX_UTC_OFFSET = 14 * 60;
export const TOP_SPEAKERS = 8;

export interface TrendsQuery {
  days: number;
  /** Minutes east of UTC of the reader's clock (UTC+01:00 is 60): where their days begin. */
  utcOffset: number;
}

/** `?days=30&utcOffset=60`; both optional. @throws InputError naming the bad parameter */
export function readTrendsQuery(query: Record<string, unknown>): TrendsQuery {
  const integer = (key: string, fallback: number, min: number, max: number): number => {
    const value = query[key];
    if (value === undefined || value === '') return fallback;
    const number = typeof value === 'string' && /^-?[0-9]{1,4}$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(number) || number < min || number > max) throw new InputError(key, `${key} must be an integer from ${min} to ${max}`);
    return number;
  };
  return { days: integer('days', DEFAULT_TREND_DAYS, 1, MAX_TREND_DAYS), utcOffset: integer('utcOffset', 0, -12 * 60, MAX_UTC_OFFSET) };
}

export interface TrendWindow {
  days: number;
  utcOffset: number;
  /** Day numbers (days since 1970-01-01 on the reader's clock) of the first and last day, today included. */
  firstDay: number;
  lastDay: number;
  /** The instant the first day begins. */
  since: Date;
  /** What to add to a UTC instant in milliseconds before dividing by DAY_MS to get its day number. */
  offsetMs: number;
}

export function trendWindow(now: Date, query: TrendsQuery): TrendWindow {
  const offsetMs = query.utcOffset * 60_000;
  const lastDay = Math.floor((now.getTime() + offsetMs) / DAY_MS);
  const firstDay = lastDay - query.days + 1;
  return { days: query.days, utcOffset: query.utcOffset, firstDay, lastDay, since: new Date(firstDay * DAY_MS - offsetMs), offsetMs };
}

/** `YYYY-MM-DD` of a day number. */
export const dayLabel = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * Where the median sits in `count` values sorted ascending: skip `offset`, read `limit` (two for an
 * even count, whose median is their mean). Lets a database without a median function read just
 * the middle of an ordered scan.
 */
export function medianSlice(count: number): { offset: number; limit: number } | null {
  if (count <= 0) return null;
  return { offset: Math.floor((count - 1) / 2), limit: count % 2 === 0 ? 2 : 1 };
}

/** The median of the middle value(s) `medianSlice` read, or of any list of values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const slice = medianSlice(sorted.length)!;
  const middle = sorted.slice(slice.offset, slice.offset + slice.limit);
  return middle.reduce((sum, value) => sum + value, 0) / middle.length;
}

/** One aggregated row: how many flags of a series fell on a day. */
export interface DayCountRow {
  day: number;
  series: 'opened' | 'resolved' | 'dismissed';
  count: number;
}

/** Distinct statements given one verdict, for one speaker (null: no resolved speaker). */
export interface SpeakerVerdictRow {
  speaker: string | null;
  name: string | null;
  verdict: string;
  count: number;
}

const noVerdicts = (): Record<Verdict, number> => Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<Verdict, number>;

/** The speakers with the most verdicts, most first (then by name), each with a count per verdict. */
export function topSpeakers(rows: readonly SpeakerVerdictRow[], limit = TOP_SPEAKERS): SpeakerVerdicts[] {
  const bySpeaker = new Map<string, SpeakerVerdicts>();
  for (const row of rows) {
    if (!(VERDICTS as readonly string[]).includes(row.verdict) || row.count <= 0) continue;
    const key = row.speaker ?? '';
    const entry = bySpeaker.get(key) ?? { documentId: row.speaker, name: row.speaker ? row.name : null, total: 0, verdicts: noVerdicts() };
    entry.verdicts[row.verdict as Verdict] += row.count;
    entry.total += row.count;
    bySpeaker.set(key, entry);
  }
  return [...bySpeaker.values()]
    .sort((a, b) => b.total - a.total || (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff') || (a.documentId ?? '').localeCompare(b.documentId ?? ''))
    .slice(0, limit);
}

/**
 * The answer of the trends route: every day of the window in order, rows outside it ignored (a
 * clock a little ahead of the database's), the totals, the median and the top speakers.
 */
export function shapeTrends(window: TrendWindow, input: { dayCounts: readonly DayCountRow[]; medianMs: number | null; resolved: number; speakerRows: readonly SpeakerVerdictRow[] }): FlagTrends {
  const days: TrendDay[] = [];
  for (let day = window.firstDay; day <= window.lastDay; day += 1) days.push({ date: dayLabel(day), opened: 0, resolved: 0, dismissed: 0 });
  const totals = { opened: 0, resolved: 0, dismissed: 0 };
  for (const row of input.dayCounts) {
    const index = row.day - window.firstDay;
    if (index < 0 || index >= days.length) continue;
    days[index]![row.series] += row.count;
    totals[row.series] += row.count;
  }
  return {
    window: { from: dayLabel(window.firstDay), to: dayLabel(window.lastDay), days: window.days, utcOffset: window.utcOffset },
    days,
    totals,
    resolution: { medianMs: input.resolved > 0 ? input.medianMs : null, resolved: input.resolved },
    speakers: topSpeakers(input.speakerRows),
  };
}
