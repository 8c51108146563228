/**
 * Finds the numbers in a news statement and says what each one is. A fact-checker cares about a
 * different thing in "273 drones" than in "on March 3": the first is a quantity someone could have
 * got wrong, the second only places the event in time. Both the check-worthiness features and the
 * `single_source_number` flag need that difference, so it is decided here, once.
 *
 * Kinds:
 * - quantities, the numbers a claim rests on:
 *   - `money`: "$4.2 billion", "€5m", "3 million euros";
 *   - `percentage`: percentages, rates and proportions: "42 percent", "3.5%", "one in five",
 *     "two-thirds of", "half of";
 *   - `count`: counts and measures: "273 drones", "1,000 prisoners each", "nine people", "40 km",
 *     "a 45-year-old man";
 *   - `duration`: a length of time that is itself a term of what is reported: "a 30-day ceasefire",
 *     "a 10-year sentence", "held for 18 months". A ceasefire of 30 days, not 60, is something a
 *     party can misstate, so a duration counts as a quantity;
 * - references, numbers that only locate or name something:
 *   - `date`: "March 3", "3 March 2024", "2024-03-03", "9/11", and relative references that place an
 *     event rather than measure it: "two days ago", "in the past 24 hours", "over the last three
 *     years";
 *   - `year`: "in 2024", "since 1991", "the 1990s", "mid-2023", "the 2023-24 season";
 *   - `time`: "10:30", "at 10:30 a.m.", "9pm", "0800 GMT";
 *   - `ordinal`: "the 2nd round", "the third time", "21st";
 *   - `identifier`: names and numbers that count nothing: "F-16", "COVID-19", "G7", "Resolution
 *     2231", "Flight 370", "No. 10", phone numbers.
 *
 * A small number word after "the", "these", "those" or "both" ("the two leaders") refers back to
 * things already named rather than stating how many there are, and is not reported. A lone "one" is
 * too often a pronoun ("one of them", "no one") and is reported only as a proportion ("one in five").
 *
 * An amount also carries its `value` when the words fix one, so that two texts can be told to state
 * the same number or different ones (the claim matcher refuses "fell 42 percent" for "fell 12
 * percent"): digits with thousands separators and decimals ("1,377", "4.5"), multipliers ("$4.2
 * billion", "25K", "€5m", "3bn"), number words ("forty thousand", "two hundred and fifty", "a
 * dozen"). A percentage's value is in percent, whether written so ("42 percent") or as a proportion
 * ("half" 50, "two-thirds" 66.7, "one in five" 20); a duration's is in its own unit ("18 months" 18).
 * Words that fix no number ("hundreds", "dozens", "the first quarter", "24/7") leave `value` out, as
 * does a bare "m" after a count, which may be metres as well as millions ("a 10m wall").
 */

export type QuantityKind = 'money' | 'percentage' | 'count' | 'duration' | 'date' | 'year' | 'time' | 'ordinal' | 'identifier';

export interface Quantity {
  /** The words as written, e.g. "$4.2 billion" or "30-day". */
  text: string;
  kind: QuantityKind;
  /** Offset of `text` in the analysed string. */
  start: number;
  /** The number stated, for an amount whose words fix one (see the module comment); percentages in percent. */
  value?: number;
}

/** The kinds that state an amount a speaker could have got wrong (see the module comment). */
export const QUANTITY_KINDS: ReadonlySet<QuantityKind> = new Set(['money', 'percentage', 'count', 'duration']);

/** True for a quantity that states an amount, false for dates, years, times, ordinals and identifiers. */
export const isAmount = (quantity: Quantity): boolean => QUANTITY_KINDS.has(quantity.kind);

const UNITS = 'zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const CARDINAL_WORD = `(?:(?:${TENS})(?:-(?:${UNITS}))?|${UNITS})`;
const SCALE_WORD = '(?:hundreds?|thousands?|millions?|billions?|trillions?|dozens?)';
const ORDINAL_UNITS = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth';
const ORDINAL_WORD = `(?:(?:${TENS})-(?:${ORDINAL_UNITS})|${ORDINAL_UNITS}|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth|thousandth|millionth)`;
const FRACTION_WORD = '(?:half|halves|thirds|quarters?|fifths|tenths)';

