import type { Core } from '@strapi/strapi';
import { ACTOR_UID, EVIDENCE_COMPONENT, FLAG_UID, PROPOSAL_UID, REVIEW_EVENT_UID, STATEMENT_UID, STORY_UID } from '../constants';
import type { StatementRecord, StoryLine } from '../core/archive/archive-format';
import { storyFieldsOf } from '../core/archive/archive-format';
import { evaluateBatchFlags, flagSubjectOf, linkStoryStatements, type BatchFlag, type BatchStatementInput, type BatchStatementLinks } from '../core/archive/statement-batch';
import { validateDocumentData } from '../core/fields/field-validation';
import { isVerdict } from '../core/flags/review-workflow';
import type { EarlierVerdict } from '../contracts/review';
import { getService } from '../strapi/get-service';
import { columnOf, createModelLookup, currentKnex, joinTableOf, tableOf } from '../strapi/types';
import { newDocumentId } from '../strapi/document-ids';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];
type Row = Record<string, unknown>;

/** What the archive service lends the batch: its own reading of a line, so both paths store the same. */
export interface ArchiveLineReader {
  stored(uid: string, data: Row): Row;
  statementData(record: StatementRecord, actorId: (slug: string) => string, proposalId: (slug: string) => string): Row;
  documentIdsBySlug(uid: string, slugs: Array<string | null | undefined>): Promise<Map<string, string>>;
  storyScalars(line: StoryLine): Row;
}

/** A story line the batch takes: numbered as in the file. */
export interface BatchLine {
  number: number;
  line: StoryLine;
}

/** Thrown to undo a whole batch that turned out to need the one-line path (the caller falls back). */
export class BatchNeedsLineByLine extends Error {}

interface PreparedStatement {
  documentId: string;
  data: Row;
  input: BatchStatementInput;
  /** The links of a save one at a time, and (a published story) the final ones after the publication's relink. */
  firstPass?: BatchStatementLinks;
  links?: BatchStatementLinks;
  flags?: BatchFlag[];
}

interface PreparedStory {
  entry: BatchLine;
  documentId: string;
  scalars: Row;
  published: boolean;
  proposals: string[];
  statements: PreparedStatement[];
  storyActors: string[];
  versionIds: number[];
}

/** Rows per multi-row insert: well under SQLite's bound variables and PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = 200;

/**
 * Writes new stories with their statements in bulk (docs/import-export.md, "Batches"): the fields as
 * the write path sanitizes and validates them, links, check-worthiness, verdicts' words, Story.actors
 * and flags with their review events computed by the same core functions, then written in a few
 * multi-row inserts per table, as the Query Engine lays the rows out. Runs inside the caller's
 * transaction; lines it cannot take as they stand (an unknown slug, a refused value, a story the
 * publish guard would stop) are declined, for the one-line path to report with its own words.
 */
