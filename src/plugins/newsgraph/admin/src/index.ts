import { PLUGIN_ID } from './pluginId';

/**
 * The admin half of the plugin. It registers the plugin with the admin panel; the fact-check desk,
 * the side panels and the settings page are added to it as those features land.
 */
export default {
  register(app: { registerPlugin(plugin: { id: string; name: string }): void }) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'Newsgraph' });
  },
  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data, locale };
        } catch {
          // No translation for this locale yet: the admin falls back to English.
          return { data: {}, locale };
        }
      })
    );
  },
};
