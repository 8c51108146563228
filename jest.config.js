/**
 * Two tiers: fast unit tests beside the pure core (src/**\/*.test.ts) and integration tests that
 * boot the real app on a real database (tests/integration). ts-jest only transpiles here; the
 * type check is `npm run typecheck`, which covers the tests too.
 */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }] };

module.exports = {
  // Booting Strapi and creating a PostgreSQL schema takes seconds, not milliseconds.
  testTimeout: 120_000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/src/**/*.test.ts'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/setup/compile-app.js',
      globalTeardown: '<rootDir>/tests/setup/drop-test-databases.js',
      setupFiles: ['<rootDir>/tests/setup/environment.js'],
      slowTestThreshold: 30,
    },
  ],
};
