import type { FlagSubject, RuleSettings } from '../flag-types';
import { FLAG_RULES } from '.';
import { foldForQuote } from './quote-mismatch';

const settings: RuleSettings = { enabled: true, severity: 'medium', threshold: 0.5 };

function subject(statement: Partial<FlagSubject['statement']> = {}, story: FlagSubject['story'] = { body: 'Body text.', sourceUrl: 'https://example.org/story' }): FlagSubject {
  return {
    statement: {
      text: 'The port reopened',
      kind: 'claim',
      attribution: 'Dana Voss said',
      verification: 'unverified',
      checkWorthiness: 0.2,
      sourceUrl: null,
      medium: null,
      evidenceCount: 0,
      speaker: 'voss',
      ambiguous: [],
      ...statement,
    },
    story,
  };
}

const kinds = (flags: Array<{ kind: string }>) => flags.map((flag) => flag.kind);

describe('unverified_claim', () => {
  const rule = FLAG_RULES.unverified_claim;
  it('unverified_claim - should flag an unrated statement at or above the threshold, with the configured severity', () => {
    expect(rule(subject({ checkWorthiness: 0.5 }), { ...settings, severity: 'high' })).toEqual([expect.objectContaining({ kind: 'unverified_claim', severity: 'high' })]);
  });
  it.each([
    ['below the threshold', { checkWorthiness: 0.49 }],
    ['not scored', { checkWorthiness: null }],
    ['already rated', { checkWorthiness: 0.9, verification: 'false' }],
  ])('unverified_claim - should not flag a statement %s', (_, statement) => {
    expect(rule(subject(statement), settings)).toEqual([]);
  });
});

describe('unknown_speaker', () => {
  const rule = FLAG_RULES.unknown_speaker;
  it.each(['direct_quote', 'paraphrase', 'social_post'])('unknown_speaker - should flag a %s without a speaker', (kind) => {
    expect(kinds(rule(subject({ kind, speaker: null }), settings))).toEqual(['unknown_speaker']);
  });
  it('unknown_speaker - should not flag a claim or a document, nor a quote with a speaker', () => {
    expect(rule(subject({ kind: 'claim', speaker: null }), settings)).toEqual([]);
    expect(rule(subject({ kind: 'document', speaker: null }), settings)).toEqual([]);
    expect(rule(subject({ kind: 'direct_quote', speaker: 'voss' }), settings)).toEqual([]);
  });
});

describe('ambiguous_actor', () => {
  const rule = FLAG_RULES.ambiguous_actor;
  it('ambiguous_actor - should raise one flag per ambiguous phrase, each with its own cause', () => {
    const flags = rule(subject({ ambiguous: [{ field: 'text', phrase: 'Halas', candidates: ['a', 'b'] }, { field: 'attribution', phrase: 'Merel', candidates: ['c', 'd', 'e'] }] }), settings);
    expect(flags.map((flag) => flag.cause)).toEqual(['text:halas', 'attribution:merel']);
    expect(flags[1]!.reason).toContain('3 actors');
  });
  it('ambiguous_actor - should raise nothing when the linker settled everything', () => {
    expect(rule(subject(), settings)).toEqual([]);
  });
});

describe('quote_mismatch', () => {
  const rule = FLAG_RULES.quote_mismatch;
  const body = 'KYIV - "We are ready \u2014 today \u2026 to sign," the minister said. He added more.';
  it('quote_mismatch - should accept a quote that differs only in quote marks, dashes, ellipses, spacing and case', () => {
    expect(rule(subject({ kind: 'direct_quote', text: "we are ready - today ... to  sign," }, { body, sourceUrl: null }), settings)).toEqual([]);
  });
  it('quote_mismatch - should flag a direct quote whose words are not in the body', () => {
    expect(kinds(rule(subject({ kind: 'direct_quote', text: 'We are ready to sign today' }, { body, sourceUrl: null }), settings))).toEqual(['quote_mismatch']);
  });
  it('quote_mismatch - should not judge paraphrases, or quotes of a story without a body', () => {
    expect(rule(subject({ kind: 'paraphrase', text: 'nothing like it' }, { body, sourceUrl: null }), settings)).toEqual([]);
    expect(rule(subject({ kind: 'direct_quote', text: 'anything' }, { body: null, sourceUrl: null }), settings)).toEqual([]);
  });
  it('foldForQuote - should drop Markdown emphasis', () => {
    expect(foldForQuote('We are *ready*')).toBe(foldForQuote('we are ready'));
  });
});

