import { isDeepStrictEqual } from 'node:util';
import type { Core } from '@strapi/strapi';
import { ACTOR_UID, FLAG_UID, REVIEW_EVENT_UID, STATEMENT_UID, STORY_UID } from '../constants';
import { evaluateFlags, planFlagChanges, type FlagChange, type StoredFlag } from '../core/flags/evaluate';
import { readFlagsConfig, type FlagsConfig } from '../core/flags/flag-config';
import type { FlagStatus, FlagSubject } from '../core/flags/flag-types';
import { columnOf, currentKnex, joinTableOf, tableOf, type JoinTable } from '../strapi/types';
import { newDocumentId } from '../strapi/document-ids';
import { workingVersion } from '../core/visibility/story-versions';
import { isVerdict, sameVerdictText } from '../core/flags/review-workflow';
import type { EarlierVerdict } from '../contracts/review';
import { getService } from '../strapi/get-service';
import type { MatcherSignatures } from './claim-matcher';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];

export interface StatementRow {
  id: number;
  documentId: string;
  text: string | null;
  kind: string | null;
  attribution: string | null;
  verification: string | null;
  checkWorthiness: number | string | null;
  sourceUrl: string | null;
  medium: string | null;
  linkState: { ambiguous?: Array<{ field: string; phrase: string; candidates: string[] }> } | null;
  speaker: { documentId: string; name: string | null } | null;
  story: { documentId: string } | null;
  evidenceCount: number;
}

/** A version (draft or published row) of a statement's story, as flags read it. */
export interface StoryVersionRow {
  id: number;
  body: string | null;
  sourceUrl: string | null;
  publishedAt: unknown;
  title: string | null;
  slug: string | null;
}

/**
 * A statement just created, as its save has it in hand (the create's result, linking's plan and the
 * story read with it): what readStatement would read back, for a statement that has no flags yet.
 */
export interface CreatedStatement {
  statement: StatementRow;
  versions: StoryVersionRow[];
  signatures: MatcherSignatures;
}

/** What a newsgraph.flag.opened or .resolved event carries (README, Webhooks). */
interface FlagAnnouncement {
  flag: Record<string, unknown>;
  statement: Record<string, unknown> | null;
  story: Record<string, unknown> | null;
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
   * about a flag, with its statement and story, once the save that changed it has committed (a
   * rolled-back change is never announced; the save does not wait for the announcement). A failure
   * is logged: a webhook never blocks review.
   */
  async function emitFlagEvent(event: 'newsgraph.flag.opened' | 'newsgraph.flag.resolved', flagDocumentId: string): Promise<void> {
    await afterCommit(() => announceFlag(event, flagDocumentId));
  }

  /**
   * Runs `work` once the caller's transaction commits, without the caller waiting for it (a rolled-back
   * change is never announced); outside a transaction, at once.
   */
  async function afterCommit(work: () => Promise<void>): Promise<void> {
    if (!strapi.db.inTransaction()) return work();
    await strapi.db.transaction(({ onCommit }) => {
      onCommit(() => void work());
    });
  }

  async function announceFlag(event: 'newsgraph.flag.opened' | 'newsgraph.flag.resolved', flagDocumentId: string): Promise<void> {
    await announceFlags(event, [flagDocumentId]);
  }

  /** What a flag event carries: the flag, its statement (with its speaker) and its story, read in one go for many flags. */
  async function announceFlags(event: 'newsgraph.flag.opened' | 'newsgraph.flag.resolved', flagDocumentIds: string[]): Promise<void> {
    try {
      const flags = (await strapi.db.query(FLAG_UID as QueryUid).findMany({
        where: { documentId: { $in: flagDocumentIds } },
        select: ['documentId', 'kind', 'severity', 'status', 'reason', 'score', 'version', 'verdict', 'note', 'evidence'],
        populate: {
          statement: { select: ['documentId', 'text', 'kind', 'attribution', 'verification'], populate: { speaker: { select: ['documentId', 'name'] } } },
          story: { select: ['documentId', 'title', 'slug'] },
        },
      })) as Array<{ statement?: unknown; story?: unknown } & Record<string, unknown>>;
      for (const flag of flags) {
        const { statement, story, ...rest } = flag;
        await strapi.eventHub.emit(event, { flag: rest, statement: (statement ?? null) as FlagAnnouncement['statement'], story: (story ?? null) as FlagAnnouncement['story'] });
      }
    } catch (error) {
      strapi.log.error(`[newsgraph] ${event} for flag(s) ${flagDocumentIds.slice(0, 5).join(', ')} could not be sent: ${(error as Error).message}`);
    }
  }

