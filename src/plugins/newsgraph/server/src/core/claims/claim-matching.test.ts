import { ClaimMatcher, cleanQueryText, compareQuantities, EARLIER_VERDICT_THRESHOLD, stemWord } from './claim-matching';
import { findQuantities, isAmount } from './quantities';

/** The amounts the matcher weighs in a text, with their values. */
const amountsOf = (text: string) =>
  findQuantities(text)
    .filter(isAmount)
    .map(({ kind, value }) => ({ kind, value }));

const KNOWN = [
  { id: 'exports-42', text: 'Exports to the European Union fell by 42 percent last year', title: 'Did EU exports fall 42%?' },
  { id: 'exports-12', text: 'Exports to Asia fell by 12 percent in the first quarter' },
  { id: 'wheat', text: 'The wheat harvest doubled in the southern regions after the drought', title: null },
  { id: 'novak-bridge', text: 'Maria Novak said the new bridge cost taxpayers $3 billion' },
  { id: 'berg-bridge', text: 'Ana Berg said the new bridge cost taxpayers $3 billion' },
  { id: 'mayor', text: 'The mayor closed every public library in the city' },
];

/** Enough claims for Novak and Berg to read as names: the matcher learns names from how the known claims write them. */
const FILLER = Array.from({ length: 40 }, (_, index) => ({ id: `filler-${index}`, text: `${index % 2 ? 'Maria Novak' : 'Ana Berg'} spoke about the weather in town number ${index}` }));

function matcher(): ClaimMatcher {
  const index = new ClaimMatcher();
  index.addAll([...KNOWN, ...FILLER]);
  return index;
}

describe('quantities weighed by the matcher (findQuantities)', () => {
  test('percentages, money and counts - should be read with their multipliers', () => {
    expect(amountsOf('fell 42 percent, then 4.5% and $2.8M, €3 billion, 25K people and 1,377 points')).toEqual([
      { kind: 'percentage', value: 42 },
      { kind: 'percentage', value: 4.5 },
      { kind: 'money', value: 2_800_000 },
      { kind: 'money', value: 3_000_000_000 },
      { kind: 'count', value: 25_000 },
      { kind: 'count', value: 1377 },
    ]);
  });

  test('years, dates, times, ordinals and numbers in names - should not be quantities', () => {
    expect(amountsOf('On January 6, 2020 at 10:30 pm, the 2nd F-35 of COVID-19 fame flew over 5G masts on 9/11')).toEqual([]);
    expect(amountsOf('in 1999 and 2024, on 12 March')).toEqual([]);
  });
});

describe('compareQuantities', () => {
  test('42 percent against 12 percent - should conflict; 42 against 42 agree; percent against money neither', () => {
    expect(compareQuantities(findQuantities('fell 42 percent'), findQuantities('fell 12 percent')).conflict).toBe(true);
    expect(compareQuantities(findQuantities('fell 42%'), findQuantities('fell by 42 percent'))).toEqual({ conflict: false, agreements: 1 });
    expect(compareQuantities(findQuantities('fell 42%'), findQuantities('cost $42 million'))).toEqual({ conflict: false, agreements: 0 });
    expect(compareQuantities(findQuantities('about 122 prisoners'), findQuantities('120 prisoners')).conflict).toBe(false);
  });

  test('number words and proportions - should meet the same number in digits', () => {
    expect(compareQuantities(findQuantities('nine people died'), findQuantities('9 people died'))).toEqual({ conflict: false, agreements: 1 });
    expect(compareQuantities(findQuantities('one in five adults smoke'), findQuantities('20% of adults smoke'))).toEqual({ conflict: false, agreements: 1 });
    expect(compareQuantities(findQuantities('half of the wells are dry'), findQuantities('a third of the wells are dry')).conflict).toBe(true);
  });

  test('counts - should conflict when large, not when under ten; durations should be weighed as counts', () => {
    expect(compareQuantities(findQuantities('police freed 40 hostages'), findQuantities('police freed 14 hostages')).conflict).toBe(true);
    expect(compareQuantities(findQuantities('her two children were hurt'), findQuantities('three children were hurt')).conflict).toBe(false);
    expect(compareQuantities(findQuantities('a coma of 10 years'), findQuantities('in a coma for 10 yrs'))).toEqual({ conflict: false, agreements: 1 });
  });
});

