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

/** Markdown as a reader sees it: links by their text, no emphasis, headings or quote markers. */
function readable(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[*_`]+/g, '')
    .replace(/^\s{0,3}(#{1,6}|>)\s*/gm, '');
}

/** Sentences of a text: ends at . ! ? or … (and any closing quote or bracket), and at paragraph breaks. */
export function sentences(text: string): string[] {
  return readable(text)
    .split(/\n\s*\n/)
    .flatMap((paragraph) => paragraph.replace(/\s+/g, ' ').trim().split(/(?<=[.!?\u2026]["\u201d\u2019\u00bb')\]]*)\s+(?=\S)/))
    .map((sentence) => sentence.trim())
    .filter(Boolean);
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
