type Env = {
  (key: string, fallback?: string): string;
  int(key: string, fallback?: number): number;
};

export default ({ env }: { env: Env }) => ({
  'users-permissions': {
    config: { jwtSecret: env('JWT_SECRET') },
  },
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      // Bounded by default: a public endpoint must not let one query walk the whole graph.
      depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 10),
      amountLimit: env.int('GRAPHQL_AMOUNT_LIMIT', 100),
      maxLimit: env.int('GRAPHQL_AMOUNT_LIMIT', 100),
      defaultLimit: 25,
      landingPage: env('NODE_ENV', 'development') !== 'production',
      apolloServer: { introspection: true },
    },
  },
  newsgraph: {
    enabled: true,
    resolve: './src/plugins/newsgraph',
  },
});
