import { isDeepStrictEqual } from 'util';
import type { Core } from '@strapi/strapi';
import { ACTOR_UID, PROPOSAL_UID, STATEMENT_UID, STORY_UID } from '../constants';
import {
  ninjsItemOf,
  storyFieldsOf,
  type ActorLine,
  type AliasRecord,
  type ArchiveLine,
  type ProposalLine,
  type StatementRecord,
  type StoryFields,
  type StoryLine,
} from '../core/archive/archive-format';
import { sanitizeDocumentData } from '../core/fields/field-sanitation';
import { getService } from '../strapi/get-service';
import { createModelLookup } from '../strapi/types';
import { BatchNeedsLineByLine, createStoryBatchWriter, type BatchLine } from './archive-batch';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];
type DocumentUid = Parameters<Core.Strapi['documents']>[0];
type Row = Record<string, unknown>;

/** What importing one line did. */
export type LineOutcome = 'created' | 'updated' | 'unchanged';

/** A line that cannot be imported as it stands (an unknown key, a refused value): reported and skipped. */
export class ArchiveLineError extends Error {}

/** What importing one numbered line of a batch did: its outcome, or why it was skipped. */
export type NumberedOutcome = { number: number; outcome: LineOutcome } | { number: number; error: Error };

/** Dates come back as Date objects, ISO strings or (SQLite) epoch milliseconds, by database. */
function toIso(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function toDay(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

const orNull = <T>(value: T | undefined | null | ''): T | null => (value === undefined || value === '' ? null : value);
const slugOf = (row: unknown): string | null => (row && typeof row === 'object' ? ((row as { slug?: string | null }).slug ?? null) : null);
const sorted = (values: string[]) => [...values].sort();

/**
 * Takes a Newsgraph archive in and gives the newsroom back (docs/import-export.md). Every line is
 * written in one transaction through the Document Service, so that sanitation, validation, linking,
 * scoring and flags apply as to any save, and a line refused half-way leaves nothing behind. A line
 * is compared with what is stored before anything is written: a second import changes nothing.
 */
export const archiveService = ({ strapi }: { strapi: Core.Strapi }) => {
  const lookup = createModelLookup(strapi);
  const query = (uid: string) => strapi.db.query(uid as QueryUid);
  // The document service is typed per generated uid; the archive writes the four it declares in constants.ts.
  const documents = (uid: string) => strapi.documents(uid as DocumentUid) as unknown as {
    create(params: { data: Row; status?: string }): Promise<Row>;
    update(params: { documentId: string; data: Row }): Promise<Row>;
    delete(params: { documentId: string }): Promise<unknown>;
    publish(params: { documentId: string }): Promise<unknown>;
    unpublish(params: { documentId: string }): Promise<unknown>;
  };

  /** What the write path would store for `data`, so that a comparison is with the stored form. */
  function stored(uid: string, data: Row): Row {
    const model = lookup(uid);
    return model ? sanitizeDocumentData(data, model, lookup, { dropComputedFields: false }) : data;
  }

  async function documentIdsBySlug(uid: string, slugs: Array<string | null | undefined>): Promise<Map<string, string>> {
    const wanted = [...new Set(slugs.filter((slug): slug is string => Boolean(slug)))];
    if (wanted.length === 0) return new Map();
    const rows = (await query(uid).findMany({ where: { slug: { $in: wanted } }, select: ['documentId', 'slug'] })) as Array<{ documentId: string; slug: string }>;
    return new Map(rows.map((row) => [row.slug, row.documentId]));
  }

  function resolver(map: Map<string, string>, what: string) {
    return (slug: string): string => {
      const documentId = map.get(slug);
      if (!documentId) throw new ArchiveLineError(`unknown ${what} "${slug}" (its line must come first)`);
      return documentId;
    };
  }

  /** The line's aliases, and the ones Newsgraph added itself that the line does not name (they stay). */
  function mergedAliases(line: AliasRecord[] | undefined, current: Array<{ name: string; language: string | null; automatic: boolean | null }>): Row[] {
    const given = (line ?? []).map((alias) => ({ name: alias.name, language: orNull(alias.language), automatic: alias.automatic ?? false }));
    const named = new Set(given.map((alias) => alias.name));
    const kept = current.filter((alias) => alias.automatic && !named.has(alias.name)).map((alias) => ({ name: alias.name, language: alias.language, automatic: true }));
    return [...given, ...kept];
  }

  const aliasView = (aliases: unknown): Row[] =>
    ((aliases as Array<{ name: string; language: string | null; automatic: boolean | null }>) ?? []).map((alias) => ({ name: alias.name, language: orNull(alias.language), automatic: Boolean(alias.automatic) }));

  async function importActor(line: ActorLine): Promise<LineOutcome> {
    const actors = await documentIdsBySlug(ACTOR_UID, [line.slug, line.affiliation, ...(line.positions ?? []).map((position) => position.organization)]);
    const actorId = resolver(actors, 'actor');
    const existingId = actors.get(line.slug);
    const current = existingId
      ? ((await query(ACTOR_UID).findOne({
          where: { documentId: existingId },
          populate: { aliases: true, positions: { populate: { organization: { select: ['slug'] } } }, affiliation: { select: ['slug'] } },
        })) as Row)
      : null;

    const scalars = stored(ACTOR_UID, { name: line.name, kind: line.kind, description: line.description, country: line.country, wikidataId: line.wikidataId });
    const wanted: Row = {};
    for (const [key, value] of Object.entries(scalars)) if (value !== undefined) wanted[key] = orNull(value);
    const aliases = line.aliases === undefined ? undefined : mergedAliases(line.aliases, (current?.aliases as never) ?? []);
    const positions = line.positions?.map((position) => ({
      title: orNull(position.title), descriptors: orNull(position.descriptors), organization: orNull(position.organization), from: orNull(position.from), to: orNull(position.to),
    }));

    if (current) {
      const same =
        Object.entries(wanted).every(([key, value]) => isDeepStrictEqual(orNull(current[key] as unknown), value)) &&
        (aliases === undefined || isDeepStrictEqual(aliasView(current.aliases), stored(ACTOR_UID, { aliases }).aliases)) &&
        (line.affiliation === undefined || slugOf(current.affiliation) === orNull(line.affiliation)) &&
        (positions === undefined ||
          isDeepStrictEqual(
            ((current.positions as Row[]) ?? []).map((position) => ({ title: orNull(position.title), descriptors: orNull(position.descriptors), organization: slugOf(position.organization), from: toDay(position.from), to: toDay(position.to) })),
            positions.map((position) => ({ ...position, ...(stored('newsgraph.position', { title: position.title, descriptors: position.descriptors }) as Row) }))
          ));
      if (same) return 'unchanged';
    }
    const data: Row = { ...wanted, slug: line.slug };
    if (aliases !== undefined) data.aliases = aliases;
    if (line.affiliation !== undefined) data.affiliation = { set: line.affiliation ? [actorId(line.affiliation)] : [] };
    if (positions !== undefined) data.positions = positions.map((position) => ({ ...position, organization: position.organization ? actorId(position.organization) : null }));
    if (existingId) await documents(ACTOR_UID).update({ documentId: existingId, data });
    else await documents(ACTOR_UID).create({ data });
    return existingId ? 'updated' : 'created';
  }

  async function importProposal(line: ProposalLine): Promise<LineOutcome> {
    const parties = { proposedBy: line.proposedBy, supporters: line.supporters, opponents: line.opponents };
    const actors = await documentIdsBySlug(ACTOR_UID, Object.values(parties).flatMap((list) => list ?? []));
    const actorId = resolver(actors, 'actor');
    const existingId = (await documentIdsBySlug(PROPOSAL_UID, [line.slug])).get(line.slug);
    const current = existingId
      ? ((await query(PROPOSAL_UID).findOne({
          where: { documentId: existingId },
          populate: { aliases: true, proposedBy: { select: ['slug'] }, supporters: { select: ['slug'] }, opponents: { select: ['slug'] } },
        })) as Row)
      : null;
    const scalars = stored(PROPOSAL_UID, { title: line.title, summary: line.summary, kind: line.kind, status: line.status, terms: line.terms });
    const wanted: Row = {};
    for (const [key, value] of Object.entries(scalars)) if (value !== undefined) wanted[key] = orNull(value);
    if (line.proposedOn !== undefined) wanted.proposedOn = orNull(line.proposedOn);
    const aliases = line.aliases === undefined ? undefined : mergedAliases(line.aliases, []);

    if (current) {
      const same =
        Object.entries(wanted).every(([key, value]) => isDeepStrictEqual(key === 'proposedOn' ? toDay(current[key]) : orNull(current[key] as unknown), value)) &&
        (aliases === undefined || isDeepStrictEqual(aliasView(current.aliases), stored(PROPOSAL_UID, { aliases }).aliases)) &&
        Object.entries(parties).every(([key, list]) => list === undefined || isDeepStrictEqual(sorted(((current[key] as Row[]) ?? []).map((row) => slugOf(row) ?? '')), sorted(list)));
      if (same) return 'unchanged';
    }
    const data: Row = { ...wanted, slug: line.slug };
    if (aliases !== undefined) data.aliases = aliases;
    for (const [key, list] of Object.entries(parties)) if (list !== undefined) data[key] = { set: list.map(actorId) };
    if (existingId) await documents(PROPOSAL_UID).update({ documentId: existingId, data });
    else await documents(PROPOSAL_UID).create({ data });
    return existingId ? 'updated' : 'created';
  }

  const STORY_FIELDS = ['title', 'standfirst', 'body', 'storyDate', 'dateline', 'byline', 'outlet', 'section', 'language', 'sourceUrl'] as const;
  const STATEMENT_FIELDS = ['text', 'kind', 'attribution', 'saidAt', 'medium', 'sourceUrl', 'verification'] as const;

  /** A statement as the archive describes it, ids resolved, in the form the store keeps it. */
  function statementData(record: StatementRecord, actorId: (slug: string) => string, proposalId: (slug: string) => string): Row {
    const data = stored(STATEMENT_UID, {
      text: record.text,
      kind: record.kind ?? 'direct_quote',
      attribution: orNull(record.attribution),
      saidAt: record.saidAt ? toIso(record.saidAt) : null,
      medium: orNull(record.medium),
      sourceUrl: orNull(record.sourceUrl),
      verification: record.verification ?? 'unverified',
      evidence: (record.evidence ?? []).map((evidence) => ({ url: orNull(evidence.url), title: orNull(evidence.title), note: orNull(evidence.note) })),
    });
    const overrides = record.linkOverrides;
    const pin = (overrides?.pin ?? []).map(actorId);
    const reject = (overrides?.reject ?? []).map(actorId);
    const rejectProposals = (overrides?.rejectProposals ?? []).map(proposalId);
    data.linkOverrides = pin.length + reject.length + rejectProposals.length > 0 ? { pin, reject, ...(rejectProposals.length > 0 ? { rejectProposals } : {}) } : null;
    if (record.speaker) data.speaker = actorId(record.speaker);
    return data;
  }

  function statementView(row: Row): Row {
    const view: Row = {};
    for (const field of STATEMENT_FIELDS) view[field] = field === 'saidAt' ? toIso(row[field]) : orNull(row[field] as unknown);
    view.evidence = ((row.evidence as Row[]) ?? []).map((evidence) => ({ url: orNull(evidence.url), title: orNull(evidence.title), note: orNull(evidence.note) }));
    const overrides = row.linkOverrides as { pin?: string[]; reject?: string[]; rejectProposals?: string[] } | null;
    const pin = overrides?.pin ?? [];
    const reject = overrides?.reject ?? [];
    const rejectProposals = overrides?.rejectProposals ?? [];
    view.linkOverrides = pin.length + reject.length + rejectProposals.length > 0 ? { pin, reject, ...(rejectProposals.length > 0 ? { rejectProposals } : {}) } : null;
    return view;
  }

  /** A story line's own fields, in the form the write path stores them. */
  function storyScalars(line: StoryLine): Row {
    const fields = storyFieldsOf(line);
    return stored(STORY_UID, Object.fromEntries(STORY_FIELDS.map((field) => [field, fields[field]])));
  }

  const statementKey = (data: Row) => `${String(data.text)}\u0000${String(data.attribution ?? '')}`;

  async function importStory(line: StoryLine): Promise<LineOutcome> {
    const fields = storyFieldsOf(line);
    const records = line.newsgraph.statements ?? [];
    const actors = await documentIdsBySlug(ACTOR_UID, records.flatMap((record) => [record.speaker, ...(record.linkOverrides?.pin ?? []), ...(record.linkOverrides?.reject ?? [])]));
    const proposals = await documentIdsBySlug(PROPOSAL_UID, [...(line.newsgraph.proposals ?? []), ...records.flatMap((record) => record.linkOverrides?.rejectProposals ?? [])]);
    const actorId = resolver(actors, 'actor');
    const proposalId = resolver(proposals, 'proposal');

    const versions = (await query(STORY_UID).findMany({ where: { slug: fields.slug }, populate: { proposals: { select: ['slug'] } } })) as Row[];
    const draft = versions.find((version) => !version.publishedAt);
    const isPublished = versions.some((version) => Boolean(version.publishedAt));
    const scalars = storyScalars(line);
    const wantedProposals = line.newsgraph.proposals;
    let outcome: LineOutcome = 'unchanged';
    let documentId = draft?.documentId as string | undefined;

    const storyChanged =
      !draft ||
      STORY_FIELDS.some((field) => !isDeepStrictEqual(field === 'storyDate' ? toIso(draft[field]) : orNull(draft[field] as unknown), orNull(scalars[field] as unknown))) ||
      (wantedProposals !== undefined && !isDeepStrictEqual(sorted(((draft.proposals as Row[]) ?? []).map((row) => slugOf(row) ?? '')), sorted(wantedProposals)));
    if (storyChanged) {
      const data: Row = { ...scalars, slug: fields.slug };
      if (wantedProposals !== undefined) data.proposals = { set: wantedProposals.map(proposalId) };
      if (documentId) await documents(STORY_UID).update({ documentId, data });
      else documentId = (await documents(STORY_UID).create({ data, status: 'draft' })).documentId as string;
      outcome = draft ? 'updated' : 'created';
    }

    // Statements are matched by their words and attribution: the archive holds no other identity.
    const current = (await query(STATEMENT_UID).findMany({ where: { story: { documentId } }, populate: { evidence: true, speaker: { select: ['documentId'] } } })) as Row[];
    const byKey = new Map<string, Row[]>();
    const seen = new Set<string>();
    for (const row of current) {
      if (seen.has(row.documentId as string)) continue;
      seen.add(row.documentId as string);
      const key = statementKey(row);
      byKey.set(key, [...(byKey.get(key) ?? []), row]);
    }
    for (const record of records) {
      const data = statementData(record, actorId, proposalId);
      const match = byKey.get(statementKey(data))?.shift();
      if (match) {
        const { speaker, ...compared } = data;
        const speakerSame = speaker === undefined || ((match.speaker as Row | null)?.documentId === speaker && (match.linkState as { speakerSource?: string } | null)?.speakerSource === 'editor');
        if (speakerSame && isDeepStrictEqual(statementView(match), compared)) continue;
        await documents(STATEMENT_UID).update({ documentId: match.documentId as string, data });
      } else {
        await documents(STATEMENT_UID).create({ data: { ...data, story: documentId } });
      }
      if (outcome === 'unchanged') outcome = 'updated';
    }
    for (const rows of byKey.values()) {
      for (const row of rows) {
        await documents(STATEMENT_UID).delete({ documentId: row.documentId as string });
        if (outcome === 'unchanged') outcome = 'updated';
      }
    }

    if (fields.published && (!isPublished || storyChanged)) await documents(STORY_UID).publish({ documentId: documentId! });
    else if (!fields.published && isPublished) await documents(STORY_UID).unpublish({ documentId: documentId! });
    if (outcome === 'unchanged' && fields.published !== isPublished) outcome = 'updated';
    return outcome;
  }

  /** Orders actors so that the organization and affiliation an actor names come before it. */
  function inDependencyOrder(actors: Row[]): Row[] {
    const bySlug = new Map(actors.map((actor) => [actor.slug as string, actor]));
    const placed = new Set<string>();
    const ordered: Row[] = [];
    const visiting = new Set<string>();
    const place = (actor: Row) => {
      const slug = actor.slug as string;
      if (placed.has(slug) || visiting.has(slug)) return;
      visiting.add(slug);
      const needs = [slugOf(actor.affiliation), ...((actor.positions as Row[]) ?? []).map((position) => slugOf(position.organization))];
      for (const need of needs) if (need && bySlug.has(need)) place(bySlug.get(need)!);
      visiting.delete(slug);
      placed.add(slug);
      ordered.push(actor);
    };
    actors.forEach(place);
    return ordered;
  }

  const batchWriter = createStoryBatchWriter(strapi, { stored, statementData, documentIdsBySlug, storyScalars });

  async function importLine(line: ArchiveLine): Promise<LineOutcome> {
    return strapi.db.transaction(async () => {
      if (line.type === 'actor') return importActor(line);
      if (line.type === 'proposal') return importProposal(line);
      return importStory(line);
    });
  }

  async function importOne(number: number, line: ArchiveLine): Promise<NumberedOutcome> {
    try {
      return { number, outcome: await importLine(line) };
    } catch (error) {
      return { number, error: error instanceof Error ? error : new Error(String(error)) };
    }
  }

  /**
   * New stories in one transaction (archive-batch.ts); the lines it declines, and all of them when
   * the batch fails, through the one-line path, which reports a bad line in its own words.
   */
  async function importNewStories(pending: BatchLine[]): Promise<NumberedOutcome[]> {
    if (pending.length === 0) return [];
    let written: number[] = [];
    let declined: number[] = pending.map((entry) => entry.number);
    try {
      ({ written, declined } = await strapi.db.transaction(() => batchWriter.writeNewStories(pending)));
    } catch (error) {
      if (!(error instanceof BatchNeedsLineByLine)) strapi.log.warn(`[newsgraph] import: a batch of ${pending.length} stories failed (${(error as Error).message}); importing them one by one`);
    }
    const outcomes: NumberedOutcome[] = written.map((number) => ({ number, outcome: 'created' as const }));
    for (const entry of pending) if (declined.includes(entry.number)) outcomes.push(await importOne(entry.number, entry.line));
    return outcomes.sort((a, b) => a.number - b.number);
  }

  /** Lines in order: runs of new stories in bulk, the others one at a time (see importLines). */
  async function importLinesInOrder(lines: Array<{ number: number; line: ArchiveLine }>, relinkActors: () => Promise<void>): Promise<NumberedOutcome[]> {
    const storySlugs = lines.flatMap(({ line }) => (line.type === 'story' ? [line.newsgraph.slug] : []));
    const storedSlugs = new Set<string>();
    for (let offset = 0; offset < storySlugs.length; offset += 500) {
      const rows = (await query(STORY_UID).findMany({ where: { slug: { $in: storySlugs.slice(offset, offset + 500) } }, select: ['slug'] })) as Array<{ slug: string }>;
      for (const row of rows) storedSlugs.add(row.slug);
    }
    const outcomes: NumberedOutcome[] = [];
    let pending: BatchLine[] = [];
    for (const { number, line } of lines) {
      // The actors before a story relink what they could name before the story is written, as one at a time.
      if (line.type === 'story') await relinkActors();
      if (line.type === 'story' && !storedSlugs.has(line.newsgraph.slug)) {
        // A slug seen twice: its second line updates what the first writes.
        storedSlugs.add(line.newsgraph.slug);
        pending.push({ number, line });
        continue;
      }
      // Anything else waits for the stories before it, so the file's order holds.
      outcomes.push(...(await importNewStories(pending)));
      pending = [];
      outcomes.push(await importOne(number, line));
    }
    outcomes.push(...(await importNewStories(pending)));
    return outcomes;
  }

  return {
    /**
     * Imports lines in order: runs of new stories in one transaction each, written in bulk; actors,
     * proposals and stories already stored one line at a time (importLine). A bad line is reported
     * in its outcome and leaves nothing behind; the others are imported.
     */
    async importLines(lines: Array<{ number: number; line: ArchiveLine }>): Promise<NumberedOutcome[]> {
      // One relink job for each run of the batch's actors instead of one started by each actor's save.
      return getService(strapi, 'relink').withActorRelinksGathered((relinkActors) => importLinesInOrder(lines, relinkActors));
    },

    /**
     * Imports one archive line in one transaction.
     * @throws ArchiveLineError when the line names what is not there; Strapi's ValidationError when a value is refused
     */
    importLine,

    /** Every actor, proposal and story of the newsroom as archive lines, in an order an import accepts. */
    async *exportLines(): AsyncGenerator<ArchiveLine> {
      const actors = (await query(ACTOR_UID).findMany({
        orderBy: { id: 'asc' },
        populate: { aliases: true, positions: { populate: { organization: { select: ['slug'] } } }, affiliation: { select: ['slug'] } },
      })) as Row[];
      for (const actor of inDependencyOrder(actors)) {
        yield {
          type: 'actor', slug: actor.slug as string, name: actor.name as string, kind: orNull(actor.kind as string), description: orNull(actor.description as string),
          country: orNull(actor.country as string), wikidataId: orNull(actor.wikidataId as string), affiliation: slugOf(actor.affiliation),
          aliases: aliasView(actor.aliases) as unknown as AliasRecord[],
          positions: ((actor.positions as Row[]) ?? []).map((position) => ({
            title: orNull(position.title as string), descriptors: orNull(position.descriptors as string), organization: slugOf(position.organization), from: toDay(position.from), to: toDay(position.to),
          })),
        };
      }
      const proposals = (await query(PROPOSAL_UID).findMany({ orderBy: { id: 'asc' }, populate: { aliases: true, proposedBy: { select: ['slug'] }, supporters: { select: ['slug'] }, opponents: { select: ['slug'] } } })) as Row[];
      const slugs = (rows: unknown) => sorted(((rows as Row[]) ?? []).map((row) => slugOf(row) ?? ''));
      for (const proposal of proposals) {
        yield {
          type: 'proposal', slug: proposal.slug as string, title: proposal.title as string, summary: orNull(proposal.summary as string), kind: orNull(proposal.kind as string),
          status: orNull(proposal.status as string), terms: orNull(proposal.terms as string), proposedOn: toDay(proposal.proposedOn),
          aliases: aliasView(proposal.aliases) as unknown as AliasRecord[], proposedBy: slugs(proposal.proposedBy), supporters: slugs(proposal.supporters), opponents: slugs(proposal.opponents),
        };
      }
      const actorSlugs = new Map(actors.map((actor) => [actor.documentId as string, actor.slug as string]));
      const proposalSlugs = new Map(proposals.map((proposal) => [proposal.documentId as string, proposal.slug as string]));
      const published = new Set(((await query(STORY_UID).findMany({ where: { publishedAt: { $notNull: true } }, select: ['documentId'] })) as Row[]).map((row) => row.documentId as string));
      const stories = (await query(STORY_UID).findMany({ where: { publishedAt: { $null: true } }, orderBy: { id: 'asc' }, populate: { proposals: { select: ['slug'] } } })) as Row[];
      for (const story of stories) {
        const statements = (await query(STATEMENT_UID).findMany({ where: { story: { documentId: story.documentId } }, orderBy: { id: 'asc' }, populate: { evidence: true, speaker: { select: ['slug'] } } })) as Row[];
        const unique = [...new Map(statements.map((row) => [row.documentId as string, row])).values()];
        const fields: StoryFields = {
          slug: story.slug as string, title: story.title as string, standfirst: orNull(story.standfirst as string), body: orNull(story.body as string), storyDate: toIso(story.storyDate)!,
          dateline: orNull(story.dateline as string), byline: orNull(story.byline as string), outlet: orNull(story.outlet as string), section: orNull(story.section as string),
          language: (story.language as string) ?? 'en', sourceUrl: orNull(story.sourceUrl as string), published: published.has(story.documentId as string),
        };
        const names = (ids: string[] | undefined, map: Map<string, string>) => (ids ?? []).map((id) => map.get(id)).filter((slug): slug is string => Boolean(slug));
        yield {
          type: 'story',
          item: ninjsItemOf(fields, { createdAt: toIso(story.createdAt)!, updatedAt: toIso(story.updatedAt)! }),
          newsgraph: {
            slug: fields.slug, storyDate: fields.storyDate, section: fields.section, sourceUrl: fields.sourceUrl, proposals: slugs(story.proposals),
            statements: unique.map((row) => {
              const view = statementView(row);
              const overrides = row.linkOverrides as { pin?: string[]; reject?: string[]; rejectProposals?: string[] } | null;
              const record: StatementRecord = {
                text: view.text as string, kind: view.kind as string, attribution: view.attribution as string | null, saidAt: view.saidAt as string | null, medium: view.medium as string | null,
                sourceUrl: view.sourceUrl as string | null, verification: view.verification as string, evidence: view.evidence as StatementRecord['evidence'],
              };
              if ((row.linkState as { speakerSource?: string } | null)?.speakerSource === 'editor' && row.speaker) record.speaker = slugOf(row.speaker);
              if (overrides) record.linkOverrides = { pin: names(overrides.pin, actorSlugs), reject: names(overrides.reject, actorSlugs), rejectProposals: names(overrides.rejectProposals, proposalSlugs) };
              return record;
            }),
          },
        };
      }
    },
  };
};
