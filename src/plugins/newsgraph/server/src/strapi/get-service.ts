import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { NewsgraphServices } from '../services';

/** The plugin's services, typed. */
export function getService<Name extends keyof NewsgraphServices>(strapi: Core.Strapi, name: Name): NewsgraphServices[Name] {
  return strapi.plugin(PLUGIN_ID).service(name) as NewsgraphServices[Name];
}
