import { ADDRESSEE_LEMMAS, cueKindOf, cueLemma, isAllowedBaseForm, isNounLikeForm } from './cue-lexicon';
import { readParagraphs, type Paragraph, type Quotation, type Sentence, type Span, type Token } from './text-structure';

export type { Span } from './text-structure';

export type AttributionKind = 'direct_quote' | 'paraphrase' | 'social_post' | 'document';

/** One thing said in a story body, with where its parts stand in the body (UTF-16, end exclusive). */
export interface Attribution {
  /** The words attributed: with their quotation marks when quoted; the reported clause otherwise. */
  content: Span;
  /** The verb or phrase of attribution ("said", "according to"), or null when a quote goes on from an earlier one. */
  cue: Span | null;
  /** The speaker as written ("Trump", "the influential daily", "he"), or null when the copy names nobody. */
  source: Span | null;
  kind: AttributionKind;
  /** The Statement's text: the words as published, a quote without its marks, the cue clause taken out. */
  text: string;
  /** The Statement's attribution: the words that name the speaker ("Kremlin spokesman Dmitry Peskov said"). */
  attribution: string;
  /** The source as written, or null. */
  sourceText: string | null;
  /**
   * Who the source stands for: the source itself, or for a pronoun ("he said") the source of the
   * nearest compatible attribution before it in the same paragraph or the one before; null when none.
   */
  speakerText: string | null;
  speakerSpan: Span | null;
  /** For a pronoun source, the index (in the returned list) of the attribution its speaker comes from. */
  antecedent: number | null;
  /** The sentence (or, for a quote over several paragraphs, sentences) holding the content and the cue. */
  sentence: Span;
}

export interface ExtractOptions {
  /** Texts of the story's statements: a suggestion whose folded text equals one of them is left out. */
  existingTexts?: readonly string[];
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
const DETERMINERS = new Set([
  'the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'these', 'those', 'some', 'several',
  'many', 'most', 'other', 'another', 'both', 'all', 'each', 'no', 'one', 'two', 'three', 'four', 'five', 'few', 'senior',
]);
const PREPOSITIONS = new Set([
  'in', 'on', 'at', 'for', 'with', 'by', 'from', 'to', 'after', 'before', 'during', 'since', 'as', 'than', 'about',
  'into', 'over', 'under', 'against', 'between', 'among', 'through', 'via', 'without', 'within', 'ahead', 'following',
  'amid', 'despite', 'like', 'near', 'toward', 'towards', 'upon', 'outside', 'inside', 'across', 'around', 'behind', 'beside', 'along', 'throughout', 'while', 'when', 'late', 'early', 'earlier', 'later',
  'last', 'this', 'yesterday', 'today', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);
const CLAUSE_WORDS = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'where', 'because', 'if', 'although', 'though', 'whether', 'so', 'but', 'or',
  'nor', 'yet', 'and', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'would', 'could',
  'should', 'can', 'may', 'might', 'must', 'did', 'does', 'do', 'not', "n't", 'also', 'then', 'there', 'here', 'what',
  'how', 'why', 'said', 'says', 'told', 'it', 'him', 'them', 'us', 'me', 'however', 'meanwhile', 'though', 'too', 'nonetheless', 'nevertheless', 'instead',
]);
const NOUNS_ENDING_LIKE_ADVERBS = new Set(['daily', 'weekly', 'monthly', 'ally', 'family', 'assembly', 'rally', 'supply', 'deputy', 'party', 'body']);
const PLURAL_SOURCES = new Set([
  'officials', 'sources', 'analysts', 'critics', 'diplomats', 'experts', 'residents', 'witnesses', 'lawmakers', 'supporters',
  'economists', 'authorities', 'leaders', 'members', 'activists', 'protesters', 'traders', 'investigators', 'prosecutors',
  'aides', 'police', 'people', 'doctors', 'scientists', 'researchers', 'unions', 'democrats', 'republicans', 'negotiators',
]);

const DISCOURSE_ADVERBS = new Set(['however', 'meanwhile', 'though', 'too', 'nonetheless', 'nevertheless', 'instead', 'moreover', 'furthermore', 'therefore', 'thus', 'also', 'likewise', 'separately', 'later', 'earlier', 'again', 'similarly', 'in turn']);

/** Nouns for people and bodies that take a prepositional phrase in a source ("a spokesman for the ministry"). */
const PERSON_NOUNS = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'economist', 'economists', 'analyst', 'analysts',
  'diplomat', 'diplomats', 'source', 'sources', 'farmer', 'farmers', 'resident', 'residents', 'expert', 'experts',
  'researcher', 'researchers', 'scientist', 'scientists', 'lawyer', 'lawyers', 'leader', 'leaders', 'member', 'members',
  'representative', 'representatives', 'director', 'head', 'chief', 'minister', 'ministers', 'officer', 'officers',
  'lawmaker', 'lawmakers', 'professor', 'executive', 'executives', 'worker', 'workers', 'doctor', 'doctors', 'groups',
  'group', 'envoy', 'envoys', 'negotiator', 'negotiators', 'commander', 'commanders', 'activist', 'activists', 'aide', 'aides',
  'adviser', 'advisers', 'advisor', 'advisors', 'staff', 'strategist', 'strategists', 'traders', 'trader', 'people', 'person',
]);

