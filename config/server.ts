import { assertProductionSecrets } from '../src/config/required-secrets';

type Env = {
  (key: string, fallback?: string): string;
  int(key: string, fallback?: number): number;
  array(key: string, fallback?: string[]): string[];
};

export default ({ env }: { env: Env }) => {
  assertProductionSecrets(process.env);
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    app: { keys: env.array('APP_KEYS') },
    // Update checks call out to the npm registry at every start; Newsgraph's machines may not.
    logger: { updates: { enabled: false }, startup: { enabled: true } },
  };
};
