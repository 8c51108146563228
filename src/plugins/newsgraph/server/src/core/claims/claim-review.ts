import { sameVerdictText } from '../flags/review-workflow';
import type { ClaimReview, CreativeWork, DataFeed, Organization, Person, WithContext } from 'schema-dts';

/**
 * schema.org ClaimReview for a rated statement, and the DataFeed of them, as search engines and
 * fact-check aggregators read them. Pure: everything comes from the arguments.
 */

/** How each verdict reads on a 1 (false) to 5 (accurate) scale; unverifiable has no place on it. */
export const VERDICT_RATINGS: Record<string, { value: number | null; name: string }> = {
  accurate: { value: 5, name: 'Accurate' },
  mostly_accurate: { value: 4, name: 'Mostly accurate' },
  misleading: { value: 2, name: 'Misleading' },
  unsupported: { value: 2, name: 'Unsupported' },
  false: { value: 1, name: 'False' },
  unverifiable: { value: null, name: 'Unverifiable' },
};

/** The verifications that are ratings, for a database filter. */
export const RATED_VERIFICATIONS: readonly string[] = Object.keys(VERDICT_RATINGS);

/** Verdicts that make a statement "rated": unverified and not_a_claim are not ratings of a claim. */
export const isRatedVerification = (verification: string | null | undefined): boolean => Boolean(verification && Object.prototype.hasOwnProperty.call(VERDICT_RATINGS, verification));

/**
 * Whether a statement's verdict may be presented for the words it holds now: it is a rating, and it
 * was given on these words. Words compare folded (quote marks, dashes, whitespace and case aside), so
 * retyping a quote's curly marks keeps the verdict while "42 percent" to "43 percent" does not.
 * `verifiedText` null means no text was recorded with the verdict (verdicts older than the field);
 * such a verdict applies.
 */
export function verdictAppliesToText(statement: { verification: string | null | undefined; text: string; verifiedText?: string | null }): boolean {
  if (!isRatedVerification(statement.verification)) return false;
  if (statement.verifiedText === null || statement.verifiedText === undefined) return true;
  return sameVerdictText(statement.verifiedText, statement.text);
}

/** A flag of the statement, as far as its verdict goes. */
export interface VerdictFlag {
  status: string;
  verdict: string | null;
  note: string | null;
  /** When the flag last changed status: for a resolved flag, when it was resolved. */
  updatedAt: string;
  textAtResolution: string | null;
}

/**
 * The flag whose resolution set the statement's current verification: the latest resolved flag with
 * that verdict. Null when none did (an editor set the verification by hand).
 */
export function verdictFlagOf<Flag extends VerdictFlag>(verification: string | null, flags: readonly Flag[]): Flag | null {
  let latest: Flag | null = null;
  for (const flag of flags) {
    if (flag.status !== 'resolved' || flag.verdict !== verification) continue;
    if (!latest || flag.updatedAt > latest.updatedAt) latest = flag;
  }
  return latest;
}

/** Who publishes the ClaimReviews, and where (plugin config `claimReview`). */
export interface ClaimReviewConfig {
  /** The newsroom: author and publisher of every ClaimReview. */
  name: string;
  /** The newsroom's home page, or null. */
  url: string | null;
  /**
   * The public page of a statement's fact check, e.g. `https://news.example/{slug}#claim-{documentId}`:
   * {slug} and {storyDocumentId} name the story, {documentId} the statement. Null: derived from `url`
   * as `{url}/stories/{slug}#claim-{documentId}`, or no url at all when `url` is null too.
   */
  urlPattern: string | null;
}

