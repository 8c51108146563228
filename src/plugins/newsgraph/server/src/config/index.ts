import { DEFAULT_FLAGS_CONFIG, readFlagsConfig, type FlagsConfig } from '../core/flags/flag-config';

/**
 * The plugin's configuration (config/plugins.ts, key `newsgraph.config`). Checked by `validator`,
 * which Strapi calls at start-up: a typo or a wrong type stops start-up with a message naming it.
 */
export interface NewsgraphConfig {
  /**
   * Link statements to actors and proposals on every save (default true). Turn off for a bulk import,
   * then run `npm run relink -- --all`.
   */
  linking: boolean;
  /** Flag rules (on or off, severity, threshold) and review guards: see core/flags/flag-config.ts. */
  flags: FlagsConfig;
  /** Who publishes the ClaimReview JSON-LD: its author and publisher. */
  claimReview: { name: string; url: string | null };
}

const defaults: NewsgraphConfig = {
  linking: true,
  flags: DEFAULT_FLAGS_CONFIG,
  claimReview: { name: 'Newsgraph newsroom', url: null },
};

const KNOWN_KEYS = new Set<string>(Object.keys(defaults));

export default {
  default: defaults,
  /** @throws Error naming the offending key, which stops start-up with that message */
  validator(config: Record<string, unknown>): void {
    for (const key of Object.keys(config)) {
      if (!KNOWN_KEYS.has(key)) throw new Error(`newsgraph config: unknown key "${key}" (known: ${[...KNOWN_KEYS].join(', ')})`);
    }
    if (typeof config.linking !== 'boolean') throw new Error('newsgraph config: "linking" must be true or false');
    const { problems } = readFlagsConfig(config.flags);
    if (problems.length > 0) throw new Error(`newsgraph config: ${problems.join('; ')}`);
    const claimReview = config.claimReview as { name?: unknown; url?: unknown } | undefined;
    if (!claimReview || typeof claimReview.name !== 'string' || claimReview.name.trim() === '') throw new Error('newsgraph config: claimReview.name must name the newsroom');
    if (claimReview.url !== null && claimReview.url !== undefined && (typeof claimReview.url !== 'string' || !/^https?:\/\//.test(claimReview.url))) {
      throw new Error('newsgraph config: claimReview.url must be an http(s) URL or null');
    }
  },
};
