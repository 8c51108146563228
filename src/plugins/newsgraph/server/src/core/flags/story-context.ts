/**
 * Where a statement sits in its story: the sentence of the body that holds it, and the span of the
 * statement's words inside that sentence, for a fact-checker to read the quote in its context.
 */

export interface StoryContext {
  /** The sentence as published (Markdown links and emphasis reduced to their text). */
  sentence: string;
  /** Where the statement's words are in `sentence` ([start, end) offsets), or null if only similar. */
  quote: { start: number; end: number } | null;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

function words(text: string): Word[] {
  return [...text.matchAll(WORD)].map((match) => ({ text: match[0].toLowerCase(), start: match.index!, end: match.index! + match[0].length }));
}

/**
 * Markdown as a reader sees it: links by their text, no emphasis, headings or quote markers.
 * Linear time on any body: a link's text may not contain `[` and its destination no bracket or
 * parenthesis, and a tag no `<`, so a failed attempt stops at the next opener instead of scanning to
 * the end of the body from every opener (80,000 `[` took 9 s with `[^\]]*`).
 */
function readable(markdown: string): string {
  return markdown
    .replace(/!?\[([^[\]]*)\]\([^()[\]]*\)/g, '$1')
    .replace(/<[^<>]*>/g, ' ')
    .replace(/[*_`]+/g, '')
    .replace(/^\s{0,3}(#{1,6}|>)\s*/gm, '');
}

const SENTENCE_END = new Set(['.', '!', '?', '\u2026']);
const CLOSERS = new Set(['"', '\u201d', '\u2019', '\u00bb', "'", ')', ']']);

/** True when a word ends a sentence: . ! ? or …, then any closing quotes or brackets. */
function endsSentence(word: string): boolean {
  let end = word.length;
  while (end > 0 && CLOSERS.has(word[end - 1]!)) end -= 1;
  return end > 0 && SENTENCE_END.has(word[end - 1]!);
}

/**
 * Sentences of a text: ends at . ! ? or … (and any closing quote or bracket), and at paragraph breaks.
 * Words are walked once (a split on a look-behind rescanned runs of closing quotes: polynomial).
 */
export function sentences(text: string): string[] {
  const found: string[] = [];
  for (const paragraph of readable(text).split(/\n\s*\n/)) {
    let sentence: string[] = [];
    for (const word of paragraph.split(/\s+/)) {
      if (word === '') continue;
      sentence.push(word);
      if (endsSentence(word)) {
        found.push(sentence.join(' '));
        sentence = [];
      }
    }
    if (sentence.length > 0) found.push(sentence.join(' '));
  }
  return found;
}

/** Below this share of the statement's words, a sentence is not "the one that holds it". */
const MIN_OVERLAP = 0.5;

/**
 * The sentence holding the statement: the one containing its words in order (the quote then
 * spans them), else the one sharing most of its words, if at least half; null when none does.
 */
export function storyContext(statementText: string, storyBody: string | null | undefined): StoryContext | null {
  const wanted = words(statementText).map((word) => word.text);
  if (wanted.length === 0 || !storyBody) return null;
  let best: { sentence: string; overlap: number } | null = null;
  for (const sentence of sentences(storyBody)) {
    const found = words(sentence);
    for (let at = 0; at + wanted.length <= found.length; at += 1) {
      if (wanted.every((word, offset) => found[at + offset]!.text === word)) {
        return { sentence, quote: { start: found[at]!.start, end: found[at + wanted.length - 1]!.end } };
      }
    }
    const present = new Set(found.map((word) => word.text));
    const overlap = wanted.filter((word) => present.has(word)).length / wanted.length;
    if (!best || overlap > best.overlap) best = { sentence, overlap };
  }
  return best && best.overlap >= MIN_OVERLAP ? { sentence: best.sentence, quote: null } : null;
}
