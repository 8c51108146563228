import fs from 'fs';
import os from 'os';
import path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readState } = require('./server') as { readState(): E2eState };

export interface E2eUser {
  email: string;
  firstname: string;
  lastname: string;
  role?: string;
}

export interface E2eState {
  url: string;
  /** The running app's SQLite file. */
  database: string;
  password: string;
  users: Record<'chief' | 'checker' | 'otherChecker' | 'editor', E2eUser>;
}

export const state = (): E2eState => readState();

type Row = { run(...parameters: unknown[]): { changes: number } };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SqliteDatabase = require('better-sqlite3') as new (file: string) => { prepare(sql: string): Row; close(): void };

/**
 * Writes to the running app's database behind its back, past every write-path check: for what the
 * server would never store (raw markup in a plain-text field), as a row from an older release, a
 * migration or a direct import could hold it. The admin must still show it as text.
 */
export function writeBehindTheServer(sql: string, ...parameters: unknown[]): number {
  const database = new SqliteDatabase(state().database);
  try {
    return database.prepare(sql).run(...parameters).changes;
  } finally {
    database.close();
  }
}

/** What a payload that ran sets on the page: `window.__newsgraphXss`, a list of payload numbers. */
export const XSS_MARK = '__newsgraphXss';
export const executableMarkup = (index: number) => `<img src=x onerror="window.${XSS_MARK}=(window.${XSS_MARK}||[]).concat(${index})">`;
export const ranPayloads = (page: Page) => page.evaluate((mark) => (window as unknown as Record<string, unknown>)[mark] ?? null, XSS_MARK);

export const SCREENSHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');

/**
 * Debian's chromium, never a downloaded browser: headless, without the sandbox (CI runs as root),
 * and without the background traffic a browser makes on its own (updates, safe browsing).
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
const sessions = new Map<string, StorageState>();

/**
 * A fresh browser context logged in to the admin as `who`. The first time, through the login form;
 * after that, with the session that login left (cookies and storage), as a returning user would:
 * Strapi limits login attempts per address and email. `prepare` runs on the context before its
 * first page opens (to watch or route its requests from the very first one).
 */
export async function loggedIn(
  browser: Browser,
  who: keyof E2eState['users'],
  prepare?: (context: BrowserContext) => Promise<void>
): Promise<{ context: BrowserContext; page: Page; dialogs: string[] }> {
  const { url, password, users } = state();
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 }, locale: 'en-US', storageState: sessions.get(who) });
  await prepare?.(context);
  const page = await context.newPage();
  const dialogs: string[] = [];
  // Any alert(), confirm() or prompt() would mean a payload ran: record it and dismiss it.
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto(`${url}/admin`);
  if (!sessions.has(who)) {
    await page.getByLabel('Email').fill(users[who].email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Login' }).click();
  }
  await page.waitForURL((address) => !address.pathname.includes('/auth/'), { timeout: 60_000 });
  await page.getByRole('navigation').first().waitFor();
  sessions.set(who, await context.storageState());
  return { context, page, dialogs };
}

const tokens = new Map<string, string>();

/**
 * The admin API as `who`, outside the browser: for setting up data and checking answers. Each user
 * logs in once per run: Strapi limits login attempts per address and email.
 */
export async function adminApi(who: keyof E2eState['users']) {
  const { url, password, users } = state();
  if (!tokens.has(who)) {
    const login = await fetch(`${url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: users[who].email, password }) });
    const answer = (await login.json()) as { data?: { token: string }; error?: { message: string } };
    if (!answer.data) throw new Error(`admin login of ${who} refused: ${answer.error?.message ?? login.status}`);
    tokens.set(who, answer.data.token);
  }
  const token = tokens.get(who)!;
  return async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${url}${route}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json().catch(() => null)) as any };
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

export const tmp = os.tmpdir();
