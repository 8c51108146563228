import { tokenize, type Token } from './text-folding';

/**
 * Definite descriptions of actors: "the army", "the central bank", "the Fund", "the union", "the
 * bloc", "the government". Wire copy names an institution once, then by the common noun its name is
 * built on; a reader takes "the army" for the one army the story is about.
 *
 * What an actor may be called is read from its name, not typed: the head noun of the name ("Bolivian
 * Army", "Sudanese Armed Forces", "Central Bank of Bolivia", "International Monetary Fund", "National
 * Union of Air Traffic Controllers") looked up in HEAD_NOUNS below. Which actor a description means is
 * settled by the linker (settleDescription): the story, the speaker, the dateline.
 */

/**
 * Head nouns of actor names and the descriptions copy uses for them. Kept small on purpose: a noun
 * belongs here when "the <noun>" in copy means an institution of that name, not a thing ("the house",
 * "the office", "the post" and "the times" do not belong). Two-word heads are looked up first.
 */
const HEAD_NOUNS: ReadonlyMap<string, readonly string[]> = new Map([
  ['army', ['army', 'military']],
  ['armed forces', ['army', 'military']],
  ['defense forces', ['army', 'military']],
  ['defence forces', ['army', 'military']],
  ['military', ['military', 'army']],
  ['navy', ['navy']],
  ['air force', ['air force']],
  ['coast guard', ['coast guard']],
  ['national guard', ['national guard']],
  ['police', ['police']],
  ['police service', ['police']],
  ['police force', ['police']],
  ['central bank', ['central bank']],
  ['fund', ['fund']],
  ['ministry', ['ministry']],
  ['government', ['government']],
  ['commission', ['commission']],
  ['union', ['union']],
  ['chamber', ['chamber']],
  ['federation', ['federation']],
  ['confederation', ['confederation']],
  ['parliament', ['parliament']],
  ['court', ['court']],
  ['alliance', ['alliance']],
  ['treaty organization', ['alliance']],
  ['treaty organisation', ['alliance']],
  ['coalition', ['coalition']],
]);

/**
 * What kind of armed or political group an actor is, as its editor's description says ("Sudanese
 * paramilitary force", "a rebel movement in the north"), and the descriptions copy then uses: "the
 * paramilitaries", "the rebels". A group's name rarely says it ("Rapid Support Forces"), so it is read
 * from the description, and only from the description's opening noun phrase (see groupTypesOf): the
 * army's description "regular army, at war with the paramilitary RSF" does not make the army "the
 * paramilitaries".
 */
const GROUP_TYPES: ReadonlyMap<string, readonly string[]> = new Map([
  ['paramilitary', ['paramilitaries', 'paramilitary force', 'paramilitary group']],
  ['rebel', ['rebels', 'rebel group', 'rebel movement']],
  ['militia', ['militia']],
  ['insurgent', ['insurgents', 'insurgent group']],
  ['militant', ['militants', 'militant group']],
  ['separatist', ['separatists']],
  ['guerrilla', ['guerrillas']],
  ['jihadist', ['jihadists', 'jihadist group']],
]);
/** The description words GROUP_TYPES gives: these need the story to name the group (see groupDescription). */
const GROUP_WORDS: ReadonlySet<string> = new Set([...GROUP_TYPES.values()].flat());

/** Every description word HEAD_NOUNS and GROUP_TYPES give, with "bloc" (below): what the text is scanned for. */
export const DESCRIPTION_WORDS: ReadonlySet<string> = new Set([...[...HEAD_NOUNS.values()].flat(), ...GROUP_WORDS, 'bloc']);

/**
 * Whether a description word names a kind of group rather than an institution. "The army" in a newsroom
 * with one army is that army; "the rebels" is a group the story itself names (a newsroom covers more
 * conflicts than it has entered rebel groups), so the linker settles it only from the story.
 */
export function isGroupDescription(word: string): boolean {
  return GROUP_WORDS.has(word);
}

/**
 * Words that end a description's opening noun phrase: "paramilitary force [that] grew out of...". Not
 * "backed", "led" or "based", which open it as often as they end it ("Iran-backed militia").
 */
const PHRASE_ENDS = new Set([
  'that', 'which', 'who', 'whose', 'of', 'in', 'on', 'at', 'from', 'with', 'against', 'for', 'to', 'by', 'since', 'and', 'or', 'but',
  'founded', 'formed', 'fighting', 'operating', 'is', 'was', 'are', 'were', 'has', 'had',
]);

