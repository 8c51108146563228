import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ACTOR_UID, REJECTED_SUGGESTION_UID, STATEMENT_UID, STORY_UID } from '../constants';
import { extractAttributions, foldStatementText, resolveSpeakers, type AttributionKind, type RejectedSuggestion, type Span } from '../core/extraction';
import { linkStatement } from '../core/linking/linker';
import { workingVersion } from '../core/visibility/story-versions';
import { getService } from '../strapi/get-service';

type QueryUid = Parameters<Core.Strapi['db']['query']>[0];

/** One statement the body suggests, as the side panel, the route and GraphQL give it. */
export interface StatementSuggestion {
  /** The folded text: the suggestion's key, for rejecting it. */
  key: string;
  text: string;
  kind: AttributionKind;
  attribution: string;
  /** The sentence holding it, and where its parts stand in that sentence (UTF-16, end exclusive). */
  sentence: string;
  content: Span;
  cue: Span | null;
  source: Span | null;
  sourceText: string | null;
  /** The actor the linker resolves the source to on the story's date, or null. */
  speaker: { documentId: string; name: string } | null;
}

interface StoryVersionRow {
  id: number;
  documentId: string;
  body: string | null;
  storyDate: string | null;
  publishedAt: string | null;
}

const relativeTo = (span: Span | null, start: number): Span | null => (span ? { start: span.start - start, end: span.end - start } : null);

/**
 * Statements suggested from a story's body (the draft an editor is writing): the pure extractor
 * finds the attributions, the linker resolves their speakers on the story's date, and what the story
 * already holds or an editor rejected is left out. Accepting one is creating a Statement, through
 * the content manager like any other.
 */
export const statementSuggestionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  async function story(documentId: string): Promise<StoryVersionRow> {
    const versions = (await strapi.db.query(STORY_UID as QueryUid).findMany({ where: { documentId }, select: ['id', 'documentId', 'body', 'storyDate', 'publishedAt'] })) as StoryVersionRow[];
    const working = workingVersion(versions);
    if (!working) throw new errors.NotFoundError(`No story ${documentId}`);
    return working;
  }

  return {
    /**
     * Every statement of the story keeps its duplicate out, including those the user may not read:
     * a duplicate is a duplicate, and nothing of them is returned.
     * @throws errors.NotFoundError for an unknown story
     */
    async suggest(storyDocumentId: string): Promise<StatementSuggestion[]> {
      const working = await story(storyDocumentId);
      const body = working.body ?? '';
      if (body.trim() === '') return [];
      const [existing, rejected] = await Promise.all([
        strapi.db.query(STATEMENT_UID as QueryUid).findMany({ where: { story: { documentId: storyDocumentId } }, select: ['id', 'text'] }) as Promise<Array<{ text: string }>>,
        strapi.db.query(REJECTED_SUGGESTION_UID as QueryUid).findMany({ where: { storyDocumentId }, select: ['id', 'foldedText'] }) as Promise<Array<{ foldedText: string }>>,
      ]);
      const attributions = extractAttributions(body, { existingTexts: [...existing.map((row) => row.text)] });
      const rejectedKeys = new Set(rejected.map((row) => row.foldedText));

      // The speaker as the linker would find it from the attribution on the story's date.
      const { index, facts } = await getService(strapi, 'link-index').current();
      const storyActors = await getService(strapi, 'story-actors').actorsOfVersions([working.id]);
      const onDate = working.storyDate ? new Date(working.storyDate).toISOString() : null;
      const resolved = resolveSpeakers(attributions, (phrase) => linkStatement({ text: '', attribution: phrase, onDate, storyActors }, index, facts).speaker);
      const speakerIds = [...new Set(resolved.map((attribution) => attribution.speaker).filter((id): id is string => Boolean(id)))];
      const names = new Map(
        ((await strapi.db.query(ACTOR_UID as QueryUid).findMany({ where: { documentId: { $in: speakerIds } }, select: ['id', 'documentId', 'name'] })) as Array<{ documentId: string; name: string }>).map((actor) => [actor.documentId, actor.name])
      );

      const suggestions: StatementSuggestion[] = [];
      for (const attribution of resolved) {
        const key = foldStatementText(attribution.text);
        if (key === '' || rejectedKeys.has(key)) continue;
        const { start, end } = attribution.sentence;
        suggestions.push({
          key,
          text: attribution.text,
          kind: attribution.kind,
          attribution: attribution.attribution,
          sentence: body.slice(start, end),
          content: relativeTo(attribution.content, start)!,
          cue: relativeTo(attribution.cue, start),
          source: relativeTo(attribution.source, start),
          sourceText: attribution.sourceText,
          speaker: attribution.speaker && names.has(attribution.speaker) ? { documentId: attribution.speaker, name: names.get(attribution.speaker)! } : null,
        });
      }
      return suggestions;
    },

    /**
     * Remembers that an editor rejected a suggestion: it is not suggested again for this story.
     * @throws errors.NotFoundError for an unknown story
     */
    async reject(storyDocumentId: string, { text, key }: RejectedSuggestion, userId: number | null): Promise<{ key: string }> {
      await story(storyDocumentId);
      const rejections = strapi.db.query(REJECTED_SUGGESTION_UID as QueryUid);
      const known = await rejections.findOne({ where: { storyDocumentId, foldedText: key }, select: ['id'] });
      if (!known) await rejections.create({ data: { storyDocumentId, foldedText: key, text, ...(userId ? { rejectedBy: userId } : {}) } });
      return { key };
    },
  };
};
