import path from 'path';

type Env = {
  (key: string, fallback?: string): string;
  int(key: string, fallback?: number): number;
  bool(key: string, fallback?: boolean): boolean;
};

/**
 * SQLite is the embedded default so that `npm run develop` and `npm test` need nothing else;
 * PostgreSQL is the production path, configured by DATABASE_URL or by host/port/name variables.
 */
export default ({ env }: { env: Env }) => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  if (client === 'postgres') {
    const connectionString = env('DATABASE_URL', '');
    return {
      connection: {
        client: 'postgres',
        connection: connectionString
          ? { connectionString, ssl: env.bool('DATABASE_SSL', false) ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) } : false }
          : {
              host: env('DATABASE_HOST', '127.0.0.1'),
              port: env.int('DATABASE_PORT', 5432),
              database: env('DATABASE_NAME', 'newsgraph'),
              user: env('DATABASE_USERNAME', 'postgres'),
              password: env('DATABASE_PASSWORD', ''),
              ssl: env.bool('DATABASE_SSL', false) ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) } : false,
              schema: env('DATABASE_SCHEMA', 'public'),
            },
        pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
      },
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
    };
  }

  if (client !== 'sqlite') {
    throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres", got "${client}"`);
  }

  const filename = env('DATABASE_FILENAME', path.join('.tmp', 'data.db'));
  return {
    connection: {
      client: 'sqlite',
      connection: {
        // ':memory:' must not be joined to a folder, or SQLite would create a file of that name.
        filename: filename === ':memory:' ? filename : path.resolve(process.cwd(), filename),
      },
      useNullAsDefault: true,
    },
  };
};