describe('ClaimMatcher', () => {
  test('a paraphrase - should rank its claim first, with a similarity above the threshold', () => {
    const [best] = matcher().match('Last year exports to the EU fell 42 percent, the minister said');
    expect(best).toMatchObject({ id: 'exports-42', quantities: 'agree' });
    expect(best!.similarity).toBeGreaterThan(EARLIER_VERDICT_THRESHOLD);
    expect(best!.similarity).toBeLessThanOrEqual(1);
  });

  test('the same words with another number - should drop under the threshold', () => {
    const matches = matcher().match('Exports to the European Union fell by 12 percent last year');
    const conflicting = matches.find((match) => match.id === 'exports-42')!;
    expect(conflicting.quantities).toBe('conflict');
    expect(conflicting.similarity).toBeLessThan(EARLIER_VERDICT_THRESHOLD);
  });

  test('the same claim by another actor - should rank below the one by the same actor', () => {
    const matches = matcher().match('Maria Novak claims the new bridge cost taxpayers $3 billion');
    expect(matches[0]!.id).toBe('novak-bridge');
    expect(matches.find((match) => match.id === 'berg-bridge')?.actors).toBe('conflict');
  });

  test('known actor names - should count as actors even when the known claims never capitalize them', () => {
    const index = new ClaimMatcher(undefined, ['Acme Corp']);
    index.addAll([
      { id: 'acme', text: 'acme corp dumped waste in the river' },
      { id: 'other', text: 'Globex dumped waste in the river' },
    ]);
    expect(index.match('Acme Corp dumped waste in the river').map((match) => match.id)).toEqual(['acme', 'other']);
  });

  test('replacing and removing claims - should be what later matches see', () => {
    const index = matcher();
    const before = index.fingerprint();
    index.add({ id: 'mayor', text: 'The mayor reopened every public library in the city' });
    expect(index.fingerprint()).not.toBe(before);
    index.remove('wheat');
    expect(index.has('wheat')).toBe(false);
    expect(index.match('the wheat harvest doubled in the south').map((match) => match.id)).not.toContain('wheat');
    index.add({ id: 'wheat', text: 'The wheat harvest doubled in the southern regions after the drought', title: null });
    expect(index.match('the wheat harvest doubled in the south')[0]!.id).toBe('wheat');
  });

  test('exclude, limit and minSimilarity - should be obeyed', () => {
    const index = matcher();
    expect(index.match('Exports fell by 42 percent', { exclude: (id) => id === 'exports-42' }).map((match) => match.id)).not.toContain('exports-42');
    expect(index.match('the new bridge cost taxpayers', { limit: 1 })).toHaveLength(1);
    expect(index.match('the new bridge cost taxpayers', { minSimilarity: 1.01 })).toEqual([]);
  });

  test('queries with nothing to match - should find nothing, whatever they hold', () => {
    const index = matcher();
    for (const query of ['', '   ', 'the of and', '!!!', 'https://example.org/only-a-link', 'x'.repeat(100_000), '__proto__ constructor toString']) expect(index.match(query)).toEqual([]);
    expect(new ClaimMatcher().match('Exports fell')).toEqual([]);
  });

  test('plain BM25 - should rank by words alone, numbers not weighed', () => {
    expect(matcher().matchBm25('Exports to the European Union fell by 12 percent last year')[0]!.id).toBe('exports-42');
  });
});

describe('text helpers', () => {
  test('stemWord - should meet plurals and verb forms', () => {
    expect(['cuts', 'prices', 'raised', 'raising', 'policies', 'bus', 'crisis'].map(stemWord)).toEqual(['cut', 'price', 'rais', 'rais', 'policy', 'bus', 'crisis']);
  });

  test("cleanQueryText - should drop a tweet's links, handles and signature", () => {
    const tweet = 'Exports fell 42 percent pic.twitter.com/3S32De8ekP https://t.co/x via @someone — Jane Doe (@jane) January 6, 2020';
    expect(cleanQueryText(tweet).replace(/\s+/g, ' ').trim()).toBe('Exports fell 42 percent via');
  });
});
