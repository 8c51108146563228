import type { Core } from '@strapi/strapi';
import { FLAG_UID, REVIEW_EVENT_UID, STATEMENT_UID, STORY_UID } from '../constants';
import { evaluateFlags, planFlagChanges, type FlagChange, type StoredFlag } from '../core/flags/evaluate';
import { readFlagsConfig, type FlagsConfig } from '../core/flags/flag-config';
import type { FlagStatus, FlagSubject } from '../core/flags/flag-types';
import { columnOf, currentKnex, tableOf } from '../strapi/types';
import { workingVersion } from '../core/visibility/story-versions';
import { isVerdict, sameVerdictText } from '../core/flags/review-workflow';
import type { EarlierVerdict } from '../contracts/review';
import { getService } from '../strapi/get-service';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];
type DocumentsUid = Parameters<Core.Strapi['documents']>[0];

interface StatementRow {
  documentId: string;
  text: string | null;
  kind: string | null;
  attribution: string | null;
  verification: string | null;
  checkWorthiness: number | string | null;
  sourceUrl: string | null;
  medium: string | null;
  linkState: { ambiguous?: Array<{ field: string; phrase: string; candidates: string[] }> } | null;
  speaker: { documentId: string } | null;
  story: { documentId: string } | null;
  evidence?: unknown[];
}

interface FlagRow {
  id: number;
  documentId: string;
  key: string;
  kind: string;
  status: FlagStatus;
  severity: StoredFlag['severity'];
  reason: string;
  verdict: string | null;
  earlierVerdicts: EarlierVerdict[] | null;
  /** "source:documentId" of earlier verdicts dismissed as not the same claim. */
  rejectedMatches: string[] | null;
  textAtResolution: string | null;
  storyDocumentId: string | null;
}

/** What a review event records besides the move: a verdict with its words, or a change of those words. */
export interface ReviewEventDetails {
  verdict?: string | null;
  judgedText?: string | null;
  changedText?: string | null;
}

/**
 * Attribute lists of the review queue's indexes; the leading status serves every queue query, and
 * "-" marks a descending column, so that "highest score first, oldest first among equals" reads the
 * index in order instead of sorting thousands of rows that share a score.
 */
const FLAG_QUEUE_INDEXES = [
  ['status', '-score', 'id'],
  ['status', 'createdAt', 'id'],
  ['status', 'kind'],
  ['storyDocumentId', 'status', '-score', 'id'],
];
/**
 * The desk's trends (services/flag-trends.ts): flags opened per day; and, from status and the day
 * they were closed, those closed per day, their age and verdict, without reading the table.
 */
const FLAG_TREND_INDEXES = [
  ['createdAt'],
  ['status', 'closedAt', 'createdAt', 'verdict'],
];
const CLOSED_STATUSES = new Set<FlagStatus>(['resolved', 'dismissed']);
const queueIndexName = (table: string, columns: string[]) => `${table}_${columns.map((name) => name.replace('-', '')).join('_')}_queue`;

/** True when the database refused a row for a unique index: someone else created it first. */
function isUniqueViolation(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /unique/i.test(message ?? '');
}

/**
 * Keeps every statement's flags equal to what the rules (core/flags/rules) raise for it now, on
 * every save of the statement or its story: new causes open flags, causes that went away make them
 * obsolete, a resolved flag opens again when its statement's text changes. Every change of a flag
 * bumps its version and is appended to the review events. Flags are matched by a unique key
 * (statement, kind, cause), so concurrent saves never create one twice.
 */
