import type { ClaimReview, Organization, Person, WithContext } from 'schema-dts';

/**
 * schema.org ClaimReview for a rated statement, as search engines and fact-check aggregators read
 * it. Pure: everything comes from the arguments.
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

/** Verdicts that make a statement "rated": unverified and not_a_claim are not ratings of a claim. */
export const isRatedVerification = (verification: string | null | undefined): boolean => Boolean(verification && verification in VERDICT_RATINGS);

export interface ClaimReviewInput {
  statement: { documentId: string; text: string; verification: string; saidAt: string | null; sourceUrl: string | null; reviewedAt: string | null };
  speaker: { name: string; kind: string | null; wikidataId: string | null } | null;
  story: { title: string; slug: string | null; sourceUrl: string | null; storyDate: string | null; publishedAt: string | null };
  /** The newsroom (plugin config claimReview). */
  newsroom: { name: string; url: string | null };
}

const PERSON_KINDS = new Set(['person']);

function speakerOf(speaker: ClaimReviewInput['speaker']): Person | Organization | undefined {
  if (!speaker) return undefined;
  const sameAs = speaker.wikidataId ? `https://www.wikidata.org/wiki/${speaker.wikidataId}` : undefined;
  const base = { name: speaker.name, ...(sameAs ? { sameAs } : {}) };
  return PERSON_KINDS.has(speaker.kind ?? '') ? { '@type': 'Person', ...base } : { '@type': 'Organization', ...base };
}

/** @throws Error when the statement is not rated (callers answer 404 before calling) */
export function toClaimReview(input: ClaimReviewInput): WithContext<ClaimReview> {
  const rating = VERDICT_RATINGS[input.statement.verification];
  if (!rating) throw new Error(`statement ${input.statement.documentId} is not rated`);
  const newsroom: Organization = { '@type': 'Organization', name: input.newsroom.name, ...(input.newsroom.url ? { url: input.newsroom.url } : {}) };
  const appearanceUrl = input.statement.sourceUrl ?? input.story.sourceUrl;
  const author = speakerOf(input.speaker);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: input.statement.text,
    datePublished: (input.statement.reviewedAt ?? input.story.publishedAt ?? new Date().toISOString()).slice(0, 10),
    ...(input.newsroom.url && input.story.slug ? { url: `${input.newsroom.url.replace(/\/$/, '')}/stories/${input.story.slug}` } : {}),
    author: newsroom,
    publisher: newsroom,
    reviewRating: {
      '@type': 'Rating',
      ...(rating.value !== null ? { ratingValue: rating.value } : {}),
      bestRating: 5,
      worstRating: 1,
      alternateName: rating.name,
    },
    itemReviewed: {
      '@type': 'Claim',
      ...(author ? { author } : {}),
      ...(input.statement.saidAt ?? input.story.storyDate ? { datePublished: (input.statement.saidAt ?? input.story.storyDate)!.slice(0, 10) } : {}),
      ...(appearanceUrl ? { appearance: { '@type': 'CreativeWork', url: appearanceUrl, headline: input.story.title } } : {}),
    },
  };
}
