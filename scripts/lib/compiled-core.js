'use strict';
/**
 * The command-line tools that need only the pure core (claims:score, claims:match,
 * statements:extract) load its compiled module without booting Strapi. On a fresh clone the plugin
 * has not been built yet: build it once, quietly, because these tools' stdout is for their results
 * only, and the build's own messages would corrupt it.
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.join(__dirname, '..', '..');
const CORE = path.join(ROOT, 'src', 'plugins', 'newsgraph', 'dist', 'server', 'core');

/** `requireCompiledCore('claims/claim-scorer')` -> the compiled module's exports. */
function requireCompiledCore(modulePath) {
  const file = path.join(CORE, `${modulePath}.js`);
  if (!fs.existsSync(file)) {
    const built = spawnSync('npm', ['run', '-s', 'build:plugin'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  return require(file);
}

module.exports = { requireCompiledCore };
