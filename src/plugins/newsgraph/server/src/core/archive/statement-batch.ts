import { scoreClaim, storedCheckWorthiness } from '../claims/claim-scorer';
import { evaluateFlags, planFlagChanges } from '../flags/evaluate';
import type { FlagsConfig } from '../flags/flag-config';
import type { FlagStatus, FlagSubject, Severity } from '../flags/flag-types';
import { bindVerdict } from '../flags/review-workflow';
import { linkStatement, type ActorFacts, type AmbiguousPhrase, type LinkOverrides, type LinkResult } from '../linking/linker';
import type { PhraseIndex } from '../linking/phrase-index';
import { linkTextOf } from '../linking/text-folding';

/**
 * What the write path computes for a new statement of a new story (linking, check-worthiness, the
 * verdict's words, flags), done in memory for a whole story at once, so that a bulk import can
 * write the results in a few multi-row inserts (docs/import-export.md). The pieces are the write
 * path's own (core/linking, core/claims, core/flags); this module only feeds each statement what a
 * save one at a time would have found in the database at its turn: the actors and proposals the
 * story's earlier statements linked.
 */

/** A statement as the archive gives it, sanitized, its actors and proposals resolved to documentIds. */
export interface BatchStatementInput {
  text: string;
  kind: string;
  attribution: string | null;
  verification: string;
  sourceUrl: string | null;
  medium: string | null;
  evidenceCount: number;
  /** The speaker an editor chose. */
  editorSpeaker: string | null;
  overrides: LinkOverrides;
}

/** Statement.linkState as the linker records it (services/statement-linker.ts). */
export interface BatchLinkState {
  status: 'linked';
  speakerSource: LinkResult['speakerSource'];
  ambiguous: AmbiguousPhrase[];
  ambiguousProposals?: AmbiguousPhrase[];
  autoProposals: string[];
  linkedAt: string;
}

/** The computed fields and relations of one statement. */
export interface BatchStatementLinks {
  speaker: string | null;
  mentions: string[];
  proposals: string[];
  linkState: BatchLinkState;
  linkText: string;
  checkWorthiness: number;
  verifiedText: string | null;
  /** Verification as stored (a new statement keeps the one it was given). */
  verification: string;
}

export interface StoryLinkContext {
  /** The date role descriptors are resolved on: the story's. */
  onDate: string | null;
  /** The proposals the story itself names, with their kinds. */
  storyProposals: Array<{ id: string; kind: string | null }>;
  index: PhraseIndex;
  facts: (id: string) => ActorFacts | undefined;
  /** Kinds of proposals, for "the talks" (only read when a statement holds a definite description). */
  proposalKind: (id: string) => string | null;
  linkedAt: string;
}

/** Link one statement as the write path's plan() does: the story's actors and proposals only when the text asks. */
function linkOne(
  statement: BatchStatementInput,
  context: StoryLinkContext,
  storyActors: () => string[],
  storyProposals: () => Array<{ id: string; kind: string | null }>
): LinkResult {
  const input = { text: statement.text, attribution: statement.attribution ?? '', editorSpeaker: statement.editorSpeaker, overrides: statement.overrides, onDate: context.onDate };
  let result = linkStatement(input, context.index, context.facts);
  const actors = result.consultedStoryActors ? storyActors() : undefined;
  if (actors) result = linkStatement({ ...input, storyActors: actors }, context.index, context.facts);
  if (result.consultedStoryProposals) result = linkStatement({ ...input, storyActors: actors, storyProposals: storyProposals() }, context.index, context.facts);
  return result;
}

function computedFields(statement: BatchStatementInput, result: LinkResult, linkedAt: string): BatchStatementLinks {
  const linkState: BatchLinkState = {
    status: 'linked',
    speakerSource: result.speakerSource,
    ambiguous: result.ambiguous,
    ...(result.ambiguousProposals.length > 0 ? { ambiguousProposals: result.ambiguousProposals } : {}),
    autoProposals: result.proposals,
    linkedAt,
  };
  const binding = bindVerdict(null, { text: statement.text, verification: statement.verification });
  return {
    speaker: result.speaker,
    mentions: result.mentions,
    proposals: [...new Set(result.proposals)],
    linkState,
    linkText: linkTextOf(statement.text, statement.attribution ?? ''),
    checkWorthiness: storedCheckWorthiness(scoreClaim(statement.text).score),
    verifiedText: binding?.verifiedText ?? null,
    verification: binding?.verification ?? statement.verification,
  };
}

const actorsOf = (links: BatchStatementLinks) => [links.speaker, ...links.mentions].filter((id): id is string => Boolean(id));

/**
 * Links, scores and binds the verdicts of a new story's statements as importing it one save at a
 * time does: each statement in order, seeing the actors (Story.actors) and proposals of the
 * statements before it; then, for a published story, again in order, as the publication's relink
 * does, each seeing those of all the story's statements as they stand at its turn.
 * @returns per statement the links of the first pass and the final ones (the same for a draft), and Story.actors
 */
