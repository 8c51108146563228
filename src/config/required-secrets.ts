/**
 * The secrets Strapi and its plugins need. Development generates them into `.env`
 * (scripts/ensure-env.js); production must be given them and refuses to start without.
 */
export const REQUIRED_SECRETS = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
] as const;

export type SecretName = (typeof REQUIRED_SECRETS)[number];

/** Names of the required secrets that are unset or blank in `environment`. */
export function findMissingSecrets(environment: NodeJS.ProcessEnv): SecretName[] {
  return REQUIRED_SECRETS.filter((name) => !environment[name] || environment[name]!.trim() === '');
}

/**
 * Stops start-up in production when a secret is missing, naming every missing one at once, so that
 * an operator fixes the deployment in one go instead of discovering the secrets one crash at a time.
 *
 * @throws Error when NODE_ENV is production and a secret is missing
 */
export function assertProductionSecrets(environment: NodeJS.ProcessEnv): void {
  if (environment.NODE_ENV !== 'production') return;
  const missing = findMissingSecrets(environment);
  if (missing.length > 0) {
    throw new Error(
      `Newsgraph cannot start in production: missing secret(s) ${missing.join(', ')}. ` +
        'Set them in the environment (see README, "Running in production").'
    );
  }
}
