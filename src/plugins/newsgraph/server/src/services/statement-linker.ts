import type { Core } from '@strapi/strapi';
import { ACTOR_UID, PROPOSAL_UID, STATEMENT_UID, STORY_UID } from '../constants';
import { linkStatement, type AmbiguousPhrase, type LinkOverrides } from '../core/linking/linker';
import { isPlainObject, type DocumentData } from '../core/model-spec';
import { parseRelationInput, plainTargetOf, type RelationRef } from '../core/fields/relation-input';
import { linkTextOf } from '../core/linking/text-folding';
import { getService } from '../strapi/get-service';
import { columnOf, currentKnex, relationOf, tableOf } from '../strapi/types';
import type { MatcherSignatures } from './claim-matcher';
import type { StoryVersionRow } from './flags';
import type { IndexSignature } from './link-index';
import { workingVersion } from '../core/visibility/story-versions';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];

/** What Newsgraph records about how a statement was linked (Statement.linkState). */
export interface LinkState {
  status: 'linked' | 'failed';
  speakerSource?: 'editor' | 'attribution' | 'none';
  ambiguous?: AmbiguousPhrase[];
  /** Definite descriptions ("the talks") that fit several proposals of the story, with the candidates' documentIds. */
  ambiguousProposals?: AmbiguousPhrase[];
  /** Proposals the linker added (as opposed to an editor), so that a later relink may remove them. */
  autoProposals?: string[];
  linkedAt: string;
  error?: string;
}

/** One version (draft or published row) of a story. */
export interface StoryVersion {
  id: number;
  storyDate: string | null;
  publishedAt: string | null;
}

export interface StoredStatement {
  documentId: string;
  text: string | null;
  attribution: string | null;
  saidAt: string | null;
  speaker: { documentId: string } | null;
  mentions: Array<{ documentId: string }>;
  proposals: Array<{ documentId: string }>;
  story: { documentId: string } | null;
  linkOverrides: unknown;
  linkState: LinkState | null;
  /** Read with the rest for the verdict binding and the claim scorer, which run on the same write. */
  verification: string | null;
  verifiedText: string | null;
  checkWorthiness: number | string | null;
}

/** What plan() decides for one write. */
export interface LinkPlan {
  /** Fields to merge into the write's data; relations only when they change. */
  patch: DocumentData;
  /** The statement's speaker (with its name, when the index knows it) and mentions after the write, whether or not the patch rewrites them. */
  links: { speaker: string | null; speakerName: string | null; mentions: string[] };
  storyVersions: StoryVersion[];
  /**
   * The row ids of every version of the story, when the write names the story plainly (a documentId
   * with no status, locale or position): the rows Strapi would connect the statement to.
   */
  storyRowIds?: number[];
  /**
   * The story's versions and the claim matcher's freshness check, read in the plan's one query, so
   * that a new statement's flags are evaluated without reading anything back (services/flags.ts).
   * Present for a new statement with a story only.
   */
  storyPage?: { versions: StoryVersionRow[]; matcherSignatures: MatcherSignatures };
  /** Whether every version of the story already lists the statement's speaker and mentions. */
  storyActorsPresent: boolean;
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((id, index) => id === b[index]);

interface StoryRow extends IndexSignature, Partial<MatcherSignatures> {
  id: number;
  presentActors?: number | string;
  storyDate: string | number | Date | null;
  publishedAt: string | number | Date | null;
  dateline: string | null;
  title: string | null;
  /** Selected for a new statement only (its flags read them from here): see storyVersionsWithSignature. */
  body?: string | null;
  sourceUrl?: string | null;
  slug?: string | null;
}

/**
 * Dates as the Query Engine would return them (ISO strings) from a raw query: SQLite keeps
 * datetimes as epoch milliseconds, pg returns Date objects.
 */
function toIsoDate(value: string | number | Date | null): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || /^\d+$/.test(value)) return new Date(Number(value)).toISOString();
  return new Date(value).toISOString();
}

