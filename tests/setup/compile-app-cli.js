// Compiles the app into the tests' folder from the command line (used by `npm run bench:link`).
require('./compile-app')().catch((error) => {
  console.error(error);
  process.exit(1);
});
