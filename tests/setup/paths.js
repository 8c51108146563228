const path = require('path');

const APP_DIR = path.join(__dirname, '..', '..');

module.exports = {
  APP_DIR,
  /** Where the integration tests compile and boot the app. */
  TEST_DIST_DIR: path.join(APP_DIR, '.tmp', 'test-dist'),
};
