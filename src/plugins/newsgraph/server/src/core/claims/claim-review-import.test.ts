import { ClaimReviewFormatError, describeProblem, MAX_CLAIM_LENGTH, MAX_DEPTH, parseClaimReviewDocument, parseClaimReviewText, ratingToVerdict } from './claim-review-import';
import { VERDICT_RATINGS } from './claim-review';

const review = (overrides: Record<string, unknown> = {}) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: 'https://factcheck.example/exports-fell',
  claimReviewed: 'Exports fell by 42 percent last year',
  datePublished: '2024-05-31',
  inLanguage: 'en',
  author: { '@type': 'Organization', name: 'Example Checks' },
  itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Jane Minister' } },
  reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'False' },
  ...overrides,
});

describe('parseClaimReviewDocument', () => {
  test('a single ClaimReview - should give one fact-check with every field', () => {
    const { factChecks, problems } = parseClaimReviewDocument(review());
    expect(problems).toEqual([]);
    expect(factChecks).toEqual([
      {
        claimReviewed: 'Exports fell by 42 percent last year',
        title: null,
        rating: 'False',
        verdict: 'false',
        ratingValue: 1,
        bestRating: 5,
        worstRating: 1,
        url: 'https://factcheck.example/exports-fell',
        publisher: 'Example Checks',
        datePublished: '2024-05-31',
        language: 'en',
        claimAuthor: 'Jane Minister',
      },
    ]);
  });

  test('an array, a DataFeed with and without DataFeedItem wrappers, and a @graph - should all be read', () => {
    const second = review({ url: 'https://factcheck.example/2', reviewRating: { alternateName: 'Mostly True' } });
    expect(parseClaimReviewDocument([review(), second]).factChecks).toHaveLength(2);
    const feed = { '@type': 'DataFeed', dataFeedElement: [{ '@type': 'DataFeedItem', item: review() }, second] };
    expect(parseClaimReviewDocument(feed).factChecks.map((item) => item.verdict)).toEqual(['false', 'mostly_accurate']);
    expect(parseClaimReviewDocument({ '@graph': [second] }).factChecks).toHaveLength(1);
  });

  test('bad items among good ones - should be reported by position, and the good ones kept', () => {
    const { factChecks, problems } = parseClaimReviewDocument([
      review(),
      review({ url: 'javascript:alert(1)' }),
      review({ url: 'https://factcheck.example/3', claimReviewed: '' }),
      review({ url: 'https://factcheck.example/4', reviewRating: { alternateName: 'Spicy' } }),
      review({ url: 'https://factcheck.example/5', reviewRating: {} }),
      'not an object',
    ]);
    expect(factChecks).toHaveLength(1);
    expect(problems.map((problem) => [problem.index, problem.path])).toEqual([
      [1, 'url'],
      [2, 'claimReviewed'],
      [3, 'reviewRating.alternateName'],
      [4, 'reviewRating'],
      [5, ''],
    ]);
    expect(describeProblem(problems[2]!)).toBe('item 4, reviewRating.alternateName: unknown rating "Spicy": it maps to no verdict');
  });

  test('file:, data: and ftp: urls - should be refused', () => {
    for (const url of ['file:///etc/passwd', 'data:text/html,hi', 'ftp://example.org/x', '//example.org/x', 'https://']) {
      expect(parseClaimReviewDocument(review({ url })).problems).toHaveLength(1);
    }
  });

  test('the same url twice - should keep the later entry', () => {
    const { factChecks } = parseClaimReviewDocument([review(), review({ reviewRating: { alternateName: 'True' } })]);
    expect(factChecks).toHaveLength(1);
    expect(factChecks[0]!.verdict).toBe('accurate');
  });
});

