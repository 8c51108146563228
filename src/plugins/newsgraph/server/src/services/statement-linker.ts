import type { Core } from '@strapi/strapi';
import { ACTOR_UID, PROPOSAL_UID, STATEMENT_UID, STORY_UID } from '../constants';
import { linkStatement, type AmbiguousPhrase, type LinkOverrides } from '../core/linker';
import { isPlainObject, type DocumentData } from '../core/model-spec';
import { parseRelationInput, type RelationRef } from '../core/relation-input';
import { foldPhrase } from '../core/text-folding';
import { getService } from '../strapi/get-service';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];

/** What Newsgraph records about how a statement was linked (Statement.linkState). */
export interface LinkState {
  status: 'linked' | 'failed';
  speakerSource?: 'editor' | 'attribution' | 'none';
  ambiguous?: AmbiguousPhrase[];
  /** Proposals the linker added (as opposed to an editor), so that a later relink may remove them. */
  autoProposals?: string[];
  linkedAt: string;
  error?: string;
}

/** One version (draft or published row) of a story, with its actors. */
export interface StoryVersion {
  id: number;
  storyDate: string | null;
  publishedAt: string | null;
  actors?: Array<{ id: number; documentId: string }>;
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
}

const STORED_POPULATE = {
  speaker: { select: ['documentId'] },
  mentions: { select: ['documentId'] },
  proposals: { select: ['documentId'] },
  story: { select: ['documentId'] },
};

function readOverrides(value: unknown): LinkOverrides {
  if (!isPlainObject(value)) return { pin: [], reject: [] };
  const list = (items: unknown) => (Array.isArray(items) ? items.filter((id): id is string => typeof id === 'string') : []);
  return { pin: list(value.pin), reject: list(value.reject) };
}

/** The folded text a relink searches ("which statements could name this alias?"), padded for whole-word LIKE. */
export function linkTextOf(text: string, attribution: string): string {
  return ` ${foldPhrase(text)} | ${foldPhrase(attribution)} `;
}

/**
 * Works out a statement's links for a write (create, update or relink) and returns the fields to
 * store with it: speaker, mentions, proposals, linkOverrides, linkState, linkText. The matching
 * itself is the pure core (core/linker.ts); this service gathers its inputs from the write, the
 * stored statement and its story.
 */
export const statementLinkerService = ({ strapi }: { strapi: Core.Strapi }) => {
  async function documentIdsOf(uid: string, refs: RelationRef[]): Promise<string[]> {
    const ids = refs.filter((ref): ref is { id: number } => 'id' in ref).map((ref) => ref.id);
    const byId = new Map<number, string>();
    if (ids.length > 0) {
      const rows = (await strapi.db.query(uid as QueryUid).findMany({ where: { id: { $in: ids } }, select: ['id', 'documentId'] })) as Array<{ id: number; documentId: string }>;
      for (const row of rows) byId.set(row.id, row.documentId);
    }
    return refs.map((ref) => ('documentId' in ref ? ref.documentId : byId.get(ref.id))).filter((id): id is string => Boolean(id));
  }

  return {
    async loadStored(documentId: string): Promise<StoredStatement | null> {
      return (await strapi.db.query(STATEMENT_UID as QueryUid).findOne({ where: { documentId }, populate: STORED_POPULATE })) as StoredStatement | null;
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
     * @returns the linking fields to merge into the write's data, and the story's versions it read
     * @throws whatever the database throws; the caller keeps the editor's save regardless
     */
    async plan(data: DocumentData, stored: StoredStatement | null, storyId: string | null): Promise<{ patch: DocumentData; storyVersions: StoryVersion[] }> {
      const text = typeof data.text === 'string' ? data.text : stored?.text ?? '';
      const attribution = 'attribution' in data ? (typeof data.attribution === 'string' ? data.attribution : '') : stored?.attribution ?? '';
      // One query for the story's date and actors, on every version (draft and published).
      const storyVersions = storyId
        ? ((await strapi.db.query(STORY_UID as QueryUid).findMany({
            where: { documentId: storyId },
            select: ['id', 'storyDate', 'publishedAt'],
            populate: { actors: { select: ['id', 'documentId'] } },
          })) as StoryVersion[])
        : [];
      const story = storyVersions.find((version) => version.publishedAt === null) ?? storyVersions[0] ?? null;
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

      const storyActors = [...new Set(storyVersions.flatMap((version) => (version.actors ?? []).map((actor) => actor.documentId)))];
      const { index, facts } = await getService(strapi, 'link-index').current();
      const result = linkStatement({ text, attribution, editorSpeaker, onDate: story?.storyDate ?? saidAt, storyActors, overrides }, index, facts);

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
      }
      const autoProposals = result.proposals.filter((id) => !editorProposals.includes(id) && !removedProposals.includes(id));

      const linkState: LinkState = {
        status: 'linked',
        speakerSource: result.speakerSource,
        ambiguous: result.ambiguous,
        autoProposals,
        linkedAt: new Date().toISOString(),
      };
      const patch: DocumentData = {
        speaker: result.speaker,
        mentions: result.mentions,
        proposals: [...new Set([...editorProposals, ...autoProposals])],
        linkState,
        linkText: linkTextOf(text, attribution),
      };
      if (mentionChange || 'linkOverrides' in data) {
        patch.linkOverrides = overrides.pin.length > 0 || overrides.reject.length > 0 ? overrides : null;
      }
      return { patch, storyVersions };
    },
  };
};