export const URL_PATTERN_PLACEHOLDERS = ['slug', 'storyDocumentId', 'documentId'] as const;
type UrlPatternValues = Record<(typeof URL_PATTERN_PLACEHOLDERS)[number], string | null>;

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** What is wrong with a url pattern, or null when it is usable. */
export function checkUrlPattern(pattern: unknown): string | null {
  if (typeof pattern !== 'string') return 'must be a string';
  const names = [...pattern.matchAll(PLACEHOLDER)].map((match) => match[1]);
  const unknown = names.find((name) => !(URL_PATTERN_PLACEHOLDERS as readonly string[]).includes(name));
  if (unknown !== undefined) return `has an unknown placeholder {${unknown}} (known: ${URL_PATTERN_PLACEHOLDERS.map((name) => `{${name}}`).join(', ')})`;
  // Without the story, every fact check of the newsroom would claim the same page.
  if (!names.includes('slug') && !names.includes('storyDocumentId')) return 'must contain {slug} or {storyDocumentId}';
  const sample = fillUrlPattern(pattern, { slug: 'a-story', storyDocumentId: 'story1', documentId: 'statement1' });
  let url: URL;
  try {
    url = new URL(sample ?? '');
  } catch {
    return 'must be an absolute http(s) URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an absolute http(s) URL';
  return null;
}

/** The pattern in effect: the configured one, else one derived from the newsroom's url, else none. */
export function effectiveUrlPattern(config: Pick<ClaimReviewConfig, 'url' | 'urlPattern'>): string | null {
  if (config.urlPattern) return config.urlPattern;
  return config.url ? `${config.url.replace(/\/+$/, '')}/stories/{slug}#claim-{documentId}` : null;
}

/** The pattern with its placeholders filled (URL-encoded); null when one it uses has no value. */
export function fillUrlPattern(pattern: string, values: UrlPatternValues): string | null {
  let missing = false;
  const filled = pattern.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name as keyof UrlPatternValues];
    if (value === null || value === undefined || value === '') missing = true;
    return encodeURIComponent(value ?? '');
  });
  return missing ? null : filled;
}

/**
 * The story's own public page: the fact check's url without its fragment. None when the statement
 * names the page itself (a {documentId} before the fragment), since that page is not the story's.
 */
function storyPageUrl(pattern: string, values: UrlPatternValues): string | null {
  const [page] = pattern.split('#');
  if (page.includes('{documentId}')) return null;
  return fillUrlPattern(page, values);
}

export interface ClaimReviewInput {
  statement: {
    documentId: string;
    text: string;
    verification: string;
    saidAt: string | null;
    sourceUrl: string | null;
    /** When the verdict was given, if known. */
    reviewedAt: string | null;
    /** The verdict's note: why the statement got its rating. */
    reviewBody: string | null;
  };
  speaker: { name: string; kind: string | null; wikidataId: string | null } | null;
  story: { documentId: string; title: string; slug: string | null; sourceUrl: string | null; storyDate: string | null; publishedAt: string | null };
  config: ClaimReviewConfig;
}

const PERSON_KINDS = new Set(['person']);
const day = (isoDate: string) => isoDate.slice(0, 10);

function speakerOf(speaker: ClaimReviewInput['speaker']): Person | Organization | undefined {
  if (!speaker) return undefined;
  const sameAs = speaker.wikidataId ? `https://www.wikidata.org/wiki/${speaker.wikidataId}` : undefined;
  const base = { name: speaker.name, ...(sameAs ? { sameAs } : {}) };
  return PERSON_KINDS.has(speaker.kind ?? '') ? { '@type': 'Person', ...base } : { '@type': 'Organization', ...base };
}

const creativeWork = (url: string, headline: string | null, date: string | null): CreativeWork => ({
  '@type': 'CreativeWork',
  url,
  ...(headline ? { headline } : {}),
  ...(date ? { datePublished: day(date) } : {}),
});

/**
 * Where the claim is known to appear, first appearance first: where it was said (the statement's
 * source), the story's source (the wire), and the story's own public page. Duplicates are dropped.
 */
function appearancesOf(input: ClaimReviewInput, pattern: string | null, values: UrlPatternValues): CreativeWork[] {
  const { statement, story } = input;
  const storyPage = pattern ? storyPageUrl(pattern, values) : null;
  const candidates: Array<[string | null, CreativeWork | null]> = [
    [statement.sourceUrl, statement.sourceUrl ? creativeWork(statement.sourceUrl, null, statement.saidAt) : null],
    [story.sourceUrl, story.sourceUrl ? creativeWork(story.sourceUrl, story.title, story.storyDate) : null],
    [storyPage, storyPage ? creativeWork(storyPage, story.title, story.storyDate) : null],
  ];
  const seen = new Set<string>();
  const works: CreativeWork[] = [];
  for (const [url, work] of candidates) {
    if (!url || !work || seen.has(url)) continue;
    seen.add(url);
    works.push(work);
  }
  return works;
}

function newsroomOf(config: ClaimReviewConfig): Organization {
  return { '@type': 'Organization', name: config.name, ...(config.url ? { url: config.url } : {}) };
}

/**
 * A ClaimReview without its @context, as it stands inside a DataFeed.
 * @throws Error when the statement is not rated (callers filter with verdictAppliesToText first)
 */
