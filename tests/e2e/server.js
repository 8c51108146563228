'use strict';

/**
 * The browser suite's app: the real build (`strapi build`, admin included) started with
 * `strapi start` on a throw-away SQLite database, in development mode so that it loads the demo
 * newsroom, with a super admin, a fact-checker, a second fact-checker and an editor created through
 * the admin API as a newsroom would. Jest's globalSetup starts it and globalTeardown stops it.
 */
const { spawn, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const APP_DIR = path.join(__dirname, '..', '..');
const STATE_FILE = path.join(os.tmpdir(), 'newsgraph-e2e-state.json');
const PASSWORD = 'Desk-Passw0rd!';

const USERS = {
  chief: { email: 'chief@newsgraph.test', firstname: 'Chief', lastname: 'Editor' },
  checker: { email: 'checker@newsgraph.test', firstname: 'Cora', lastname: 'Checker', role: 'newsgraph-fact-checker' },
  otherChecker: { email: 'checker2@newsgraph.test', firstname: 'Otto', lastname: 'Checker', role: 'newsgraph-fact-checker' },
  editor: { email: 'editor@newsgraph.test', firstname: 'Edda', lastname: 'Editor', role: 'strapi-editor' },
};

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function waitForHealth(url, child, log) {
  const started = Date.now();
  while (Date.now() - started < 180_000) {
    if (child.exitCode !== null) throw new Error(`strapi start exited with ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${url}/_health`);
      if (response.status === 204 || response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the app did not answer within 3 minutes:\n${log()}`);
}

async function api(url, method, route, body, token) {
  const response = await fetch(`${url}${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

/** Creates an admin user with a role and activates it through its registration link, as an invitation does. */
async function inviteAdmin(url, token, user, roles) {
  const role = roles.find((candidate) => candidate.code === user.role);
  if (!role) throw new Error(`no admin role ${user.role}`);
  const created = await api(url, 'POST', '/admin/users', { email: user.email, firstname: user.firstname, lastname: user.lastname, roles: [role.id] }, token);
  await api(url, 'POST', '/admin/register', { registrationToken: created.data.registrationToken, userInfo: { firstname: user.firstname, lastname: user.lastname, password: PASSWORD } });
}

async function start() {
  // Logins kept by an earlier run belong to a server that is gone.
  for (const name of ['sessions', 'tokens']) fs.rmSync(path.join(os.tmpdir(), `newsgraph-e2e-${name}.json`), { force: true });
  if (process.env.NEWSGRAPH_E2E_SKIP_BUILD !== 'true') {
    const build = spawnSync('npx', ['strapi', 'build'], { cwd: APP_DIR, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'development', STRAPI_TELEMETRY_DISABLED: 'true' } });
    if (build.status !== 0) throw new Error('strapi build failed');
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const database = path.join(os.tmpdir(), `newsgraph-e2e-${process.pid}.db`);
  const secret = () => crypto.randomBytes(24).toString('base64');
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: database,
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    STRAPI_TELEMETRY_DISABLED: 'true',
    NEWSGRAPH_DEV_ADMIN_EMAIL: USERS.chief.email,
    NEWSGRAPH_DEV_ADMIN_PASSWORD: PASSWORD,
    // Never the developer's .env: the suite is hermetic, as on a fresh clone in CI.
    ENV_PATH: path.join(os.tmpdir(), 'newsgraph-e2e-no-env'),
  };
  let output = '';
  const child = spawn(path.join(APP_DIR, 'node_modules', '.bin', 'strapi'), ['start'], { cwd: APP_DIR, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  await waitForHealth(url, child, () => output);

  const chief = await api(url, 'POST', '/admin/login', { email: USERS.chief.email, password: PASSWORD });
  const roles = (await api(url, 'GET', '/admin/roles', undefined, chief.data.token)).data;
  for (const key of ['checker', 'otherChecker', 'editor']) await inviteAdmin(url, chief.data.token, USERS[key], roles);

  fs.writeFileSync(STATE_FILE, JSON.stringify({ url, pid: child.pid, database, password: PASSWORD, users: USERS }));
  child.unref();
  return { url };
}

function stop() {
  if (!fs.existsSync(STATE_FILE)) return;
  const { pid, database } = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
  try {
    process.kill(-pid, 'SIGTERM'); // the whole process group: strapi and anything it started
  } catch {
    // already gone
  }
  for (const file of [database, `${database}-wal`, `${database}-shm`]) fs.rmSync(file, { force: true });
  fs.rmSync(STATE_FILE, { force: true });
  // The logins tests/e2e/browser.ts kept for the run.
  for (const name of ['sessions', 'tokens']) fs.rmSync(path.join(os.tmpdir(), `newsgraph-e2e-${name}.json`), { force: true });
}

/** What the tests need: the app's address and the people who use it. */
function readState() {
  return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
}

module.exports = { start, stop, readState };