/**
 * One atom of a number: digits (with their thousands separators, decimals, colons or slashes, and an
 * attached suffix such as "nd", "bn" or "pm"), or a number word. Atoms are joined into phrases below.
 */
const ATOM = new RegExp(
  [
    `(?<digits>\\d+(?:[.,:/]\\d+)*)(?<suffix>st|nd|rd|th|s|bn|mn|m|k|am|pm)?(?![\\p{L}\\d])`,
    `\\b(?<ordinal>${ORDINAL_WORD})\\b`,
    `\\b(?<fraction>(?:${CARDINAL_WORD}-)?${FRACTION_WORD})\\b`,
    `\\b(?<word>${CARDINAL_WORD}|${SCALE_WORD})\\b`,
  ].join('|'),
  'giu'
);
const JOINS_PHRASE = /^(?:\s+|\s+and\s+|-)$/i;
const CONTINUES_PHRASE = new RegExp(`^(?:${CARDINAL_WORD}|${SCALE_WORD}|bn|mn)$`, 'i');
const SMALL_WORDS = new RegExp(`^(?:${UNITS}|twenty)$`, 'i');

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
// Case-sensitive: "May" and "March" are months only when capitalised.
const MONTH_BEFORE = new RegExp(`\\b${MONTH}\\s+$`);
const MONTH_AFTER = new RegExp(`^(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?![\\p{L}])`, 'u');
const YEAR_AFTER_DATE = /^,?\s+(?:1[89]|20)\d\d\b/;
// Codes of two or more letters may stand alone ("USD 40"); a single letter only with its dollar sign
// ("A$40", "C$5"), or "A 13 percent rise" would be money.
const CURRENCY_BEFORE = /(?:[$€£¥₴₽₹]|\b(?:US|USD|EUR|GBP|HK|NZ)\$?|\b(?:C|A|S)\$)\s*$/;
const CURRENCY_AFTER = /^\s*(?:(?:hundred|thousand|million|billion|trillion|bn|mn|m)\s+)?(?:dollars?|euros?|pounds?(?! of)|sterling|yen|yuan|renminbi|rupees?|roubles?|rubles?|hryvnias?|francs?|pesos?|reais|rand|shekels?|lira|cents?|pence|usd|eur|gbp)\b/i;
const PERCENT_AFTER = /^\s*(?:%|percent\b|per\s+cent\b|percentage\s+points?\b|pct\b|points?\s+percent)/i;
const TIME_AFTER = /^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock\b|(?:GMT|UTC|EST|EDT|CET|CEST|BST|IST|JST)\b|hours?\s+(?:GMT|UTC|local)\b|local\s+time\b)/i;
const TIME_UNIT = '(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies)|nights?)';
const DURATION_AFTER = new RegExp(`^(?:-|\\s+)${TIME_UNIT}\\b`, 'i');
const RELATIVE_AFTER = new RegExp(`^(?:-|\\s+)${TIME_UNIT}\\s+(?:ago|earlier|later|before|after|from now|prior)\\b`, 'i');
const RELATIVE_BEFORE = /\b(?:past|last|next|previous|coming|recent|first|final)\s+$/i;
const AGE_AFTER = /^-years?-old\b/i;
const YEAR_BEFORE = /(?:\b(?:in|since|by|until|till|of|from|to|before|after|during|through|throughout|early|late|fiscal|year|around|circa|the)\s+|\bmid-|')$/i;
const PLURAL_AFTER = /^\s+(?!(?:was|has|is|as|its|this|his|thus|plus|saw|sees|says|goes|does)\b)[a-z]+s\b/;
const YEAR_RANGE_AFTER = /^[-–/](?:\d{2}|\d{4})\b/;
const IDENTIFIER_BEFORE = /(?:[\p{L}]-?|#\s*|\bNos?\.\s*|\b(?:Resolution|Flight|Article|Route|Highway|Room|Gate|Terminal|Platform|Line|Chapter|Section|Paragraph|Amendment|Bill|Case|Order|Decree|Law|Unit|Block|Building|Category|Stage|Phase|Ward|District|Precinct|Seat|Channel|Episode|Season|Volume|Page|Table|Figure|Apollo|Boeing|Airbus|Windows|Level)\s+)$/u;
const REFERENCE_BEFORE = /\b(?:the|these|those|both|all|its|their|our)\s+$/i;
const PROPORTION_AFTER = new RegExp(`^\\s+in\\s+(?:\\d|${CARDINAL_WORD}\\b)`, 'i');
/** Phone numbers: three or more digit groups with separators, eight digits or more in all. */
const PHONE = /(?<![\d,.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){2,}(?![\d,])/g;
const ISO_DATE = /\b(?:1[89]|20)\d\d-[01]\d-[0-3]\d\b/g;

interface Phrase {
  start: number;
  end: number;
  digits: string | null;
  suffix: string;
  ordinal: boolean;
  fraction: boolean;
  words: string;
}

function phrasesOf(text: string): Phrase[] {
  const phrases: Phrase[] = [];
  for (const match of text.matchAll(ATOM)) {
    const groups = match.groups ?? {};
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const previous = phrases[phrases.length - 1];
    // "forty thousand", "4.2 billion", "two hundred and fifty": words and scales after a number
    // continue it.
    if (previous && !previous.ordinal && !previous.fraction && groups.word && CONTINUES_PHRASE.test(groups.word) && JOINS_PHRASE.test(text.slice(previous.end, start))) {
      previous.end = end;
      previous.words += ` ${groups.word.toLowerCase()}`;
      continue;
    }
    phrases.push({
      start,
      end,
      digits: groups.digits ?? null,
      suffix: (groups.suffix ?? '').toLowerCase(),
      ordinal: Boolean(groups.ordinal),
      fraction: Boolean(groups.fraction),
      words: (groups.word ?? groups.ordinal ?? groups.fraction ?? '').toLowerCase(),
    });
  }
  return phrases;
}

/** "3/3/2024", "2024/03/03", "9/11": a slashed day and month (in either order), with or without a year. */
function isSlashDate(digits: string): boolean {
  const parts = digits.split('/').map(Number);
  if (parts.length === 3) return true;
  const [first = 0, second = 0] = parts;
  return parts.length === 2 && first >= 1 && second >= 1 && Math.min(first, second) <= 12 && Math.max(first, second) <= 31;
}

/** The phrase's kind, and its span widened to the words that decided it ("$", "percent", "March"). */
function kindOf(phrase: Phrase, text: string): { kind: QuantityKind; start: number; end: number } | null {
  const before = text.slice(Math.max(0, phrase.start - 40), phrase.start);
  const after = text.slice(phrase.end, phrase.end + 60);
  const { digits, suffix } = phrase;
  const at = (kind: QuantityKind, end = phrase.end, start = phrase.start) => ({ kind, start, end });
  const widen = (pattern: RegExp) => phrase.end + (after.match(pattern)?.[0].length ?? 0);

  if (phrase.fraction) {
    // "half of", "two-thirds of", "cut by half": proportions. "the first half" is an ordinal's business.
    return /^half$/.test(phrase.words) && !/^\s+(?:of|the|a|an|its|their)\b/i.test(after) && !/\bby\s+$/i.test(before) ? null : at('percentage');
  }
  if (phrase.ordinal) {
    // "a third of the budget" is a proportion; "the third time" is an ordinal.
    if (/^(?:third|fourth|fifth|tenth)$/.test(phrase.words) && /\b(?:a|one)\s+$/i.test(before) && /^\s+of\b/i.test(after)) return at('percentage');
    if (MONTH_AFTER.test(after)) return at('date', widen(MONTH_AFTER));
    if (MONTH_BEFORE.test(before)) return at('date', phrase.end, phrase.start - (before.match(MONTH_BEFORE)?.[0].length ?? 0));
    return at('ordinal');
  }
  if (digits === null) {
    if (phrase.words === 'one' || phrase.words === 'zero') return PROPORTION_AFTER.test(after) ? at('percentage') : null;
    if (SMALL_WORDS.test(phrase.words) && REFERENCE_BEFORE.test(before)) return null;
  } else {
    if (/^(?:1[89]|20)\d\d$/.test(digits) && /\bmid-$/i.test(before)) return at('year');
    if (IDENTIFIER_BEFORE.test(before)) return at('identifier');
    if (/^\d{7,}$/.test(digits)) return at('identifier');
    if (/^\d{1,2}:\d{2}(?::\d{2})?$/.test(digits) || suffix === 'am' || suffix === 'pm') return at('time');
    if (digits.includes('/') && isSlashDate(digits)) return at('date');
    if (/^(?:1[89]|20)\d\d$/.test(digits)) {
      if (suffix === 's' || YEAR_BEFORE.test(before) || YEAR_RANGE_AFTER.test(after)) return at('year', phrase.end + (after.match(YEAR_RANGE_AFTER)?.[0].length ?? 0));
      if (TIME_AFTER.test(after)) return at('time');
      if (!PLURAL_AFTER.test(after) && !CURRENCY_BEFORE.test(before)) return at('year');
    }
    if (/^\d{4}$/.test(digits) && TIME_AFTER.test(after)) return at('time');
    if (/^(?:st|nd|rd|th)$/.test(suffix)) {
      if (MONTH_AFTER.test(after)) return at('date', widen(MONTH_AFTER));
      if (MONTH_BEFORE.test(before)) return at('date', phrase.end, phrase.start - (before.match(MONTH_BEFORE)?.[0].length ?? 0));
      return at('ordinal');
    }
    if (/^\d{1,2}$/.test(digits) && Number(digits) >= 1 && Number(digits) <= 31) {
      if (MONTH_BEFORE.test(before)) return at('date', widen(YEAR_AFTER_DATE), phrase.start - (before.match(MONTH_BEFORE)?.[0].length ?? 0));
      if (MONTH_AFTER.test(after)) {
        const month = after.match(MONTH_AFTER)?.[0].length ?? 0;
        return at('date', phrase.end + month + (after.slice(month).match(YEAR_AFTER_DATE)?.[0].length ?? 0));
      }
    }
    if (/^\d{1,2}(?:[.:]\d{2})?$/.test(digits) && TIME_AFTER.test(after)) return at('time');
  }
  if (CURRENCY_BEFORE.test(before)) return at('money', phrase.end, phrase.start - (before.match(CURRENCY_BEFORE)?.[0].length ?? 0));
  if (CURRENCY_AFTER.test(after)) return at('money', widen(CURRENCY_AFTER));
  if (PERCENT_AFTER.test(after)) return at('percentage', widen(PERCENT_AFTER));
  if (PROPORTION_AFTER.test(after) && /^(?:\d|one|two|three)/i.test(phrase.words || digits || '')) return at('percentage');
  if (RELATIVE_AFTER.test(after) || (DURATION_AFTER.test(after) && RELATIVE_BEFORE.test(before))) return at('date');
  if (AGE_AFTER.test(after)) return at('count');
  if (DURATION_AFTER.test(after)) return at('duration');
  return at('count');
}

const WORD_VALUES: Readonly<Record<string, number>> = Object.fromEntries(
  [...UNITS.split('|').map((word, index) => [word, index]), ...TENS.split('|').map((word, index) => [word, 20 + 10 * index])] as Array<[string, number]>
);
const SCALE_VALUES: Readonly<Record<string, number>> = { dozen: 12, hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
/** Denominators of fraction and ordinal words ("two-thirds", "a fifth of"). */
const PART_DENOMINATORS: Readonly<Record<string, number>> = { half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fifth: 5, fifths: 5, tenth: 10, tenths: 10 };
/** A multiplier written as its own word after digits that the phrase reader does not join ("$3 bn"). */
const MULTIPLIER_AFTER = /^\s?(bn|bln|mn|mln|mil)\b/i;
const MULTIPLIER_VALUES: Readonly<Record<string, number>> = { k: 1e3, bn: 1e9, bln: 1e9, mn: 1e6, mln: 1e6, mil: 1e6 };
const NUMERATOR_BEFORE = new RegExp(`(?:^|[^\\p{L}\\d.,])(a|an|\\d+|${CARDINAL_WORD})\\s+$`, 'iu');
const ORDINAL_BEFORE = new RegExp(`(?:\\b(?:${ORDINAL_WORD}|last|final|latter|former)|\\d(?:st|nd|rd|th))\\s+$`, 'i');
const HALF_BEFORE = /\bhalf(?:\s+an?)?\s+$/i;
const DENOMINATOR_AFTER = new RegExp(`^\\s+in\\s+(\\d+(?:,\\d{3})*|${CARDINAL_WORD}(?:(?:\\s+|\\s+and\\s+|-)(?:${CARDINAL_WORD}|hundred|thousand|million))*)\\b`, 'i');

/** "1,377" and "4.5"; undefined for what is not plainly one number ("24/7", "4,5"). */
function digitsValue(digits: string): number | undefined {
  if (/^\d+(?:\.\d+)?$/.test(digits) || /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(digits)) return Number(digits.replace(/,/g, ''));
  return undefined;
}

/**
 * The number that `words` ("forty thousand", "two hundred fifty", "billion") make, starting from
 * `start` (the digits before them, if any). Undefined for words that fix no number: a plural scale
 * alone ("hundreds"), or words that cannot follow each other in one number ("2020 two").
 */
function wordsValue(words: string[], start: number | null): number | undefined {
  let total = 0;
  let current = start;
  let lastScale = Infinity;
  for (const word of words) {
    if (word === 'and') continue;
    const singular = word.replace(/s$/, '');
    const scale = SCALE_VALUES[singular];
    if (scale !== undefined) {
      if (current === null && word !== singular) return undefined;
      if (scale === 100) {
        // "two hundred", "nineteen hundred"; "300 hundred" is no number.
        if (current !== null && current >= 100) return undefined;
        current = (current ?? 1) * 100;
      }
      else if (current === null && total > 0 && scale > lastScale) total *= scale;
      else {
        total += (current ?? 1) * scale;
        current = null;
        lastScale = scale;
      }
      continue;
    }
    const value = word.split('-').reduce((sum, part) => sum + (WORD_VALUES[part] ?? NaN), 0);
    if (Number.isNaN(value)) return undefined;
    const follows = current === null || (current % 100 === 0 && value < 100) || (current >= 20 && current < 100 && current % 10 === 0 && value < 10);
    if (!follows) return undefined;
    current = (current ?? 0) + value;
  }
  return current === null && total === 0 ? undefined : total + (current ?? 0);
}

/** The number a digit or word phrase states, multipliers applied ("$4.2 billion", "25K", "forty thousand"). */
function numberOf(phrase: Phrase, kind: QuantityKind, before: string, after: string): number | undefined {
  const words = phrase.words.split(/\s+/).filter(Boolean);
  if (phrase.digits === null) {
    const value = wordsValue(words, null);
    // "half a dozen", "half a million": the "half" is not reported on its own (see kindOf).
    return value !== undefined && SCALE_VALUES[words[0] ?? ''] !== undefined && HALF_BEFORE.test(before) ? value / 2 : value;
  }
  let value = digitsValue(phrase.digits);
  if (value === undefined) return undefined;
  if (phrase.suffix === 'm') {
    // "€5m" is five million; "a 10m wall" is ten metres.
    if (kind !== 'money') return undefined;
    value *= 1e6;
  } else if (phrase.suffix !== '') {
    const multiplier = MULTIPLIER_VALUES[phrase.suffix];
    if (multiplier === undefined) return undefined;
    value *= multiplier;
  } else if (words.length === 0) {
    const written = after.match(MULTIPLIER_AFTER)?.[1];
    if (written) value *= MULTIPLIER_VALUES[written.toLowerCase()] ?? 1;
  }
  return wordsValue(words, value);
}

/** The value of an amount (see the module comment), undefined when its words fix none. */
function valueOf(phrase: Phrase, kind: QuantityKind, text: string): number | undefined {
  const before = text.slice(Math.max(0, phrase.start - 40), phrase.start);
  const after = text.slice(phrase.end, phrase.end + 60);
  if (phrase.ordinal) {
    // Only "a third of" and its like are amounts.
    const denominator = PART_DENOMINATORS[phrase.words];
    return denominator ? 100 / denominator : undefined;
  }
  if (phrase.fraction) {
    const hyphen = phrase.words.lastIndexOf('-');
    const denominator = PART_DENOMINATORS[phrase.words.slice(hyphen + 1)];
    // "The first half", "the third quarter": a part of a year or a match, not a proportion.
    if (!denominator || ORDINAL_BEFORE.test(before)) return undefined;
    // "two-thirds", "three quarters", "a quarter": the numerator is written; "half" needs none.
    const written = hyphen > 0 ? phrase.words.slice(0, hyphen) : before.match(NUMERATOR_BEFORE)?.[1]?.toLowerCase();
    let numerator: number | undefined;
    if (written === undefined) numerator = denominator === 2 ? 1 : undefined;
    else if (written === 'a' || written === 'an') numerator = 1;
    else numerator = /^\d/.test(written) ? Number(written) : wordsValue([written], null);
    return numerator === undefined ? undefined : (100 * numerator) / denominator;
  }
  const amount = numberOf(phrase, kind, before, after);
  if (amount === undefined || kind !== 'percentage' || PERCENT_AFTER.test(after)) return amount;
  // "one in five", "3 in 10": a proportion, in percent.
  const denominatorWords = after.match(DENOMINATOR_AFTER)?.[1]?.toLowerCase();
  if (!denominatorWords) return undefined;
  const denominator = /^\d/.test(denominatorWords) ? digitsValue(denominatorWords) : wordsValue(denominatorWords.split(/\s+/), null);
  return denominator ? (100 * amount) / denominator : undefined;
}

/** Every number in `text`, in order, with its kind (see the module comment). */
export function findQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  // Phone numbers and ISO dates are whole patterns whose digit groups would otherwise read as counts.
  const claimed: Array<{ start: number; end: number }> = [];
  for (const [pattern, kind] of [[ISO_DATE, 'date'], [PHONE, 'identifier']] as const) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (kind === 'identifier' && match[0].replace(/\D/g, '').length < 8) continue;
      if (claimed.some((span) => start < span.end && end > span.start)) continue;
      claimed.push({ start, end });
      found.push({ text: match[0], kind, start });
    }
  }
  let consumedUntil = 0;
  for (const phrase of phrasesOf(text)) {
    if (phrase.start < consumedUntil || claimed.some((span) => phrase.start < span.end && phrase.end > span.start)) continue;
    const result = kindOf(phrase, text);
    if (!result) continue;
    consumedUntil = result.end;
    const quantity: Quantity = { text: text.slice(result.start, result.end).trim(), kind: result.kind, start: result.start };
    if (QUANTITY_KINDS.has(result.kind)) {
      const value = valueOf(phrase, result.kind, text);
      // Twelve significant digits: "$2.8M" is 2,800,000, not 2,799,999.9999999995.
      if (value !== undefined && Number.isFinite(value)) quantity.value = Number(value.toPrecision(12));
    }
    found.push(quantity);
  }
  return found.sort((a, b) => a.start - b.start);
}
