/**
 * The plugin's configuration (config/plugins.ts, key `newsgraph.config`). The linking and flag
 * settings arrive with those features; the validator already runs so that a typo stops start-up
 * instead of being silently ignored.
 */
export type NewsgraphConfig = Record<string, never>;

const defaults: NewsgraphConfig = {};

const KNOWN_KEYS = new Set<string>(Object.keys(defaults));

export default {
  default: defaults,
  /** @throws Error naming the offending key, which stops start-up with that message */
  validator(config: Record<string, unknown>): void {
    for (const key of Object.keys(config)) {
      if (!KNOWN_KEYS.has(key)) throw new Error(`newsgraph config: unknown key "${key}"`);
    }
  },
};
