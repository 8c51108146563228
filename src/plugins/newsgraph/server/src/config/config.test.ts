import config from '.';

describe('newsgraph config validator', () => {
  it('validator - should accept the defaults', () => {
    expect(() => config.validator({ ...config.default })).not.toThrow();
  });

  it('validator - should stop start-up with a message naming a bad flag setting', () => {
    expect(() => config.validator({ ...config.default, flags: { rules: { quote_mismatch: { severity: 'urgent' } } } })).toThrow(
      'newsgraph config: flags.rules.quote_mismatch.severity must be one of low, medium, high'
    );
    expect(() => config.validator({ ...config.default, flags: { publishGuard: 'yes' } })).toThrow('flags.publishGuard must be true or false');
  });

  it('validator - should refuse unknown keys and a non-boolean linking switch', () => {
    expect(() => config.validator({ ...config.default, linkng: true })).toThrow('unknown key "linkng"');
    expect(() => config.validator({ ...config.default, linking: 'no' })).toThrow('"linking" must be true or false');
  });

  it('validator - should stop start-up on a ClaimReview url pattern that is not http(s) or does not name the story', () => {
    const withClaimReview = (claimReview: Record<string, unknown>) => ({ ...config.default, claimReview: { ...config.default.claimReview, ...claimReview } });
    expect(() => config.validator(withClaimReview({ urlPattern: 'https://news.example/{slug}#claim-{documentId}' }))).not.toThrow();
    expect(() => config.validator(withClaimReview({ urlPattern: 'https://news.example/claims/{documentId}' }))).toThrow('claimReview.urlPattern must contain {slug} or {storyDocumentId}');
    expect(() => config.validator(withClaimReview({ urlPattern: 'news.example/{slug}' }))).toThrow('claimReview.urlPattern must be an absolute http(s) URL');
    expect(() => config.validator(withClaimReview({ urlPatern: 'https://news.example/{slug}' }))).toThrow('claimReview.urlPatern is not a setting');
  });

  it('validator - should stop start-up on a public cache setting that is not one', () => {
    const withCache = (publicCache: Record<string, unknown>) => ({ ...config.default, graphql: { ...config.default.graphql, publicCache: { ...config.default.graphql.publicCache, ...publicCache } } });
    expect(() => config.validator(withCache({ enabled: false, maxEntries: 10 }))).not.toThrow();
    expect(() => config.validator(withCache({ enabled: 'yes' }))).toThrow('graphql.publicCache.enabled must be true or false');
    expect(() => config.validator(withCache({ maxEntries: 0 }))).toThrow('graphql.publicCache.maxEntries must be a whole number of 1 or more');
    expect(() => config.validator(withCache({ maxAge: 60 }))).toThrow('graphql.publicCache.maxAge is not a setting');
  });
});
