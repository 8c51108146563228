export const PLUGIN_ID = 'newsgraph';
