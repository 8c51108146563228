import { SealCheck } from '@strapi/icons';
import { StatementLinksPanel } from './components/StatementLinksPanel';
import { StoryOverviewPanel } from './components/StoryOverviewPanel';
import { ActorListFilters, addOpenFlagsColumn } from './components/list-views';
import { PLUGIN_ID } from './pluginId';

/** Every admin string of the plugin lives in translations/<locale>.json, under the plugin's prefix. */
const prefixed = (data: Record<string, string>) => Object.fromEntries(Object.entries(data).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));

interface AdminApp {
  registerPlugin(plugin: { id: string; name: string }): void;
  addMenuLink(link: Record<string, unknown>): void;
  addSettingsLink(section: string, link: Record<string, unknown>): void;
  getPlugin(id: 'content-manager'): {
    apis: { addEditViewSidePanel(panels: unknown[]): void };
    injectComponent(view: 'listView', zone: 'actions', component: { name: string; Component: () => unknown }): void;
  };
  registerHook(name: string, hook: (...args: never[]) => unknown): void;
  router: { addRoute(route: { path: string; lazy: () => Promise<{ Component: unknown }> }): void };
}

/**
 * The admin half of the plugin: the Fact-check desk (a main menu link for users who may read
 * flags), the side panels of the statement (its links) and story (its overview) edit views, and
 * Settings > Newsgraph (rules, guards, relink jobs) for users with the settings permission, and the
 * list views' "Open flags" column and actor filters.
 */
export default {
  register(app: AdminApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'Newsgraph' });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: SealCheck,
      intlLabel: { id: `${PLUGIN_ID}.menu.factCheck`, defaultMessage: 'Fact-check' },
      Component: () => import('./pages/FactCheckPage'),
      // The menu shows the link only to users holding this action; the routes check it again.
      permissions: [{ action: 'plugin::newsgraph.flags.read', subject: null }],
    });
    // The story's graph, full page; more specific than the desk's plugins/newsgraph/*, so it wins.
    app.router.addRoute({
      path: `plugins/${PLUGIN_ID}/graph/:documentId`,
      lazy: async () => ({ Component: (await import('./pages/StoryGraphPage')).default }),
    });
    app.addSettingsLink('global', {
      id: `${PLUGIN_ID}-settings`,
      to: PLUGIN_ID,
      intlLabel: { id: `${PLUGIN_ID}.settings.menu`, defaultMessage: 'Newsgraph' },
      Component: () => import('./pages/SettingsPage'),
      permissions: [{ action: 'plugin::newsgraph.settings', subject: null }],
    });
  },
  bootstrap(app: AdminApp) {
    const contentManager = app.getPlugin('content-manager');
    contentManager.apis.addEditViewSidePanel([StatementLinksPanel, StoryOverviewPanel]);
    // The list views' extension points, as review workflows and i18n use them: an "Open flags"
    // column on statements and stories, and one-click filters above the actors.
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addOpenFlagsColumn);
    contentManager.injectComponent('listView', 'actions', { name: 'newsgraph-actor-filters', Component: ActorListFilters });
  },
  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data: prefixed(data), locale };
        } catch {
          // No translation for this locale yet: the admin falls back to English.
          return { data: {}, locale };
        }
      })
    );
  },
};
