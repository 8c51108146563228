import slugify from 'slugify';

/** Long enough for any headline's gist, short enough for a readable URL. */
export const MAX_SLUG_LENGTH = 96;

/**
 * A URL slug: lower case, accents transliterated ("Élysée" -> "elysee"), anything that is not a
 * letter, digit or hyphen removed, cut at a word boundary. Returns "" when nothing usable is left
 * (a title only in a script slugify cannot transliterate); callers choose the fallback.
 */
export function toSlug(text: string): string {
  const slug = slugify(text, { lower: true, strict: true, trim: true });
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH);
  const lastHyphen = cut.lastIndexOf('-');
  return lastHyphen > MAX_SLUG_LENGTH / 2 ? cut.slice(0, lastHyphen) : cut;
}

/**
 * The first of `base`, `base-2`, `base-3`... that is not in `taken`.
 */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** True when `slug` is `base` or `base-N`: what firstFreeSlug would have made from `base`. */
export function isDerivedSlug(slug: string, base: string): boolean {
  if (slug === base) return true;
  return slug.startsWith(`${base}-`) && /^\d+$/.test(slug.slice(base.length + 1));
}
