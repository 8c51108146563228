import { MATCH_VIA, type IndexEntry, type PhraseIndex, type PhraseMatch } from './phrase-index';
import type { Token } from './text-folding';

/** Facts about an actor that help choose between several actors sharing an alias. */
export interface ActorFacts {
  country?: string | null;
  affiliation?: string | null;
}

export interface LinkOverrides {
  /** Actors an editor pinned as mentions: never removed by the linker. */
  pin: string[];
  /** Actors an editor rejected: never linked, as speaker or mention. */
  reject: string[];
  /** Proposals an editor unlinked: never linked again from the text. */
  rejectProposals?: string[];
}

export interface LinkInput {
  text: string;
  attribution?: string | null;
  /** The speaker an editor chose; it wins over anything the attribution says. */
  editorSpeaker?: string | null;
  /** The date role descriptors are resolved on (the story's date), YYYY-MM-DD or ISO date-time. */
  onDate?: string | null;
  /** Actors already linked in the same story: the first way to settle an ambiguous alias. */
  storyActors?: readonly string[];
  /**
   * Proposals already linked in the same story, with their kinds: what a definite description ("the
   * talks") refers to. Callers may leave it out and pass it only when consultedStoryProposals says so.
   */
  storyProposals?: ReadonlyArray<{ id: string; kind: string | null }>;
  overrides?: LinkOverrides;
}

export interface AmbiguousPhrase {
  field: 'attribution' | 'text';
  phrase: string;
  candidates: string[];
}

export interface LinkResult {
  speaker: string | null;
  speakerSource: 'editor' | 'attribution' | 'none';
  mentions: string[];
  proposals: string[];
  ambiguous: AmbiguousPhrase[];
  /** Definite descriptions ("the talks") that fit several proposals of the story: none is linked. */
  ambiguousProposals: AmbiguousPhrase[];
  /**
   * Whether the result depended on the story's actors (an alias of several actors was weighed
   * against them). Callers may link first without loading the story's actors and, only when this is
   * true, load them and link again: most statements never need them.
   */
  consultedStoryActors: boolean;
  /** Whether the text holds a definite description, which the story's proposals settle (see storyProposals). */
  consultedStoryProposals: boolean;
}

const VIA_RANK = new Map<string, number>(MATCH_VIA.map((via, rank) => [via, rank]));

function isValidOn(entry: IndexEntry, date: string | undefined): boolean {
  if (entry.via !== 'descriptor') return true;
  // A role descriptor counts only when the dates fit; without a date, only an open-ended role does.
  if (!date) return !entry.validFrom && !entry.validTo;
  return (!entry.validFrom || entry.validFrom <= date) && (!entry.validTo || date <= entry.validTo);
}

/**
 * The actors a phrase names, keeping only the strongest way of naming: an explicit name or alias of
 * one actor outranks the derived surname of another, while two actors named the same way (two
 * people sharing a surname, two valid descriptors) stay candidates for settleAmbiguity.
 */
function actorCandidates(match: PhraseMatch, rejected: ReadonlySet<string>): string[] {
  const entries = match.entries.filter((entry) => entry.kind === 'actor' && !rejected.has(entry.id));
  if (entries.length === 0) return [];
  const bestRank = Math.min(...entries.map((entry) => VIA_RANK.get(entry.via)!));
  return [...new Set(entries.filter((entry) => VIA_RANK.get(entry.via) === bestRank).map((entry) => entry.id))];
}

