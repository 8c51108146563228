/**
 * Environment of every integration test file: throw-away secrets, no telemetry, quiet logs.
 * The database is chosen per file by tests/helpers/test-app.ts.
 */
const crypto = require('crypto');

const secret = () => crypto.randomBytes(24).toString('base64');
process.env.APP_KEYS = [secret(), secret()].join(',');
process.env.API_TOKEN_SALT = secret();
process.env.ADMIN_JWT_SECRET = secret();
process.env.TRANSFER_TOKEN_SALT = secret();
process.env.JWT_SECRET = secret();
process.env.ENCRYPTION_KEY = secret();
process.env.STRAPI_TELEMETRY_DISABLED = 'true';
process.env.STRAPI_LOG_LEVEL = process.env.STRAPI_LOG_LEVEL || 'warn';
process.env.DATABASE_CLIENT = process.env.DATABASE_CLIENT || 'sqlite';
// Tests never read the developer's .env: each run is hermetic, as on a fresh clone in CI.
process.env.ENV_PATH = require('path').join(__dirname, 'no-such-env-file');
