import { ACTOR_UID, PROPOSAL_UID, STATEMENT_UID, STORY_UID } from '../../constants';
import type { VisibilityRules } from './public-visibility';

const PUBLISHED_STORY = { publishedAt: { $notNull: true } };

/**
 * What a public reader may see: published stories, and the statements, actors and proposals that
 * belong to a published story. A statement of a draft or unpublished (embargoed) story, and an actor
 * or proposal known only from such a story, stay hidden until the story is published.
 *
 * Statement.story links a statement to both the draft and the published row of its story (Strapi
 * connects a non-D&P document to both versions), so "has a published story row" is exactly
 * "its story is published".
 */
export const PUBLIC_VISIBILITY_RULES: VisibilityRules = {
  [STORY_UID]: PUBLISHED_STORY,
  [STATEMENT_UID]: { story: PUBLISHED_STORY },
  [ACTOR_UID]: {
    $or: [{ stories: PUBLISHED_STORY }, { statementsMade: { story: PUBLISHED_STORY } }, { mentionedIn: { story: PUBLISHED_STORY } }],
  },
  [PROPOSAL_UID]: {
    $or: [{ stories: PUBLISHED_STORY }, { statements: { story: PUBLISHED_STORY } }],
  },
};
