import {
  checkUrlPattern,
  compareFeedEntries,
  effectiveUrlPattern,
  fillUrlPattern,
  isRatedVerification,
  readFeedPageQuery,
  toClaimReview,
  toClaimReviewFeed,
  claimReviewOf,
  verdictAppliesToText,
  verdictFlagOf,
  VERDICT_RATINGS,
  type ClaimReviewInput,
  type VerdictFlag,
} from './claim-review';

const input = (
  overrides: Partial<ClaimReviewInput['statement']> = {},
  speaker: ClaimReviewInput['speaker'] = { name: 'Dana Voss', kind: 'person', wikidataId: 'Q42' },
  config: Partial<ClaimReviewInput['config']> = {}
): ClaimReviewInput => ({
  statement: {
    documentId: 's1',
    text: 'Grain exports fell by 40 percent',
    verification: 'misleading',
    saidAt: '2026-04-20T10:00:00.000Z',
    sourceUrl: null,
    reviewedAt: '2026-04-22T08:00:00.000Z',
    reviewBody: 'Customs data show a fall of 14 percent.',
    ...overrides,
  },
  speaker,
  story: { documentId: 'st1', title: 'Talks resume', slug: 'talks-resume', sourceUrl: 'https://example.org/wire/talks', storyDate: '2026-04-21T09:00:00.000Z', publishedAt: '2026-04-21T12:00:00.000Z' },
  config: { name: 'Demo Wire', url: 'https://news.example.org/', urlPattern: null, ...config },
});

describe('toClaimReview', () => {
  it('toClaimReview - should give the fields search engines read, from the statement, its verdict, speaker and story', () => {
    expect(toClaimReview(input())).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: 'Grain exports fell by 40 percent',
      datePublished: '2026-04-22',
      url: 'https://news.example.org/stories/talks-resume#claim-s1',
      author: { '@type': 'Organization', name: 'Demo Wire', url: 'https://news.example.org/' },
      publisher: { '@type': 'Organization', name: 'Demo Wire', url: 'https://news.example.org/' },
      reviewRating: { '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'Misleading' },
      reviewBody: 'Customs data show a fall of 14 percent.',
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Dana Voss', sameAs: 'https://www.wikidata.org/wiki/Q42' },
        datePublished: '2026-04-20',
        appearance: [
          { '@type': 'CreativeWork', url: 'https://example.org/wire/talks', headline: 'Talks resume', datePublished: '2026-04-21' },
          { '@type': 'CreativeWork', url: 'https://news.example.org/stories/talks-resume', headline: 'Talks resume', datePublished: '2026-04-21' },
        ],
        firstAppearance: { '@type': 'CreativeWork', url: 'https://example.org/wire/talks', headline: 'Talks resume', datePublished: '2026-04-21' },
      },
    });
  });

  it('toClaimReview - should place the fact check at the configured pattern, and list where the claim was said as its first appearance', () => {
    const review = toClaimReview(input({ sourceUrl: 'https://example.org/speech' }, undefined, { urlPattern: 'https://news.example/{slug}?story={storyDocumentId}#claim-{documentId}' }));
    expect(review.url).toBe('https://news.example/talks-resume?story=st1#claim-s1');
    expect(review.itemReviewed).toMatchObject({
      firstAppearance: { url: 'https://example.org/speech', datePublished: '2026-04-20' },
      appearance: [{ url: 'https://example.org/speech' }, { url: 'https://example.org/wire/talks' }, { url: 'https://news.example/talks-resume?story=st1' }],
    });
  });

  it('toClaimReview - should not call a page named after the statement the story\'s page, nor list an appearance twice', () => {
    const review = toClaimReview(input({ sourceUrl: 'https://example.org/wire/talks' }, undefined, { urlPattern: 'https://news.example/{slug}/claims/{documentId}' }));
    expect(review.url).toBe('https://news.example/talks-resume/claims/s1');
    expect((review.itemReviewed as unknown as { appearance: Array<{ url: string }> }).appearance.map((work) => work.url)).toEqual(['https://example.org/wire/talks']);
  });

  it('toClaimReview - should name an organisation as one, leave out unknown parts, and rate unverifiable without a value', () => {
    const review = toClaimReview(input({ verification: 'unverifiable', saidAt: null, sourceUrl: 'https://example.org/post', reviewBody: '  ' }, { name: 'Ministry of Ports', kind: 'government', wikidataId: null }));
    expect(review.reviewRating).toEqual({ '@type': 'Rating', bestRating: 5, worstRating: 1, alternateName: 'Unverifiable' });
    expect(review.itemReviewed).toMatchObject({ author: { '@type': 'Organization', name: 'Ministry of Ports' }, datePublished: '2026-04-21', firstAppearance: { url: 'https://example.org/post' } });
    expect(review.reviewBody).toBeUndefined();
    expect(JSON.stringify(review)).not.toContain('sameAs');
    expect((toClaimReview(input({}, null)).itemReviewed as Record<string, unknown>).author).toBeUndefined();
  });

  it('toClaimReview - should give no url when neither a pattern nor the newsroom url is set, or the story has no slug', () => {
    expect(toClaimReview(input({}, undefined, { url: null })).url).toBeUndefined();
    const noSlug = input();
    noSlug.story.slug = null;
    expect(toClaimReview(noSlug).url).toBeUndefined();
  });

  it('toClaimReview - should refuse an unrated statement', () => {
    expect(() => toClaimReview(input({ verification: 'unverified' }))).toThrow('not rated');
  });
});

