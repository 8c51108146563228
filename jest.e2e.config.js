/**
 * The browser suite (`npm run test:e2e`): the built app started once for the whole run
 * (tests/e2e/server.js), driven by Debian's chromium through playwright-core.
 */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }] },
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  globalSetup: '<rootDir>/tests/e2e/global-setup.js',
  globalTeardown: '<rootDir>/tests/e2e/global-teardown.js',
  testTimeout: 120_000,
  maxWorkers: 1,
};
