/**
 * Text folding shared by everything that matches names: statements, attributions, names, aliases,
 * descriptors and proposal titles all go through `tokenize`, so that two spellings an editor would
 * call the same meet as the same tokens.
 *
 * Folded away: case, Latin accents and diacritics (Zelenskyy = Zelénskyy), curly and straight
 * quotes, hyphens and dashes (word boundaries), the possessive "'s" (Russia's = Russia), dots of
 * initialisms (U.S. = US), whitespace. Other scripts keep their letters as written: Cyrillic "й" is
 * not "и", so an alias in Cyrillic matches Cyrillic text.
 */

export interface Token {
  /** The folded form used for matching. */
  folded: string;
  /** The token as written, after quote and initialism normalization (for case-sensitive aliases). */
  original: string;
  /** Offsets of the token in the input text. */
  start: number;
  end: number;
  /** Written as a dotted initialism ("U.S."), which no ordinary word is, whatever the case around it. */
  dotted?: true;
}

/** Latin letters that do not decompose into a base letter plus a combining mark. */
const LATIN_SPECIAL_LETTERS: Record<string, string> = {
  ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'Th',
  ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ı: 'i', ħ: 'h', Ħ: 'H',
};
const LATIN_SPECIAL_PATTERN = new RegExp(`[${Object.keys(LATIN_SPECIAL_LETTERS).join('')}]`, 'g');

/** Removes combining marks that sit on a Latin letter, and only those. */
function stripLatinDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .replace(LATIN_SPECIAL_PATTERN, (letter) => LATIN_SPECIAL_LETTERS[letter] ?? letter);
}

const APOSTROPHES = /[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4\u02bc]/g;

/**
 * A token: letters and digits of any script, with apostrophes inside a word kept for the moment
 * (O'Brien, Russia's). Hyphens, dashes, quotes and punctuation separate tokens.
 */
const WORD = /[\p{L}\p{N}\p{M}]+(?:'[\p{L}\p{N}\p{M}]+)*/gu;

/** Initialisms written with dots ("U.S.", "U.K.") become one token ("US", "UK"). */
function joinInitialisms(text: string): string {
  // The character before is captured, not looked behind at: without look-around, recheck's exact
  // (automaton) checker proves the expression linear, where its fuzzer could only guess.
  return text.replace(/(^|[^\p{L}\p{N}])((?:\p{L}\.){2,})/gu, (_match, before: string, dotted: string) => before + dotted.replace(/\./g, '').padEnd(dotted.length, ' '));
}

/** Folds one word: case, Latin diacritics, possessive "'s" and remaining apostrophes. */
export function foldWord(word: string): string {
  return stripLatinDiacritics(word.replace(APOSTROPHES, "'"))
    .toLowerCase()
    .replace(/'s$/u, '')
    .replace(/'/g, '');
}

/**
 * Splits `text` into folded tokens with their positions. Offsets stay true to the input because every
 * normalization above keeps string length (initialisms are padded, quotes replaced one for one).
 */
export function tokenize(text: string): Token[] {
  const normalized = joinInitialisms(text.replace(APOSTROPHES, "'"));
  const tokens: Token[] = [];
  for (const match of normalized.matchAll(WORD)) {
    const original = match[0].replace(/'s$/u, '');
    const folded = foldWord(match[0]);
    if (folded === '') continue;
    // An initialism's token stands for the whole dotted form ("U.S."): a space that is not a space
    // in the input is the padding joinInitialisms left in place of its dots.
    let end = match.index + match[0].length;
    while (normalized[end] === ' ' && text[end] !== undefined && !/\s/.test(text[end]!)) end += 1;
    const token: Token = { folded, original, start: match.index, end };
    if (end > match.index + match[0].length) token.dotted = true;
    tokens.push(token);
  }
  return tokens;
}

/** The folded tokens of a phrase, joined by one space: the key a name is indexed under. */
export function foldPhrase(text: string): string {
  return tokenize(text)
    .map((token) => token.folded)
    .join(' ');
}

/** True when a name is written all in capitals (an acronym such as "US" or "EU"): it then only matches in capitals. */
export function isAcronym(name: string): boolean {
  const letters = joinInitialisms(name).replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters.length <= 8 && letters === letters.toUpperCase() && letters !== letters.toLowerCase() && !/\s/.test(name.trim());
}

/**
 * True when a text is written in capitals (a shouted quote, a headline in capitals): most of its
 * words of two letters or more are all capitals. There "US" may be the pronoun and "WHO" the
 * question, so undotted acronyms do not count in it (see PhraseIndex.match); "U.S." still does.
 */
export function isShouting(tokens: readonly Token[]): boolean {
  let words = 0;
  let capitals = 0;
  for (const token of tokens) {
    if (token.dotted || token.original.length < 2 || !/\p{L}/u.test(token.original)) continue;
    words += 1;
    if (token.original === token.original.toUpperCase() && token.original !== token.original.toLowerCase()) capitals += 1;
  }
  return words >= 3 && capitals * 2 > words;
}

/** The folded text a relink searches ("which statements could name this alias?"), padded for whole-word LIKE. */
export function linkTextOf(text: string, attribution: string): string {
  return ` ${foldPhrase(text)} | ${foldPhrase(attribution)} `;
}