describe('verdictAppliesToText', () => {
  it('verdictAppliesToText - should serve a verdict on the words it judged, whatever their quote marks, spacing or case', () => {
    expect(verdictAppliesToText({ verification: 'false', text: 'Exports fell by 42 percent', verifiedText: 'Exports fell by 42 percent' })).toBe(true);
    expect(verdictAppliesToText({ verification: 'false', text: '\u201cExports  fell by 42 percent\u201d', verifiedText: '"exports fell by 42 percent"' })).toBe(true);
  });

  it('verdictAppliesToText - should not serve a verdict given on other words', () => {
    expect(verdictAppliesToText({ verification: 'false', text: 'Exports fell by 43 percent', verifiedText: 'Exports fell by 42 percent' })).toBe(false);
  });

  it('verdictAppliesToText - should serve a verdict older than the recorded words, and never an unrated statement', () => {
    expect(verdictAppliesToText({ verification: 'accurate', text: 'Exports fell', verifiedText: null })).toBe(true);
    expect(verdictAppliesToText({ verification: 'accurate', text: 'Exports fell' })).toBe(true);
    expect(verdictAppliesToText({ verification: 'not_a_claim', text: 'Exports fell', verifiedText: 'Exports fell' })).toBe(false);
    expect(verdictAppliesToText({ verification: 'unverified', text: 'Exports fell', verifiedText: null })).toBe(false);
  });
});

describe('verdictFlagOf', () => {
  const flag = (overrides: Partial<VerdictFlag>): VerdictFlag => ({ status: 'resolved', verdict: 'false', note: null, updatedAt: '2026-04-22T08:00:00.000Z', textAtResolution: null, ...overrides });

  it('verdictFlagOf - should pick the latest resolved flag that gave the current verdict', () => {
    const flags = [
      flag({ note: 'first', updatedAt: '2026-04-20T08:00:00.000Z' }),
      flag({ note: 'latest', updatedAt: '2026-04-23T08:00:00.000Z' }),
      flag({ note: 'other verdict', verdict: 'accurate', updatedAt: '2026-04-24T08:00:00.000Z' }),
      flag({ note: 'reopened', status: 'open', updatedAt: '2026-04-25T08:00:00.000Z' }),
    ];
    expect(verdictFlagOf('false', flags)?.note).toBe('latest');
    expect(verdictFlagOf('misleading', flags)).toBeNull();
  });
});