  /**
   * Announces many opened flags once the caller's transaction commits (the archive's bulk writes,
   * services/archive-batch.ts): the same events as one save's, read in a few queries per 500 flags.
   */
  async function emitOpenedFlagsAfterCommit(flagDocumentIds: string[]): Promise<void> {
    if (flagDocumentIds.length === 0) return;
    await afterCommit(async () => {
      for (let offset = 0; offset < flagDocumentIds.length; offset += 500) await announceFlags('newsgraph.flag.opened', flagDocumentIds.slice(offset, offset + 500));
    });
  }

  /**
   * Announces flags a save opened, with what the save has in hand (the flags it inserted, the
   * statement and story it read), once the save commits: no read after the commit, where one save's
   * announcement took 4 queries on the database the next save waits for (docs/performance.md).
   */
  async function announceOpenedAfterCommit(announcements: FlagAnnouncement[]): Promise<void> {
    if (announcements.length === 0) return;
    await afterCommit(async () => {
      try {
        for (const announcement of announcements) await strapi.eventHub.emit('newsgraph.flag.opened', announcement);
      } catch (error) {
        strapi.log.error(`[newsgraph] newsgraph.flag.opened for flag(s) ${announcements.slice(0, 5).map((item) => String(item.flag.documentId)).join(', ')} could not be sent: ${(error as Error).message}`);
      }
    });
  }

  /**
   * Appends a review event. Flags and their events are the plugin's own records, written only here
   * and in the review service: straight through the Query Engine, in the caller's transaction, not
   * through the Document Service's middlewares and entry events, which are for what editors and
   * clients write (docs/performance.md).
   */
  async function recordEvent(flag: { id: number }, from: FlagStatus | null, to: FlagStatus, note: string, actorId: number | null = null, details: ReviewEventDetails = {}): Promise<void> {
    await strapi.db.query(REVIEW_EVENT_UID as QueryUid).create({ data: { flag: flag.id, from, to, note, actor: actorId, publishedAt: new Date(), ...details } });
  }

  /** A statement relation's join table. */
  const statementJoin = (attribute: string) => joinTableOf(strapi, STATEMENT_UID, attribute);

  /** The columns of a flag the evaluation reads, by attribute. */
  const FLAG_ROW_ATTRIBUTES = ['id', 'documentId', 'key', 'kind', 'status', 'severity', 'reason', 'verdict', 'textAtResolution', 'storyDocumentId', 'earlierVerdicts', 'rejectedMatches'] as const;

  /** JSON columns come back as text from SQLite and parsed from PostgreSQL. */
  const parsedJson = <T>(value: unknown): T | null => (typeof value === 'string' ? (JSON.parse(value) as T) : ((value ?? null) as T | null));

  /**
   * A flag some writer stored without its statement's documentId (one written before the column
   * existed, until the next start backfills it; a raw insert) is still found by its key: the index
   * on statementDocumentId finds the rows without one, usually none, and only those are matched by
   * LIKE (its wildcards escaped, though Strapi's documentIds are letters and digits).
   */
  const legacyKeyPattern = (statementDocumentId: string) => `${statementDocumentId.replace(/[\\%_]/g, (wildcard) => `\\${wildcard}`)}|%`;

  /**
   * A statement's flags as one JSON array, selected beside the statement (SQLite's json_group_array,
   * PostgreSQL's json_agg): the flags travel in the statement's round trip.
   */
  function flagsColumn(knex: Core.Strapi['db']['connection'], statementDocumentId: string) {
    const flags = table(FLAG_UID);
    const pairs = FLAG_ROW_ATTRIBUTES.map((attribute) => `f.${column(FLAG_UID, attribute)}`);
    // Keys as literals (they are the constant attribute names above): json_build_object cannot type a bound key.
    const placeholders = FLAG_ROW_ATTRIBUTES.map((attribute) => `'${attribute}', ??`).join(', ');
    const postgres = strapi.db.dialect.client === 'postgres';
    const aggregate = postgres ? `coalesce(json_agg(json_build_object(${placeholders})), '[]'::json)` : `json_group_array(json_object(${placeholders}))`;
    const statement = column(FLAG_UID, 'statementDocumentId');
    return knex.raw(`(select ${aggregate} from ?? as f where f.?? = ? or (f.?? is null and f.?? like ? escape '\\'))`, [...pairs, flags, statement, statementDocumentId, statement, column(FLAG_UID, 'key'), legacyKeyPattern(statementDocumentId)]);
  }

