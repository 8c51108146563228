import type { TestApp } from './test-app';

/**
 * Creates an admin user with a role (by role code) and logs it in through the admin API, as a
 * person would: returns the access token the admin panel would hold.
 */
export async function loggedInAdmin(app: TestApp, email: string, roleCode: string): Promise<string> {
  const role = (await app.strapi.db.query('admin::role').findOne({ where: { code: roleCode } })) as { id: number };
  const password = 'Review-Passw0rd';
  await (app.strapi.service('admin::user') as unknown as { create(data: Record<string, unknown>): Promise<unknown> }).create({
    email, firstname: email.split('@')[0], lastname: 'Tester', password, roles: [role.id], isActive: true, registrationToken: null,
  });
  const login = await app.http().post('/admin/login').send({ email, password });
  if (login.status !== 200) throw new Error(`admin login for ${email} answered ${login.status}`);
  return login.body.data.token;
}