export function claimReviewOf(input: ClaimReviewInput): ClaimReview {
  const rating = isRatedVerification(input.statement.verification) ? VERDICT_RATINGS[input.statement.verification] : undefined;
  if (!rating) throw new Error(`statement ${input.statement.documentId} is not rated`);
  const { statement, story } = input;
  const pattern = effectiveUrlPattern(input.config);
  const values: UrlPatternValues = { slug: story.slug, storyDocumentId: story.documentId, documentId: statement.documentId };
  const url = pattern ? fillUrlPattern(pattern, values) : null;
  const appearances = appearancesOf(input, pattern, values);
  const author = speakerOf(input.speaker);
  const claimDate = statement.saidAt ?? story.storyDate;
  const newsroom = newsroomOf(input.config);
  return {
    '@type': 'ClaimReview',
    claimReviewed: statement.text,
    datePublished: day(statement.reviewedAt ?? story.publishedAt ?? new Date().toISOString()),
    ...(url ? { url } : {}),
    author: newsroom,
    publisher: newsroom,
    reviewRating: {
      '@type': 'Rating',
      ...(rating.value !== null ? { ratingValue: rating.value } : {}),
      bestRating: 5,
      worstRating: 1,
      alternateName: rating.name,
    },
    ...(statement.reviewBody && statement.reviewBody.trim() !== '' ? { reviewBody: statement.reviewBody } : {}),
    itemReviewed: {
      '@type': 'Claim',
      ...(author ? { author } : {}),
      ...(claimDate ? { datePublished: day(claimDate) } : {}),
      ...(appearances.length > 0 ? { appearance: appearances, firstAppearance: appearances[0] } : {}),
    },
  };
}

/** A ClaimReview as a document of its own, with the @context a DataFeed's elements do without. */
export function withSchemaOrgContext(review: ClaimReview): WithContext<ClaimReview> {
  return { '@context': 'https://schema.org', ...review } as WithContext<ClaimReview>;
}

/** @throws Error when the statement is not rated (callers answer 404 before calling) */
export function toClaimReview(input: ClaimReviewInput): WithContext<ClaimReview> {
  return withSchemaOrgContext(claimReviewOf(input));
}

/** A page of the feed: the ClaimReviews (newest verdict first) and when the whole feed last changed. */
export function toClaimReviewFeed(elements: readonly ClaimReview[], feed: { dateModified: string | null; config: ClaimReviewConfig }): WithContext<DataFeed> {
  return {
    '@context': 'https://schema.org',
    '@type': 'DataFeed',
    name: `${feed.config.name}: fact checks`,
    publisher: newsroomOf(feed.config),
    ...(feed.dateModified ? { dateModified: feed.dateModified } : {}),
    dataFeedElement: [...elements],
  };
}

/** A rated statement placed in the feed: newest verdict first, then by documentId for a stable order. */
export function compareFeedEntries(a: { reviewedAt: string; documentId: string }, b: { reviewedAt: string; documentId: string }): number {
  if (a.reviewedAt !== b.reviewedAt) return a.reviewedAt < b.reviewedAt ? 1 : -1;
  return a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0;
}

export const FEED_DEFAULT_PAGE_SIZE = 25;
export const FEED_MAX_PAGE_SIZE = 100;

export type FeedPageQuery = { page: number; pageSize: number } | { problem: string; path: 'page' | 'pageSize' };

/**
 * Reads `page` (from 1) and `pageSize` (1 to 100, default 25) from a query string. A bad value is a
 * problem to report, never clamped: a client asking for page 0 has a bug it should hear about.
 */
export function readFeedPageQuery(query: Record<string, unknown>): FeedPageQuery {
  const read = (name: 'page' | 'pageSize', fallback: number, max: number): number | { problem: string; path: 'page' | 'pageSize' } => {
    const raw = query[name];
    if (raw === undefined || raw === '') return fallback;
    const value = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(value) || value < 1 || value > max) {
      return { problem: `${name} must be a whole number from 1${max === Number.MAX_SAFE_INTEGER ? '' : ` to ${max}`}`, path: name };
    }
    return value;
  };
  const page = read('page', 1, Number.MAX_SAFE_INTEGER);
  if (typeof page !== 'number') return page;
  const pageSize = read('pageSize', FEED_DEFAULT_PAGE_SIZE, FEED_MAX_PAGE_SIZE);
  if (typeof pageSize !== 'number') return pageSize;
  return { page, pageSize };
}
