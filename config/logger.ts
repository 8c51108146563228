type Env = (key: string, fallback?: string) => string;

// STRAPI_LOG_LEVEL=warn keeps test and script output readable; the default shows each request.
export default ({ env }: { env: Env }) => ({
  level: env('STRAPI_LOG_LEVEL', 'http'),
});