/** Words that may stand between a source and its cue without belonging to either. */
const BETWEEN_SOURCE_AND_CUE = new Set([
  'also', 'later', 'earlier', 'again', 'previously', 'repeatedly', 'separately', 'then', 'has', 'have', 'had', 'once',
  'recently', 'further', 'reportedly', 'publicly', 'privately', 'initially', 'first', 'last', 'now', 'still', 'even', 'only',
]);
/** Openers of a sentence that are not content: "After the call, Putin said ...". */
const OPENERS = new Set([
  ...PREPOSITIONS, 'asked', 'speaking', 'writing', 'responding', 'however', 'meanwhile', 'but', 'and', 'still', 'separately',
  'instead', 'yet', 'so', 'now', 'then', 'also', 'moreover', 'previously', 'elsewhere', 'asked', 'addressing', 'briefing',
]);
const SOCIAL_MEDIA = /\b(?:truth social|twitter|telegram|facebook|instagram|tiktok|social media|on x|a post|in a tweet|its website|his website|her website)\b/i;
const DOCUMENT_WORDS = /\b(?:statement|report|letter|document|filing|ruling|memo|communiqu\u00e9|communique|decree|transcript|study|survey|poll|data|release|court papers|indictment|complaint|op-ed|column|editorial|affidavit|resolution)\b/i;
const ORGANIZATION_HEADS = /\b(?:ministry|government|kremlin|white house|office|army|military|force|forces|agency|council|committee|party|department|company|firm|bank|union|court|parliament|police|embassy|administration|commission|service|statement|report|post|newspaper|daily|outlet|group|alliance|coalition|authority|authorities|cabinet|presidency|palace|command|fund|organization|organisation|nato|moscow|kyiv|washington|beijing|pentagon)\b/i;

function isSentenceEnd(token: Token): boolean {
  return !token.word && (token.text === '.' || token.text === '?' || token.text === '!');
}

function looksNominal(token: Token): boolean {
  if (!token.word || token.quoted || token.quoteMark) return false;
  const lower = token.lower;
  if (CLAUSE_WORDS.has(lower) && !(lower === 'it' || lower === 'us')) return false;
  if (PREPOSITIONS.has(lower) && lower !== 'this' && token.text === lower) return false;
  if (lower !== token.text) return true; // a capital: a name, a title, a sentence-initial article
  if (/(?:ed|ing)$/.test(lower) && lower.length > 4) return false;
  if (lower.endsWith('ly') && lower.length > 5 && !NOUNS_ENDING_LIKE_ADVERBS.has(lower)) return false;
  const lemma = cueLemma(lower);
  if (lemma && lower !== lemma && !isNounLikeForm(lower)) return false;
  return true;
}

function isCapitalized(token: Token | undefined): boolean {
  return token !== undefined && token.word && token.text[0] !== token.text[0]!.toLowerCase();
}

/** Prepositions after which a cue's participle is an adjective ("for written terms"), never the verb. */
const PARTICIPLE_AS_ADJECTIVE_AFTER = new Set(['for', 'with', 'in', 'of', 'from', 'on', 'at', 'into', 'without', 'under', 'over', 'about', 'against', 'through', 'via']);

/** Whether the cue word at `index` reads as a verb of attribution here, not a noun, an infinitive or a passive. */
function readsAsCue(tokens: readonly Token[], index: number): string | null {
  const token = tokens[index]!;
  if (!token.word || token.quoted) return null;
  const lemma = cueLemma(token.lower);
  if (!lemma) return null;
  // "the United States", "Reports": a capital makes a name or a headline word, not the verb.
  if (token.text !== token.lower && index > 0) return null;
  const previous = tokens[index - 1];
  const next = tokens[index + 1];
  const prevLower = previous?.lower ?? '';
  if (DETERMINERS.has(prevLower) || prevLower === 'of' || prevLower === 'to' || prevLower === 'would' || prevLower === 'will' || prevLower === 'could' || prevLower === 'should'
    || prevLower === 'can' || prevLower === 'may' || prevLower === 'might' || prevLower === 'must' || prevLower === 'did' || prevLower === 'not' || prevLower === "n't" || prevLower === 'does' || prevLower === 'do') return null;
  // "Asked whether the government could fall, Vosk replied": the question is the reporter's, not an attribution.
  if (lemma === 'ask' && ['for', 'to', 'not'].includes(next?.lower ?? '')) return null;
  if (lemma === 'ask' && (index === 0 || previous?.text === ',') && ['about', 'whether', 'if', 'why', 'how', 'what', 'when', 'who', 'for', 'to', 'by'].includes(next?.lower ?? '')) return null;
  const isIng = token.lower.endsWith('ing');
  const isParticiple = token.lower.endsWith('ed') || token.lower === 'written' || token.lower === 'told' || token.lower === 'said';
  if (isParticiple && (['was', 'were', 'is', 'are', 'be', 'been', 'being'].includes(prevLower) || next?.lower === 'by')) return null;
  // "wait for written terms", "with stated aims": a participle right after a preposition describes a noun.
  if (isParticiple && token.lower !== 'said' && PARTICIPLE_AS_ADJECTIVE_AFTER.has(prevLower)) return null;
  if (isIng) {
    if (previous && looksNominal(previous)) {
      // "..., a spokesman adding that ...": an absolute clause, its subject after a comma.
      for (let back = index - 1; back >= Math.max(0, index - 5); back -= 1) {
        if (tokens[back]!.text === ',') return lemma;
        if (!looksNominal(tokens[back]!)) break;
      }
    }
    // "issued a statement saying ...": the statement's words, its issuer the sentence's subject.
    if (previous && ['statement', 'statements', 'post', 'letter', 'report', 'message', 'video', 'tweet', 'note', 'release', 'communique'].includes(prevLower)) return lemma;
    if (!previous || previous.text === ',' || previous.quoteMark || previous.text === '\u2014' || ['while', 'after', 'before', 'by', 'in', 'when', 'and', 'is', 'was', 'were', 'are', 'been'].includes(prevLower)) return lemma;
    return null;
  }
  if (isNounLikeForm(token.lower)) {
    const verbAfter = next?.lower === 'that' || next?.text === ':' || next?.text === ',';
    const subjectBefore = previous !== undefined && (PRONOUNS.has(prevLower) || isCapitalized(previous));
    if (!verbAfter && !subjectBefore) return null;
  }
  if (token.lower === lemma && token.lower !== 'said' && !['write'].includes(lemma) && !isAllowedBaseForm(token.lower)) return null;
  if (token.lower === lemma && lemma !== 'said') {
    // An uninflected form is a verb after a plural subject or a pronoun ("officials say", "they warn").
    if (!previous || !(PRONOUNS.has(prevLower) || (previous.word && prevLower.endsWith('s')))) return null;
  }
  return lemma;
}

