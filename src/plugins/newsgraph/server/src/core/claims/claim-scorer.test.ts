import { analyse, CLAIM_CUES, ngramsOf } from './claim-features';
import { createClaimScorer, scoreClaim, shippedClaimModel, storedCheckWorthiness, type ClaimModel } from './claim-scorer';

const cueValue = (id: string, text: string) => CLAIM_CUES.find((cue) => cue.id === id)!.value(analyse(text));

describe('analyse', () => {
  it('analyse - should lower-case words and stand numbers, percent and dollar signs for their kind', () => {
    expect(analyse('GDP grew 3.5% to $21,000 billion').tokens).toEqual(['gdp', 'grew', '<num>', 'percent', 'to', '<money>', '<num>', 'billion']);
  });

  it('analyse - should keep curly apostrophes inside words', () => {
    expect(analyse('It\u2019s Kyiv\u2019s call').tokens).toEqual(["it's", "kyiv's", 'call']);
  });
});

describe('ngramsOf', () => {
  it('ngramsOf - should give each unigram and bigram once', () => {
    expect(ngramsOf(analyse('no no deal'))).toEqual(['no', 'no no', 'no deal', 'deal']);
  });
});

describe('CLAIM_CUES', () => {
  it.each([
    ['quantity', 'Forty thousand troops and 12 ships', 1],
    ['quantity', 'The talks went well', 0],
    ['percentage', 'Turnout was 61%', 1],
    ['money', 'The plan costs $4 billion', 1],
    ['trend', 'Crime is higher than ever', 1],
    ['past-event', 'The senator voted against the bill', 1],
    ['past-event', 'We will see', 0],
    ['named-entity', 'Talks with Ukraine resume', 1],
    ['named-entity', 'I agree', 0],
    ['question', 'Is that true?', 1],
    ['opinion', 'I think we can win', 1],
    ['short', 'Thank you.', 1],
    ['short', 'The unemployment rate fell to four percent', 0],
  ])('%s - should read %j as %d', (id, text, expected) => {
    expect(cueValue(id, text)).toBe(expected);
  });

  it('length - should grow with the sentence and stop at 1', () => {
    expect(cueValue('length', 'one two three')).toBeLessThan(cueValue('length', 'one two three four five six seven eight nine ten'));
    expect(cueValue('length', 'word '.repeat(200))).toBe(1);
  });
});

describe('createClaimScorer', () => {
  const model: ClaimModel = { version: 1, bias: -1, cues: { quantity: 2, question: -3 }, ngrams: { 'tax cut': 1 }, threshold: 0.5 };
  const score = createClaimScorer(model);

  it('createClaimScorer - should add the weights of the cues and n-grams present, through a sigmoid', () => {
    expect(score('Nothing here at all today').score).toBeCloseTo(1 / (1 + Math.exp(1)), 6);
    expect(score('A tax cut of 5 percent').score).toBeCloseTo(1 / (1 + Math.exp(-(-1 + 2 + 1))), 6);
  });

  it('createClaimScorer - should name the cues that raised the score, strongest first, and not those that lowered it', () => {
    expect(score('A tax cut of 5 percent').reasons).toEqual(['contains a quantity']);
    expect(score('Was it 5 percent?').reasons).toEqual(['contains a quantity']);
  });

  it('createClaimScorer - should score an empty or punctuation-only sentence 0 with no reasons', () => {
    expect(score('')).toEqual({ score: 0, reasons: [] });
    expect(score(' ... ')).toEqual({ score: 0, reasons: [] });
  });
});

describe('scoreClaim (the shipped model)', () => {
  it('scoreClaim - should rank a checkable statistic above courtesy, questions and opinion', () => {
    const statistic = scoreClaim('Unemployment fell to 3.5 percent last year, the lowest rate in fifty years.');
    for (const other of ['Thank you very much.', 'What would you do about it?', 'I think we can do better together.']) {
      expect(statistic.score).toBeGreaterThan(scoreClaim(other).score);
    }
    expect(statistic.score).toBeGreaterThan(shippedClaimModel().threshold);
    expect(statistic.reasons).toContain('contains a quantity');
  });

  it('scoreClaim - should stay within 0..1 and answer fast on a 5,000-character sentence', () => {
    const started = Date.now();
    const { score } = scoreClaim('The deficit rose by 3 billion dollars. '.repeat(130));
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(1);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('shippedClaimModel - should carry its held-out figures', () => {
    const heldOut = shippedClaimModel().fitted?.heldOut as { clefMap: number; claimBusterPositiveF1: number };
    expect(heldOut.clefMap).toBeGreaterThan(0);
    expect(heldOut.claimBusterPositiveF1).toBeGreaterThan(0);
  });
});

describe('storedCheckWorthiness', () => {
  it('storedCheckWorthiness - should keep two decimals, as every database stores them', () => {
    expect(storedCheckWorthiness(0.15792)).toBe(0.16);
    expect(storedCheckWorthiness(0.154)).toBe(0.15);
    expect(storedCheckWorthiness(1)).toBe(1);
  });
});
