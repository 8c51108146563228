/** UIDs and names other code relies on (see docs/domain.md): never spell them inline. */
export const PLUGIN_ID = 'newsgraph';

export const STORY_UID = 'api::story.story';
export const STATEMENT_UID = 'api::statement.statement';
export const ACTOR_UID = 'api::actor.actor';
export const PROPOSAL_UID = 'api::proposal.proposal';

export const NEWSROOM_CONTENT_TYPES = [STORY_UID, STATEMENT_UID, ACTOR_UID, PROPOSAL_UID] as const;
export type NewsroomContentType = (typeof NEWSROOM_CONTENT_TYPES)[number];

export const ALIAS_COMPONENT = 'newsgraph.alias';
export const POSITION_COMPONENT = 'newsgraph.position';
export const EVIDENCE_COMPONENT = 'newsgraph.evidence';

/** Document Service actions that write data sent by a caller. */
export const DATA_WRITE_ACTIONS = new Set(['create', 'update', 'clone']);
/** Document Service actions that read. */
export const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

/** The read actions the Public role gets on each newsroom content type. */
export const PUBLIC_READ_ACTIONS = ['find', 'findOne'] as const;

/** Background relink jobs, stored so that any instance can report or resume them. */
export const RELINK_JOB_UID = 'plugin::newsgraph.relink-job';

/** Flags and their append-only audit trail (docs/domain.md). */
export const FLAG_UID = 'plugin::newsgraph.flag';
export const REVIEW_EVENT_UID = 'plugin::newsgraph.review-event';

/** Fact-checks published elsewhere, imported from ClaimReview (issue 12). */
export const FACT_CHECK_UID = 'plugin::newsgraph.fact-check';
/** Statements suggested from a story's body that an editor rejected (never suggested again for that story). */
export const REJECTED_SUGGESTION_UID = 'plugin::newsgraph.rejected-suggestion';