interface Clause {
  cueStart: number; // token indexes, inclusive
  cueEnd: number;
  lemma: string;
  source: [number, number] | null; // token indexes, inclusive
  /** Token index right after the source, cue and addressee. */
  after: number;
  /** First token index of the clause (source or cue). */
  first: number;
  /** Whether the source follows the cue ("said Peskov", "according to the post"). */
  inverted: boolean;
  /** Whether the source is another clause's ("..., adding", "... and said"). */
  borrowed: boolean;
}

/** The noun phrase that ends right before `end` (exclusive), walking back; [start, end] inclusive or null. */
function nounPhraseBefore(tokens: readonly Token[], end: number, floor: number): [number, number] | null {
  let start = end;
  while (start - 1 >= floor && end - start < 12) {
    const token = tokens[start - 1]!;
    if (looksNominal(token)) {
      start -= 1;
      continue;
    }
    if ((token.lower === 'them' || token.lower === 'us') && start === end && tokens[start - 2]?.lower === 'of' && start - 2 >= floor) {
      // "One of them, Ruth Albers, said": the pronoun closes the head of an apposition.
      start -= 1;
      continue;
    }
    if (token.lower === 'of' && start < end && start - 2 >= floor && looksNominal(tokens[start - 2]!)) {
      start -= 1;
      continue;
    }
    if (token.lower === 'and' && start < end && isCapitalized(tokens[start]) && isCapitalized(tokens[start - 2])) {
      start -= 1;
      continue;
    }
    if (token.text === '-' || token.text === '\u2019' || token.text === "'") {
      if (start - 2 >= floor && looksNominal(tokens[start - 2]!)) {
        start -= 1;
        continue;
      }
    }
    break;
  }
  while (start < end && (tokens[start]!.lower === 'of' || tokens[start]!.lower === 'and')) start += 1;
  if (start >= end) return null;
  // "a spokesman for the ministry", "economists at Merran Bank": a person's noun and its prepositional phrase.
  const preposition = tokens[start - 1];
  if (preposition && ['for', 'at', 'in', 'from', 'with', 'on'].includes(preposition.lower) && start - 1 > floor) {
    const head = nounPhraseBefore(tokens, start - 1, floor);
    const before = head ? tokens[head[0] - 1] : undefined;
    const headNoun = head ? tokens[head[1]]!.lower : '';
    if (head && head[1] - head[0] < 4 && PERSON_NOUNS.has(headNoun) && (!before || !before.word || ['and', 'but', 'that', 'while', 'as'].includes(before.lower) || head[0] === floor)) return [head[0], end - 1];
  }
  // A source ends on a noun, never on a bare article.
  if (DETERMINERS.has(tokens[end - 1]!.lower) && tokens[end - 1]!.lower !== 'one' && tokens[end - 1]!.lower !== 'two') return null;
  return [start, end - 1];
}

/** The noun phrase that starts at `start`, walking forward; [start, end] inclusive or null. */
function nounPhraseAfter(tokens: readonly Token[], start: number, allowPrepositions: boolean): [number, number] | null {
  let end = start;
  while (end < tokens.length && end - start < 14) {
    const token = tokens[end]!;
    if (looksNominal(token) || (token.lower === 'of' && end > start)) {
      end += 1;
      continue;
    }
    if (allowPrepositions && (token.lower === 'from' || token.lower === 'by' || token.lower === 'in' || token.lower === 'on') && end > start && looksNominal(tokens[end + 1] ?? token) && tokens[end + 1] !== undefined) {
      end += 1;
      continue;
    }
    if ((token.text === '-' || token.text === '\u2019') && end > start) {
      end += 1;
      continue;
    }
    break;
  }
  while (end > start && (tokens[end - 1]!.lower === 'of' || PREPOSITIONS.has(tokens[end - 1]!.lower) && tokens[end - 1]!.text === tokens[end - 1]!.lower)) end -= 1;
  return end > start ? [start, end - 1] : null;
}

/**
 * The words from `start` to the next comma, dash or end of sentence, without a non-restrictive
 * relative clause: the source after "according to" or in an apposition ("a tally by the daily
 * Courier", "two diplomats who attended the meeting"). Null past 20 tokens or over a quotation.
 */
function phraseToBoundary(tokens: readonly Token[], start: number): [number, number] | null {
  let end = start;
  while (end < tokens.length && end - start < 20) {
    const token = tokens[end]!;
    if (token.quoteMark || token.quoted || isSentenceEnd(token) || token.text === ',' || token.text === ';' || token.text === '\u2014' || token.text === ':' || token.text === '(') break;
    end += 1;
  }
  if (end - start >= 20 || end === start) return null;
  return looksNominal(tokens[start]!) || DETERMINERS.has(tokens[start]!.lower) ? [start, end - 1] : null;
}

