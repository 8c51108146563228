import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';

type Env = {
  (key: string, fallback?: string): string;
  int(key: string, fallback?: number): number;
  bool(key: string, fallback?: boolean): boolean;
};

export default ({ env }: { env: Env }) => {
  // NEWSGRAPH_ENABLED=false boots stock Strapi on the same content types: `npm run bench:save`
  // measures a save without the plugin as its baseline.
  const newsgraphEnabled = env.bool('NEWSGRAPH_ENABLED', true);
  return {
    'users-permissions': {
      config: { jwtSecret: env('JWT_SECRET') },
    },
    graphql: {
      // Strapi's generated schema cannot name the verdict `false` without the plugin (see
      // graphql/reserved-enum-values.ts): GraphQL goes with it.
      enabled: newsgraphEnabled,
      config: {
        endpoint: '/graphql',
        shadowCRUD: true,
        // Bounded by default: a public endpoint must not let one query walk the whole graph.
        depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 10),
        amountLimit: env.int('GRAPHQL_AMOUNT_LIMIT', 100),
        maxLimit: env.int('GRAPHQL_AMOUNT_LIMIT', 100),
        defaultLimit: 25,
        // Apollo's landing pages (even its "production" one) load their UI from Apollo's CDN, which
        // newsroom machines may not reach. Off everywhere; GRAPHQL_LANDING_PAGE=true turns the sandbox
        // on outside production for a developer who can reach it. Any GraphQL client works meanwhile.
        landingPage: () =>
          env('NODE_ENV', 'development') !== 'production' && env.bool('GRAPHQL_LANDING_PAGE', false) ? true : ApolloServerPluginLandingPageDisabled(),
        // Apollo stops itself on SIGTERM by default, while the HTTP server is still answering the
        // requests in flight (src/server/http-drain.ts): those failed with "received during server
        // shutdown". Strapi's shutdown stops Apollo itself, after the drain.
        apolloServer: { introspection: true, stopOnTerminationSignals: false },
      },
    },
    newsgraph: {
      enabled: newsgraphEnabled,
      resolve: './src/plugins/newsgraph',
      config: {
        // The author and publisher of the ClaimReview JSON-LD (GET /api/newsgraph/claim-reviews[/:id]),
        // and the public page of each fact check: {slug}, {storyDocumentId} and {documentId} (the
        // statement's) are filled in, e.g. https://news.example/{slug}#claim-{documentId}. Unset: the
        // newsroom URL + /stories/{slug}#claim-{documentId}.
        claimReview: {
          name: env('NEWSGRAPH_NEWSROOM_NAME', 'Newsgraph newsroom'),
          url: env('NEWSGRAPH_NEWSROOM_URL', '') || null,
          urlPattern: env('NEWSGRAPH_CLAIM_REVIEW_URL_PATTERN', '') || null,
        },
      },
    },
  };
};
