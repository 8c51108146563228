import type { Attribution } from './extract-attributions';

export interface ResolvedAttribution<Speaker> extends Attribution {
  /** Who said it, as the resolver found them; null when the copy names nobody it knows. */
  speaker: Speaker | null;
}

/**
 * Resolves the speaker of each attribution with a resolver the caller brings (in the plugin, the
 * linker reading the phrase against actors' names, aliases and roles on the story's date). The
 * resolver sees the phrase that names the speaker: the source as written, or for a pronoun the
 * phrase of its antecedent. A pronoun whose antecedent was resolved takes that speaker as is, so
 * "he" gets the same actor as the "Zelenskyy said" before it.
 */
export function resolveSpeakers<Speaker>(
  attributions: readonly Attribution[],
  resolve: (phrase: string, attribution: Attribution) => Speaker | null
): Array<ResolvedAttribution<Speaker>> {
  const resolved: Array<ResolvedAttribution<Speaker>> = [];
  const cache = new Map<string, Speaker | null>();
  for (const attribution of attributions) {
    let speaker: Speaker | null = null;
    if (attribution.antecedent !== null && resolved[attribution.antecedent]) speaker = resolved[attribution.antecedent]!.speaker;
    else if (attribution.speakerText) {
      const phrase = attribution.speakerText;
      if (!cache.has(phrase)) cache.set(phrase, resolve(phrase, attribution));
      speaker = cache.get(phrase) ?? null;
    }
    resolved.push({ ...attribution, speaker });
  }
  return resolved;
}

/**
 * A resolver over a fixed list of candidates, for callers without the linker: the candidate whose
 * name (or one of its names) is the phrase's last words, compared without case.
 */
export function candidateResolver<Speaker>(candidates: ReadonlyArray<{ names: readonly string[]; speaker: Speaker }>): (phrase: string) => Speaker | null {
  const fold = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return (phrase) => {
    const folded = ` ${fold(phrase)}`;
    const matches = candidates.filter((candidate) => candidate.names.some((name) => fold(name) !== '' && folded.endsWith(` ${fold(name)}`)));
    return matches.length === 1 ? matches[0]!.speaker : null;
  };
}