/** An apposition or relative clause between commas before the cue: "Bessent, the treasury secretary, said". */
function sourceWithApposition(tokens: readonly Token[], comma: number, floor: number): [number, number] | null {
  let open = comma - 1;
  while (open > floor && comma - open < 20 && tokens[open]!.text !== ',' && !tokens[open]!.quoteMark && !isSentenceEnd(tokens[open]!)) open -= 1;
  if (open <= floor || tokens[open]!.text !== ',') return null;
  const head = nounPhraseBefore(tokens, open, floor);
  if (!head) return null;
  const first = tokens[open + 1]!;
  if (first.lower === 'who' || first.lower === 'which') return head;
  // "Democrats, however, said": a discourse adverb between commas belongs to neither.
  if (comma === open + 2 && DISCOURSE_ADVERBS.has(first.lower)) return head;
  let apposition = nounPhraseBefore(tokens, comma, open + 1);
  if (!apposition || apposition[0] !== open + 1) {
    // "Dana Whitfield, a Republican from Ohio, said": an apposition may hold prepositional phrases.
    const words = tokens.slice(open + 1, comma);
    const nominal = words.length > 0 && words.length <= 10 && (DETERMINERS.has(words[0]!.lower) || looksNominal(words[0]!))
      && words.every((word) => looksNominal(word) || DETERMINERS.has(word.lower) || ['of', 'from', 'for', 'at', 'in', 'on', 'with', "'", '\u2019', '-'].includes(word.lower));
    if (!nominal) return null;
    apposition = [open + 1, comma - 1];
  }
  // Only a name with its role reads this way; "The talks, officials said," is a mid-sentence cue.
  return [head[0], apposition[1]];
}

/** The subject that opens the sentence, for "X gave no details but said ..." and ", saying ...". */
function sentenceSubject(tokens: readonly Token[], before: number): [number, number] | null {
  let start = 0;
  while (start < before && (OPENERS.has(tokens[start]!.lower) && !isCapitalized(tokens[start]) || tokens[start]!.text === ',')) start += 1;
  const phrase = nounPhraseAfter(tokens, start, false);
  if (!phrase || phrase[1] >= before) return null;
  // "A brief statement gave no details": a lower-case word before an article is the verb.
  for (let index = phrase[0] + 1; index <= phrase[1]; index += 1) {
    const token = tokens[index]!;
    if (token.text === token.lower && DETERMINERS.has(tokens[index + 1]?.lower ?? '')) return [phrase[0], index - 1];
  }
  return phrase;
}

function findClauses(tokens: readonly Token[]): Clause[] {
  const clauses: Clause[] = [];
  let floor = 0;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (token.quoted || token.quoteMark || !token.word) continue;
    if (token.lower === 'according' && tokens[index + 1]?.lower === 'to') {
      const source = phraseToBoundary(tokens, index + 2);
      if (!source) continue;
      clauses.push({ cueStart: index, cueEnd: index + 1, lemma: 'according', source, after: source[1] + 1, first: index, inverted: true, borrowed: false });
      floor = source[1] + 1;
      index = source[1];
      continue;
    }
    const lemma = readsAsCue(tokens, index);
    if (!lemma) continue;
    let sourceEnd = index;
    while (sourceEnd - 1 >= floor && BETWEEN_SOURCE_AND_CUE.has(tokens[sourceEnd - 1]!.lower)) sourceEnd -= 1;
    let source: [number, number] | null = null;
    let inverted = false;
    const before = tokens[sourceEnd - 1];
    if (before && before.text === ',' && sourceEnd - 1 > floor) source = sourceWithApposition(tokens, sourceEnd - 1, floor);
    if (!source && before && looksNominal(before)) source = nounPhraseBefore(tokens, sourceEnd, floor);
    if (source && token.lower.endsWith('ing') && tokens[index - 1]?.text !== ',' && tokens[source[0] - 1]?.text !== ',') {
      // "while speaking", "after saying": the -ing form after a subject is not this clause's verb.
      source = null;
    }
    if (!source) {
      const atStart = !before || before.text === ',' || before.quoteMark || before.text === '\u2014' || before.text === ':' || sourceEnd <= floor;
      // "told The Associated Press" names the person told, never the speaker: no inversion for those verbs.
      if (atStart && !token.lower.endsWith('ing') && !ADDRESSEE_LEMMAS.has(lemma)) {
        const after = nounPhraseAfter(tokens, index + 1, false);
        const following = after ? tokens[after[1] + 1] : undefined;
        if (after && (!following || isSentenceEnd(following) || following.text === ',' || following.text === ';' || following.text === '\u2014' || PREPOSITIONS.has(following.lower) || following.lower === 'who')) {
          source = after;
          inverted = true;
          // "said Lena Pohl, chief economist at Nordfund.": the apposition that closes the sentence is part of the source.
          if (following?.text === ',') {
            const apposition = phraseToBoundary(tokens, after[1] + 2);
            const end = apposition ? tokens[apposition[1] + 1] : undefined;
            const relative = end?.text === ',' && ['who', 'which'].includes(tokens[apposition![1] + 2]?.lower ?? '');
            if (apposition && (!end || isSentenceEnd(end) || relative)) source = [after[0], apposition[1]];
          }
        }
      }
    }
    let borrowed = false;
    if (!source && (token.lower.endsWith('ing') || before?.lower === 'but' || before?.lower === 'and')) {
      const previous = clauses[clauses.length - 1];
      source = previous?.source ?? sentenceSubject(tokens, index);
      borrowed = source !== null;
    }
    const addressee = !inverted && ADDRESSEE_LEMMAS.has(lemma) ? addresseeAfter(tokens, index + 1, lemma) : null;
    const after = inverted && source ? source[1] + 1 : (addressee ?? index) + 1;
    const first = source && source[0] < index && !borrowed ? source[0] : index;
    clauses.push({ cueStart: index, cueEnd: index, lemma, source, after, first, inverted, borrowed });
    floor = after;
  }
  return clauses;
}

