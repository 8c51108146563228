/**
 * The layout of a story body that attribution depends on: paragraphs, quotations (which may run to
 * the end of a paragraph and on into the next), sentences that never end inside a quotation or
 * after a news abbreviation, and word tokens. Every offset is a UTF-16 index into the body as given.
 */

export interface Span {
  start: number;
  /** Exclusive. */
  end: number;
}

export interface Quotation extends Span {
  /** Opened and not closed before the end of its paragraph (the convention for a quote that goes on). */
  open: boolean;
  /** This quotation opens a paragraph that follows a paragraph ending inside an open quotation. */
  continues: boolean;
}

export interface Token extends Span {
  text: string;
  lower: string;
  /** A word (letters or digits) rather than one mark of punctuation. */
  word: boolean;
  /** An opening or closing quotation mark. */
  quoteMark: boolean;
  /** Inside a quotation (marks excluded). */
  quoted: boolean;
}

export interface Sentence extends Span {
  tokens: Token[];
}

export interface Paragraph extends Span {
  index: number;
  quotations: Quotation[];
  sentences: Sentence[];
}

const WORD = /[\p{L}\p{N}]+(?:['\u2019.&-][\p{L}\p{N}]+)*/uy;
const SPACE = /\s/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

const DOUBLE_OPEN = new Set(['\u201c', '\u201e', '\u00ab']);
const DOUBLE_CLOSE = new Set(['\u201d', '\u00bb']);
const OPENING_CONTEXT = new Set(['(', '[', '{', '\u2014', '\u2013', '-', ':', '/']);

function isSpaceOrStart(text: string, index: number, from: number): boolean {
  return index <= from || SPACE.test(text[index - 1]!) || OPENING_CONTEXT.has(text[index - 1]!);
}

function isLetterOrDigit(char: string | undefined): boolean {
  return char !== undefined && LETTER_OR_DIGIT.test(char);
}

/**
 * The quotations of one paragraph. Double quotation marks (straight or curly) pair up; a quotation
 * left open runs to the end of the paragraph. Single marks count only outside double ones, only in
 * the shape of a quotation (opening after a space, closing before a space or punctuation) and only
 * when closed in the paragraph, so that apostrophes ("Russia's", "the leaders' talks") are not read
 * as quotations.
 */
export function findQuotations(text: string, from: number, to: number): Quotation[] {
  const quotations: Quotation[] = [];
  let openAt = -1;
  let singleOpenAt = -1;
  for (let index = from; index < to; index += 1) {
    const char = text[index]!;
    if (char === '"' || DOUBLE_OPEN.has(char) || DOUBLE_CLOSE.has(char)) {
      const opening = DOUBLE_OPEN.has(char) || (char === '"' && openAt === -1);
      if (opening && openAt === -1) {
        openAt = index;
        singleOpenAt = -1;
      } else if (!opening || char === '"') {
        if (openAt !== -1) quotations.push({ start: openAt, end: index + 1, open: false, continues: false });
        openAt = -1;
      }
      continue;
    }
    if (openAt !== -1) continue;
    if ((char === '\u2018' || char === "'") && singleOpenAt === -1 && isSpaceOrStart(text, index, from) && isLetterOrDigit(text[index + 1])) {
      singleOpenAt = index;
    } else if ((char === '\u2019' || char === "'") && singleOpenAt !== -1 && !isLetterOrDigit(text[index + 1]) && !SPACE.test(text[index - 1] ?? ' ')) {
      const next = text[index + 1];
      // "the leaders' talks": a closing mark right after an s and before a word is an apostrophe.
      const possessive = text[index - 1] === 's' && next === ' ' && isLetterOrDigit(text[index + 2]) && text[index + 2] === text[index + 2]!.toLowerCase();
      if (!possessive) {
        quotations.push({ start: singleOpenAt, end: index + 1, open: false, continues: false });
        singleOpenAt = -1;
      }
    }
  }
  if (openAt !== -1) quotations.push({ start: openAt, end: to, open: true, continues: false });
  return quotations.sort((a, b) => a.start - b.start);
}

/** Tokens of text[from, to), flagged with whether they stand inside one of the quotations. */
export function tokenize(text: string, from: number, to: number, quotations: readonly Quotation[]): Token[] {
  const tokens: Token[] = [];
  const quoteMarks = new Set<number>();
  for (const quotation of quotations) {
    quoteMarks.add(quotation.start);
    if (!quotation.open) quoteMarks.add(quotation.end - 1);
  }
  let quotationIndex = 0;
  let index = from;
  while (index < to) {
    const char = text[index]!;
    if (SPACE.test(char)) {
      index += 1;
      continue;
    }
    while (quotationIndex < quotations.length && quotations[quotationIndex]!.end <= index) quotationIndex += 1;
    const quotation = quotations[quotationIndex];
    const inside = quotation !== undefined && quotation.start < index && index < quotation.end;
    WORD.lastIndex = index;
    const match = WORD.exec(text);
    let end = match && match.index === index ? Math.min(index + match[0].length, to) : index + 1;
    // "U.S.", "J.", "Gen.", "D-Calif.,": an abbreviation keeps its dot, so that "U.S. President" stays one phrase.
    if (match && match.index === index && text[end] === '.' && end < to && (match[0].includes('.') || (match[0].length === 1 && match[0] !== match[0].toLowerCase()) || isTitle(match[0]) || text[end + 1] === ',')) end += 1;
    const tokenText = text.slice(index, end);
    const isMark = quoteMarks.has(index) && end === index + 1;
    tokens.push({ start: index, end, text: tokenText, lower: tokenText.toLowerCase(), word: end > index + 1 || isLetterOrDigit(char), quoteMark: isMark, quoted: inside && !isMark });
    index = end;
  }
  return tokens;
}

/** Titles before a name: a sentence never ends after one. */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt', 'capt', 'adm', 'maj', 'prof', 'st', 'rev',
  'hon', 'pres', 'supt', 'cmdr', 'cpl', 'pvt', 'insp', 'det', 'fr', 'messrs', 'mme', 'vs', 'no', 'nos', 'approx', 'est',
]);
const MONTHS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
/** Words that open a new sentence after an abbreviation that may also end one ("...with the U.S. The talks"). */
const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'but', 'and', 'in', 'on', 'at', 'this', 'that',
  'these', 'those', 'there', 'his', 'her', 'its', 'their', 'our', 'after', 'before', 'while', 'when', 'as', 'if',
  'for', 'still', 'however', 'meanwhile', 'earlier', 'later', 'some', 'many', 'no', 'both', 'all', 'what', 'why',
  'how', 'who', 'asked', 'speaking', 'officials', 'separately',
]);

