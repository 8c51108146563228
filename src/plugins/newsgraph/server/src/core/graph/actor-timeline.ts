/** An actor's timeline: what they said and where they were mentioned, in date order. */

export type TimelineRole = 'said' | 'mentioned';

export interface TimelineStatement {
  documentId: string;
  saidAt?: string | Date | null;
  speaker?: { documentId: string } | null;
  mentions?: Array<{ documentId: string }> | null;
  story?: { storyDate?: string | Date | null } | null;
}

export interface TimelineEntry<Statement extends TimelineStatement> {
  /** When it was said: the statement's saidAt, else its story's date. */
  date: string | null;
  role: TimelineRole;
  statement: Statement;
}

const iso = (value: string | Date | null | undefined): string | null => (value ? new Date(value).toISOString() : null);

/** The date a statement counts at in a timeline. */
export function statementDate(statement: TimelineStatement): string | null {
  return iso(statement.saidAt) ?? iso(statement.story?.storyDate);
}

/**
 * One entry per statement: `said` when the actor is its speaker (a speaker is never a mention of
 * their own statement), otherwise `mentioned`. Entries outside [from, to] are left out; entries
 * without a date sort last. Ties keep the order given.
 */
export function actorTimeline<Statement extends TimelineStatement>(actorDocumentId: string, statements: readonly Statement[], range: { from?: string | null; to?: string | null } = {}): Array<TimelineEntry<Statement>> {
  const from = range.from ? new Date(range.from).getTime() : -Infinity;
  const to = range.to ? new Date(range.to).getTime() : Infinity;
  const entries: Array<TimelineEntry<Statement>> = [];
  for (const statement of statements) {
    const said = statement.speaker?.documentId === actorDocumentId;
    const mentioned = (statement.mentions ?? []).some((actor) => actor.documentId === actorDocumentId);
    if (!said && !mentioned) continue;
    const date = statementDate(statement);
    const time = date ? new Date(date).getTime() : null;
    if (time !== null && (time < from || time > to)) continue;
    if (time === null && (range.from || range.to)) continue;
    entries.push({ date, role: said ? 'said' : 'mentioned', statement });
  }
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (a.entry.date ?? '\uffff').localeCompare(b.entry.date ?? '\uffff') || a.index - b.index)
    .map(({ entry }) => entry);
}