/** The person addressed after "told", "assured"...: the last token index of it, or null. */
function addresseeAfter(tokens: readonly Token[], start: number, lemma: string): number | null {
  const first = tokens[start];
  if (!first || first.quoted || first.quoteMark) return null;
  const possessive = first.lower === 'her' && tokens[start + 1] !== undefined && looksNominal(tokens[start + 1]!);
  if (!possessive && ['him', 'her', 'them', 'us', 'me', 'you', 'reporters', 'journalists', 'lawmakers', 'parliament', 'legislators'].includes(first.lower)) return start;
  if (lemma !== 'tell' && lemma !== 'inform' && lemma !== 'assure' && lemma !== 'remind' && lemma !== 'brief') return null;
  const phrase = nounPhraseAfter(tokens, start, false);
  if (!phrase) return null;
  const following = tokens[phrase[1] + 1];
  // "told Reuters that ...", "told the BBC on Monday ...": the object is the person told, not the content.
  if (!following || following.lower === 'that' || following.text === ',' || following.text === ':' || following.quoteMark || PREPOSITIONS.has(following.lower)) return phrase[1];
  if (phrase[1] - phrase[0] <= 3 && looksNominal(tokens[phrase[1]]!) && !['will', 'would', 'was', 'is', 'had', 'has'].includes(following.lower)) return phrase[1];
  return null;
}

/** Where the content after a cue starts: after "that"-less adjuncts, a colon or a comma; null when only adjuncts follow. */
/** Lemmas whose content may be an infinitive: "vowed to fight on", "urged them to stay". */
const INFINITIVE_LEMMAS = new Set(['promise', 'pledge', 'vow', 'threaten', 'agree', 'urge', 'ask', 'demand', 'warn', 'caution', 'tell', 'remind']);

function contentStartAfter(tokens: readonly Token[], start: number, end: number, lemma = ''): number | null {
  let index = start;
  while (index < end && (tokens[index]!.text === ':' || tokens[index]!.text === ',' || tokens[index]!.text === '\u2014')) index += 1;
  if (index >= end) return null;
  const first = tokens[index]!;
  if (first.lower === 'that' || first.quoteMark) return index;
  // "said at least 40 homes...", "warned against ...": words that open the content, not an adjunct.
  if ((first.lower === 'at' && ['least', 'most'].includes(tokens[index + 1]?.lower ?? '')) || first.lower === 'against') return index;
  if (first.lower === 'to' && INFINITIVE_LEMMAS.has(lemma) && tokens[index + 1]?.word && !isCapitalized(tokens[index + 1])) return index;
  const afterTime = skipTimeAdverbs(tokens, index, end);
  if (afterTime > index && afterTime < end) {
    const next = tokens[afterTime]!;
    if (next.lower === 'that' || next.quoteMark || (!PREPOSITIONS.has(next.lower) && !isSentenceEnd(next) && next.text !== ',')) return afterTime;
  }
  if (PREPOSITIONS.has(first.lower) || isWeekday(first)) {
    // "said on Monday that ...", "said in a statement: ...": skip the adjuncts up to "that" or a colon.
    for (let scan = index; scan < end && scan - index < 14; scan += 1) {
      const token = tokens[scan]!;
      if (token.lower === 'that' && !token.quoted) return scan;
      if (token.text === ':' || (token.text === ',' && tokens[scan + 1]?.quoteMark)) return scan + 1 < end ? scan + 1 : null;
      if (token.quoteMark || isSentenceEnd(token) || token.text === ',' || CLAUSE_WORDS.has(token.lower)) break;
    }
    return null;
  }
  if (isSentenceEnd(first)) return null;
  return index;
}