/** A title as written before a name: capitalized ("Gen.", "No. 10"; "vs." aside), so that "said no." ends a sentence. */
function isTitle(word: string): boolean {
  const lower = word.toLowerCase();
  return TITLES.has(lower) && (word[0] !== lower[0] || lower === 'vs');
}

function lastWordBefore(text: string, boundary: number, from: number): { word: string; original: string; dotted: boolean } | null {
  let end = boundary;
  while (end > from && SPACE.test(text[end - 1]!)) end -= 1;
  if (end <= from || text[end - 1] !== '.') return null;
  let start = end - 1;
  while (start > from && (LETTER_OR_DIGIT.test(text[start - 1]!) || text[start - 1] === '.')) start -= 1;
  const word = text.slice(start, end - 1);
  return { word: word.toLowerCase(), original: word, dotted: word.includes('.') || (word.length === 1 && word === word.toUpperCase()) };
}

function firstWordAfter(text: string, boundary: number, to: number): string {
  let start = boundary;
  while (start < to && SPACE.test(text[start]!)) start += 1;
  let end = start;
  while (end < to && LETTER_OR_DIGIT.test(text[end]!)) end += 1;
  return text.slice(start, end === start ? start + 1 : end);
}

/** Whether the segmenter's boundary at `boundary` follows an abbreviation rather than a sentence. */
function isAbbreviationBoundary(text: string, boundary: number, from: number, to: number): boolean {
  const before = lastWordBefore(text, boundary, from);
  if (!before) return false;
  const next = firstWordAfter(text, boundary, to);
  if (isTitle(before.original)) return true;
  if (MONTHS.has(before.word)) return /^\d/.test(next);
  // Initialisms (U.S., U.N.) and initials (John F. Kennedy) end a sentence only before a word that opens one.
  if (before.dotted) return !SENTENCE_OPENERS.has(next.toLowerCase());
  return false;
}

interface SegmenterLike {
  segment(input: string): Iterable<{ index: number; segment: string }>;
}
// Intl.Segmenter is in Node 20 but not in the ES2021 library this package compiles against.
const SegmenterClass = (Intl as unknown as { Segmenter?: new (locale: string, options: { granularity: 'sentence' }) => SegmenterLike }).Segmenter;
let segmenter: SegmenterLike | null = null;

/** The longest text handed to ICU at once: its segment iterator costs the square of the text's length in segments. */
const SEGMENTER_WINDOW = 2000;

/**
 * Sentence boundaries (starts of sentences after the first) of text[from, to), as ICU finds them.
 * A long paragraph is read in windows; each window's last segment, which the window may have cut,
 * is read again at the start of the next, so the boundaries are the ones ICU finds on the whole.
 */