describe('url patterns', () => {
  it('checkUrlPattern - should accept an http(s) pattern naming the story', () => {
    expect(checkUrlPattern('https://news.example/{slug}#claim-{documentId}')).toBeNull();
    expect(checkUrlPattern('http://news.example/s/{storyDocumentId}')).toBeNull();
  });

  it('checkUrlPattern - should say what is wrong with any other', () => {
    expect(checkUrlPattern('https://news.example/claims/{documentId}')).toContain('{slug} or {storyDocumentId}');
    expect(checkUrlPattern('ftp://news.example/{slug}')).toContain('http(s)');
    expect(checkUrlPattern('/stories/{slug}')).toContain('http(s)');
    expect(checkUrlPattern('javascript:alert(1)//{slug}')).toContain('http(s)');
    expect(checkUrlPattern('https://news.example/{slug}/{title}')).toContain('{title}');
    expect(checkUrlPattern(42)).toContain('string');
  });

  it('fillUrlPattern - should encode what it fills in, and give nothing when a value is missing', () => {
    expect(fillUrlPattern('https://n.example/{slug}', { slug: 'a b/c', storyDocumentId: null, documentId: null })).toBe('https://n.example/a%20b%2Fc');
    expect(fillUrlPattern('https://n.example/{slug}', { slug: null, storyDocumentId: 'x', documentId: 'y' })).toBeNull();
  });

  it('effectiveUrlPattern - should prefer the pattern, then derive one from the newsroom url', () => {
    expect(effectiveUrlPattern({ url: 'https://a.example', urlPattern: 'https://b.example/{slug}' })).toBe('https://b.example/{slug}');
    expect(effectiveUrlPattern({ url: 'https://a.example//', urlPattern: null })).toBe('https://a.example/stories/{slug}#claim-{documentId}');
    expect(effectiveUrlPattern({ url: null, urlPattern: null })).toBeNull();
  });
});

describe('the feed', () => {
  it('toClaimReviewFeed - should wrap ClaimReviews without their own @context in a DataFeed', () => {
    const element = claimReviewOf(input());
    const feed = toClaimReviewFeed([element], { dateModified: '2026-04-22T08:00:00.000Z', config: input().config });
    expect(feed).toMatchObject({ '@context': 'https://schema.org', '@type': 'DataFeed', dateModified: '2026-04-22T08:00:00.000Z', dataFeedElement: [{ '@type': 'ClaimReview' }] });
    expect(element).not.toHaveProperty('@context');
    expect(toClaimReviewFeed([], { dateModified: null, config: input().config })).not.toHaveProperty('dateModified');
  });

  it('compareFeedEntries - should put the newest verdict first, and ties in a stable order', () => {
    const entries = [
      { documentId: 'b', reviewedAt: '2026-04-20T00:00:00.000Z' },
      { documentId: 'c', reviewedAt: '2026-04-22T00:00:00.000Z' },
      { documentId: 'a', reviewedAt: '2026-04-20T00:00:00.000Z' },
    ];
    expect(entries.sort(compareFeedEntries).map((entry) => entry.documentId)).toEqual(['c', 'a', 'b']);
  });

  it('readFeedPageQuery - should default to the first page of 25 and read whole numbers in range', () => {
    expect(readFeedPageQuery({})).toEqual({ page: 1, pageSize: 25 });
    expect(readFeedPageQuery({ page: '3', pageSize: '100' })).toEqual({ page: 3, pageSize: 100 });
  });

  it('readFeedPageQuery - should report anything else, naming the parameter', () => {
    for (const bad of [{ page: '0' }, { page: '-1' }, { page: '1.5' }, { page: 'two' }, { page: ['1', '2'] }, { page: '9999999999' }]) {
      expect(readFeedPageQuery(bad)).toMatchObject({ path: 'page', problem: expect.stringContaining('page must be') });
    }
    for (const bad of [{ pageSize: '0' }, { pageSize: '101' }, { pageSize: '1e2' }]) {
      expect(readFeedPageQuery(bad)).toMatchObject({ path: 'pageSize', problem: expect.stringContaining('from 1 to 100') });
    }
  });
});

describe('isRatedVerification', () => {
  it('isRatedVerification - should count every verdict with a rating, and not unverified or not_a_claim', () => {
    for (const verdict of Object.keys(VERDICT_RATINGS)) expect(isRatedVerification(verdict)).toBe(true);
    for (const verdict of ['unverified', 'not_a_claim', null, undefined]) expect(isRatedVerification(verdict)).toBe(false);
  });
});
