import type { Core } from '@strapi/strapi';
import { demoActors, demoProposals, demoStories, type DemoStatement } from './newsroom';

const STORY = 'api::story.story';
const STATEMENT = 'api::statement.statement';
const ACTOR = 'api::actor.actor';
const PROPOSAL = 'api::proposal.proposal';

export interface SeedReport {
  /** Real countries from world-countries (npm run import:countries), created by this call. */
  countries: number;
  actors: number;
  proposals: number;
  stories: number;
  statements: number;
}

type DocumentsUid = Parameters<Core.Strapi['documents']>[0];
type Row = { documentId: string };

/**
 * Loads the demo newsroom (src/demo/newsroom.ts) through the Document Service, so the demo goes
 * through the same sanitation, validation and slug rules as an editor's save. Idempotent: actors are
 * matched by name, proposals by title and stories by slug, and only what is missing is created.
 *
 * @returns how many documents of each type were created by this call
 */
export async function seedDemoNewsroom(strapi: Core.Strapi): Promise<SeedReport> {
  const documents = (uid: string) => strapi.documents(uid as DocumentsUid);
  const report: SeedReport = { countries: 0, actors: 0, proposals: 0, stories: 0, statements: 0 };

  // The real countries first, as `npm run import:countries` makes them: the fictional ones below
  // (their ISO codes are in the user-assigned ranges) never collide with them.
  const countries = strapi.plugin('newsgraph').service('countries') as { importAll(): Promise<{ created: number }> };
  report.countries = (await countries.importAll()).created;

  async function findBy(uid: string, field: string, value: string): Promise<Row | null> {
    const found = await documents(uid).findFirst({ filters: { [field]: value }, fields: ['documentId'] } as never);
    return (found as Row | null) ?? null;
  }

  // Actors first without cross-references, then their positions and affiliations, which point at
  // other actors and so need every actor's documentId.
  const actorIds = new Map<string, string>();
  for (const actor of demoActors) {
    let existing = await findBy(ACTOR, 'name', actor.name);
    if (!existing) {
      existing = (await documents(ACTOR).create({
        data: {
          name: actor.name,
          kind: actor.kind,
          description: actor.description,
          country: actor.country ?? null,
          aliases: actor.aliases.map((alias) => ({ name: alias.name, language: alias.language ?? null })),
        },
      } as never)) as Row;
      report.actors += 1;
      actorIds.set(actor.key, existing.documentId);
      continue;
    }
    actorIds.set(actor.key, existing.documentId);
  }
  const actorId = (key: string): string => {
    const id = actorIds.get(key);
    if (!id) throw new Error(`demo data: unknown actor key "${key}"`);
    return id;
  };
  for (const actor of demoActors) {
    const documentId = actorId(actor.key);
    const current = (await documents(ACTOR).findOne({ documentId, populate: ['positions'] } as never)) as { positions?: unknown[] } | null;
    if (current?.positions && current.positions.length > 0) continue; // already completed by an earlier run
    await documents(ACTOR).update({
      documentId,
      data: {
        affiliation: actor.affiliation ? actorId(actor.affiliation) : null,
        positions: actor.positions.map((position) => ({
          title: position.title,
          descriptors: position.descriptors.join('\n'),
          organization: position.organization ? actorId(position.organization) : null,
          from: position.from,
          to: position.to ?? null,
        })),
      },
    } as never);
  }

  const proposalIds = new Map<string, string>();
  for (const proposal of demoProposals) {
    let existing = await findBy(PROPOSAL, 'title', proposal.title);
    if (!existing) {
      existing = (await documents(PROPOSAL).create({
        data: {
          title: proposal.title,
          summary: proposal.summary,
          kind: proposal.kind,
          status: proposal.status,
          proposedOn: proposal.proposedOn,
          terms: proposal.terms,
          aliases: proposal.aliases.map((alias) => ({ name: alias.name, language: alias.language ?? null })),
          proposedBy: proposal.proposedBy.map(actorId),
          supporters: proposal.supporters.map(actorId),
          opponents: proposal.opponents.map(actorId),
        },
      } as never)) as Row;
      report.proposals += 1;
    }
    proposalIds.set(proposal.key, existing.documentId);
  }
  const proposalId = (key: string): string => {
    const id = proposalIds.get(key);
    if (!id) throw new Error(`demo data: unknown proposal key "${key}"`);
    return id;
  };

  for (const story of demoStories) {
    if (await findBy(STORY, 'slug', story.slug)) continue;
    const created = (await documents(STORY).create({
      data: {
        title: story.title,
        slug: story.slug,
        standfirst: story.standfirst,
        body: story.body,
        storyDate: story.storyDate,
        dateline: story.dateline,
        outlet: story.outlet,
        byline: story.byline,
        section: story.section,
        sourceUrl: story.sourceUrl,
        language: story.language,
        proposals: story.proposals.map(proposalId),
      },
    } as never)) as Row;
    report.stories += 1;

    for (const statement of story.statements) {
      await documents(STATEMENT).create({ data: statementData(statement, created.documentId, actorId) } as never);
      report.statements += 1;
    }
    if (story.publish) await documents(STORY).publish({ documentId: created.documentId } as never);
  }
  return report;
}

/**
 * The speaker is given as an editor would (the attribution alone does not always tell, e.g. "he
 * said"); mentions, proposals and Story.actors are left to the newsgraph linker, which is what the
 * demo is there to show.
 */
function statementData(statement: DemoStatement, storyId: string, actorId: (key: string) => string) {
  return {
    text: statement.text,
    kind: statement.kind,
    attribution: statement.attribution,
    story: storyId,
    speaker: statement.speaker ? actorId(statement.speaker) : null,
    saidAt: statement.saidAt ?? null,
    medium: statement.medium ?? null,
    sourceUrl: statement.sourceUrl ?? null,
    verification: statement.verification ?? 'unverified',
    evidence: (statement.evidence ?? []).map((item) => ({ url: item.url, title: item.title, note: item.note ?? null })),
  };
}
