const isAdmin = 'admin::isAuthenticatedAdmin';
/** An action, or [action, subject] for content-manager actions that apply per content type. */
const can = (...actions: Array<string | [string, string]>) => ({ name: 'admin::hasPermissions', config: { actions } });

/** Admin routes, under /newsgraph (admin JWT); each states the permission it needs. */
export const routes = {
  admin: {
    type: 'admin',
    routes: [
      {
        method: 'PUT',
        path: '/statements/:documentId/link-overrides',
        handler: 'links.updateOverrides',
        config: { policies: [isAdmin, can(['plugin::content-manager.explorer.update', 'api::statement.statement'])] },
      },
      {
        method: 'POST',
        path: '/relink',
        handler: 'links.startRelink',
        config: { policies: [isAdmin, can('plugin::newsgraph.settings')] },
      },
      {
        method: 'GET',
        path: '/relink',
        handler: 'links.recentRelinks',
        config: { policies: [isAdmin, can('plugin::newsgraph.settings')] },
      },
      {
        method: 'GET',
        path: '/relink/:jobId',
        handler: 'links.relinkStatus',
        config: { policies: [isAdmin, can('plugin::newsgraph.settings')] },
      },
    ],
  },
  'content-api': {
    type: 'content-api',
    routes: [],
  },
};