describe('anonymous_source', () => {
  const rule = FLAG_RULES.anonymous_source;
  it.each(['officials said', 'a senior Western diplomat said', 'two sources familiar with the talks told reporters', 'according to people briefed on the matter', 'said a minister who spoke on condition of anonymity', 'a spokesman, who declined to be named, said'])(
    'anonymous_source - should flag %j',
    (attribution) => {
      expect(kinds(rule(subject({ attribution }), settings))).toEqual(['anonymous_source']);
    }
  );
  it.each(['Dana Voss said', 'the foreign ministry said in a statement', ''])('anonymous_source - should not flag %j', (attribution) => {
    expect(rule(subject({ attribution }), settings)).toEqual([]);
  });
});

describe('single_source_number', () => {
  const rule = FLAG_RULES.single_source_number;
  it.each([
    ['a count', 'The air force said it shot down 273 drones overnight.'],
    ['a count in words', 'Forty drones were shot down overnight.'],
    ['a percentage', 'Exports fell by 42 percent last year.'],
    ['a sum of money', 'The reconstruction will cost $4.2 billion.'],
    ['a count beside a date', 'On March 3, the two sides freed 1,000 prisoners each.'],
    ['a duration', 'Both sides agreed to a 30-day ceasefire.'],
  ])('single_source_number - should flag %s from one speaker without evidence', (_, text) => {
    expect(kinds(rule(subject({ text }), settings))).toEqual(['single_source_number']);
  });
  it('single_source_number - should name the number in its reason', () => {
    expect(rule(subject({ text: 'Exports fell by 42 percent last year.' }), settings)[0]?.reason).toContain('"42 percent"');
  });
  it.each([
    ['a date', 'The talks will resume on March 3 in Geneva.'],
    ['a year', 'The port has been closed since 2024.'],
    ['a time', 'The minister will speak at 10:30 a.m. on Monday.'],
    ['an ordinal in figures', 'She won the 2nd round of the vote.'],
    ['an ordinal in words', 'It is the third time the plant has been shelled.'],
    ['an identifier', 'The ministry wants more F-16 jets under Resolution 2231.'],
  ])('single_source_number - should not flag %s', (_, text) => {
    expect(rule(subject({ text }), settings)).toEqual([]);
  });
  it('single_source_number - should not flag it with evidence, from a document, or without a number', () => {
    expect(rule(subject({ text: '40 drones', evidenceCount: 1 }), settings)).toEqual([]);
    expect(rule(subject({ text: '40 drones', kind: 'document' }), settings)).toEqual([]);
    expect(rule(subject({ text: 'Drones were shot down' }), settings)).toEqual([]);
  });
});

describe('missing_source', () => {
  const rule = FLAG_RULES.missing_source;
  it('missing_source - should flag a statement when neither it nor its story says where it came from', () => {
    expect(kinds(rule(subject({}, { body: 'x', sourceUrl: null }), settings))).toEqual(['missing_source']);
    expect(kinds(rule(subject({}, null), settings))).toEqual(['missing_source']);
  });
  it('missing_source - should accept a source URL or a medium on the statement, or a source URL on the story', () => {
    expect(rule(subject({ sourceUrl: 'https://example.org/q' }, { body: 'x', sourceUrl: null }), settings)).toEqual([]);
    expect(rule(subject({ medium: 'TV interview' }, { body: 'x', sourceUrl: null }), settings)).toEqual([]);
    expect(rule(subject({}, { body: 'x', sourceUrl: 'https://example.org/story' }), settings)).toEqual([]);
  });
});