/** Verbs that introduce what someone said; the actor right before one is its subject. */
const SPEECH_VERBS = new Set([
  'said', 'says', 'told', 'tells', 'added', 'adds', 'wrote', 'writes', 'posted', 'posts', 'stated', 'states',
  'announced', 'announces', 'claimed', 'claims', 'tweeted', 'declared', 'insisted', 'warned', 'argued', 'noted',
  'replied', 'responded', 'confirmed', 'denied', 'acknowledged', 'explained', 'asserted', 'reported', 'reports',
]);
/** Words that, right before an actor, make it the speaker of an inverted attribution ("said Peskov"). */
const INVERTED_MARKERS = new Set(['said', 'says', 'according', 'per']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
const ARTICLES = new Set(['the', 'a', 'an']);

/**
 * Orders the phrases of an attribution by how likely each names the speaker, by how wire copy is
 * written (the caller takes the first that names exactly one actor):
 *  1. a pronoun subject ("he said", "It said") names nobody the attribution can tell: no phrase;
 *  2. the phrase that opens the attribution and is followed by a comma ("Halvik, who spoke with...");
 *  3. the phrase right before a speech verb ("Ukraine's air force said", "..., Scott Bessent, said");
 *  4. after "said" or "according to", the last phrase before the next comma ("said Kremlin
 *     spokesman Dmitry Peskov");
 *  5. the phrase that closes the attribution ("Speaking in Kyiv on Monday, Zelenskyy");
 *  6. then every other phrase, longest first.
 */
function speakerPhrasesInOrder(attribution: string, matches: PhraseMatch[], tokens: Token[]): PhraseMatch[] {
  const word = (position: number) => tokens[position]?.folded;
  if (SUBJECT_PRONOUNS.has(word(0) ?? '') && SPEECH_VERBS.has(word(1) ?? '')) return [];
  const commaAfter = (position: number) => {
    const next = tokens[position + 1];
    return next !== undefined && attribution.slice(tokens[position]!.end, next.start).includes(',');
  };

  const ordered: PhraseMatch[] = [];
  const firstWord = ARTICLES.has(word(0) ?? '') ? 1 : 0;
  ordered.push(...matches.filter((match) => match.start === firstWord && commaAfter(match.end - 1)));
  ordered.push(...[...matches].filter((match) => SPEECH_VERBS.has(word(match.end) ?? '')).sort((a, b) => b.end - b.start - (a.end - a.start)));
  const marker = tokens.findIndex((token, position) => INVERTED_MARKERS.has(token.folded) && !(token.folded === 'according' && word(position + 1) !== 'to'));
  if (marker !== -1) {
    const from = word(marker) === 'according' ? marker + 2 : marker + 1;
    let to = from;
    while (to < tokens.length - 1 && !commaAfter(to)) to += 1;
    const run = matches.filter((match) => match.start >= from && match.end <= to + 1);
    if (run.length > 0) ordered.push(run[run.length - 1]!);
  }
  ordered.push(...matches.filter((match) => match.end === tokens.length));
  ordered.push(...[...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start));
  return [...new Set(ordered)];
}


/**
 * Prepositions of place: after one (and an optional "the"), a capital or a seat of power is where
 * something happens ("met in Paris", "talks at the Kremlin"), not its government acting.
 */
const PLACE_PREPOSITIONS = new Set([
  'in', 'at', 'from', 'to', 'near', 'outside', 'across', 'into', 'inside', 'around', 'throughout', 'within', 'toward', 'towards',
  'via', 'through', 'beyond', 'off', 'opposite',
]);
const COORDINATORS = new Set(['and', 'or']);

/**
 * Whether an actor phrase is only a place here: every way it names an actor is a capital or seat of
 * power (IndexEntry.place), it is not possessive ("in Beijing's view" is Beijing's government), and
 * it follows a preposition of place, directly, after "the", or after "and"/"or" that joins it to
 * another such place ("in Paris and Berlin").
 */
function namesAPlace(match: PhraseMatch, tokens: Token[], text: string, matches: readonly PhraseMatch[]): boolean {
  const actorEntries = match.entries.filter((entry) => entry.kind === 'actor');
  if (actorEntries.length === 0 || !actorEntries.every((entry) => entry.place)) return false;
  const last = tokens[match.end - 1]!;
  if (/['\u2019]s$/iu.test(text.slice(last.start, last.end))) return false;
  let before = match.start - 1;
  if (tokens[before]?.folded === 'the') before -= 1;
  const word = tokens[before]?.folded;
  if (word !== undefined && PLACE_PREPOSITIONS.has(word)) return true;
  if (word !== undefined && COORDINATORS.has(word)) {
    const previous = matches.find((other) => other.end === before);
    return previous !== undefined && namesAPlace(previous, tokens, text, matches);
  }
  return false;
}

/**
 * Nouns that, after a definite determiner, refer to a proposal of one kind already in the story:
 * "the talks", "those negotiations", "the summit", "the exchange", "the sanctions", "the memorandum".
 * Generic nouns ("the deal", "the meeting", "the plan") are left out: a story speaks of many.
 */
const DESCRIPTION_KINDS = new Map<string, string>([
  ['talks', 'negotiation'], ['negotiations', 'negotiation'],
  ['summit', 'meeting'],
  ['exchange', 'exchange'], ['swap', 'exchange'],
  ['sanctions', 'sanction'],
  ['memorandum', 'agreement'],
  ['ceasefire', 'ceasefire'], ['truce', 'ceasefire'],
]);
const DEFINITE_DETERMINERS = new Set(['the', 'those', 'these', 'this']);
/** Words after the noun that make it another thing: "the exchange rate", "the exchange of fire". */
const NOT_A_PROPOSAL_AFTER = new Set(['rate', 'rates', 'market', 'markets', 'fire', 'gunfire', 'shots', 'blows', 'views', 'words', 'letters', 'table', 'venue']);

/** The definite descriptions of the text that no proposal phrase already covers. */
function definiteDescriptions(tokens: Token[], proposals: readonly PhraseMatch[]): Array<{ start: number; kind: string }> {
  const found: Array<{ start: number; kind: string }> = [];
  for (let position = 0; position + 1 < tokens.length; position += 1) {
    if (!DEFINITE_DETERMINERS.has(tokens[position]!.folded)) continue;
    const kind = DESCRIPTION_KINDS.get(tokens[position + 1]!.folded);
    if (!kind) continue;
    const after = tokens[position + 2]?.folded;
    const afterOf = after === 'of' ? tokens[position + 3]?.folded : after;
    if (afterOf !== undefined && NOT_A_PROPOSAL_AFTER.has(afterOf)) continue;
    if (proposals.some((match) => match.start <= position + 1 && position + 1 < match.end)) continue;
    found.push({ start: position, kind });
  }
  return found;
}

/**
 * Chooses one actor among several that share a phrase: one an editor pinned, else the one already
 * linked in the story, else the one the speaker speaks for or shares a country with. Returns null
 * when nothing decides, so that an ambiguous alias links nobody rather than the wrong actor.
 */
export function settleAmbiguity(
  candidates: readonly string[],
  context: { pinned: ReadonlySet<string>; storyActors: { has(id: string): boolean }; speaker: string | null; facts: (id: string) => ActorFacts | undefined }
): string | null {
  if (candidates.length === 1) return candidates[0]!;
  const narrowers: Array<(id: string) => boolean> = [(id) => context.pinned.has(id), (id) => context.storyActors.has(id)];
  if (context.speaker) {
    const speakerFacts = context.facts(context.speaker);
    narrowers.push((id) => speakerFacts?.affiliation === id);
    narrowers.push((id) => {
      const facts = context.facts(id);
      return Boolean(speakerFacts?.country && facts?.country === speakerFacts.country);
    });
  }
  for (const narrow of narrowers) {
    const left = candidates.filter(narrow);
    if (left.length === 1) return left[0]!;
  }
  return null;
}

/**
 * Links one statement: resolves the speaker from the attribution (unless an editor chose one),
 * finds the actors and proposals the text names, and applies the editor's pins and rejections.
 * Pure: everything it knows comes from its arguments.
 */
export function linkStatement(input: LinkInput, index: PhraseIndex, facts: (id: string) => ActorFacts | undefined): LinkResult {
  const date = input.onDate ? input.onDate.slice(0, 10) : undefined;
  const accept = (entry: IndexEntry) => isValidOn(entry, date);
  const pinned = new Set(input.overrides?.pin ?? []);
  const rejected = new Set(input.overrides?.reject ?? []);
  const rejectedProposals = new Set(input.overrides?.rejectProposals ?? []);
  const knownStoryActors = new Set(input.storyActors ?? []);
  let consultedStoryActors = false;
  const storyActors = {
    has(id: string): boolean {
      consultedStoryActors = true;
      return knownStoryActors.has(id);
    },
  };
  const ambiguous: AmbiguousPhrase[] = [];

  let speaker: string | null = input.editorSpeaker ?? null;
  let speakerSource: LinkResult['speakerSource'] = speaker ? 'editor' : 'none';
  if (!speaker && input.attribution) {
    const { tokens, actors } = index.matchByKind(input.attribution, accept, { proposals: false });
    const matches = actors.filter((match) => actorCandidates(match, rejected).length > 0 && !namesAPlace(match, tokens, input.attribution!, actors));
    // The first phrase, in order of likelihood, that names one actor is the speaker.
    const phrases = speakerPhrasesInOrder(input.attribution, matches, tokens);
    for (const phrase of phrases) {
      const chosen = settleAmbiguity(actorCandidates(phrase, rejected), { pinned, storyActors, speaker: null, facts });
      if (chosen) {
        speaker = chosen;
        speakerSource = 'attribution';
        break;
      }
    }
    if (!speaker && phrases[0]) ambiguous.push({ field: 'attribution', phrase: phrases[0].text, candidates: actorCandidates(phrases[0], rejected) });
  }

  const mentions = new Set<string>();
  const proposals = new Set<string>();
  const found = index.matchByKind(input.text, accept);
  const proposalKinds = new Map<string, string | null>((input.storyProposals ?? []).map((proposal) => [proposal.id, proposal.kind]));
  for (const match of found.proposals) {
    for (const entry of match.entries) {
      if (rejectedProposals.has(entry.id)) continue;
      proposals.add(entry.id);
      proposalKinds.set(entry.id, entry.proposalKind ?? null);
    }
  }
  const descriptions = definiteDescriptions(found.tokens, found.proposals);
  const ambiguousProposals: AmbiguousPhrase[] = [];
  for (const description of descriptions) {
    // The antecedent named earlier in the same text, when there is one of that kind; else the story's.
    const earlier = [...new Set(found.proposals.filter((match) => match.end <= description.start).flatMap((match) => match.entries).filter((entry) => entry.proposalKind === description.kind && !rejectedProposals.has(entry.id)).map((entry) => entry.id))];
    const candidates = earlier.length === 1 ? earlier : [...proposalKinds].filter(([id, kind]) => kind === description.kind && !rejectedProposals.has(id)).map(([id]) => id);
    const phrase = input.text.slice(found.tokens[description.start]!.start, found.tokens[description.start + 1]!.end);
    if (candidates.length === 1) proposals.add(candidates[0]!);
    else if (candidates.length > 1) ambiguousProposals.push({ field: 'text', phrase, candidates });
  }
  for (const match of found.actors) {
    if (namesAPlace(match, found.tokens, input.text, found.actors)) continue;
    const candidates = actorCandidates(match, rejected);
    if (candidates.length === 0) continue;
    if (speaker && candidates.includes(speaker)) continue; // the speaker referring to themselves
    const chosen = settleAmbiguity(candidates, { pinned, storyActors, speaker, facts });
    if (chosen) mentions.add(chosen);
    else ambiguous.push({ field: 'text', phrase: match.text, candidates });
  }
  for (const id of pinned) if (!rejected.has(id) && id !== speaker) mentions.add(id);

  return { speaker, speakerSource, mentions: [...mentions], proposals: [...proposals], ambiguous, ambiguousProposals, consultedStoryActors, consultedStoryProposals: descriptions.length > 0 };
}
