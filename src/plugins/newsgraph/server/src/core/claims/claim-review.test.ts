import { isRatedVerification, toClaimReview, VERDICT_RATINGS, type ClaimReviewInput } from './claim-review';

const input = (overrides: Partial<ClaimReviewInput['statement']> = {}, speaker: ClaimReviewInput['speaker'] = { name: 'Dana Voss', kind: 'person', wikidataId: 'Q42' }): ClaimReviewInput => ({
  statement: { documentId: 's1', text: 'Grain exports fell by 40 percent', verification: 'misleading', saidAt: '2026-04-20T10:00:00.000Z', sourceUrl: null, reviewedAt: '2026-04-22T08:00:00.000Z', ...overrides },
  speaker,
  story: { title: 'Talks resume', slug: 'talks-resume', sourceUrl: 'https://example.org/wire/talks', storyDate: '2026-04-21T09:00:00.000Z', publishedAt: '2026-04-21T12:00:00.000Z' },
  newsroom: { name: 'Demo Wire', url: 'https://news.example.org/' },
});

describe('toClaimReview', () => {
  it('toClaimReview - should give the fields search engines read, from the statement, its speaker and story', () => {
    expect(toClaimReview(input())).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: 'Grain exports fell by 40 percent',
      datePublished: '2026-04-22',
      url: 'https://news.example.org/stories/talks-resume',
      author: { '@type': 'Organization', name: 'Demo Wire', url: 'https://news.example.org/' },
      publisher: { '@type': 'Organization', name: 'Demo Wire', url: 'https://news.example.org/' },
      reviewRating: { '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'Misleading' },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Dana Voss', sameAs: 'https://www.wikidata.org/wiki/Q42' },
        datePublished: '2026-04-20',
        appearance: { '@type': 'CreativeWork', url: 'https://example.org/wire/talks', headline: 'Talks resume' },
      },
    });
  });

  it('toClaimReview - should name an organisation as one, leave out unknown parts, and rate unverifiable without a value', () => {
    const review = toClaimReview(input({ verification: 'unverifiable', saidAt: null, sourceUrl: 'https://example.org/post' }, { name: 'Ministry of Ports', kind: 'government', wikidataId: null }));
    expect(review.reviewRating).toEqual({ '@type': 'Rating', bestRating: 5, worstRating: 1, alternateName: 'Unverifiable' });
    expect(review.itemReviewed).toMatchObject({ author: { '@type': 'Organization', name: 'Ministry of Ports' }, datePublished: '2026-04-21', appearance: { url: 'https://example.org/post' } });
    expect(JSON.stringify(review)).not.toContain('sameAs');
    expect((toClaimReview(input({}, null)).itemReviewed as Record<string, unknown>).author).toBeUndefined();
  });

  it('toClaimReview - should refuse an unrated statement', () => {
    expect(() => toClaimReview(input({ verification: 'unverified' }))).toThrow('not rated');
  });
});

describe('isRatedVerification', () => {
  it('isRatedVerification - should count every verdict with a rating, and not unverified or not_a_claim', () => {
    for (const verdict of Object.keys(VERDICT_RATINGS)) expect(isRatedVerification(verdict)).toBe(true);
    for (const verdict of ['unverified', 'not_a_claim', null, undefined]) expect(isRatedVerification(verdict)).toBe(false);
  });
});
