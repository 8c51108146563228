/**
 * Compiles the TypeScript app once per run into its own folder (not dist/, which a running
 * `npm run develop` owns and rewrites), so that each integration test file can boot it with
 * createStrapi in a few seconds. The plugin's server is compiled by the `pretest` script.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { APP_DIR, TEST_DIST_DIR } = require('./paths');

module.exports = async () => {
  // Names this run's PostgreSQL databases, so tests/setup/drop-test-databases.js can find them all.
  process.env.NEWSGRAPH_TEST_RUN = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  fs.rmSync(TEST_DIST_DIR, { recursive: true, force: true });
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(APP_DIR, 'tsconfig.json'), '--outDir', TEST_DIST_DIR, '--incremental', 'false'], {
    cwd: APP_DIR,
    stdio: 'inherit',
  });
};
