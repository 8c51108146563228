import type { Core } from '@strapi/strapi';
import { NEWSROOM_CONTENT_TYPES, PUBLIC_READ_ACTIONS } from '../constants';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

/**
 * The Public role reads (find, findOne) the four newsroom types; which documents it then sees is
 * narrowed by the visibility rules (core/visibility/visibility-rules.ts). Runs at every start and only adds
 * what is missing, so an admin's other grants are left alone.
 */
export const publicPermissionsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** @returns the actions that were newly granted */
  async grantPublicReads(): Promise<string[]> {
    const publicRole = await strapi.db.query(ROLE_UID).findOne({ where: { type: 'public' } });
    if (!publicRole) throw new Error('The users-permissions Public role is missing; is @strapi/plugin-users-permissions enabled?');

    const wanted = NEWSROOM_CONTENT_TYPES.flatMap((uid) => PUBLIC_READ_ACTIONS.map((action) => `${uid}.${action}`));
    const existing = await strapi.db.query(PERMISSION_UID).findMany({
      where: { role: publicRole.id, action: { $in: wanted } },
      select: ['action'],
    });
    const granted = new Set(existing.map((permission: { action: string }) => permission.action));
    const missing = wanted.filter((action) => !granted.has(action));
    for (const action of missing) {
      await strapi.db.query(PERMISSION_UID).create({ data: { action, role: publicRole.id } });
    }
    return missing;
  },
});