function readOverrides(value: unknown): LinkOverrides {
  if (!isPlainObject(value)) return { pin: [], reject: [], rejectProposals: [] };
  const list = (items: unknown) => (Array.isArray(items) ? items.filter((id): id is string => typeof id === 'string') : []);
  return { pin: list(value.pin), reject: list(value.reject), rejectProposals: list(value.rejectProposals) };
}

/** linkOverrides as stored: the lists that hold something, or null when an editor corrected nothing. */
function storedOverrides(overrides: LinkOverrides): LinkOverrides | null {
  const stored: LinkOverrides = { pin: overrides.pin, reject: overrides.reject };
  if ((overrides.rejectProposals ?? []).length > 0) stored.rejectProposals = overrides.rejectProposals;
  return stored.pin.length > 0 || stored.reject.length > 0 || stored.rejectProposals ? stored : null;
}

export { linkTextOf };

/**
 * Works out a statement's links for a write (create, update or relink) and returns the fields to
 * store with it: speaker, mentions, proposals, linkOverrides, linkState, linkText. The matching
 * itself is the pure core (core/linking/linker.ts); this service gathers its inputs from the write, the
 * stored statement and its story.
 */
export const statementLinkerService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Reads of the statement before a write, by the write's params (forgotten with them). */
  const storedByWrite = new WeakMap<object, Promise<StoredStatement | null>>();

  async function documentIdsOf(uid: string, refs: RelationRef[]): Promise<string[]> {
    const ids = refs.filter((ref): ref is { id: number } => 'id' in ref).map((ref) => ref.id);
    const byId = new Map<number, string>();
    if (ids.length > 0) {
      const rows = (await strapi.db.query(uid as QueryUid).findMany({ where: { id: { $in: ids } }, select: ['id', 'documentId'] })) as Array<{ id: number; documentId: string }>;
      for (const row of rows) byId.set(row.id, row.documentId);
    }
    return refs.map((ref) => ('documentId' in ref ? ref.documentId : byId.get(ref.id))).filter((id): id is string => Boolean(id));
  }

  /**
   * The story's versions with their dates, the index's signature, how many of `guessedActors` each
   * version's Story.actors holds, and, for a new statement, what its flags read (the body, source and
   * slug, the claim matcher's signature): everything a save needs from the database, in one round
   * trip. An update or a relink reads its flags' inputs after the write (they have flags to read
   * too), so it leaves out the body, which can be long, and the matcher's sub-queries.
   */
  async function storyVersionsWithSignature(storyDocumentId: string, guessedActors: string[], forNewStatement: boolean): Promise<StoryRow[]> {
    const stories = tableOf(strapi, STORY_UID);
    const column = (name: string) => `${stories}.${columnOf(strapi, STORY_UID, name)}`;
    const knex = await currentKnex(strapi);
    const columns: Record<string, unknown> = {
      id: `${stories}.id`,
      storyDate: column('storyDate'),
      publishedAt: column('publishedAt'),
      dateline: column('dateline'),
      title: column('title'),
      ...getService(strapi, 'link-index').signatureColumns(),
      ...(forNewStatement
        ? { body: column('body'), sourceUrl: column('sourceUrl'), slug: column('slug'), ...getService(strapi, 'claim-matcher').signatureColumns(knex) }
        : {}),
    };
    if (guessedActors.length > 0) columns.presentActors = getService(strapi, 'story-actors').presentActorsColumn(guessedActors);
    return (await knex(stories)
      .where(column('documentId'), storyDocumentId)
      .select(columns as never)) as StoryRow[];
  }

  /**
   * The date each story was last linked on, per story: lets a save link with the index in memory
   * before its one query, which then only confirms the guess (see plan). Bounded; a wrong entry
   * costs a second link, never a wrong one.
   */
  const lastStoryDates = new Map<string, string | null>();
  const rememberStoryDate = (storyId: string, date: string | null) => {
    if (lastStoryDates.size >= 1000) lastStoryDates.delete(lastStoryDates.keys().next().value!);
    lastStoryDates.set(storyId, date);
  };

  /**
   * The proposals already linked in a story, with their kinds: those of its other statements and the
   * story's own. Read only for a statement whose text holds a definite description ("the talks").
   */
  async function storyProposalsOf(storyDocumentId: string, statementDocumentId: string | undefined): Promise<Array<{ id: string; kind: string | null }>> {
    type WithProposals = { proposals?: Array<{ documentId: string; kind: string | null }> };
    const proposals = { select: ['documentId', 'kind'] };
    const statements = (await strapi.db.query(STATEMENT_UID as QueryUid).findMany({
      where: { story: { documentId: storyDocumentId }, ...(statementDocumentId ? { documentId: { $ne: statementDocumentId } } : {}) },
      select: ['id'],
      populate: { proposals },
    })) as WithProposals[];
    const stories = (await strapi.db.query(STORY_UID as QueryUid).findMany({ where: { documentId: storyDocumentId }, select: ['id'], populate: { proposals } })) as WithProposals[];
    const found = new Map<string, string | null>();
    for (const row of [...statements, ...stories]) for (const proposal of row.proposals ?? []) found.set(proposal.documentId, proposal.kind);
    return [...found].map(([id, kind]) => ({ id, kind }));
  }

  return {
    /**
     * The statement as stored, with its relations' documentIds, in one query: its speaker and story
     * are sub-queries, its mentions and proposals JSON arrays in their order (the Query Engine's
     * populate made five queries).
     */
    async loadStored(documentId: string): Promise<StoredStatement | null> {
      const knex = await currentKnex(strapi);
      const own = (attribute: string) => `s.${columnOf(strapi, STATEMENT_UID, attribute)}`;
      const linked = (attribute: string) => {
        const { joinTable, target } = relationOf(strapi, STATEMENT_UID, attribute);
        return {
          joinTable,
          query: knex(`${joinTable.name} as l`)
            .join(`${tableOf(strapi, target)} as t`, 't.id', `l.${joinTable.inverseJoinColumn.name}`)
            .where(`l.${joinTable.joinColumn.name}`, knex.ref('s.id')),
          documentId: `t.${columnOf(strapi, target, 'documentId')}`,
        };
      };
      const one = (attribute: string) => {
        const { query, documentId: targetDocumentId } = linked(attribute);
        return query.select(targetDocumentId).limit(1);
      };
      // In the relation's order (Strapi's order column), as the Query Engine's populate lists them.
      const list = (attribute: string) => {
        const { query, joinTable, documentId: targetDocumentId } = linked(attribute);
        const order = [...(joinTable.orderColumnName ? [`l.${joinTable.orderColumnName}`] : []), 'l.id'];
        const by = order.map(() => '??').join(', ');
        const aggregate = strapi.db.dialect.client === 'postgres' ? `coalesce(json_agg(?? ORDER BY ${by}), '[]'::json)` : `json_group_array(?? ORDER BY ${by})`;
        return query.select(knex.raw(aggregate, [targetDocumentId, ...order]));
      };
      const columns: Record<string, unknown> = { speaker: one('speaker'), story: one('story'), mentions: list('mentions'), proposals: list('proposals') };
      for (const attribute of ['documentId', 'text', 'attribution', 'saidAt', 'linkOverrides', 'linkState', 'verification', 'verifiedText', 'checkWorthiness']) columns[attribute] = own(attribute);
      const row = (await knex(`${tableOf(strapi, STATEMENT_UID)} as s`).where(own('documentId'), documentId).first(columns as never)) as Record<string, unknown> | undefined;
      if (!row) return null;
      // JSON comes back as text from SQLite and parsed from PostgreSQL; datetimes as SQLite and pg store them.
      const json = <T>(value: unknown): T | null => (typeof value === 'string' ? (JSON.parse(value) as T) : ((value ?? null) as T | null));
      const reference = (value: unknown) => (typeof value === 'string' ? { documentId: value } : null);
      const references = (value: unknown) => (json<string[]>(value) ?? []).map((id) => ({ documentId: id }));
      return {
        documentId: row.documentId as string,
        text: (row.text as string | null) ?? null,
        attribution: (row.attribution as string | null) ?? null,
        saidAt: toIsoDate(row.saidAt as string | number | Date | null),
        speaker: reference(row.speaker),
        story: reference(row.story),
        mentions: references(row.mentions),
        proposals: references(row.proposals),
        linkOverrides: json<unknown>(row.linkOverrides),
        linkState: json<LinkState>(row.linkState),
        verification: (row.verification as string | null) ?? null,
        verifiedText: (row.verifiedText as string | null) ?? null,
        checkWorthiness: (row.checkWorthiness as number | string | null) ?? null,
      };
    },

    /**
     * The statement as stored before the write in progress, read once for all the middlewares that
     * need it (linking, verdict binding, claim scoring): an update read it up to three times.
     * @param write the write's params, the same object through the whole middleware chain
     */
    async storedBeforeWrite(write: object, documentId: string): Promise<StoredStatement | null> {
      let stored = storedByWrite.get(write);
      if (!stored) {
        stored = this.loadStored(documentId);
        storedByWrite.set(write, stored);
      }
      return stored;
    },

    /** @returns the story documentId the statement will belong to after `data` is written */
    async storyAfterWrite(data: DocumentData, stored: StoredStatement | null): Promise<string | null> {
      const change = parseRelationInput(data.story);
      if (!change) return stored?.story?.documentId ?? null;
      const chosen = await documentIdsOf(STORY_UID, change.set ?? change.connect);
      if (chosen.length > 0) return chosen[0]!;
      return change.set || change.disconnect.length > 0 ? null : stored?.story?.documentId ?? null;
    },

    /**
     * @param storyId the story the statement belongs to after the write (storyAfterWrite)
     * @returns the linking fields to merge into the write's data, the links found, and the story's versions it read
     * @throws whatever the database throws; the caller keeps the editor's save regardless
     */
    async plan(data: DocumentData, stored: StoredStatement | null, storyId: string | null): Promise<LinkPlan> {
      const text = typeof data.text === 'string' ? data.text : stored?.text ?? '';
      const attribution = 'attribution' in data ? (typeof data.attribution === 'string' ? data.attribution : '') : stored?.attribution ?? '';
      const saidAt = typeof data.saidAt === 'string' ? data.saidAt : stored?.saidAt ?? null;

      // An editor's speaker wins; one the linker found earlier is found again from the attribution.
      const previousSource = stored?.linkState?.speakerSource ?? (stored?.speaker ? 'editor' : 'none');
      const speakerChange = parseRelationInput(data.speaker);
      let editorSpeaker: string | null = previousSource === 'editor' ? stored?.speaker?.documentId ?? null : null;
      if (speakerChange) {
        const chosen = await documentIdsOf(ACTOR_UID, speakerChange.set ?? speakerChange.connect);
        editorSpeaker = chosen[0] ?? null;
      }

      // Mentions an editor adds by hand are pins; mentions an editor removes are rejections.
      const overrides = readOverrides('linkOverrides' in data ? data.linkOverrides : stored?.linkOverrides);
      const mentionChange = parseRelationInput(data.mentions);
      if (mentionChange) {
        for (const id of await documentIdsOf(ACTOR_UID, [...(mentionChange.set ?? []), ...mentionChange.connect])) {
          if (!overrides.pin.includes(id)) overrides.pin.push(id);
          overrides.reject = overrides.reject.filter((rejected) => rejected !== id);
        }
        for (const id of await documentIdsOf(ACTOR_UID, mentionChange.disconnect)) {
          if (!overrides.reject.includes(id)) overrides.reject.push(id);
          overrides.pin = overrides.pin.filter((pinned) => pinned !== id);
        }
      }

      // Proposals: what an editor linked stays; what the linker linked follows the text.
      const previousAuto = new Set(stored?.linkState?.autoProposals ?? []);
      let editorProposals = (stored?.proposals ?? []).map((proposal) => proposal.documentId).filter((id) => !previousAuto.has(id));
      const proposalChange = parseRelationInput(data.proposals);
      let removedProposals: string[] = [];
      if (proposalChange) {
        if (proposalChange.set) editorProposals = await documentIdsOf(PROPOSAL_UID, proposalChange.set);
        editorProposals.push(...(await documentIdsOf(PROPOSAL_UID, proposalChange.connect)));
        removedProposals = await documentIdsOf(PROPOSAL_UID, proposalChange.disconnect);
        editorProposals = editorProposals.filter((id) => !removedProposals.includes(id));
        // A proposal an editor unlinks stays unlinked on every relink; one they link again is welcome back.
        overrides.rejectProposals = [...new Set([...(overrides.rejectProposals ?? []).filter((id) => !editorProposals.includes(id)), ...removedProposals])];
      }
      const rejectedProposals = overrides.rejectProposals ?? [];
      editorProposals = editorProposals.filter((id) => !rejectedProposals.includes(id));
      const baseInput = { text, attribution, editorSpeaker, overrides };

      // Link first with the index in memory and the story's last known date, then read the story, the
      // index's signature and whether Story.actors already holds the guessed actors in one query. The
      // guess stands only if neither the index nor the date moved; otherwise the statement is linked
      // again below. Either way the links come from the fresh index and date.
      const linkIndex = getService(strapi, 'link-index');
      const loaded = linkIndex.peek();
      const guessedDate = storyId && lastStoryDates.has(storyId) ? lastStoryDates.get(storyId)! ?? saidAt : undefined;
      const guess = loaded && guessedDate !== undefined ? linkStatement({ ...baseInput, onDate: guessedDate }, loaded.index, loaded.facts) : null;
      const guessedActors = guess && !guess.consultedStoryActors ? [...new Set([guess.speaker, ...guess.mentions].filter((id): id is string => Boolean(id)))] : [];
      const storyRows = storyId ? await storyVersionsWithSignature(storyId, guessedActors, stored === null) : [];
      const storyVersions: StoryVersion[] = storyRows.map(({ id, storyDate, publishedAt }) => ({ id, storyDate: toIsoDate(storyDate), publishedAt: toIsoDate(publishedAt) }));
      const story = workingVersion(storyVersions) ?? null;
      const onDate = story?.storyDate ?? saidAt;
      // "The government" in a story datelined PARIS: read with the story, used only when a description needs it.
      const workingRow = storyRows.find((row) => row.id === story?.id);
      const dateline = workingRow?.dateline ?? null;
      const headline = workingRow?.title ?? null;
      if (storyId) rememberStoryDate(storyId, story?.storyDate ?? null);

      const { index, facts, version, rowIdOf } = await linkIndex.current(storyRows[0]);
      const input = { ...baseInput, onDate, dateline, headline };
      const guessHolds = guess !== null && loaded !== null && loaded.version === version && guessedDate === onDate;
      let result = guessHolds ? guess : linkStatement(input, index, facts);
      const storyActorsPresent =
        guessHolds && guessedActors.length > 0 && storyRows.every((row) => Number(row.presentActors ?? 0) === guessedActors.length);
      let storyActors: string[] | undefined;
      if (result.consultedStoryActors && storyVersions.length > 0) {
        // An alias of several actors: weigh them against the story's actors, read only now because
        // a story's actors grow with the story and most statements never need them.
        storyActors = await getService(strapi, 'story-actors').actorsOfVersions(storyVersions.map((version) => version.id));
        result = linkStatement({ ...input, storyActors }, index, facts);
      }
      if (result.consultedStoryProposals && storyId) {
        // "The talks": the one negotiation already linked in the story, read only when the text says so.
        const storyProposals = await storyProposalsOf(storyId, stored?.documentId);
        result = linkStatement({ ...input, storyActors, storyProposals }, index, facts);
      }

      const autoProposals = result.proposals.filter((id) => !editorProposals.includes(id) && !removedProposals.includes(id));

      const linkState: LinkState = {
        status: 'linked',
        speakerSource: result.speakerSource,
        ambiguous: result.ambiguous,
        ...(result.ambiguousProposals.length > 0 ? { ambiguousProposals: result.ambiguousProposals } : {}),
        autoProposals,
        linkedAt: new Date().toISOString(),
      };
      const proposals = [...new Set([...editorProposals, ...autoProposals])];
      const patch: DocumentData = { linkState, linkText: linkTextOf(text, attribution) };
      // A relation is written only when it changes (or the write names it): an unchanged one would
      // cost Strapi a delete and re-insert of its join rows, on every relink.
      const previous = {
        speaker: stored?.speaker?.documentId ?? null,
        mentions: (stored?.mentions ?? []).map((mention) => mention.documentId),
        proposals: (stored?.proposals ?? []).map((proposal) => proposal.documentId),
      };
      // As row ids where the index knows them (Strapi then skips its documentId lookup), else as documentIds.
      const reference = (kind: 'actor' | 'proposal', documentId: string) => {
        const id = rowIdOf(kind, documentId);
        return id === undefined ? documentId : { id };
      };
      if ('speaker' in data || result.speaker !== previous.speaker) patch.speaker = result.speaker === null ? null : reference('actor', result.speaker);
      if ('mentions' in data || !sameList(result.mentions, previous.mentions)) patch.mentions = result.mentions.map((id) => reference('actor', id));
      if ('proposals' in data || !sameList(proposals, previous.proposals)) patch.proposals = proposals.map((id) => reference('proposal', id));
      if (mentionChange || proposalChange || 'linkOverrides' in data) patch.linkOverrides = storedOverrides(overrides);
      // Strapi connects a statement to every version of its story, and reads the story's draft and
      // published rows to find them (two queries). This plan has just read them. A new statement's
      // link rows, the story's among them, are written from storyRowIds where they can be
      // (write-link-rows.ts). Otherwise a story named plainly with one version (a draft) goes to Strapi
      // by its row id, whose validation still checks the row exists inside the transaction; a story
      // with two versions keeps Strapi's path, as Strapi collapses a to-one relation given two rows to
      // the last.
      const storyRowIds = storyId !== null && storyRows.length > 0 && plainTargetOf(data.story) === storyId ? storyRows.map((row) => Number(row.id)) : undefined;
      if (storyRowIds?.length === 1) patch.story = [{ id: storyRowIds[0]! }];
      const storyPage =
        stored === null && storyRows.length > 0
          ? {
              versions: storyRows.map(({ id, body, sourceUrl, publishedAt, title, slug }) => ({ id: Number(id), body: body ?? null, sourceUrl: sourceUrl ?? null, publishedAt, title, slug: slug ?? null })),
              matcherSignatures: { statementsUpdatedAt: storyRows[0]!.statementsUpdatedAt, factChecksUpdatedAt: storyRows[0]!.factChecksUpdatedAt },
            }
          : undefined;
      const speakerName = result.speaker === null ? null : facts(result.speaker)?.name ?? null;
      return { patch, links: { speaker: result.speaker, speakerName, mentions: result.mentions }, storyVersions, storyActorsPresent, ...(storyRowIds ? { storyRowIds } : {}), ...(storyPage ? { storyPage } : {}) };
    },
  };
};