const COPULAS = new Set(['is', 'are', 'was']);
const ARTICLES = new Set(['a', 'an', 'the']);
const RELATIVES = new Set(['that', 'which', 'who']);

/**
 * The group types (GROUP_TYPES' keys) in the opening noun phrase of an actor's description: the words
 * after a leading "a", "an" or "the" (or after "is a" when the description opens with the name: "The
 * RSF is a paramilitary force") up to the first punctuation or PHRASE_ENDS word, plurals taken as
 * their singular ("rebels", "militias").
 */
export function groupTypesOf(description: string | null | undefined): string[] {
  if (!description) return [];
  // A dot ends the sentence only before a space: "U.S.-backed militia" is one phrase.
  const firstSentence = description.split(/[;:!?\n(]|\.(?=\s|$)/)[0] ?? '';
  let words = tokenize(firstSentence.split(/[,\u2013\u2014]/)[0] ?? '').map((token) => token.folded);
  // "The RSF is a paramilitary force": a short subject (the name) and "is a"; what follows says what it is.
  const copula = words.findIndex((word, position) => position > 0 && position <= 6 && COPULAS.has(word) && ARTICLES.has(words[position + 1] ?? ''));
  if (copula !== -1 && !words.slice(0, copula).some((word) => RELATIVES.has(word))) words = words.slice(copula + 1);
  const opening = ARTICLES.has(words[0] ?? '') ? words.slice(1) : words;
  const end = opening.findIndex((word) => PHRASE_ENDS.has(word));
  const phrase = end === -1 ? opening : opening.slice(0, end);
  const types = new Set<string>();
  for (const word of phrase) {
    const singular = GROUP_TYPES.has(word) ? word : word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.replace(/s$/, '');
    if (GROUP_TYPES.has(singular)) types.add(singular);
  }
  return [...types];
}

/** First words of the two-word descriptions ("central", "air"): only after one is a pair of words put together. */
const FIRST_OF_TWO = new Set([...DESCRIPTION_WORDS].filter((word) => word.includes(' ')).map((word) => word.split(' ')[0]!));

/**
 * A union or community of a region's states is "the bloc" in copy ("the European Union": "the bloc"),
 * never "the union": the name's first word says it is one.
 */
const REGIONS = new Set(['european', 'african', 'eurasian', 'arab', 'asian', 'caribbean', 'andean', 'nordic', 'baltic', 'pacific', 'gulf', 'west', 'east', 'southern', 'central', 'latin']);
const REGIONAL_HEADS = new Set(['union', 'community']);

/**
 * Descriptions that copy writes with a capital only: "the Fund" is the IMF, "the fund" any fund; "the
 * Commission" is the European Commission, "the commission" any commission.
 */
const CAPITALIZED_ONLY = new Set(['fund', 'commission']);

/** Descriptions copy writes without an article: "police said". */
const WITHOUT_ARTICLE = new Set(['police']);

/**
 * Words after the noun that make it a modifier of another thing: "the army delegation", "the police
 * station", "the central bank governor", "the union leader", "the army of volunteers".
 */
const MODIFIED_NOUNS = new Set([
  'of', 'delegation', 'delegations', 'chief', 'chiefs', 'commander', 'commanders', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials',
  'officer', 'officers', 'station', 'stations', 'headquarters', 'leader', 'leaders', 'leadership', 'boss', 'bosses', 'head', 'member', 'members',
  'rate', 'rates', 'building', 'barracks', 'base', 'bases', 'general', 'generals', 'governor', 'president', 'minister', 'ministers', 'secretary',
  'envoy', 'holiday', 'account', 'accounts', 'bond', 'bonds', 'note', 'notes', 'card', 'cards', 'law', 'laws', 'job', 'jobs', 'manager', 'managers',
  'staff', 'truck', 'trucks', 'vehicle', 'vehicles', 'uniform', 'uniforms', 'band', 'veteran', 'veterans', 'reform', 'reforms', 'budget', 'source', 'sources',
  'report', 'reports', 'statement', 'statements', 'decision', 'ruling', 'rulings', 'session', 'sessions', 'vote', 'votes', 'seat', 'seats',
]);

/** Words that end a name's head before its complement ("Central Bank of Bolivia": "Central Bank"). */
const COMPLEMENT_WORDS = new Set(['of', 'for', 'to', 'de', 'on']);

/**
 * The description words an actor's name gives ("Bolivian Army": army, military), and its editor's
 * description for a group ("paramilitary force": paramilitaries), per the tables above.
 */
export function descriptionWordsOf(actor: { name: string; kind: string; description?: string | null }): string[] {
  if (actor.kind === 'person') return [];
  const groupWords = actor.kind === 'country' ? [] : groupTypesOf(actor.description).flatMap((type) => GROUP_TYPES.get(type) ?? []);
  return [...new Set([...nameDescriptionWordsOf(actor), ...groupWords])];
}

function nameDescriptionWordsOf(actor: { name: string; kind: string }): string[] {
  // A country is "the government" in copy about its government ("unless the government reopens talks").
  if (actor.kind === 'country') return ['government'];
  const words = tokenize(actor.name).map((token) => token.folded);
  const complement = words.findIndex((word, position) => position > 0 && COMPLEMENT_WORDS.has(word));
  const head = complement === -1 ? words : words.slice(0, complement);
  if (head.length === 0) return [];
  const last = head[head.length - 1]!;
  const two = head.length >= 2 ? `${head[head.length - 2]} ${last}` : '';
  if (REGIONAL_HEADS.has(last) && head.length >= 2 && REGIONS.has(head[0]!)) return ['bloc'];
  return [...(HEAD_NOUNS.get(two) ?? HEAD_NOUNS.get(last) ?? [])];
}

/** A description found in a text: the token range, and the description word. */
export interface DescriptionMatch {
  start: number;
  end: number;
  word: string;
  /** Whether it is the subject of a speech verb or a spokesman's ("the army said", "an army spokesman said"). */
  speaks: boolean;
}

const SPOKESPEOPLE = new Set(['spokesman', 'spokeswoman', 'spokesperson']);

/**
 * The definite descriptions of actors in `tokens`: "the" and a description word (one or two words),
 * or a bare word of WITHOUT_ARTICLE; "a"/"an" only before a spokesman ("an army spokesman said").
 * @param speechVerbs words after which a subject speaks ("said", "told")
 */
export function findDescriptions(tokens: readonly Token[], text: string, speechVerbs: ReadonlySet<string>): DescriptionMatch[] {
  const found: DescriptionMatch[] = [];
  for (let position = 0; position < tokens.length; position += 1) {
    const article = tokens[position - 1]?.folded;
    // Scanned on every statement: a pair of words is put together only after a first word of one.
    const two = position + 1 < tokens.length && FIRST_OF_TWO.has(tokens[position]!.folded) ? `${tokens[position]!.folded} ${tokens[position + 1]!.folded}` : '';
    const word = DESCRIPTION_WORDS.has(two) ? two : DESCRIPTION_WORDS.has(tokens[position]!.folded) ? tokens[position]!.folded : null;
    if (!word) continue;
    const end = position + (word === two ? 2 : 1);
    const last = tokens[end - 1]!;
    if (CAPITALIZED_ONLY.has(word) && !/^\p{Lu}/u.test(tokens[position]!.original)) continue;
    const possessive = /['\u2019]s$/iu.test(text.slice(last.start, last.end));
    const after = tokens[end]?.folded;
    const spokesman = after !== undefined && SPOKESPEOPLE.has(after);
    const definite = article === 'the' || (WITHOUT_ARTICLE.has(word) && !['a', 'an'].includes(article ?? '')) || ((article === 'a' || article === 'an') && spokesman);
    if (!definite) continue;
    // "the government of Peru" names Peru, "the army of volunteers" no army; "accused the army of firing" is the army.
    const ofAnAct = after === 'of' && /ing$/.test(tokens[end + 1]?.folded ?? '');
    if (!possessive && !spokesman && !ofAnAct && after !== undefined && MODIFIED_NOUNS.has(after)) continue;
    const start = article === 'the' || article === 'a' || article === 'an' ? position - 1 : position;
    const speaks =
      (after !== undefined && speechVerbs.has(after)) || (spokesman && speechVerbs.has(tokens[end + 1]?.folded ?? '')) || spokesmanFor(tokens, position - 1) || reportedBy(tokens, start);
    found.push({ start, end, word, speaks });
    position = end - 1;
  }
  return found;
}

/** "according to the central bank", "said the army": the description at `start` is who says it. */
function reportedBy(tokens: readonly Token[], start: number): boolean {
  const before = tokens[start - 1]?.folded;
  return (before === 'to' && tokens[start - 2]?.folded === 'according') || before === 'said' || before === 'says';
}

/** "a spokesman for the army": the description at `article` follows a spokesman and "for". */
function spokesmanFor(tokens: readonly Token[], article: number): boolean {
  return tokens[article - 1]?.folded === 'for' && SPOKESPEOPLE.has(tokens[article - 2]?.folded ?? '');
}
