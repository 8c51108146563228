/**
 * The desk's trends (`GET /newsgraph/flags/trends`), shared by the server and the admin: how the
 * review queue moved over the last days. Types only.
 */
import type { Verdict } from '../core/flags/flag-types';

export interface TrendDay {
  /** The day, `YYYY-MM-DD`, in the time zone the request named (`utcOffset`). */
  date: string;
  /** Flags raised that day. */
  opened: number;
  /** Flags resolved that day (with a verdict), among those still resolved. */
  resolved: number;
  /** Flags dismissed that day, among those still dismissed. */
  dismissed: number;
}

/** A speaker's verdicts given in the window: statements counted once per verdict. */
export interface SpeakerVerdicts {
  /** The actor's documentId; null for statements with no resolved speaker. */
  documentId: string | null;
  name: string | null;
  total: number;
  verdicts: Record<Verdict, number>;
}

export interface FlagTrends {
  window: { from: string; to: string; days: number; utcOffset: number };
  days: TrendDay[];
  totals: { opened: number; resolved: number; dismissed: number };
  /** Time from a flag's creation to its resolution, over the flags resolved in the window. */
  resolution: { medianMs: number | null; resolved: number };
  /** The speakers with the most verdicts in the window, most first (at most `TOP_SPEAKERS`). */
  speakers: SpeakerVerdicts[];
}