  function toFlagRow(raw: Record<string, unknown>): FlagRow {
    return {
      ...(raw as unknown as FlagRow),
      id: Number(raw.id),
      earlierVerdicts: parsedJson<EarlierVerdict[]>(raw.earlierVerdicts),
      rejectedMatches: parsedJson<string[]>(raw.rejectedMatches),
    };
  }

  /** A statement's flags alone: for a statement that no longer exists (a delete retires them). */
  async function readFlags(statementDocumentId: string): Promise<FlagRow[]> {
    return (await strapi.db.query(FLAG_UID as QueryUid).findMany({
      where: { $or: [{ statementDocumentId }, { statementDocumentId: null, key: { $startsWith: `${statementDocumentId}|` } }] },
      select: [...FLAG_ROW_ATTRIBUTES],
    })) as FlagRow[];
  }

  /**
   * Everything a statement's evaluation reads, in one query (this runs on every save): the statement
   * with its speaker's and story's documentIds and its number of evidence links (sub-queries, where
   * the Query Engine's populate would make one query each), one row per version of its story (joined),
   * its flags (a JSON array) and the claim matcher's freshness check. On PostgreSQL every query is a
   * round trip: this one replaces five (docs/performance.md).
   * @returns null when the statement does not exist
   */
  async function readStatement(statementDocumentId: string): Promise<{ statement: StatementRow; versions: StoryVersionRow[]; flags: FlagRow[]; signatures: MatcherSignatures } | null> {
    const knex = await currentKnex(strapi);
    const own = (attribute: string) => `s.${column(STATEMENT_UID, attribute)}`;
    const related = (attribute: string, targetUid: string, targetAttribute: string) => {
      const join = statementJoin(attribute);
      return knex(`${join.name} as l`)
        .join(`${table(targetUid)} as t`, 't.id', `l.${join.inverseJoinColumn.name}`)
        .where(`l.${join.joinColumn.name}`, knex.ref('s.id'))
        .select(`t.${column(targetUid, targetAttribute)}`)
        .limit(1);
    };
    const evidence = statementJoin('evidence');
    const evidenceCount = knex(evidence.name)
      .where(`${evidence.name}.${evidence.joinColumn.name}`, knex.ref('s.id'))
      .andWhere({ ...Object.fromEntries(Object.entries(evidence.on ?? {}).map(([name, value]) => [`${evidence.name}.${name}`, value])) })
      .count({ count: '*' });
    const storyColumn = (attribute: string) => `v.${column(STORY_UID, attribute)}`;
    const columns: Record<string, unknown> = {
      speaker: related('speaker', ACTOR_UID, 'documentId'),
      // For the flag.opened announcement, sent without a read after the commit.
      speakerName: related('speaker', ACTOR_UID, 'name'),
      evidenceCount,
      flags: flagsColumn(knex, statementDocumentId),
      ...getService(strapi, 'claim-matcher').signatureColumns(knex),
      story: `story.${column(STORY_UID, 'documentId')}`,
      versionId: 'v.id',
      versionBody: storyColumn('body'),
      versionSourceUrl: storyColumn('sourceUrl'),
      versionPublishedAt: storyColumn('publishedAt'),
      versionTitle: storyColumn('title'),
      versionSlug: storyColumn('slug'),
    };
    for (const attribute of ['id', 'documentId', 'text', 'kind', 'attribution', 'verification', 'checkWorthiness', 'sourceUrl', 'medium', 'linkState']) columns[attribute] = own(attribute);
    const storyLink = statementJoin('story');
    // The statement's story row, then every version (draft, published) of that story.
    const rows = (await knex(`${table(STATEMENT_UID)} as s`)
      .leftJoin(`${storyLink.name} as sl`, `sl.${storyLink.joinColumn.name}`, 's.id')
      .leftJoin(`${table(STORY_UID)} as story`, 'story.id', `sl.${storyLink.inverseJoinColumn.name}`)
      .leftJoin(`${table(STORY_UID)} as v`, `v.${column(STORY_UID, 'documentId')}`, `story.${column(STORY_UID, 'documentId')}`)
      .where(own('documentId'), statementDocumentId)
      .orderBy('v.id')
      .select(columns as never)) as Array<
      Omit<StatementRow, 'speaker' | 'story' | 'linkState' | 'evidenceCount'> & {
        speaker: string | null;
        speakerName: string | null;
        story: string | null;
        evidenceCount: number | string;
        linkState: unknown;
        flags: unknown;
        versionId: number | null;
        versionBody: string | null;
        versionSourceUrl: string | null;
        versionPublishedAt: unknown;
        versionTitle: string | null;
        versionSlug: string | null;
      } & MatcherSignatures
    >;
    const row = rows[0];
    if (!row) return null;
    const statement: StatementRow = {
      id: Number(row.id),
      documentId: row.documentId,
      text: row.text,
      kind: row.kind,
      attribution: row.attribution,
      verification: row.verification,
      checkWorthiness: row.checkWorthiness,
      sourceUrl: row.sourceUrl,
      medium: row.medium,
      linkState: parsedJson<StatementRow['linkState']>(row.linkState),
      speaker: row.speaker ? { documentId: row.speaker, name: row.speakerName } : null,
      story: row.story ? { documentId: row.story } : null,
      evidenceCount: Number(row.evidenceCount),
    };
    const versions = rows
      .filter((version) => version.versionId !== null && version.versionId !== undefined)
      .map((version) => ({ id: Number(version.versionId), body: version.versionBody, sourceUrl: version.versionSourceUrl, publishedAt: version.versionPublishedAt ?? null, title: version.versionTitle, slug: version.versionSlug }));
    const flags = (parsedJson<Array<Record<string, unknown>>>(row.flags) ?? []).map(toFlagRow);
    return { statement, versions, flags, signatures: { statementsUpdatedAt: row.statementsUpdatedAt, factChecksUpdatedAt: row.factChecksUpdatedAt } };
  }

