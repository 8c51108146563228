import type { Core } from '@strapi/strapi';

export interface DevAdminLogin {
  email: string;
  password: string;
}

/**
 * Creates the development admin when there is no admin yet, with the login from `.env` (written by
 * scripts/ensure-env.js). Refuses outside development: a production instance must never come up
 * with a known login.
 *
 * @returns the login, or null when an admin already exists
 * @throws Error when called outside development
 */
export async function createDevAdmin(strapi: Core.Strapi): Promise<DevAdminLogin | null> {
  if (process.env.NODE_ENV !== 'development') {
    throw new Error('The development admin is only created when NODE_ENV=development');
  }
  const users = strapi.service('admin::user') as { exists(): Promise<boolean>; create(data: Record<string, unknown>): Promise<unknown> };
  if (await users.exists()) return null;

  const email = process.env.NEWSGRAPH_DEV_ADMIN_EMAIL || 'editor@newsgraph.local';
  const password = process.env.NEWSGRAPH_DEV_ADMIN_PASSWORD;
  if (!password) throw new Error('NEWSGRAPH_DEV_ADMIN_PASSWORD is not set: run `npm run ensure-env` to create .env');

  const roles = strapi.service('admin::role') as { getSuperAdmin(): Promise<{ id: number } | null> };
  const superAdmin = await roles.getSuperAdmin();
  if (!superAdmin) throw new Error('The Super Admin role is missing');
  await users.create({ email, firstname: 'Demo', lastname: 'Editor', password, isActive: true, roles: [superAdmin.id] });
  return { email, password };
}