export function linkStoryStatements(
  statements: BatchStatementInput[],
  context: StoryLinkContext,
  published: boolean
): { firstPass: BatchStatementLinks[]; links: BatchStatementLinks[]; storyActors: string[] } {
  const kinds = new Map<string, string | null>(context.storyProposals.map((proposal) => [proposal.id, proposal.kind]));
  const proposalsOf = (current: BatchStatementLinks[], except: number) => {
    const found = new Map(kinds);
    current.forEach((links, at) => {
      if (at !== except) for (const id of links.proposals) if (!found.has(id)) found.set(id, context.proposalKind(id));
    });
    return [...found].map(([id, kind]) => ({ id, kind }));
  };
  const union = (current: BatchStatementLinks[]) => [...new Set(current.flatMap(actorsOf))];

  const firstPass: BatchStatementLinks[] = [];
  const readTheStory: boolean[] = [];
  for (const statement of statements) {
    const result = linkOne(statement, context, () => union(firstPass), () => proposalsOf(firstPass, -1));
    firstPass.push(computedFields(statement, result, context.linkedAt));
    readTheStory.push(result.consultedStoryActors || result.consultedStoryProposals);
  }
  if (!published) return { firstPass, links: firstPass, storyActors: union(firstPass) };
  const current = [...firstPass];
  statements.forEach((statement, at) => {
    // Links that did not depend on the story come out the same again.
    if (!readTheStory[at]) return;
    const result = linkOne(statement, context, () => union(current), () => proposalsOf(current, at));
    current[at] = computedFields(statement, result, context.linkedAt);
  });
  return { firstPass, links: current, storyActors: union(current) };
}

/** What the flag rules read about one statement of a batch. */
export function flagSubjectOf(statement: BatchStatementInput, links: BatchStatementLinks, story: FlagSubject['story'], earlierVerdicts: FlagSubject['earlierVerdicts']): FlagSubject {
  return {
    statement: {
      text: statement.text,
      kind: statement.kind,
      attribution: statement.attribution,
      verification: links.verification,
      checkWorthiness: links.checkWorthiness,
      sourceUrl: statement.sourceUrl,
      medium: statement.medium,
      evidenceCount: statement.evidenceCount,
      speaker: links.speaker,
      ambiguous: links.linkState.ambiguous,
    },
    story,
    earlierVerdicts,
  };
}

/** A flag of a batch's statement as it evolves in memory: what flags.ts would have stored after each evaluation. */
export interface BatchFlag {
  key: string;
  kind: string;
  cause: string;
  severity: Severity;
  reason: string;
  status: FlagStatus;
  version: number;
  earlierVerdicts: FlagSubject['earlierVerdicts'] | null;
  /** Review events, oldest first. */
  events: Array<{ from: FlagStatus | null; to: FlagStatus; note: string }>;
  /** Opened once the story was published: linked to its published version only, as flags.ts links a new flag. */
  openedAfterPublication: boolean;
}

/**
 * One evaluation of a statement's flags, as flags.ts's syncStatement applies it to what is stored:
 * new causes open flags, vanished ones make them obsolete, returning ones reopen them, a changed
 * severity or reason updates them; every change of status bumps the version and writes an event.
 */
export function evaluateBatchFlags(
  statementDocumentId: string,
  current: BatchFlag[],
  subject: FlagSubject,
  config: FlagsConfig,
  afterPublication: boolean
): BatchFlag[] {
  const byKey = new Map(current.map((flag) => [flag.key, { ...flag, events: [...flag.events] }]));
  const stored = current.map((flag) => ({ key: flag.key, status: flag.status, severity: flag.severity, reason: flag.reason }));
  const earlierVerdicts = subject.earlierVerdicts ?? [];
  for (const change of planFlagChanges(statementDocumentId, stored, evaluateFlags(subject, config))) {
    if (change.type === 'create') {
      byKey.set(change.key, {
        key: change.key,
        kind: change.flag.kind,
        cause: change.flag.cause,
        severity: change.flag.severity,
        reason: change.flag.reason,
        status: 'open',
        version: 1,
        earlierVerdicts: change.flag.kind === 'repeats_checked_claim' ? earlierVerdicts : null,
        events: [{ from: null, to: 'open', note: change.flag.reason }],
        openedAfterPublication: afterPublication,
      });
      continue;
    }
    const flag = byKey.get(change.key)!;
    flag.version += 1;
    if (change.type === 'update') {
      flag.severity = change.severity;
      flag.reason = change.reason;
      continue;
    }
    if (change.severity) flag.severity = change.severity;
    if (change.reason) flag.reason = change.reason;
    flag.events.push({ from: change.from, to: change.to, note: change.note });
    flag.status = change.to;
  }
  // A repeats_checked_claim flag under review shows the earlier verdicts as they stand now.
  for (const flag of byKey.values()) if (flag.kind === 'repeats_checked_claim' && (flag.status === 'open' || flag.status === 'in_review')) flag.earlierVerdicts = earlierVerdicts;
  return [...byKey.values()];
}