  /**
   * What the rules read, the row ids a new flag links to (the statement, the story's published
   * version or else its draft), the statement's flags and the claim matcher's freshness check.
   */
  async function loadSubject(
    statementDocumentId: string,
    created?: CreatedStatement
  ): Promise<{
    subject: FlagSubject;
    storyId: string | null;
    score: number | null;
    statementRowId: number;
    storyRowId: number | null;
    flags: FlagRow[];
    signatures: MatcherSignatures;
    /** The statement and story as a flag.opened announcement carries them. */
    announced: Omit<FlagAnnouncement, 'flag'>;
  } | null> {
    // A statement created in this save has no flags yet, and the save holds the rest.
    const read = created ? { ...created, flags: [] } : await readStatement(statementDocumentId);
    if (!read) return null;
    const { statement, versions, flags, signatures } = read;
    const storyId = statement.story?.documentId ?? null;
    // The draft is what editors are working on; a published-only story has just its published version.
    const story = workingVersion(versions) ?? null;
    const score = statement.checkWorthiness === null ? null : Number(statement.checkWorthiness);
    // The version the Document Service linked a flag to when given the story's documentId.
    const storyRow = versions.find((version) => version.publishedAt !== null && version.publishedAt !== undefined) ?? versions[0];
    return {
      storyId,
      score,
      statementRowId: statement.id,
      storyRowId: storyRow?.id ?? null,
      flags,
      signatures,
      announced: {
        statement: {
          id: statement.id,
          documentId: statement.documentId,
          text: statement.text,
          kind: statement.kind,
          attribution: statement.attribution,
          verification: statement.verification,
          speaker: statement.speaker,
        },
        story: storyRow && storyId ? { documentId: storyId, title: storyRow.title, slug: storyRow.slug } : null,
      },
      subject: {
        statement: {
          text: statement.text ?? '',
          kind: statement.kind,
          attribution: statement.attribution,
          verification: statement.verification,
          checkWorthiness: score,
          sourceUrl: statement.sourceUrl,
          medium: statement.medium,
          evidenceCount: statement.evidenceCount,
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
    await recordEvent(flag, from, to, note, actorId, details);
    if (to === 'open') await emitFlagEvent('newsgraph.flag.opened', flag.documentId);
    if (to === 'resolved') await emitFlagEvent('newsgraph.flag.resolved', flag.documentId);
    return true;
  }

  /**
   * The earlier verdicts on the claim a statement states (services/claim-matcher.ts), for the
   * repeats_checked_claim rule: only for a statement nobody rated yet, and without those a
   * fact-checker dismissed as "not the same claim" on any of its flags.
   */
  async function earlierVerdictsFor(statementDocumentId: string, subject: FlagSubject, rows: FlagRow[], signatures?: MatcherSignatures): Promise<EarlierVerdict[]> {
    if (!config().rules.repeats_checked_claim.enabled || isVerdict(subject.statement.verification)) return [];
    const rejected = new Set(rows.flatMap((row) => (Array.isArray(row.rejectedMatches) ? row.rejectedMatches : [])));
    const found = await getService(strapi, 'claim-matcher').findEarlierVerdicts(subject.statement.text, { excludeStatementDocumentId: statementDocumentId, signatures });
    return found.filter((item) => !rejected.has(`${item.source}:${item.documentId}`));
  }

  /** The statement and story a flag belongs to: documentIds, and the rows its relations point at. */
  interface FlagOwner {
    storyId: string | null;
    statementDocumentId: string;
    statementRowId: number;
    storyRowId: number | null;
  }

  /** A many-to-one relation's join table on one of the plugin's records. */
  const joinOf = (uid: string, attribute: string) => joinTableOf(strapi, uid, attribute);

  /**
   * Opens new flags, each with its "open" review event, in a handful of statements whatever their
   * number: the flags in one insert, their relations in one insert per relation, the events likewise.
   * A flag whose key a concurrent save of the same statement took first is skipped by the unique
   * index (ON CONFLICT DO NOTHING), without an error that would end the save's transaction on
   * PostgreSQL. Rows are as the Query Engine would write them: a documentId of Strapi's shape
   * (strapi/document-ids.ts), timestamps, publishedAt.
   * @returns the flags created
   */
  async function createFlags(creates: Array<Extract<FlagChange, { type: 'create' }>>, owner: FlagOwner, score: number | null, earlierVerdicts: EarlierVerdict[]): Promise<Array<{ id: number; documentId: string; key: string; score: number | null }>> {
    if (creates.length === 0) return [];
    const knex = await currentKnex(strapi);
    const now = new Date();
    const flagColumn = (attribute: string) => column(FLAG_UID, attribute);
    const rows = creates.map((change) => ({
      [flagColumn('documentId')]: newDocumentId(),
      [flagColumn('key')]: change.key,
      [flagColumn('kind')]: change.flag.kind,
      [flagColumn('cause')]: change.flag.cause,
      [flagColumn('severity')]: change.flag.severity,
      [flagColumn('status')]: 'open',
      [flagColumn('reason')]: change.flag.reason,
      [flagColumn('score')]: score,
      [flagColumn('version')]: 1,
      [flagColumn('storyDocumentId')]: owner.storyId,
      [flagColumn('statementDocumentId')]: owner.statementDocumentId,
      [flagColumn('earlierVerdicts')]: change.flag.kind === 'repeats_checked_claim' ? JSON.stringify(earlierVerdicts) : null,
      [flagColumn('createdAt')]: now,
      [flagColumn('updatedAt')]: now,
      [flagColumn('publishedAt')]: now,
    }));
    const insertFlags = knex(table(FLAG_UID))
      .insert(rows)
      .onConflict(flagColumn('key'))
      .ignore()
      .returning(['id', flagColumn('documentId'), flagColumn('key'), flagColumn('score')]);
    const eventColumn = (attribute: string) => column(REVIEW_EVENT_UID, attribute);
    const reasons = new Map(creates.map((change) => [change.key, change.flag.reason]));
    const toCreated = (inserted: Array<Record<string, unknown>>) =>
      inserted.map((row) => {
        // The score as stored (PostgreSQL keeps a decimal's two places), as the Query Engine reads it back.
        const storedScore = row[flagColumn('score')];
        return { id: Number(row.id), documentId: String(row[flagColumn('documentId')]), key: String(row[flagColumn('key')]), score: storedScore === null || storedScore === undefined ? null : Number(storedScore) };
      });

    if (strapi.db.dialect.client === 'postgres') {
      // One round trip on PostgreSQL, where each statement is one: the flags, their relations, their
      // events and the events' relation, as data-modifying WITH clauses that all see the flags inserted.
      const flagLink = joinOf(FLAG_UID, 'statement');
      const storyLink = joinOf(FLAG_UID, 'story');
      const eventLink = joinOf(REVIEW_EVENT_UID, 'flag');
      const flagsSql = insertFlags.toSQL();
      const events = creates.map((change) => [change.key, newDocumentId(), reasons.get(change.key) ?? null]);
      const eventValues = events.map(() => '(?::text, ?::text, ?::text)').join(', ');
      const sql = [
        `WITH f AS (${flagsSql.sql}),`,
        `v (flag_key, event_document_id, note) AS (VALUES ${eventValues}),`,
        `fs AS (INSERT INTO ?? (??, ??) SELECT f.id, ? FROM f),`,
        owner.storyRowId !== null ? `fst AS (INSERT INTO ?? (??, ??) SELECT f.id, ? FROM f),` : '',
        `e AS (INSERT INTO ?? (??, ??, ??, ??, ??, ??, ??) SELECT v.event_document_id, NULL, 'open', v.note, ?::timestamptz, ?::timestamptz, ?::timestamptz FROM v JOIN f ON f.?? = v.flag_key RETURNING id, ??),`,
        `el AS (INSERT INTO ?? (??, ??) SELECT e.id, f.id FROM e JOIN v ON v.event_document_id = e.?? JOIN f ON f.?? = v.flag_key)`,
        `SELECT f.* FROM f`,
      ].join(' ');
      const bindings = [
        ...flagsSql.bindings,
        ...events.flat(),
        flagLink.name, flagLink.joinColumn.name, flagLink.inverseJoinColumn.name, owner.statementRowId,
        ...(owner.storyRowId !== null ? [storyLink.name, storyLink.joinColumn.name, storyLink.inverseJoinColumn.name, owner.storyRowId] : []),
        table(REVIEW_EVENT_UID), ...['documentId', 'from', 'to', 'note', 'createdAt', 'updatedAt', 'publishedAt'].map(eventColumn), now, now, now, flagColumn('key'), eventColumn('documentId'),
        eventLink.name, eventLink.joinColumn.name, eventLink.inverseJoinColumn.name, eventColumn('documentId'), flagColumn('key'),
      ];
      const result = (await knex.raw(sql, bindings as never)) as { rows: Array<Record<string, unknown>> };
      return toCreated(result.rows);
    }

    const created = toCreated((await insertFlags) as Array<Record<string, unknown>>);
    if (created.length === 0) return [];
    const link = async (join: JoinTable, pairs: Array<[number, number]>) => {
      if (pairs.length > 0) await knex(join.name).insert(pairs.map(([from, to]) => ({ [join.joinColumn.name]: from, [join.inverseJoinColumn.name]: to })));
    };
    await link(joinOf(FLAG_UID, 'statement'), created.map((flag) => [flag.id, owner.statementRowId]));
    if (owner.storyRowId !== null) await link(joinOf(FLAG_UID, 'story'), created.map((flag) => [flag.id, owner.storyRowId!]));
    const events = (await knex(table(REVIEW_EVENT_UID))
      .insert(
        created.map((flag) => ({
          [eventColumn('documentId')]: newDocumentId(),
          [eventColumn('from')]: null,
          [eventColumn('to')]: 'open',
          [eventColumn('note')]: reasons.get(flag.key) ?? null,
          [eventColumn('createdAt')]: now,
          [eventColumn('updatedAt')]: now,
          [eventColumn('publishedAt')]: now,
        }))
      )
      .returning(['id'])) as Array<{ id: number }>;
    // One row per flag, returned in insertion order by both databases.
    await link(joinOf(REVIEW_EVENT_UID, 'flag'), events.map((event, index) => [Number(event.id), created[index]!.id]));
    return created;
  }

  async function apply(change: Exclude<FlagChange, { type: 'create' }>, byKey: Map<string, FlagRow>, score: number | null, text: string): Promise<void> {
    const knex = await currentKnex(strapi);
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
    emitOpenedFlagsAfterCommit,

    /**
     * Re-evaluates one statement's flags. A statement that no longer exists retires its open flags.
     * @param created the statement as the save that created it has it, which spares reading it back
     */
    async syncStatement(statementDocumentId: string, created?: CreatedStatement): Promise<void> {
      const loaded = await loadSubject(statementDocumentId, created);
      const rows = loaded ? loaded.flags : await readFlags(statementDocumentId);
      const earlierVerdicts = loaded ? await earlierVerdictsFor(statementDocumentId, loaded.subject, rows, loaded.signatures) : [];
      if (loaded) loaded.subject.earlierVerdicts = earlierVerdicts;
      const raised = loaded ? evaluateFlags(loaded.subject, config()) : [];
      // A statement moved to another story takes its flags along, to that story's queue and publish guard.
      const storyId = loaded?.storyId ?? null;
      for (const row of rows.filter((flag) => loaded && flag.storyDocumentId !== storyId)) {
        await strapi.db.query(FLAG_UID as QueryUid).update({ where: { id: row.id }, data: { story: loaded!.storyRowId, storyDocumentId: storyId } });
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
      const changes = planFlagChanges(statementDocumentId, stored, raised);
      for (const change of changes) if (change.type !== 'create') await apply(change, byKey, loaded?.score ?? null, text);
      // Only a statement that exists raises flags (a deleted one only retires them), so loaded is there when one is created.
      const creates = changes.filter((change): change is Extract<FlagChange, { type: 'create' }> => change.type === 'create');
      if (loaded && creates.length > 0) {
        const owner: FlagOwner = { storyId: loaded.storyId, statementDocumentId, statementRowId: loaded.statementRowId, storyRowId: loaded.storyRowId };
        const created = await createFlags(creates, owner, loaded.score, earlierVerdicts);
        const byCreatedKey = new Map(creates.map((change) => [change.key, change.flag]));
        await announceOpenedAfterCommit(
          created.map((flag) => {
            const raised = byCreatedKey.get(flag.key)!;
            // The row as createFlags wrote it: a new flag has no verdict, note or evidence yet.
            const announcedFlag = { id: flag.id, documentId: flag.documentId, kind: raised.kind, severity: raised.severity, status: 'open', reason: raised.reason, score: flag.score, version: 1, verdict: null, note: null, evidence: null };
            return { flag: announcedFlag, ...loaded.announced };
          })
        );
      }
      // A repeats_checked_claim flag still under review shows the earlier verdicts as they stand now.
      for (const row of rows) {
        if (row.kind !== 'repeats_checked_claim' || (row.status !== 'open' && row.status !== 'in_review')) continue;
        // Compared as values: PostgreSQL's jsonb gives the keys back in its own order, so the text
        // would differ and every save of the statement would rewrite the flag for nothing.
        if (isDeepStrictEqual(row.earlierVerdicts ?? [], earlierVerdicts)) continue;
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
        // A statement's flags, read on every save of it (an equality; the key's prefix was a LIKE no index served).
        { name: `${flags}_statement_document_id`, columns: [col('statementDocumentId')] },
        ...[...FLAG_QUEUE_INDEXES, ...FLAG_TREND_INDEXES].map((columns) => ({ name: queueIndexName(flags, columns), columns: columns.map((name) => (name.startsWith('-') ? `-${col(name.slice(1))}` : col(name))) })),
      ];
      for (const index of indexes) {
        const list = index.columns.map((name) => (name.startsWith('-') ? '?? DESC' : '??')).join(', ');
        const bindings = index.columns.map((name) => name.replace(/^-/, ''));
        await strapi.db.connection.raw(`CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ?? ON ?? (${list})`, [index.name, flags, ...bindings]);
      }
    },

    /**
     * Gives the flags written before they recorded their statement's documentId (statementDocumentId)
     * the one their key starts with (`<statement>|<kind>|<cause>`, core/flags/evaluate.ts). Cheap at
     * every start: the index on the column finds the rows still without one, usually none.
     * @returns how many flags were given theirs
     */
    async backfillStatementDocumentIds(): Promise<number> {
      const knex = strapi.db.connection;
      const key = column(FLAG_UID, 'key');
      const prefix = strapi.db.dialect.client === 'postgres' ? knex.raw(`split_part(??, '|', 1)`, [key]) : knex.raw(`substr(??, 1, instr(??, '|') - 1)`, [key, key]);
      const changed = await knex(table(FLAG_UID)).whereNull(column(FLAG_UID, 'statementDocumentId')).update({ [column(FLAG_UID, 'statementDocumentId')]: prefix });
      return Number(changed);
    },

    /** Drops the queue's and the trends' indexes (`npm run bench:flags` measures the queries without them first). */
    async dropQueueIndexes(): Promise<void> {
      const flags = table(FLAG_UID);
      for (const columns of [...FLAG_QUEUE_INDEXES, ...FLAG_TREND_INDEXES]) await strapi.db.connection.raw(`DROP INDEX IF EXISTS ??`, [queueIndexName(flags, columns)]);
    },
  };
};