export function createStoryBatchWriter(strapi: Core.Strapi, reader: ArchiveLineReader) {
  const lookup = createModelLookup(strapi);
  const column = (uid: string, attribute: string) => columnOf(strapi, uid, attribute);
  const joinOf = (uid: string, attribute: string) => joinTableOf(strapi, uid, attribute);

  async function insertChunked(table: string, rows: Row[], returning?: string[]): Promise<Row[]> {
    const knex = await currentKnex(strapi);
    const returned: Row[] = [];
    for (let offset = 0; offset < rows.length; offset += INSERT_CHUNK) {
      const query = knex(table).insert(rows.slice(offset, offset + INSERT_CHUNK));
      if (returning) returned.push(...((await query.returning(returning)) as Row[]));
      else await query;
    }
    return returned;
  }

  /**
   * Join rows of a relation, with its order columns as Strapi keeps them: the order within the owner
   * (new rows: from 1, in the given order) and within the target (after the target's last).
   */
  async function insertRelation(uid: string, attribute: string, pairs: Array<[number, number]>): Promise<void> {
    if (pairs.length === 0) return;
    const join = joinOf(uid, attribute);
    const knex = await currentKnex(strapi);
    const inverseNext = new Map<number, number>();
    if (join.inverseOrderColumnName) {
      const targets = [...new Set(pairs.map(([, to]) => to))];
      for (let offset = 0; offset < targets.length; offset += 500) {
        const rows = (await knex(join.name)
          .whereIn(join.inverseJoinColumn.name, targets.slice(offset, offset + 500))
          .groupBy(join.inverseJoinColumn.name)
          .select({ target: join.inverseJoinColumn.name })
          .max({ last: join.inverseOrderColumnName })) as Array<{ target: number; last: number | string | null }>;
        for (const row of rows) inverseNext.set(Number(row.target), Number(row.last ?? 0));
      }
    }
    const ownerNext = new Map<number, number>();
    const rows = pairs.map(([from, to]) => {
      const row: Row = { [join.joinColumn.name]: from, [join.inverseJoinColumn.name]: to };
      if (join.orderColumnName) {
        ownerNext.set(from, (ownerNext.get(from) ?? 0) + 1);
        row[join.orderColumnName] = ownerNext.get(from);
      }
      if (join.inverseOrderColumnName) {
        inverseNext.set(to, (inverseNext.get(to) ?? 0) + 1);
        row[join.inverseOrderColumnName] = inverseNext.get(to);
      }
      return row;
    });
    await insertChunked(join.name, rows);
  }

  /** Row ids of documents by documentId (their one row: actors and proposals have no drafts). */
  async function rowIds(uid: string, documentIds: string[]): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    const wanted = [...new Set(documentIds)];
    for (let offset = 0; offset < wanted.length; offset += 500) {
      const rows = (await strapi.db.query(uid as QueryUid).findMany({ where: { documentId: { $in: wanted.slice(offset, offset + 500) } }, select: ['id', 'documentId'] })) as Array<{ id: number; documentId: string }>;
      for (const row of rows) ids.set(row.documentId, row.id);
    }
    return ids;
  }

  /** A line's story and statements, read and checked as the write path would; null when the one-line path must take it. */
  function prepare(entry: BatchLine, actors: Map<string, string>, proposals: Map<string, string>): PreparedStory | null {
    const missing = (kind: string) => (slug: string): string => {
      const map = kind === 'actor' ? actors : proposals;
      const id = map.get(slug);
      if (!id) throw new BatchNeedsLineByLine(`unknown ${kind} ${slug}`);
      return id;
    };
    try {
      const fields = storyFieldsOf(entry.line);
      const scalars = { ...reader.storyScalars(entry.line), slug: fields.slug };
      if (validateDocumentData(scalars, lookup(STORY_UID)!, lookup, { partial: false }).length > 0) return null;
      const statements = (entry.line.newsgraph.statements ?? []).map((record): PreparedStatement => {
        const data = reader.statementData(record, missing('actor'), missing('proposal'));
        if (validateDocumentData(data, lookup(STATEMENT_UID)!, lookup, { partial: false }).length > 0) throw new BatchNeedsLineByLine('refused');
        const overrides = (data.linkOverrides as { pin: string[]; reject: string[]; rejectProposals?: string[] } | null) ?? { pin: [], reject: [] };
        return {
          documentId: newDocumentId(),
          data,
          input: {
            text: data.text as string,
            kind: data.kind as string,
            attribution: (data.attribution as string | null) ?? null,
            verification: data.verification as string,
            sourceUrl: (data.sourceUrl as string | null) ?? null,
            medium: (data.medium as string | null) ?? null,
            evidenceCount: ((data.evidence as Row[]) ?? []).length,
            editorSpeaker: (data.speaker as string | undefined) ?? null,
            overrides: { pin: [...overrides.pin], reject: [...overrides.reject], rejectProposals: [...(overrides.rejectProposals ?? [])] },
          },
        };
      });
      return {
        entry,
        documentId: newDocumentId(),
        scalars,
        published: fields.published,
        proposals: (entry.line.newsgraph.proposals ?? []).map(missing('proposal')),
        statements,
        storyActors: [],
        versionIds: [],
      };
    } catch (error) {
      if (error instanceof BatchNeedsLineByLine) return null;
      throw error;
    }
  }

  /**
   * Writes `entries` (new stories: no stored version has their slugs, none twice) inside the
   * caller's transaction.
   * @returns the line numbers written, and those declined for the one-line path
   * @throws BatchNeedsLineByLine when a story's flags turn out to stop its publication (undo, then line by line)
   */
  async function writeNewStories(entries: BatchLine[]): Promise<{ written: number[]; declined: number[] }> {
    const records = entries.flatMap((entry) => entry.line.newsgraph.statements ?? []);
    const actors = await reader.documentIdsBySlug(ACTOR_UID, records.flatMap((record) => [record.speaker, ...(record.linkOverrides?.pin ?? []), ...(record.linkOverrides?.reject ?? [])]));
    const proposalIds = await reader.documentIdsBySlug(PROPOSAL_UID, [...entries.flatMap((entry) => entry.line.newsgraph.proposals ?? []), ...records.flatMap((record) => record.linkOverrides?.rejectProposals ?? [])]);
    const declined: number[] = [];
    const stories: PreparedStory[] = [];
    for (const entry of entries) {
      const story = prepare(entry, actors, proposalIds);
      if (story) stories.push(story);
      else declined.push(entry.number);
    }
    if (stories.length === 0) return { written: [], declined };

    // Linking, scoring, verdicts' words: in memory, with the index read once for the batch.
    const flags = getService(strapi, 'flags');
    const config = flags.config();
    const { index, facts } = await getService(strapi, 'link-index').current();
    // Proposals' kinds settle "the talks"; the proposals are few beside the statements: read once a batch.
    const kinds = new Map(((await strapi.db.query(PROPOSAL_UID as QueryUid).findMany({ select: ['documentId', 'kind'] })) as Array<{ documentId: string; kind: string | null }>).map((row) => [row.documentId, row.kind]));
    const linkedAt = new Date().toISOString();
    for (const story of stories) {
      const { firstPass, links, storyActors } = linkStoryStatements(
        story.statements.map((statement) => statement.input),
        {
          onDate: story.scalars.storyDate as string,
          storyProposals: story.proposals.map((id) => ({ id, kind: kinds.get(id) ?? null })),
          index,
          facts,
          proposalKind: (id) => kinds.get(id) ?? null,
          linkedAt,
        },
        story.published
      );
      story.statements.forEach((statement, at) => {
        statement.firstPass = firstPass[at];
        statement.links = links[at];
      });
      story.storyActors = storyActors;
    }

    // Flags known before anything is written: a story the publish guard would stop goes the one-line
    // way (and is refused there). The guard reads the flags of the first pass, before the relink.
    const storyContext = (story: PreparedStory) => ({ body: (story.scalars.body as string | null) ?? null, sourceUrl: (story.scalars.sourceUrl as string | null) ?? null });
    const firstFlags = (story: PreparedStory, statement: PreparedStatement, earlier: EarlierVerdict[]) =>
      evaluateBatchFlags(statement.documentId, [], flagSubjectOf(statement.input, statement.firstPass!, storyContext(story), earlier), config, false);
    const stopsPublication = (story: PreparedStory) =>
      config.publishGuard && story.published && story.statements.some((statement) => (statement.flags ?? []).some((flag) => flag.severity === 'high' && flag.status === 'open'));
    for (const story of stories) for (const statement of story.statements) statement.flags = firstFlags(story, statement, []);
    const accepted = stories.filter((story) => {
      if (!stopsPublication(story)) return true;
      declined.push(story.entry.number);
      return false;
    });
    if (accepted.length === 0) return { written: [], declined };

    const now = new Date();
    // Stories: the draft, and the published version for a published story, as Strapi's publish copies it.
    const versions: Array<{ story: PreparedStory; publishedAt: Date | null }> = accepted.flatMap((story) => [
      { story, publishedAt: null },
      ...(story.published ? [{ story, publishedAt: now }] : []),
    ]);
    const storyIds = (await strapi.db.query(STORY_UID as QueryUid).createMany({
      data: versions.map(({ story, publishedAt }) => ({ ...story.scalars, documentId: story.documentId, createdAt: now, updatedAt: now, publishedAt, locale: null })),
    })) as unknown as { ids: number[] };
    versions.forEach((version, position) => version.story.versionIds.push(storyIds.ids[position]!));

    const statements = accepted.flatMap((story) => story.statements.map((statement) => ({ story, statement })));
    const statementIds =
      statements.length === 0
        ? { ids: [] as number[] }
        : ((await strapi.db.query(STATEMENT_UID as QueryUid).createMany({
            data: statements.map(({ statement }) => {
              const { speaker: _speaker, evidence: _evidence, ...fields } = statement.data;
              const links = statement.links!;
              return {
                ...fields,
                documentId: statement.documentId,
                verification: links.verification,
                verifiedText: links.verifiedText,
                checkWorthiness: links.checkWorthiness,
                linkState: links.linkState,
                linkText: links.linkText,
                createdAt: now,
                updatedAt: now,
                publishedAt: now,
                locale: null,
              };
            }),
          })) as unknown as { ids: number[] });
    const statementRow = new Map(statements.map(({ statement }, position) => [statement.documentId, statementIds.ids[position]!]));

    const linkedActors = accepted.flatMap((story) => [...story.storyActors, ...story.statements.flatMap((statement) => [statement.links!.speaker, ...statement.links!.mentions])]);
    const actorRow = await rowIds(ACTOR_UID, linkedActors.filter((id): id is string => Boolean(id)));
    const proposalRow = await rowIds(PROPOSAL_UID, accepted.flatMap((story) => [...story.proposals, ...story.statements.flatMap((statement) => statement.links!.proposals)]));
    const pairs = <T>(items: T[], pick: (item: T) => Array<[number, number]>) => items.flatMap(pick);

    await insertRelation(STORY_UID, 'proposals', pairs(accepted, (story) => story.versionIds.flatMap((id) => story.proposals.map((proposal) => [id, proposalRow.get(proposal)!] as [number, number]))));
    await insertRelation(STORY_UID, 'actors', pairs(accepted, (story) => story.versionIds.flatMap((id) => story.storyActors.map((actor) => [id, actorRow.get(actor)!] as [number, number]))));
    await insertRelation(STATEMENT_UID, 'story', pairs(statements, ({ story, statement }) => story.versionIds.map((id) => [statementRow.get(statement.documentId)!, id] as [number, number])));
    await insertRelation(STATEMENT_UID, 'speaker', pairs(statements, ({ statement }) => (statement.links!.speaker ? [[statementRow.get(statement.documentId)!, actorRow.get(statement.links!.speaker)!]] : [])));
    await insertRelation(STATEMENT_UID, 'mentions', pairs(statements, ({ statement }) => statement.links!.mentions.map((actor) => [statementRow.get(statement.documentId)!, actorRow.get(actor)!] as [number, number])));
    await insertRelation(STATEMENT_UID, 'proposals', pairs(statements, ({ statement }) => statement.links!.proposals.map((proposal) => [statementRow.get(statement.documentId)!, proposalRow.get(proposal)!] as [number, number])));

    // Evidence: component rows, then the statements' component links with their order.
    const evidence = statements.flatMap(({ statement }) => ((statement.data.evidence as Row[]) ?? []).map((item, order) => ({ statement, item, order: order + 1 })));
    if (evidence.length > 0) {
      const created = (await strapi.db.query(EVIDENCE_COMPONENT as QueryUid).createMany({ data: evidence.map(({ item }) => item) })) as unknown as { ids: number[] };
      const join = joinOf(STATEMENT_UID, 'evidence');
      await insertChunked(
        join.name,
        evidence.map(({ statement, order }, position) => ({
          [join.joinColumn.name]: statementRow.get(statement.documentId),
          [join.inverseJoinColumn.name]: created.ids[position],
          component_type: EVIDENCE_COMPONENT,
          ...join.on,
          [join.orderColumnName!]: order,
        }))
      );
    }

    // Earlier verdicts, now that the batch's rated statements are in the matcher's reach. A save one at
    // a time sees the newsroom before this batch, the batch's earlier lines and its story's earlier
    // statements; a publication's re-evaluation sees all of its story's statements.
    const position = new Map(statements.map(({ story, statement }, at) => [statement.documentId, { line: story.entry.number, at }]));
    const earlier = new Map<string, { atCreation: EarlierVerdict[]; afterPublication: EarlierVerdict[] }>();
    const matcher = getService(strapi, 'claim-matcher');
    // An empty matcher (no verdict in the newsroom yet, no fact-check imported) finds nothing: one query instead of one a statement.
    if (config.rules.repeats_checked_claim.enabled && (await matcher.size()) > 0) {
      for (const { story, statement } of statements) {
        if (isVerdict(statement.links!.verification)) continue;
        const mine = position.get(statement.documentId)!;
        const found = await matcher.findEarlierVerdicts(statement.input.text, { excludeStatementDocumentId: statement.documentId });
        const visible = (sameStoryToo: boolean) =>
          found.filter((verdict) => {
            const other = verdict.source === 'statement' ? position.get(verdict.documentId) : undefined;
            if (!other) return true;
            if (other.line !== mine.line) return other.line < mine.line;
            return sameStoryToo || other.at < mine.at;
          });
        earlier.set(statement.documentId, { atCreation: visible(false), afterPublication: story.published ? visible(true) : [] });
      }
    }
    for (const story of accepted) {
      for (const statement of story.statements) {
        const verdicts = earlier.get(statement.documentId);
        statement.flags = firstFlags(story, statement, verdicts?.atCreation ?? []);
        if (!story.published) continue;
        // The publication re-evaluates the story's flags, then its relink re-evaluates each statement's.
        const afterPublication = verdicts?.afterPublication ?? [];
        statement.flags = evaluateBatchFlags(statement.documentId, statement.flags, flagSubjectOf(statement.input, statement.firstPass!, storyContext(story), afterPublication), config, true);
        statement.flags = evaluateBatchFlags(statement.documentId, statement.flags, flagSubjectOf(statement.input, statement.links!, storyContext(story), afterPublication), config, true);
      }
    }
    if (accepted.some(stopsPublication)) throw new BatchNeedsLineByLine('a repeated claim would stop a publication');

    await insertFlags(accepted, statementRow, now);
    return { written: accepted.map((story) => story.entry.number), declined };
  }

  /**
   * Flags as flags.ts stores them (the same row shapes), each with its review events, in bulk. A flag
   * opened before the story's publication is linked to both versions (Strapi's publish copies the
   * link), one opened after it to the published version.
   */
  async function insertFlags(stories: PreparedStory[], statementRow: Map<string, number>, now: Date): Promise<void> {
    const flagColumn = (attribute: string) => column(FLAG_UID, attribute);
    const opened = stories.flatMap((story) => story.statements.flatMap((statement) => (statement.flags ?? []).map((flag) => ({ story, statement, flag, documentId: newDocumentId() }))));
    if (opened.length === 0) return;
    const inserted = await insertChunked(
      tableOf(strapi, FLAG_UID),
      opened.map(({ story, statement, flag, documentId }) => ({
        [flagColumn('documentId')]: documentId,
        [flagColumn('key')]: flag.key,
        [flagColumn('kind')]: flag.kind,
        [flagColumn('cause')]: flag.cause,
        [flagColumn('severity')]: flag.severity,
        [flagColumn('status')]: flag.status,
        [flagColumn('reason')]: flag.reason,
        [flagColumn('score')]: statement.links!.checkWorthiness,
        [flagColumn('version')]: flag.version,
        [flagColumn('storyDocumentId')]: story.documentId,
        [flagColumn('statementDocumentId')]: statement.documentId,
        [flagColumn('earlierVerdicts')]: flag.earlierVerdicts === null ? null : JSON.stringify(flag.earlierVerdicts),
        [flagColumn('createdAt')]: now,
        [flagColumn('updatedAt')]: now,
        [flagColumn('publishedAt')]: now,
      })),
      ['id']
    );
    const flagIds = inserted.map((row) => Number(row.id));
    await insertRelation(FLAG_UID, 'statement', opened.map(({ statement }, at) => [flagIds[at]!, statementRow.get(statement.documentId)!]));
    await insertRelation(
      FLAG_UID,
      'story',
      opened.flatMap(({ story, flag }, at) => (flag.openedAfterPublication ? story.versionIds.slice(-1) : story.versionIds).map((id) => [flagIds[at]!, id] as [number, number]))
    );
    const eventColumn = (attribute: string) => column(REVIEW_EVENT_UID, attribute);
    const events = opened.flatMap(({ flag }, at) => flag.events.map((event) => ({ event, flagId: flagIds[at]! })));
    const eventIds = await insertChunked(
      tableOf(strapi, REVIEW_EVENT_UID),
      events.map(({ event }) => ({
        [eventColumn('documentId')]: newDocumentId(),
        [eventColumn('from')]: event.from,
        [eventColumn('to')]: event.to,
        [eventColumn('note')]: event.note,
        [eventColumn('createdAt')]: now,
        [eventColumn('updatedAt')]: now,
        [eventColumn('publishedAt')]: now,
      })),
      ['id']
    );
    await insertRelation(REVIEW_EVENT_UID, 'flag', eventIds.map((row, at) => [Number(row.id), events[at]!.flagId]));
    // As one save at a time announces them: each flag that opened (a flag that opened and went obsolete was announced too).
    await getService(strapi, 'flags').emitOpenedFlagsAfterCommit(opened.filter(({ flag }) => flag.events.some((event) => event.to === 'open')).map(({ documentId }) => documentId));
  }

  return { writeNewStories };
}
