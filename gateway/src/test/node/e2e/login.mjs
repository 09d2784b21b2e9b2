// Browser check of the portal login, run by the gateway's JUnit tests:
//   portal (BASE_URL) -> "Inloggen" -> Keycloak's own login page -> back on the portal,
//   greeted by name. With ACTION=logout-after it then logs out and expects "Inloggen" again.
//
// Uses Debian's chromium through playwright-core (no browser download). Env:
//   BASE_URL, LOGIN_USER, LOGIN_PASSWORD, EXPECT_TEXT   required
//   SCREENSHOT  optional PNG path (taken at the end, also on failure)
//   LOCALE      optional, default nl-NL
//   EXPECT_PAGE_TEXT optional text that must also be on the page after login (e.g. "eerder ingelogd")
//   ACTION      optional: login (default) | logout-after
//   CHROMIUM    optional browser path, default /usr/bin/chromium
//   TIMEOUT_MS  optional overall limit, default 90000
// Prints exactly one JSON line on stdout ({"ok":true,...} or {"ok":false,...}) and exits 0/1.
// The password is never printed.

import { chromium } from 'playwright-core';

const env = process.env;
const started = Date.now();
const STEP_TIMEOUT_MS = 30_000; // one page step; Keycloak's first page can be slow on a cold JVM
const LOGIN_NAME = /^\s*(Inloggen|Log in)\s*$/; // the page may be in Dutch or English
const LOGOUT_NAME = /^\s*(Uitloggen|Log out)\s*$/;
// Where Keycloak 26's login themes (keycloak.v2 and the older keycloak) put error messages.
const KEYCLOAK_ERRORS = '#input-error, #input-error-username, #input-error-password, .kc-feedback-text, .pf-v5-c-alert__title, .alert-error';

let browser;
let page;
let step = 'start';
const consoleErrors = []; // e.g. CSP violations; reported so the Java test can assert on them

try {
  const config = readConfig();
  await withTimeout(run(config), config.timeoutMs);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  await report(false, { error: redact(stripAnsi(message)).trim() });
  process.exitCode = 1;
} finally {
  await closeBrowser();
}