function segmenterBoundaries(text: string, from: number, to: number): number[] {
  if (!SegmenterClass) return [];
  // Most paragraphs of wire copy are one sentence, and a line with no full stop inside has no boundary worth asking ICU for.
  let stop = -1;
  for (let index = from; index < to - 1 && stop === -1; index += 1) if (text[index] === '.' || text[index] === '?' || text[index] === '!') stop = index;
  if (stop === -1) return [];
  segmenter ??= new SegmenterClass('en', { granularity: 'sentence' });
  const boundaries: number[] = [];
  let start = from;
  while (start < to) {
    const end = Math.min(to, start + SEGMENTER_WINDOW);
    const starts: number[] = [];
    for (const segment of segmenter.segment(text.slice(start, end))) starts.push(start + segment.index);
    if (end === to) {
      boundaries.push(...starts.filter((position) => position > from));
      break;
    }
    const lastStart = starts[starts.length - 1]!;
    const next = lastStart > start ? lastStart : end;
    boundaries.push(...starts.filter((position) => position > from && position < next));
    if (lastStart > start) boundaries.push(lastStart);
    start = next;
  }
  return [...new Set(boundaries)];
}

/**
 * Sentences of one paragraph: ICU's sentence boundaries (Intl.Segmenter), except those inside a
 * quotation (a quote of several sentences is one unit of attribution) and those after a title, a
 * month before a day, or an initialism that does not end the sentence.
 */
export function splitSentences(text: string, from: number, to: number, quotations: readonly Quotation[], tokens: readonly Token[]): Sentence[] {
  let quotationIndex = 0;
  const boundaries = segmenterBoundaries(text, from, to).filter((boundary) => {
    while (quotationIndex < quotations.length && quotations[quotationIndex]!.end <= boundary) quotationIndex += 1;
    const quotation = quotations[quotationIndex];
    const insideQuotation = quotation !== undefined && quotation.start < boundary && boundary < quotation.end;
    // '"Is this the end?" asked the reporter.': ICU ends a sentence after "?" and "!" even before a lower-case word.
    const lowerAfter = /\p{Ll}/u.test(text[boundary] ?? '');
    return !insideQuotation && !lowerAfter && !isAbbreviationBoundary(text, boundary, from, to);
  });
  const sentences: Sentence[] = [];
  let tokenIndex = 0;
  for (const end of [...boundaries, to]) {
    const sentenceTokens: Token[] = [];
    while (tokenIndex < tokens.length && tokens[tokenIndex]!.start < end) sentenceTokens.push(tokens[tokenIndex++]!);
    if (sentenceTokens.length > 0) sentences.push({ start: sentenceTokens[0]!.start, end: sentenceTokens[sentenceTokens.length - 1]!.end, tokens: sentenceTokens });
  }
  return sentences;
}

/** Markdown that opens a line without being words: headings, block quotes, list bullets. */
function contentStart(text: string, from: number, to: number): number {
  let index = from;
  while (index < to && (text[index] === ' ' || text[index] === '\t')) index += 1;
  const marker = /^(?:#{1,6} |> ?|[-*+] |\d{1,3}\. )/.exec(text.slice(index, Math.min(to, index + 8)));
  return marker ? index + marker[0].length : index;
}

/**
 * Where the words of a first paragraph start after a wire dateline ("KESTRA, Nov 12 (Newsgraph) - ",
 * "BRUSSELS (Newsgraph) \u2014 "): a capitalized place, then a dash within the first 60 characters.
 */
function afterDateline(text: string, from: number, to: number): number {
  const head = text.slice(from, Math.min(to, from + 60));
  const place = /^[A-Z][A-Z'.-]+\b/.exec(head);
  if (!place || place[0].length < 3) return from;
  for (const dash of [' - ', ' \u2014 ', ' \u2013 ', ' -- ']) {
    const at = head.indexOf(dash);
    if (at !== -1) return from + at + dash.length;
  }
  return from;
}

/**
 * Paragraphs of a body: each non-blank line (wire copy and the CMS's Markdown both put one paragraph
 * on a line). A quotation that opens a paragraph right after one left open is marked as continuing it.
 */
export function readParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let lineStart = 0;
  let previousOpen = false;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let end = lineEnd;
    while (end > lineStart && SPACE.test(text[end - 1]!)) end -= 1;
    const start = paragraphs.length === 0 ? afterDateline(text, contentStart(text, lineStart, end), end) : contentStart(text, lineStart, end);
    if (end > start) {
      const quotations = findQuotations(text, start, end);
      const first = quotations[0];
      if (previousOpen && first && first.start === start) first.continues = true;
      const tokens = tokenize(text, start, end, quotations);
      paragraphs.push({ start, end, index: paragraphs.length, quotations, sentences: splitSentences(text, start, end, quotations, tokens) });
      previousOpen = quotations.length > 0 && quotations[quotations.length - 1]!.open;
    }
    lineStart = lineEnd + 1;
  }
  return paragraphs;
}