const TIME_ADVERBS = new Set(['later', 'earlier', 'again', 'also', 'then', 'privately', 'publicly', 'repeatedly', 'yesterday', 'today', 'tonight', 'separately']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Skips "later", "on Monday", "late Sunday", "last week" right after a cue; the index after them. */
function skipTimeAdverbs(tokens: readonly Token[], start: number, end: number): number {
  let index = start;
  while (index < end) {
    const lower = tokens[index]!.lower;
    const next = tokens[index + 1]?.lower ?? '';
    if (TIME_ADVERBS.has(lower) || WEEKDAYS.has(lower)) index += 1;
    else if ((lower === 'on' || lower === 'late' || lower === 'early' || lower === 'last' || lower === 'this' || lower === 'next') && (WEEKDAYS.has(next) || ['week', 'month', 'year', 'night', 'morning', 'evening', 'weekend'].includes(next))) index += 2;
    else break;
  }
  return index;
}

function isWeekday(token: Token): boolean {
  return PREPOSITIONS.has(token.lower) && isCapitalized(token);
}

/** A word or mark that ends content before a following clause: trailing ",", "and", "but", dashes. */
function trimContentEnd(tokens: readonly Token[], start: number, end: number): number {
  let last = end;
  while (last > start) {
    const token = tokens[last - 1]!;
    if (token.quoteMark || token.quoted) break;
    if (token.text === ',' || token.text === ';' || token.text === ':' || token.text === '\u2014' || token.text === '\u2013' || isSentenceEnd(token) || token.lower === 'and' || token.lower === 'but' || token.lower === 'while') last -= 1;
    else break;
  }
  return last;
}

function isOpener(tokens: readonly Token[], start: number): boolean {
  const first = tokens[start];
  if (!first) return true;
  if (first.quoteMark) return false;
  if (first.lower === 'at' && ['least', 'most'].includes(tokens[start + 1]?.lower ?? '')) return false;
  // "About 3,000 people gathered ...": a number after the opener makes it the subject's quantifier.
  if (/^\d/.test(tokens[start + 1]?.text ?? '')) return false;
  return OPENERS.has(first.lower);
}

interface Draft {
  content: Span;
  cue: Span | null;
  source: Span | null;
  lemma: string;
  /** Spans to leave out of the Statement's text (the cue clause inside mid-sentence content). */
  cut: Span | null;
  clauseSpan: Span;
  sentence: Span;
  paragraph: number;
}

const MAX_CLAUSES_PER_SENTENCE = 24;

function span(tokens: readonly Token[], first: number, last: number): Span {
  return { start: tokens[first]!.start, end: tokens[last]!.end };
}

/** Attributions whose cue is in this sentence. */
function sentenceDrafts(sentence: Sentence, paragraph: number): Draft[] {
  const tokens = sentence.tokens;
  // A "sentence" with dozens of cues is not prose (a list, a test string): its first ones are enough.
  const clauses = findClauses(tokens).slice(0, MAX_CLAUSES_PER_SENTENCE);
  const drafts: Draft[] = [];
  let segmentStart = 0;
  for (let position = 0; position < clauses.length; position += 1) {
    const clause = clauses[position]!;
    const next = clauses[position + 1];
    let segmentEnd = tokens.length;
    if (next) {
      // A following clause after a comma and a conjunction ("..., but he indicated", ", adding") ends this content;
      // one that opens the content ("said the president told ...") is nested inside it.
      let boundary = next.first;
      let conjunction = false;
      while (boundary > clause.after && ['and', 'but', 'while', 'as'].includes(tokens[boundary - 1]!.lower)) {
        boundary -= 1;
        conjunction = true;
      }
      const mark = tokens[boundary - 1];
      const separated = mark !== undefined && boundary > clause.after
        && (mark.text === ',' || mark.text === ';' || mark.text === '\u2014' || (mark.quoteMark && tokens[boundary - 2]?.text === ','));
      // Coordinated ("..., but he indicated", ", adding") or closing ("..., officials said."): not nested.
      const closing = contentStartAfter(tokens, next.after, tokens.length) === null;
      if (separated && (conjunction || tokens[next.cueStart]!.lower.endsWith('ing') || closing)) segmentEnd = boundary;
      else if (conjunction && next.borrowed && boundary > clause.after) segmentEnd = boundary;
    }
    const cue = span(tokens, clause.cueStart, clause.cueEnd);
    const source = clause.source ? span(tokens, clause.source[0], clause.source[1]) : null;
    const clauseLast = Math.max(clause.after - 1, clause.cueEnd);
    const clauseSpan = { start: tokens[clause.first]!.start, end: tokens[clauseLast]!.end };
    const base = { cue, source, lemma: clause.lemma, clauseSpan, sentence: { start: sentence.start, end: sentence.end }, paragraph };

    const preEnd = trimContentEnd(tokens, segmentStart, clause.first);
    const hasPre = preEnd > segmentStart && !isOpener(tokens, segmentStart);
    const postStart = contentStartAfter(tokens, clause.after, segmentEnd, clause.lemma);
    if (hasPre) {
      const directlyAfter = tokens[clause.after];
      const afterComma = tokens[clause.after + 1];
      const mid = directlyAfter?.text === ',' && afterComma !== undefined && clause.after + 1 < segmentEnd
        && !(afterComma.word && (cueLemma(afterComma.lower) || afterComma.lower === 'according' || PREPOSITIONS.has(afterComma.lower) || afterComma.lower === 'who' || afterComma.lower.endsWith('ing') || DETERMINERS.has(afterComma.lower)))
        && (!clause.inverted || clause.lemma === 'according' || afterComma.quoteMark)
        && (tokens[clause.first - 1]?.text === ',' || tokens[clause.first - 1]?.quoteMark === true);
      if (mid) {
        const last = trimContentEnd(tokens, clause.after + 1, segmentEnd);
        if (last > clause.after + 1) {
          drafts.push({ ...base, content: { start: tokens[segmentStart]!.start, end: tokens[last - 1]!.end }, cut: { start: tokens[preEnd - 1]!.end, end: tokens[clause.after]!.end } });
          segmentStart = segmentEnd;
          continue;
        }
      }
      // '"...," she said outside the hospital': a quotation closed on a comma is the content, whatever follows the cue.
      const quoteBefore = tokens[clause.first - 1]?.quoteMark === true && [',', '?', '!'].includes(tokens[clause.first - 2]?.text ?? '');
      if (quoteBefore && postStart !== null && postStart < segmentEnd && tokens[postStart]!.quoteMark && tokens[postStart - 1]?.text === ',') {
        // '"The economy is strong," Lee said in a speech, "and it is getting stronger."': one quote around its cue clause.
        const last = trimContentEnd(tokens, postStart, segmentEnd);
        drafts.push({ ...base, content: { start: tokens[segmentStart]!.start, end: tokens[last - 1]!.end }, cut: { start: tokens[preEnd - 1]!.end, end: tokens[postStart - 1]!.end } });
        segmentStart = segmentEnd;
        continue;
      }
      if (postStart === null || postStart >= segmentEnd || tokens[clause.after]?.text === ',' || isSentenceEnd(tokens[clause.after] ?? tokens[0]!) || clause.inverted || (quoteBefore && !tokens[postStart]!.quoteMark)) {
        drafts.push({ ...base, content: { start: tokens[segmentStart]!.start, end: tokens[preEnd - 1]!.end }, cut: null });
        segmentStart = clause.after;
        continue;
      }
    }
    if (postStart !== null && postStart < segmentEnd && !(clause.inverted && clause.lemma !== 'according' && tokens[clause.after]?.text !== ',' && tokens[clause.after]?.text !== ':')) {
      const last = trimContentEnd(tokens, postStart, segmentEnd);
      if (last > postStart) drafts.push({ ...base, content: { start: tokens[postStart]!.start, end: tokens[last - 1]!.end }, cut: null });
    }
    segmentStart = segmentEnd < tokens.length ? segmentEnd : clause.after;
  }
  return drafts;
}

function isPronoun(text: string | null): boolean {
  return text !== null && PRONOUNS.has(text.toLowerCase());
}

function compatible(pronoun: string, antecedent: string): boolean {
  const lower = pronoun.toLowerCase();
  const words = antecedent.split(/\s+/);
  const head = words[words.length - 1]!;
  const organization = ORGANIZATION_HEADS.test(antecedent);
  // A plural head: lower case and ending in s ("two diplomats"), or a plural noun of news copy, capitalized or not ("Officials").
  const plural = (/s$/.test(head) && head === head.toLowerCase() && !/ss$/.test(head)) || PLURAL_SOURCES.has(head.toLowerCase());
  if (lower === 'he' || lower === 'she' || lower === 'i') return !organization && !plural;
  if (lower === 'they' || lower === 'we') return plural || organization;
  return organization || (words.length === 1 && head !== head.toLowerCase());
}

/** Folds a text for comparing statements: lower case, letters and digits only, single spaces. */
export function foldStatementText(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function kindOf(body: string, draft: Draft, quotedWhole: boolean, sourceText: string | null): AttributionKind {
  if (draft.lemma === 'according') {
    const source = sourceText ?? '';
    if (/\b(?:post|tweet)\b/i.test(source)) return 'social_post';
    if (DOCUMENT_WORDS.test(source)) return 'document';
    return quotedWhole ? 'direct_quote' : 'paraphrase';
  }
  // The medium is named around the cue in the same sentence ("In a post on X, ...", "said in a statement that").
  const sentence = draft.sentence;
  const around = body.slice(Math.min(sentence.start, draft.content.start), draft.content.start) + ' ' + body.slice(draft.content.end, Math.max(sentence.end, draft.content.end));
  const lemmaKind = cueKindOf(draft.lemma);
  if (lemmaKind === 'social' || SOCIAL_MEDIA.test(around)) return 'social_post';
  if (lemmaKind === 'writing' || /\bin an? (?:written |joint )?(?:statement|report|letter|filing|ruling|memo|release|note|bulletin)\b/i.test(around)) return 'document';
  return quotedWhole ? 'direct_quote' : 'paraphrase';
}

/** The Statement text of a content span: outer quotation marks, "that", the cue clause and trailing commas taken out. */
function statementText(body: string, content: Span, cut: Span | null, quotedWhole: boolean): string {
  let text = cut ? body.slice(content.start, cut.start) + body.slice(cut.end, content.end) : body.slice(content.start, content.end);
  if (quotedWhole) text = text.replace(/["\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019]/g, (mark, offset: number) => (offset === 0 || offset === text.length - 1 || /\s/.test(text[offset - 1] ?? ' ') || /\s/.test(text[offset + 1] ?? ' ') || text[offset + 1] === undefined ? '' : mark));
  else {
    text = text.replace(/^that\s+/i, '');
    // A comma before the closing mark of a partial quote ('"constructive,"') belongs to the sentence, not the words.
    const closing = text[text.length - 1] ?? '';
    if ('"\u201d\u2019'.includes(closing) && ',;:'.includes(text[text.length - 2] ?? '')) text = text.slice(0, -2) + closing;
  }
  return trimTrailingPunctuation(text.replace(/\s+/g, ' ').trim());
}

function trimTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && ' ,;:\u2014'.includes(text[end - 1]!)) end -= 1;
  return text.slice(0, end);
}

/** Quotations that run on over paragraphs, as chains: each quotation's chain span. */
function quotationChains(paragraphs: readonly Paragraph[]): Map<Quotation, Span> {
  const chains = new Map<Quotation, Span>();
  let chain: Quotation[] = [];
  const close = () => {
    if (chain.length > 1) {
      const whole = { start: chain[0]!.start, end: chain[chain.length - 1]!.end };
      for (const quotation of chain) chains.set(quotation, whole);
    }
    chain = [];
  };
  for (const paragraph of paragraphs) {
    const first = paragraph.quotations[0];
    if (!(first && first.continues && chain.length > 0)) close();
    for (const quotation of paragraph.quotations) {
      if (quotation === first && first.continues && chain.length > 0) chain.push(quotation);
      else if (quotation.open) {
        close();
        chain.push(quotation);
      }
    }
    const last = paragraph.quotations[paragraph.quotations.length - 1];
    if (!last || !last.open) close();
  }
  close();
  return chains;
}

/** Quotations of the whole body by where they start and where they end. */
interface QuotationIndex {
  byStart: Map<number, Quotation>;
  byEnd: Map<number, Quotation>;
}

function indexQuotations(paragraphs: readonly Paragraph[]): QuotationIndex {
  const index: QuotationIndex = { byStart: new Map(), byEnd: new Map() };
  for (const paragraph of paragraphs) {
    for (const quotation of paragraph.quotations) {
      index.byStart.set(quotation.start, quotation);
      index.byEnd.set(quotation.end, quotation);
    }
  }
  return index;
}

/** Whether the content is one quotation (or quotations around a cut cue clause) from mark to mark. */
function isWholeQuote(body: string, quotations: QuotationIndex, content: Span, cut: Span | null, chains: Map<Quotation, Span>): boolean {
  const opening = quotations.byStart.get(content.start);
  if (!opening) return false;
  const end = chains.get(opening)?.end ?? opening.end;
  if (end === content.end) return true;
  if (cut && opening.end <= cut.start + 1) {
    const rest = body.slice(cut.end, content.end).trim();
    return /^["\u201c\u2018]/.test(rest) && /["\u201d\u2019]$/.test(rest) && !/["\u201c\u201d]/.test(rest.slice(1, -1));
  }
  return false;
}

const MAX_ATTRIBUTION = 500;
/** A Statement's text is at most 5,000 characters (its schema): longer content is no suggestion. */
const MAX_CONTENT = 5000;

/**
 * Reads a story body (Markdown or plain text) and returns what it attributes to someone: quotes,
 * reported speech, posts and documents, each with the spans of its content, cue and source, in the
 * order of the body. Pure and linear in the body's length; never throws on any string.
 */
export function extractAttributions(body: string, options: ExtractOptions = {}): Attribution[] {
  if (typeof body !== 'string' || body.trim() === '') return [];
  const paragraphs = readParagraphs(body);
  const chains = quotationChains(paragraphs);
  const quotations = indexQuotations(paragraphs);
  const drafts: Draft[] = [];
  const pendingQuotes: Array<{ paragraph: Paragraph; quotation: Quotation; sentence: Sentence }> = [];
  for (const paragraph of paragraphs) {
    for (const sentence of paragraph.sentences) {
      const found = sentenceDrafts(sentence, paragraph.index);
      drafts.push(...found);
      const first = sentence.tokens[0]!;
      if (found.length === 0 && first.quoteMark) {
        const quotation = quotations.byStart.get(first.start);
        if (quotation && quotation.end >= sentence.end - 1) pendingQuotes.push({ paragraph, quotation, sentence });
      }
    }
  }

  // A quote that goes on from a paragraph before, or on into the next, is one content.
  const consumed = new Set<Span>();
  for (const draft of drafts) {
    const paragraph = paragraphs[draft.paragraph]!;
    const opening = quotations.byStart.get(draft.content.start);
    const last = paragraph.quotations[paragraph.quotations.length - 1];
    const closing = quotations.byEnd.get(draft.content.end) ?? (last && last.open && last.start >= draft.content.start && last.start < draft.content.end ? last : undefined);
    for (const quotation of [opening, closing]) {
      const chain = quotation ? chains.get(quotation) : undefined;
      if (!chain) continue;
      if (quotation === opening) draft.content.start = Math.min(draft.content.start, chain.start);
      if (quotation === closing) draft.content.end = Math.max(draft.content.end, chain.end);
      consumed.add(chain);
    }
  }

  // A quote standing alone after an attribution goes on with the same speaker and cue.
  const earlier = [...drafts].sort((a, b) => a.content.end - b.content.end);
  let next = 0;
  let previous: Draft | undefined;
  for (const pending of pendingQuotes) {
    const chain = chains.get(pending.quotation);
    if (chain && consumed.has(chain)) continue;
    const content = chain ?? { start: pending.quotation.start, end: pending.quotation.end };
    while (next < earlier.length && earlier[next]!.content.end <= content.start) {
      if (!previous || earlier[next]!.content.end >= previous.content.end) previous = earlier[next];
      next += 1;
    }
    if (!previous || previous.paragraph < pending.paragraph.index - 1) continue;
    const continued: Draft = { ...previous, content, cut: null, sentence: { start: pending.sentence.start, end: Math.max(pending.sentence.end, content.end) }, paragraph: pending.paragraph.index };
    drafts.push(continued);
    previous = continued;
    if (chain) consumed.add(chain);
  }
  drafts.sort((a, b) => a.content.start - b.content.start || a.clauseSpan.start - b.clauseSpan.start);

  const existing = new Set((options.existingTexts ?? []).map(foldStatementText));
  const seen = new Set<string>();
  const attributions: Attribution[] = [];
  const paragraphIndexes: number[] = [];
  for (const draft of drafts) {
    if (draft.content.end - draft.content.start > MAX_CONTENT) continue;
    const quotedWhole = isWholeQuote(body, quotations, draft.content, draft.cut, chains);
    const sourceText = draft.source ? body.slice(draft.source.start, draft.source.end) : null;
    const text = statementText(body, draft.content, draft.cut, quotedWhole);
    const folded = foldStatementText(text);
    const key = `${draft.content.start}:${draft.content.end}`;
    if (folded === '' || existing.has(folded) || seen.has(key)) continue;
    seen.add(key);
    const attributionSpan = draft.source ? { start: Math.min(draft.source.start, draft.clauseSpan.start), end: Math.max(draft.source.end, draft.clauseSpan.end) } : draft.clauseSpan;
    // A source taken from earlier in the sentence (", adding") is named before the cue, not quoted with all between.
    const borrowed = draft.source !== null && draft.cue !== null && draft.source.end < draft.clauseSpan.start && body.slice(draft.source.end, draft.clauseSpan.start).trim().length > 2;
    const attribution = (borrowed ? `${sourceText} ${body.slice(draft.clauseSpan.start, draft.clauseSpan.end)}` : body.slice(attributionSpan.start, attributionSpan.end))
      .replace(/\s+/g, ' ')
      .slice(0, MAX_ATTRIBUTION);
    attributions.push({
      content: { ...draft.content },
      cue: draft.cue,
      source: draft.source,
      kind: kindOf(body, draft, quotedWhole, sourceText),
      text,
      attribution,
      sourceText,
      speakerText: sourceText,
      speakerSpan: draft.source,
      antecedent: null,
      sentence: { start: Math.min(draft.sentence.start, draft.content.start), end: Math.max(draft.sentence.end, draft.content.end) },
    });
    paragraphIndexes.push(draft.paragraph);
  }
  resolvePronouns(attributions, paragraphIndexes);
  return attributions;
}

/** Gives a pronoun source the speaker of the nearest compatible attribution before it, in its paragraph or the one before. */
function resolvePronouns(attributions: Attribution[], paragraphIndexes: readonly number[]): void {
  for (let index = 0; index < attributions.length; index += 1) {
    const attribution = attributions[index]!;
    if (!isPronoun(attribution.sourceText)) continue;
    attribution.speakerText = null;
    attribution.speakerSpan = null;
    for (let back = index - 1; back >= 0; back -= 1) {
      const candidate = attributions[back]!;
      if (paragraphIndexes[back]! < paragraphIndexes[index]! - 1) break;
      if (candidate.speakerText === null || candidate.speakerSpan === null) continue;
      if (candidate.source && attribution.source && candidate.source.start === attribution.source.start) continue;
      if (!compatible(attribution.sourceText!, candidate.speakerText)) continue;
      attribution.speakerText = candidate.speakerText;
      attribution.speakerSpan = candidate.speakerSpan;
      attribution.antecedent = candidate.antecedent ?? back;
      break;
    }
  }
}