async function run(config) {
  step = 'launch chromium';
  browser = await chromium.launch({
    executablePath: config.chromium,
    headless: true,
    args: [
      '--no-sandbox', // runs as root in CI containers
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({
    ignoreHTTPSErrors: true, // the gateway uses a dev CA the browser does not know
    viewport: { width: 360, height: 740 }, // a cheap phone: the portal's main audience
    locale: config.locale,
  });
  page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.on('console', (msg) => {
    const text = msg.text();
    if (msg.type() !== 'error' || !page.url().startsWith(config.origin)) return; // portal only
    // The portal's GET /bff/me answers 401 before login by design; Chromium logs that as an error.
    if (/status of 401\b/.test(text)) return;
    if (consoleErrors.length < 20) consoleErrors.push(text.slice(0, 300));
  });

  step = `open ${config.baseUrl}`;
  await page.goto(config.baseUrl, { waitUntil: 'load' });

  step = 'click "Inloggen" on the portal';
  await page.getByRole('link', { name: LOGIN_NAME }).click();

  step = 'reach the Keycloak login form';
  await page.waitForURL((url) => url.origin !== config.origin);
  if (page.url().startsWith('chrome-error:')) {
    throw new Error('the login redirect led to a page the browser could not load (is Keycloak running?)');
  }
  await page.locator('#username').waitFor({ state: 'visible' });

  step = 'fill in and submit the Keycloak login form';
  await page.locator('#username').fill(config.user);
  await page.locator('#password').fill(config.password);
  await page.locator('#kc-login').click();

  step = 'return to the portal after login';
  // Either we are sent back to the portal, or Keycloak shows an error (wrong password, ...):
  // stop at once in the second case instead of waiting for the step timeout.
  const outcome = await Promise.race([
    page.waitForURL((url) => url.origin === config.origin).then(() => 'portal'),
    page.locator(KEYCLOAK_ERRORS).first().waitFor({ state: 'visible' }).then(() => 'keycloak-error'),
  ]);
  if (outcome !== 'portal') {
    throw new Error(`Keycloak says: ${(await keycloakMessage()) || '(an error)'}`);
  }

  step = `see a greeting containing "${config.expectText}"`;
  const heading = page.locator('h1', { hasText: config.expectText });
  await heading.waitFor({ state: 'visible' });
  const headingText = (await heading.textContent()).trim();
  if (!headingText.includes(config.expectText)) {
    throw new Error(`heading is "${headingText}"`); // hasText ignores case; we do not
  }
  const result = { heading: headingText, url: page.url() };

  if (config.expectPageText) {
    step = `see "${config.expectPageText}" on the page`;
    await page.getByText(config.expectPageText, { exact: false }).first().waitFor({ state: 'visible' });
    result.pageText = config.expectPageText;
  }

  if (config.action === 'logout-after') {
    step = 'click "Uitloggen"';
    await page.getByRole('button', { name: LOGOUT_NAME }).click();

    step = 'come back to the portal after logout';
    // Keycloak asks for confirmation when the logout request carries no id_token_hint.
    const confirm = page.locator('#kc-logout');
    const back = page.getByRole('link', { name: LOGIN_NAME });
    await confirm.or(back).first().waitFor({ state: 'visible' });
    if (await confirm.isVisible()) {
      await confirm.click();
    }
    await page.waitForURL((url) => url.origin === config.origin);
    await back.waitFor({ state: 'visible' });
    result.loggedOut = true;
    result.url = page.url();
  }

  await screenshot(config.screenshot);
  step = 'done';
  await report(true, result);
}

function readConfig() {
  const missing = ['BASE_URL', 'LOGIN_USER', 'LOGIN_PASSWORD', 'EXPECT_TEXT'].filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new Error(`missing environment variable(s): ${missing.join(', ')}`);
  }
  const action = env.ACTION || 'login';
  if (action !== 'login' && action !== 'logout-after') {
    throw new Error(`unknown ACTION "${action}" (use login or logout-after)`);
  }
  const baseUrl = new URL(env.BASE_URL).href;
  return {
    baseUrl,
    origin: new URL(baseUrl).origin,
    user: env.LOGIN_USER,
    password: env.LOGIN_PASSWORD,
    expectText: env.EXPECT_TEXT,
    expectPageText: env.EXPECT_PAGE_TEXT || null,
    screenshot: env.SCREENSHOT || null,
    locale: env.LOCALE || 'nl-NL',
    action,
    chromium: env.CHROMIUM || '/usr/bin/chromium',
    timeoutMs: Number(env.TIMEOUT_MS) > 0 ? Number(env.TIMEOUT_MS) : 90_000,
  };
}

/** The visible error text on Keycloak's login page, if any. */
async function keycloakMessage() {
  try {
    const texts = await page.locator(KEYCLOAK_ERRORS).allTextContents();
    return texts.map((t) => t.trim()).filter(Boolean).join(' | ').slice(0, 300);
  } catch {
    return '';
  }
}

async function report(ok, fields) {
  let url = null;
  let title = null;
  let heading = null;
  if (page && !page.isClosed()) {
    url = page.url();
    title = await page.title().catch(() => null);
    if (!ok) {
      // What the page showed instead: helps to tell "wrong name" from "never logged in".
      heading = await page.locator('h1').first().textContent({ timeout: 1000 }).catch(() => null);
      await screenshot(env.SCREENSHOT);
    }
  }
  const line = ok
    ? { ok, action: env.ACTION || 'login', ...fields, consoleErrors, ms: Date.now() - started }
    : { ok, step, ...fields, url, title, heading: heading?.trim() ?? null, consoleErrors, ms: Date.now() - started };
  console.log(JSON.stringify(line));
  if (!ok) {
    console.error(`login.mjs FAILED at step "${step}": ${fields.error}\n  url:   ${url}\n  title: ${title}\n  h1:    ${line.heading}`);
  }
}

async function screenshot(path) {
  if (!path || !page || page.isClosed()) return;
  await page.screenshot({ path, fullPage: true }).catch((error) => {
    console.error(`login.mjs: screenshot to ${path} failed: ${error.message}`);
  });
}

function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`overall timeout of ${ms} ms exceeded`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function closeBrowser() {
  // A wedged browser (or one whose launch finished after the overall timeout) must not keep
  // the JUnit test waiting: 10 s from here the process leaves anyway. unref(): a clean run
  // exits at once without waiting for this timer.
  setTimeout(() => process.exit(process.exitCode ?? 1), 10_000).unref();
  await browser?.close().catch(() => {});
}

function stripAnsi(text) {
  return text.replace(/\u001b\[[0-9;]*m/g, ''); // Playwright colours its call logs
}

/** Playwright messages can echo locator arguments; make sure the password never shows. */
function redact(text) {
  const secret = env.LOGIN_PASSWORD;
  return secret ? text.split(secret).join('***') : text;
}