describe('hostile input', () => {
  test('prototype-polluting keys anywhere in an item - should refuse the item and pollute nothing', () => {
    const polluted = JSON.parse(
      '[{"@type":"ClaimReview","url":"https://a.example/1","claimReviewed":"x","reviewRating":{"alternateName":"False","__proto__":{"polluted":true}}},' +
        '{"@type":"ClaimReview","url":"https://a.example/2","claimReviewed":"x","reviewRating":{"alternateName":"False"},"constructor":{"prototype":{"polluted":true}}}]'
    );
    const { factChecks, problems } = parseClaimReviewDocument(polluted);
    expect(factChecks).toEqual([]);
    expect(problems.map((problem) => problem.message)).toEqual(['the key "__proto__" is not allowed', 'the key "constructor" is not allowed']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parseClaimReviewText('{"__proto__":{"polluted":true},"dataFeedElement":[]}').problems).toHaveLength(1);
  });

  test('a rating named after an Object.prototype member - should map to nothing', () => {
    for (const alternateName of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(ratingToVerdict({ alternateName })).toBeNull();
  });

  test('deep nesting - should be refused without overflowing the stack', () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 100_000; level += 1) deep = { nested: deep };
    const { problems } = parseClaimReviewDocument(review({ itemReviewed: deep }));
    expect(problems[0]!.message).toBe(`the item nests deeper than ${MAX_DEPTH} levels`);
  });

  test('huge strings and huge arrays - should be refused, never cut', () => {
    expect(parseClaimReviewDocument(review({ claimReviewed: 'x'.repeat(MAX_CLAIM_LENGTH + 1) })).problems[0]!.path).toBe('claimReviewed');
    expect(parseClaimReviewDocument(review({ url: `https://a.example/${'x'.repeat(5000)}` })).problems[0]!.path).toBe('url');
    expect(parseClaimReviewDocument(review({ reviewRating: { alternateName: 'F'.repeat(10_000) } })).problems[0]!.path).toBe('reviewRating.alternateName');
    expect(parseClaimReviewDocument(review({ sameAs: Array.from({ length: 5000 }, () => 'x') })).problems[0]!.message).toMatch(/more than/);
  });

  test('wrong types - should be reported, not thrown', () => {
    const cases = [
      review({ claimReviewed: { text: 'x' } }),
      review({ reviewRating: { ratingValue: 'lots' } }),
      review({ datePublished: '2024-02-31' }),
      review({ inLanguage: '<script>' }),
      review({ '@type': 'Recipe' }),
      review({ author: { name: 42 } }),
    ];
    for (const item of cases) expect(parseClaimReviewDocument(item).problems).toHaveLength(1);
    expect(parseClaimReviewDocument(null).problems).toHaveLength(1);
    expect(parseClaimReviewDocument(42).problems).toHaveLength(1);
    expect(parseClaimReviewDocument({ '@type': 'DataFeed', dataFeedElement: 'nope' }).problems).toHaveLength(1);
  });
});

describe('parseClaimReviewText', () => {
  test('JSON lines - should read each line, reporting bad lines by number', () => {
    const text = [JSON.stringify(review()), '', '{not json', JSON.stringify([review({ url: 'https://a.example/2' }), review({ url: 'nope' })])].join('\n');
    const { factChecks, problems } = parseClaimReviewText(text);
    expect(factChecks).toHaveLength(2);
    expect(problems.map((problem) => [problem.line, problem.index])).toEqual([
      [3, 0],
      [4, 1],
    ]);
  });

  test('one pretty-printed document, with a byte order mark - should be read whole', () => {
    expect(parseClaimReviewText(`\uFEFF${JSON.stringify({ '@type': 'DataFeed', dataFeedElement: [review()] }, null, 2)}`).factChecks).toHaveLength(1);
  });

  test('text that is neither JSON nor JSON lines - should throw a format error', () => {
    expect(() => parseClaimReviewText('{\n  "url": "https://a.example",\n')).toThrow(ClaimReviewFormatError);
    expect(() => parseClaimReviewText('hello')).toThrow(ClaimReviewFormatError);
    expect(() => parseClaimReviewText('  \n\n')).toThrow('the file is empty');
  });
});

describe('ratingToVerdict', () => {
  test("publishers' words - should map to our verdicts, case and punctuation folded", () => {
    expect(ratingToVerdict({ alternateName: 'Pants on Fire!' })).toBe('false');
    expect(ratingToVerdict({ alternateName: 'HALF-TRUE' })).toBe('misleading');
    expect(ratingToVerdict({ alternateName: 'Mostly False' })).toBe('misleading');
    expect(ratingToVerdict({ alternateName: 'Unproven' })).toBe('unsupported');
    expect(ratingToVerdict({ alternateName: 'Missing context' })).toBe('misleading');
  });

  test('our own ClaimReview output - should read back as the verdict it came from', () => {
    for (const [verdict, { name, value }] of Object.entries(VERDICT_RATINGS)) {
      expect(ratingToVerdict({ alternateName: name, ratingValue: value })).toBe(verdict);
    }
  });

  test('unknown words with a numeric rating - should fall back to its place on the scale', () => {
    expect(ratingToVerdict({ alternateName: 'Spicy', ratingValue: 5 })).toBe('accurate');
    expect(ratingToVerdict({ ratingValue: 4 })).toBe('mostly_accurate');
    expect(ratingToVerdict({ ratingValue: 2, bestRating: 10, worstRating: 0 })).toBe('misleading');
    expect(ratingToVerdict({ ratingValue: 0, bestRating: 10, worstRating: 0 })).toBe('false');
    expect(ratingToVerdict({ ratingValue: 7 })).toBeNull();
    expect(ratingToVerdict({ ratingValue: 3, bestRating: 1, worstRating: 5 })).toBeNull();
  });
});
