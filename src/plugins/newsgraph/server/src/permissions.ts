import { PLUGIN_ID } from './constants';

/** The plugin's admin permission actions (names fixed by docs/domain.md). */
export const PERMISSION_ACTIONS = [
  { section: 'plugins', displayName: 'Read the fact-check queue', uid: 'flags.read', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Review flags (claim, resolve, dismiss, reopen)', uid: 'flags.review', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Newsgraph settings and relink jobs', uid: 'settings', pluginName: PLUGIN_ID },
];
