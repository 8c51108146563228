import { findDescriptions, isGroupDescription, type DescriptionMatch } from './actor-descriptions';
import { FUNCTION_WORDS, lemmaKey } from './lemmas';
import { MATCH_VIA, type IndexEntry, type PhraseIndex, type PhraseMatch } from './phrase-index';
import { tokenize, type Token } from './text-folding';

/** Facts about an actor that help choose between several actors sharing an alias. */
export interface ActorFacts {
  /** The actor's name, for what is announced about a statement without reading it back. */
  name?: string;
  country?: string | null;
  affiliation?: string | null;
  /** person, country, organization...: a dateline names a country actor. */
  kind?: string | null;
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
  /**
   * The story's dateline ("PARIS", "JEDDAH, Saudi Arabia"): the country whose government "the
   * government" means when the story does not settle it. Read only for a text that holds a description.
   */
  dateline?: string | null;
  /**
   * The story's headline (its title): an actor it names settles an alias several actors share when
   * the story's links and the speaker do not ("Brussels" in a story headlined "EU and U.S. open
   * steel talks" is the EU, though another desk gave the Commission that alias too). Read only then.
   */
  headline?: string | null;
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
function speakerPhrasesInOrder(attribution: string, matches: PhraseMatch[], tokens: Token[]): { named: PhraseMatch[]; others: PhraseMatch[] } {
  const word = (position: number) => tokens[position]?.folded;
  if (SUBJECT_PRONOUNS.has(word(0) ?? '') && SPEECH_VERBS.has(word(1) ?? '')) return { named: [], others: [] };
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
  const named = [...new Set(ordered)];
  const others = [...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start).filter((match) => !named.includes(match));
  return { named, others };
}

/**
 * Nouns of anonymous sources: "two EU officials said", "a Saudi official said", "an aide to Dumontel
 * said", "according to a diplomatic source in Paris". The speaker is nobody, whoever the phrase names
 * in passing. A spokesman is not among them: "a Commission spokeswoman said" is the Commission speaking.
 */
const ANONYMOUS_SOURCES = new Set([
  'official', 'officials', 'diplomat', 'diplomats', 'source', 'sources', 'aide', 'aides', 'insider', 'insiders', 'person', 'people',
  'negotiator', 'negotiators', 'analyst', 'analysts', 'lawmaker', 'lawmakers', 'executive', 'executives', 'adviser', 'advisers', 'advisor', 'advisors',
]);
/** Words that open the noun phrase of an anonymous source ("a", "two", "several"...). */
const SOURCE_DETERMINERS = new Set(['a', 'an', 'one', 'two', 'three', 'four', 'five', 'several', 'some', 'many', 'other', 'senior', 'unnamed']);
/** Words that close it: what follows is no longer the source ("said", ", who", "according"). */
const SOURCE_BOUNDARIES = new Set([...SPEECH_VERBS, 'according', 'citing', 'who', 'which', 'while', 'and']);

/**
 * The token ranges of the attribution that name an anonymous source, from its determiner (or the
 * start of the noun phrase) to the next speech verb or comma: "[two EU officials] said", "[an aide to
 * Dumontel] said". Actors named inside them do not speak.
 */
function anonymousSources(attribution: string, tokens: Token[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const commaBefore = (position: number) => position > 0 && attribution.slice(tokens[position - 1]!.end, tokens[position]!.start).includes(',');
  tokens.forEach((token, position) => {
    if (!ANONYMOUS_SOURCES.has(token.folded)) return;
    // A plural ("officials said") needs no determiner; a singular does ("a Saudi official"), so that
    // "the official news agency" or "Adviser Nimr" are not taken for one.
    let start = position;
    let determined = token.folded.endsWith('s') || token.folded === 'people';
    for (let back = position - 1; back >= 0 && position - back <= 4 && !commaBefore(back + 1); back -= 1) {
      const word = tokens[back]!.folded;
      if (SOURCE_BOUNDARIES.has(word) || word === 'to' || word === 'by') break;
      start = back;
      if (SOURCE_DETERMINERS.has(word) && word !== 'senior' && word !== 'other') {
        determined = true;
        break;
      }
    }
    if (!determined) return;
    let end = position + 1;
    while (end < tokens.length && !SOURCE_BOUNDARIES.has(tokens[end]!.folded) && !commaBefore(end)) end += 1;
    spans.push([start, end]);
  });
  return spans;
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
  // "according to the State Department" is the department speaking, not a place.
  if (word === 'to' && tokens[before - 1]?.folded === 'according') return false;
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

/**
 * A definite description of a proposal: by its kind ("the talks": a negotiation), or by the head noun
 * of a proposal's name ("the strike" for "Air traffic controllers' strike", "the export controls").
 */
type ProposalDescription = { start: number; end: number } & ({ kind: string; head?: undefined } | { head: string; kind?: undefined });

/**
 * Whether a token is written as a possessive, which determines a noun as "the" does: "Washington's
 * tariffs" (the tokenizer keeps the "'s" inside the token's span), "the rebels' truce" (the
 * apostrophe follows it).
 */
function isPossessive(token: Token, text: string): boolean {
  return /['\u2019]s$/iu.test(text.slice(token.start, token.end)) || /^['\u2019](?!\p{L})/u.test(text.slice(token.end));
}

/**
 * The definite descriptions of the text that no proposal phrase already covers: after a definite
 * determiner, or after an actor's possessive ("Washington's tariffs" is the tariffs of the story
 * when it has one such proposal, as "the tariffs" is).
 */
function definiteDescriptions(tokens: Token[], proposals: readonly PhraseMatch[], index: PhraseIndex, text: string, actors: readonly PhraseMatch[]): ProposalDescription[] {
  const found: ProposalDescription[] = [];
  const possessives = new Set(actors.filter((match) => isPossessive(tokens[match.end - 1]!, text)).map((match) => match.end - 1));
  for (let position = 0; position + 1 < tokens.length; position += 1) {
    if (!DEFINITE_DETERMINERS.has(tokens[position]!.folded) && !possessives.has(position)) continue;
    const kind = DESCRIPTION_KINDS.get(tokens[position + 1]!.folded);
    let description: ProposalDescription | null = kind ? { start: position, end: position + 2, kind } : null;
    if (!description && index.hasProposalHeads) {
      // Two words first ("the export controls"), then one ("the strike").
      const first = /^\p{L}+$/u.test(tokens[position + 1]!.folded) ? lemmaKey(tokens[position + 1]!.folded) : null;
      const second = tokens[position + 2] && /^\p{L}+$/u.test(tokens[position + 2]!.folded) ? lemmaKey(tokens[position + 2]!.folded) : null;
      if (first && second && index.isProposalHead(`${first} ${second}`)) description = { start: position, end: position + 3, head: `${first} ${second}` };
      else if (first && index.isProposalHead(first)) description = { start: position, end: position + 2, head: first };
    }
    if (!description) continue;
    const after = tokens[description.end]?.folded;
    const afterOf = after === 'of' ? tokens[description.end + 1]?.folded : after;
    if (afterOf !== undefined && NOT_A_PROPOSAL_AFTER.has(afterOf)) continue;
    if (proposals.some((match) => match.start < description.end && position + 1 < match.end)) continue;
    found.push(description);
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
  context: {
    pinned: ReadonlySet<string>;
    storyActors: { has(id: string): boolean };
    speaker: string | null;
    facts: (id: string) => ActorFacts | undefined;
    /** Actors the story's headline names: the last test, after those of the statement's own speaker. */
    headlineActors?: { has(id: string): boolean };
  }
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
  if (context.headlineActors) narrowers.push((id) => context.headlineActors!.has(id));
  for (const narrow of narrowers) {
    const left = candidates.filter(narrow);
    if (left.length === 1) return left[0]!;
  }
  return null;
}

/** What settles which actor a description ("the army") means, besides the index. */
interface DescriptionContext {
  index: PhraseIndex;
  rejected: ReadonlySet<string>;
  pinned: ReadonlySet<string>;
  /** Actors named before the description in the same text. */
  namedBefore: ReadonlySet<string>;
  speaker: string | null;
  storyActors: { has(id: string): boolean };
  headlineActors: { has(id: string): boolean };
  /** The ISO code of the dateline's country, worked out on first use. */
  datelineCountry: () => string | null;
  facts: (id: string) => ActorFacts | undefined;
}

/**
 * The one actor a definite description means, or the candidates left when several fit. Starting from
 * every actor the word may describe, each test in turn keeps the candidates that pass it when some
 * do: pinned by an editor; named before it in the same text; the speaker's own organization; already
 * linked in the story; of the dateline's country ("the government" in a story datelined PARIS).
 * One left is the answer: in a newsroom with one army, "the army" is that army. A group's description
 * ("the rebels", "the paramilitaries") starts from the candidates that pass one of the tests: the story
 * has to name the group somewhere.
 */
function settleDescription(description: DescriptionMatch, context: DescriptionContext): { chosen: string | null; candidates: string[] } {
  // Rejected actors stay candidates: when one is what the description means, it links nobody rather
  // than the next army in the newsroom (an editor who rejects the army "the army" found does not mean another).
  const all = [...context.index.describedAs(description.word)];
  // "The rebels" is a group the story names; "the army" in a newsroom with one army is that army.
  const settled = isGroupDescription(description.word) ? settleAmong(all.filter((id) => evidenceTests(context).some((test) => test(id))), context) : settleAmong(all, context);
  return settled.chosen && context.rejected.has(settled.chosen) ? { chosen: null, candidates: [] } : settled;
}

/** What ties an actor to the text at hand, most telling first (see settleDescription). */
function evidenceTests(context: DescriptionContext): Array<(id: string) => boolean> {
  const speakerFacts = context.speaker ? context.facts(context.speaker) : undefined;
  return [
    (id) => context.pinned.has(id),
    (id) => context.namedBefore.has(id),
    (id) => speakerFacts?.affiliation === id,
    (id) => context.storyActors.has(id),
    (id) => context.headlineActors.has(id),
    (id) => {
      const country = context.datelineCountry();
      return country !== null && context.facts(id)?.country === country;
    },
  ];
}

function settleAmong(all: string[], context: DescriptionContext): { chosen: string | null; candidates: string[] } {
  let left = all;
  if (left.length <= 1) return { chosen: left[0] ?? null, candidates: left };
  for (const test of evidenceTests(context)) {
    const passing = left.filter(test);
    if (passing.length === 1) return { chosen: passing[0]!, candidates: passing };
    if (passing.length > 1) left = passing;
  }
  return { chosen: null, candidates: left };
}

/** The actors a headline names by a phrase only one actor has ("EU", "Macron"); none when there is no headline. */
function actorsNamedIn(headline: string | null | undefined, index: PhraseIndex, accept: (entry: IndexEntry) => boolean, rejected: ReadonlySet<string>): Set<string> {
  const named = new Set<string>();
  if (!headline) return named;
  for (const match of index.matchByKind(headline, accept, { proposals: false }).actors) {
    const candidates = actorCandidates(match, rejected);
    if (candidates.length === 1) named.add(candidates[0]!);
  }
  return named;
}

/** The ISO code of the country a dateline names ("PARIS": FR, "JEDDAH, Saudi Arabia": SA), or null. */
function datelineCountryOf(dateline: string | null | undefined, index: PhraseIndex, facts: (id: string) => ActorFacts | undefined): string | null {
  if (!dateline) return null;
  const countries = new Set<string>();
  for (const match of index.matchByKind(dateline, () => true, { proposals: false }).actors) {
    for (const entry of match.entries) {
      const actor = facts(entry.id);
      if (entry.kind === 'actor' && actor?.kind === 'country' && actor.country) countries.add(actor.country);
    }
  }
  return countries.size === 1 ? [...countries][0]! : null;
}

/** How many candidates an unsettled description records in linkState.ambiguous: "the government" fits every country. */
const MAX_RECORDED_CANDIDATES = 5;

/** A span of the text where two roles share one noun ("the Russian and Ukrainian presidents"), and whom they name. */
interface SharedRole {
  start: number;
  end: number;
  actors: string[];
}

/**
 * "The Russian and Ukrainian presidents", "the French and German leaders": two role descriptors that
 * share their noun, written once in the plural. Each is looked up as if written alone ("Russian
 * president", "Ukrainian president"); when both name one actor each, the span names those two, and
 * the country words inside it are part of the roles, not mentions of the countries.
 */
function sharedRoles(tokens: readonly Token[], index: PhraseIndex, accept: (entry: IndexEntry) => boolean, rejected: ReadonlySet<string>): SharedRole[] {
  const found: SharedRole[] = [];
  for (let position = 0; position + 3 < tokens.length; position += 1) {
    if (tokens[position + 1]!.folded !== 'and') continue;
    for (const length of [1, 2]) {
      const nounTokens = tokens.slice(position + 3, position + 3 + length);
      const last = nounTokens[nounTokens.length - 1];
      if (nounTokens.length < length || !last || !/[^s]s$/.test(last.folded)) continue;
      const noun = [...nounTokens.slice(0, -1).map((token) => token.original), last.original.slice(0, -1)].join(' ');
      const named = [tokens[position]!, tokens[position + 2]!].map((word) => {
        const phrase = `${word.original} ${noun}`;
        const matches = index.matchByKind(phrase, accept, { proposals: false }).actors.filter((match) => match.start === 0 && match.end === tokenize(phrase).length);
        const candidates = matches.length === 1 ? actorCandidates(matches[0]!, rejected) : [];
        return candidates.length === 1 ? candidates[0]! : null;
      });
      if (named[0] && named[1]) {
        found.push({ start: position, end: position + 3 + length, actors: [named[0], named[1]] });
        position += 2 + length;
        break;
      }
    }
  }
  return found;
}

/**
 * The proposal phrases of a text, settled by the story. A newsroom's proposals outlive their stories,
 * and editors give them common words as aliases ("truce", "ceasefire"): in a story about another
 * conflict, which has its own truce, those words are that truce. So a phrase of one common word
 * (written in lower case, or opening the text) does not name a proposal of another story when the
 * story has one of the same kind (its own proposals, or those its other statements link): the
 * story's own is then found as a description ("the truce"). In a story with none of that kind it
 * names the proposal as before. A phrase that names several proposals ("prisoner swap", given to the
 * exchanges of two stories) names the story's, or none, recorded as ambiguous. Proper nouns and
 * longer phrases ("Jeddah ceasefire", "Brexit") name their proposal in any story.
 * @returns the matches kept, each with its entries narrowed to the proposals named; and whether the
 *   story's proposals were needed (the caller then links again with them, see LinkInput.storyProposals)
 */
function settleProposalMatches(
  matches: readonly PhraseMatch[],
  tokens: readonly Token[],
  rejected: ReadonlySet<string>,
  storyProposals: LinkInput['storyProposals'],
  ambiguous: AmbiguousPhrase[]
): { kept: PhraseMatch[]; consulted: boolean } {
  const inStory = new Set((storyProposals ?? []).map((proposal) => proposal.id));
  const storyKinds = new Set((storyProposals ?? []).map((proposal) => proposal.kind).filter((kind) => kind !== null && kind !== 'other'));
  const kept: PhraseMatch[] = [];
  let consulted = false;
  for (const match of matches) {
    const entries = match.entries.filter((entry) => !rejected.has(entry.id));
    const ids = [...new Set(entries.map((entry) => entry.id))];
    if (ids.length === 0) continue;
    const words = tokens.slice(match.start, match.end).filter((token) => !FUNCTION_WORDS.has(token.folded));
    const commonWord = words.length === 1 && (match.start === 0 || !/^\p{Lu}/u.test(words[0]!.original));
    if (ids.length === 1 && !commonWord) {
      kept.push({ ...match, entries });
      continue;
    }
    consulted = true;
    // Before the story's proposals are read (the caller links again with them), nothing is settled.
    if (storyProposals === undefined) {
      if (ids.length === 1) kept.push({ ...match, entries });
      continue;
    }
    const ofStory = ids.filter((id) => inStory.has(id));
    if (ofStory.length > 0) kept.push({ ...match, entries: entries.filter((entry) => inStory.has(entry.id)) });
    else if (ids.length > 1) ambiguous.push({ field: 'text', phrase: match.text, candidates: ids });
    else if (!entries.some((entry) => entry.proposalKind && storyKinds.has(entry.proposalKind))) kept.push({ ...match, entries });
  }
  return { kept, consulted };
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
  // Asked only after the story's actors, which already marks the result as depending on the story.
  let namedInHeadline: Set<string> | undefined;
  const headlineActors = {
    has(id: string): boolean {
      namedInHeadline ??= actorsNamedIn(input.headline, index, accept, rejected);
      return namedInHeadline.has(id);
    },
  };

  let datelineCountry: string | null | undefined;
  const descriptionContext = (namedBefore: ReadonlySet<string>, currentSpeaker: string | null): DescriptionContext => ({
    index, rejected, pinned, namedBefore, speaker: currentSpeaker, storyActors, headlineActors, facts,
    datelineCountry: () => {
      consultedDateline = true;
      if (datelineCountry === undefined) datelineCountry = datelineCountryOf(input.dateline, index, facts);
      return datelineCountry;
    },
  });
  let consultedDateline = false;

  let speaker: string | null = input.editorSpeaker ?? null;
  let speakerSource: LinkResult['speakerSource'] = speaker ? 'editor' : 'none';
  if (!speaker && input.attribution) {
    const attribution = input.attribution;
    const { tokens, actors } = index.matchByKind(attribution, accept, { proposals: false });
    const anonymous = anonymousSources(attribution, tokens);
    const inAnonymousSource = (start: number, end: number) => anonymous.some(([from, to]) => start >= from && end <= to);
    const matches = actors.filter((match) => actorCandidates(match, rejected).length > 0 && !namesAPlace(match, tokens, attribution, actors) && !inAnonymousSource(match.start, match.end));
    const choose = (phrase: PhraseMatch) => settleAmbiguity(actorCandidates(phrase, rejected), { pinned, storyActors, speaker: null, facts, headlineActors });
    // The first phrase, in order of likelihood, that names one actor is the speaker; then a description
    // that speaks ("the central bank said", "an army spokesman said"); then any other phrase, unless the
    // attribution is an anonymous source ("a Saudi official said" is not Saudi Arabia speaking).
    const { named, others } = speakerPhrasesInOrder(attribution, matches, tokens);
    for (const phrase of named) {
      speaker = choose(phrase);
      if (speaker) break;
    }
    if (!speaker) {
      for (const description of findDescriptions(tokens, attribution, SPEECH_VERBS)) {
        if (!description.speaks || inAnonymousSource(description.start, description.end) || actors.some((match) => match.start < description.end && description.start < match.end)) continue;
        speaker = settleDescription(description, descriptionContext(new Set(), null)).chosen;
        if (speaker) break;
      }
    }
    if (!speaker && anonymous.length === 0) {
      for (const phrase of others) {
        speaker = choose(phrase);
        if (speaker) break;
      }
    }
    if (speaker) speakerSource = 'attribution';
    const first = named[0] ?? others[0];
    if (!speaker && first) ambiguous.push({ field: 'attribution', phrase: first.text, candidates: actorCandidates(first, rejected) });
  }

  const mentions = new Set<string>();
  const proposals = new Set<string>();
  const found = index.matchByKind(input.text, accept);
  const proposalKinds = new Map<string, string | null>((input.storyProposals ?? []).map((proposal) => [proposal.id, proposal.kind]));
  const ambiguousProposals: AmbiguousPhrase[] = [];
  const { kept: proposalMatches, consulted: consultedForProposalNames } = settleProposalMatches(found.proposals, found.tokens, rejectedProposals, input.storyProposals, ambiguousProposals);
  for (const match of proposalMatches) {
    for (const entry of match.entries) {
      proposals.add(entry.id);
      proposalKinds.set(entry.id, entry.proposalKind ?? null);
    }
  }
  const descriptions = definiteDescriptions(found.tokens, proposalMatches, index, input.text, found.actors);
  for (const description of descriptions) {
    const fits = (id: string, kind: string | null | undefined) => !rejectedProposals.has(id) && (description.kind !== undefined ? kind === description.kind : index.proposalHeadsOf(id).includes(description.head));
    // The antecedent named earlier in the same text, when there is one that fits; else the story's.
    const earlier = [...new Set(proposalMatches.filter((match) => match.end <= description.start).flatMap((match) => match.entries).filter((entry) => fits(entry.id, entry.proposalKind)).map((entry) => entry.id))];
    const candidates = earlier.length === 1 ? earlier : [...proposalKinds].filter(([id, kind]) => fits(id, kind)).map(([id]) => id);
    const phrase = input.text.slice(found.tokens[description.start]!.start, found.tokens[description.end - 1]!.end);
    if (candidates.length === 1) proposals.add(candidates[0]!);
    else if (candidates.length > 1) ambiguousProposals.push({ field: 'text', phrase, candidates });
  }
  const shared = sharedRoles(found.tokens, index, accept, rejected);
  for (const role of shared) for (const id of role.actors) if (id !== speaker) mentions.add(id);
  for (const match of found.actors) {
    if (shared.some((role) => match.start < role.end && role.start < match.end)) continue;
    if (namesAPlace(match, found.tokens, input.text, found.actors)) continue;
    const candidates = actorCandidates(match, rejected);
    if (candidates.length === 0) continue;
    if (speaker && candidates.includes(speaker)) continue; // the speaker referring to themselves
    const chosen = settleAmbiguity(candidates, { pinned, storyActors, speaker, facts, headlineActors });
    if (chosen) mentions.add(chosen);
    else ambiguous.push({ field: 'text', phrase: match.text, candidates });
  }
  // Definite descriptions of actors ("the army", "the central bank"), where no name already stands.
  for (const description of findDescriptions(found.tokens, input.text, SPEECH_VERBS)) {
    if (found.actors.some((match) => match.start < description.end && description.start < match.end)) continue;
    const namedBefore = new Set(found.actors.filter((match) => match.end <= description.start).flatMap((match) => match.entries.map((entry) => entry.id)));
    const { chosen, candidates } = settleDescription(description, descriptionContext(namedBefore, speaker));
    const phrase = input.text.slice(found.tokens[description.start]!.start, found.tokens[description.end - 1]!.end);
    if (chosen) {
      if (chosen !== speaker) mentions.add(chosen);
    } else if (candidates.length > 1 && candidates.length <= MAX_RECORDED_CANDIDATES) {
      ambiguous.push({ field: 'text', phrase, candidates });
    }
  }
  for (const id of pinned) if (!rejected.has(id) && id !== speaker) mentions.add(id);

  return {
    speaker, speakerSource, mentions: [...mentions], proposals: [...proposals], ambiguous, ambiguousProposals,
    // A description weighed against the dateline needs the story as much as one weighed against its actors.
    consultedStoryActors: consultedStoryActors || consultedDateline,
    consultedStoryProposals: descriptions.length > 0 || consultedForProposalNames,
  };
}