export const flagsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const table = (uid: string) => tableOf(strapi, uid);
  const column = (uid: string, attribute: string) => columnOf(strapi, uid, attribute);

  // Read on every save: parsed again only when the setting object itself is replaced.
  let parsedConfig: { raw: unknown; config: FlagsConfig } | null = null;
  function config(): FlagsConfig {
    const raw = strapi.config.get('plugin::newsgraph.flags');
    if (parsedConfig === null || parsedConfig.raw !== raw) parsedConfig = { raw, config: readFlagsConfig(raw).config };
    return parsedConfig.config;
  }

  /**
   * Tells webhooks (Settings > Webhooks, events newsgraph.flag.opened and newsgraph.flag.resolved)
   * about a flag, with its statement and story. A failure is logged: a webhook never blocks review.
   */
  async function emitFlagEvent(event: 'newsgraph.flag.opened' | 'newsgraph.flag.resolved', flagDocumentId: string): Promise<void> {
    try {
      const flag = (await strapi.db.query(FLAG_UID as QueryUid).findOne({
        where: { documentId: flagDocumentId },
        select: ['documentId', 'kind', 'severity', 'status', 'reason', 'score', 'version', 'verdict', 'note', 'evidence'],
        populate: {
          statement: { select: ['documentId', 'text', 'kind', 'attribution', 'verification'], populate: { speaker: { select: ['documentId', 'name'] } } },
          story: { select: ['documentId', 'title', 'slug'] },
        },
      })) as ({ statement?: unknown; story?: unknown } & Record<string, unknown>) | null;
      if (!flag) return;
      const { statement, story, ...rest } = flag;
      await strapi.eventHub.emit(event, { flag: rest, statement: statement ?? null, story: story ?? null });
    } catch (error) {
      strapi.log.error(`[newsgraph] ${event} for flag ${flagDocumentId} could not be sent: ${(error as Error).message}`);
    }
  }

  async function recordEvent(flagDocumentId: string, from: FlagStatus | null, to: FlagStatus, note: string, actorId: number | null = null, details: ReviewEventDetails = {}): Promise<void> {
    await strapi.documents(REVIEW_EVENT_UID as DocumentsUid).create({ data: { flag: flagDocumentId, from, to, note, actor: actorId, ...details } as never });
  }

  async function loadSubject(statementDocumentId: string): Promise<{ subject: FlagSubject; storyId: string | null; score: number | null } | null> {
    const statement = (await strapi.db.query(STATEMENT_UID as QueryUid).findOne({
      where: { documentId: statementDocumentId },
      select: ['documentId', 'text', 'kind', 'attribution', 'verification', 'checkWorthiness', 'sourceUrl', 'medium', 'linkState'],
      populate: { speaker: { select: ['documentId'] }, story: { select: ['documentId'] }, evidence: { select: ['id'] } },
    })) as StatementRow | null;
    if (!statement) return null;
    const storyId = statement.story?.documentId ?? null;
    const versions = storyId
      ? ((await strapi.db.query(STORY_UID as QueryUid).findMany({ where: { documentId: storyId }, select: ['body', 'sourceUrl', 'publishedAt'] })) as Array<{ body: string | null; sourceUrl: string | null; publishedAt: string | null }>)
      : [];
    // The draft is what editors are working on; a published-only story has just its published version.
    const story = workingVersion(versions) ?? null;
    const score = statement.checkWorthiness === null ? null : Number(statement.checkWorthiness);
    return {
      storyId,
      score,
      subject: {
        statement: {
          text: statement.text ?? '',
          kind: statement.kind,
          attribution: statement.attribution,
          verification: statement.verification,
          checkWorthiness: score,
          sourceUrl: statement.sourceUrl,
          medium: statement.medium,
          evidenceCount: statement.evidence?.length ?? 0,
          speaker: statement.speaker?.documentId ?? null,
          ambiguous: statement.linkState?.ambiguous ?? [],
        },
        story: story ? { body: story.body, sourceUrl: story.sourceUrl } : null,
      },
    };
  }

  /**
   * Moves a flag from one status to another only if it is still in `from` (a concurrent save may
   * have moved it): the version goes up and the event is written once.
   * @returns whether this call made the change
   */
  async function transition(
    flag: { documentId: string; id: number },
    from: FlagStatus,
    to: FlagStatus,
    note: string,
    extra: Record<string, unknown> = {},
    actorId: number | null = null,
    expectedVersion?: number,
    details: ReviewEventDetails = {}
  ): Promise<boolean> {
    const knex = await currentKnex(strapi);
    const version = column(FLAG_UID, 'version');
    const query = knex(table(FLAG_UID)).where('id', flag.id).andWhere(column(FLAG_UID, 'status'), from);
    // A reviewer's action names the version it was decided on; the rules' own changes do not.
    if (expectedVersion !== undefined) query.andWhere(version, expectedVersion);
    const now = new Date();
    // closedAt is set exactly while a flag is resolved or dismissed: the desk's trends count and time
    // resolutions by it (services/flag-trends.ts), through an index, without reading review events.
    const closedAt = CLOSED_STATUSES.has(to) ? now : null;
    const changed = await query
      .update({ ...extra, [column(FLAG_UID, 'status')]: to, [version]: knex.raw('?? + 1', [version]), [column(FLAG_UID, 'updatedAt')]: now, [column(FLAG_UID, 'closedAt')]: closedAt });
    if (Number(changed) === 0) return false;
    await recordEvent(flag.documentId, from, to, note, actorId, details);
    if (to === 'open') await emitFlagEvent('newsgraph.flag.opened', flag.documentId);
    if (to === 'resolved') await emitFlagEvent('newsgraph.flag.resolved', flag.documentId);
    return true;
  }

  /**
   * The earlier verdicts on the claim a statement states (services/claim-matcher.ts), for the
   * repeats_checked_claim rule: only for a statement nobody rated yet, and without those a
   * fact-checker dismissed as "not the same claim" on any of its flags.
   */
  async function earlierVerdictsFor(statementDocumentId: string, subject: FlagSubject, rows: FlagRow[]): Promise<EarlierVerdict[]> {
    if (!config().rules.repeats_checked_claim.enabled || isVerdict(subject.statement.verification)) return [];
    const rejected = new Set(rows.flatMap((row) => (Array.isArray(row.rejectedMatches) ? row.rejectedMatches : [])));
    const found = await getService(strapi, 'claim-matcher').findEarlierVerdicts(subject.statement.text, { excludeStatementDocumentId: statementDocumentId });
    return found.filter((item) => !rejected.has(`${item.source}:${item.documentId}`));
  }

  async function apply(change: FlagChange, byKey: Map<string, FlagRow>, statementDocumentId: string, storyId: string | null, score: number | null, text: string, earlierVerdicts: EarlierVerdict[]): Promise<void> {
    const knex = await currentKnex(strapi);
    if (change.type === 'create') {
      let created: { documentId: string };
      try {
        created = (await strapi.documents(FLAG_UID as DocumentsUid).create({
          data: {
            key: change.key, kind: change.flag.kind, cause: change.flag.cause, severity: change.flag.severity, status: 'open', reason: change.flag.reason,
            score, version: 1, statement: statementDocumentId, story: storyId, storyDocumentId: storyId,
            ...(change.flag.kind === 'repeats_checked_claim' ? { earlierVerdicts } : {}),
          } as never,
        })) as unknown as { documentId: string };
      } catch (error) {
        if (isUniqueViolation(error)) return; // a concurrent save of the same statement opened it
        throw error;
      }
      await recordEvent(created.documentId, null, 'open', change.flag.reason);
      await emitFlagEvent('newsgraph.flag.opened', created.documentId);
      return;
    }
    const flag = byKey.get(change.key)!;
    const severityAndReason = (severity?: string, reason?: string) => ({
      ...(severity ? { [column(FLAG_UID, 'severity')]: severity } : {}),
      ...(reason ? { [column(FLAG_UID, 'reason')]: reason } : {}),
    });
    if (change.type === 'update') {
      const version = column(FLAG_UID, 'version');
      await knex(table(FLAG_UID)).where('id', flag.id).update({ ...severityAndReason(change.severity, change.reason), [column(FLAG_UID, 'score')]: score, [version]: knex.raw('?? + 1', [version]) });
      return;
    }
    // The earlier verdict stays on the flag (verdict, textAtResolution) and in its history; the event
    // carries both texts so the desk can show what changed under it.
    const details = change.textChangedAfterVerdict ? { verdict: flag.verdict, judgedText: flag.textAtResolution, changedText: text } : {};
    await transition(flag, change.from, change.to, change.note, severityAndReason(change.severity, change.reason), null, undefined, details);
  }

  return {
    config,
    transition,
    recordEvent,

    /** Re-evaluates one statement's flags. A statement that no longer exists retires its open flags. */
    async syncStatement(statementDocumentId: string): Promise<void> {
      const rows = (await strapi.db.query(FLAG_UID as QueryUid).findMany({
        where: { key: { $startsWith: `${statementDocumentId}|` } },
        select: ['id', 'documentId', 'key', 'kind', 'status', 'severity', 'reason', 'verdict', 'textAtResolution', 'storyDocumentId', 'earlierVerdicts', 'rejectedMatches'],
      })) as FlagRow[];
      const loaded = await loadSubject(statementDocumentId);
      const earlierVerdicts = loaded ? await earlierVerdictsFor(statementDocumentId, loaded.subject, rows) : [];
      if (loaded) loaded.subject.earlierVerdicts = earlierVerdicts;
      const raised = loaded ? evaluateFlags(loaded.subject, config()) : [];
      // A statement moved to another story takes its flags along, to that story's queue and publish guard.
      const storyId = loaded?.storyId ?? null;
      for (const row of rows.filter((flag) => loaded && flag.storyDocumentId !== storyId)) {
        await strapi.documents(FLAG_UID as DocumentsUid).update({ documentId: row.documentId, data: { story: storyId, storyDocumentId: storyId } as never });
      }
      const text = loaded?.subject.statement.text ?? '';
      const stored: StoredFlag[] = rows.map((row) => ({
        key: row.key,
        status: row.status,
        severity: row.severity,
        reason: row.reason,
        // Compared folded: quote style, whitespace and case do not unbind a verdict; changed words do.
        textChangedSinceResolution: row.status === 'resolved' && row.textAtResolution !== null && loaded !== null && !sameVerdictText(row.textAtResolution, text),
      }));
      const byKey = new Map(rows.map((row) => [row.key, row]));
      for (const change of planFlagChanges(statementDocumentId, stored, raised)) {
        await apply(change, byKey, statementDocumentId, loaded?.storyId ?? null, loaded?.score ?? null, text, earlierVerdicts);
      }
      // A repeats_checked_claim flag still under review shows the earlier verdicts as they stand now.
      for (const row of rows) {
        if (row.kind !== 'repeats_checked_claim' || (row.status !== 'open' && row.status !== 'in_review')) continue;
        if (JSON.stringify(row.earlierVerdicts ?? []) === JSON.stringify(earlierVerdicts)) continue;
        await strapi.db.query(FLAG_UID as QueryUid).update({ where: { id: row.id }, data: { earlierVerdicts } });
      }
    },

    /** Re-evaluates the flags of every statement of a story (its body or source changed). */
    async syncStory(storyDocumentId: string): Promise<void> {
      const statements = (await strapi.db.query(STATEMENT_UID as QueryUid).findMany({ where: { story: { documentId: storyDocumentId } }, select: ['documentId'] })) as Array<{ documentId: string }>;
      for (const documentId of new Set(statements.map((statement) => statement.documentId))) await this.syncStatement(documentId);
    },

    /**
     * The flag table's indexes. A unique one on the key: the Document Service checks uniqueness
     * before it writes, which two concurrent saves can both pass; the database cannot be raced. And
     * those of the review queue's common queries (`npm run bench:flags` measures them): open flags by
     * score or age, one story's flags, counts by kind; and the desk's trends.
     */
    async ensureIndexes(): Promise<void> {
      const flags = table(FLAG_UID);
      const col = (attribute: string) => column(FLAG_UID, attribute);
      const indexes: Array<{ name: string; columns: string[]; unique?: boolean }> = [
        { name: `${flags}_key_unique`, columns: [col('key')], unique: true },
        ...[...FLAG_QUEUE_INDEXES, ...FLAG_TREND_INDEXES].map((columns) => ({ name: queueIndexName(flags, columns), columns: columns.map((name) => (name.startsWith('-') ? `-${col(name.slice(1))}` : col(name))) })),
      ];
      for (const index of indexes) {
        const list = index.columns.map((name) => (name.startsWith('-') ? '?? DESC' : '??')).join(', ');
        const bindings = index.columns.map((name) => name.replace(/^-/, ''));
        await strapi.db.connection.raw(`CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ?? ON ?? (${list})`, [index.name, flags, ...bindings]);
      }
    },

    /** Drops the queue's and the trends' indexes (`npm run bench:flags` measures the queries without them first). */
    async dropQueueIndexes(): Promise<void> {
      const flags = table(FLAG_UID);
      for (const columns of [...FLAG_QUEUE_INDEXES, ...FLAG_TREND_INDEXES]) await strapi.db.connection.raw(`DROP INDEX IF EXISTS ??`, [queueIndexName(flags, columns)]);
    },
  };
};
