import type { Core } from '@strapi/strapi';
import { ACTOR_UID, STATEMENT_UID, STORY_UID } from '../constants';

/** docs/domain.md: the seeded admin role. */
export const FACT_CHECKER_ROLE = { code: 'newsgraph-fact-checker', name: 'Fact-checker' } as const;

interface RoleService {
  findOne(where: Record<string, unknown>): Promise<{ id: number } | null>;
  create(attributes: Record<string, unknown>): Promise<{ id: number }>;
  assignPermissions(roleId: number, permissions: Array<Record<string, unknown>>): Promise<unknown>;
}

/**
 * What a fact-checker may do: read stories, statements and actors; change only a statement's
 * verification and evidence; read and review flags. No publish, no delete, no other field.
 */
export const FACT_CHECKER_PERMISSIONS = [
  ...[STORY_UID, STATEMENT_UID, ACTOR_UID].map((subject) => ({ action: 'plugin::content-manager.explorer.read', subject, properties: {}, conditions: [] })),
  { action: 'plugin::content-manager.explorer.update', subject: STATEMENT_UID, properties: { fields: ['verification', 'evidence'] }, conditions: [] },
  { action: 'plugin::newsgraph.flags.read', subject: null, properties: {}, conditions: [] },
  { action: 'plugin::newsgraph.flags.review', subject: null, properties: {}, conditions: [] },
];

/**
 * Creates the Fact-checker role once, with its permissions. An existing role is left as the
 * newsroom's admins have shaped it: they may widen or narrow it in Settings.
 */
export const factCheckerRoleService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async ensureFactCheckerRole(): Promise<boolean> {
    const roles = strapi.service('admin::role') as unknown as RoleService;
    if (await roles.findOne({ code: FACT_CHECKER_ROLE.code })) return false;
    const role = await roles.create({ ...FACT_CHECKER_ROLE, description: 'Works through Newsgraph flags: reads stories, statements and actors, records verdicts and evidence.' });
    await roles.assignPermissions(role.id, FACT_CHECKER_PERMISSIONS);
    return true;
  },
});
