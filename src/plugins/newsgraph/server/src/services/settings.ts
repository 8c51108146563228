import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { readFlagsConfig, type FlagsConfig } from '../core/flags/flag-config';

const FLAGS_SETTING = 'plugin::newsgraph.flags';

/**
 * The flag rules as set in the admin (Settings > Newsgraph): stored in the plugin's store and laid
 * over config/plugins.ts at every start, so that a newsroom tunes its rules without a deploy. The
 * store holds the whole effective `flags` setting, checked by the same reader as the config file:
 * a wrong value is refused with a 400 naming it, and nothing is stored.
 *
 * Other instances on the same database take a change at their next start; the instance that saved it
 * applies it at once.
 */
export const settingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: 'newsgraph', key: 'settings' });

  return {
    /** At start: the stored settings, if any, over the config file's. */
    async applyStored(): Promise<void> {
      const stored = (await store().get({})) as { flags?: unknown } | null;
      if (!stored?.flags) return;
      const { config, problems } = readFlagsConfig(stored.flags);
      // A stored setting that no longer reads (a rule retired by an upgrade) is reported, not fatal.
      if (problems.length > 0) strapi.log.warn(`[newsgraph] stored settings: ${problems.join('; ')}; those values are ignored`);
      strapi.config.set(FLAGS_SETTING, config);
    },

    flags(): FlagsConfig {
      return readFlagsConfig(strapi.config.get(FLAGS_SETTING)).config;
    },

    /** @throws errors.ValidationError naming every wrong value; nothing is stored then */
    async updateFlags(input: unknown): Promise<FlagsConfig> {
      const { config, problems } = readFlagsConfig(input);
      if (problems.length > 0) {
        throw new errors.ValidationError(problems.join('; '), { errors: problems.map((message) => ({ path: message.split(' ')[0]!.split('.'), message, name: 'ValidationError' })) });
      }
      await store().set({ value: { flags: config } });
      strapi.config.set(FLAGS_SETTING, config);
      return config;
    },
  };
};
