// Browser smoke test: register -> logged in -> logout -> login -> logout -> wrong password.
// Run from tests/e2e with `npm test` (needs build/nico or $NICO_BIN, and /usr/bin/chromium).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { launchBrowser } from './lib/browser.mjs';
import { REPO_ROOT, startServer } from './lib/server.mjs';
import { SCREENSHOT_DIR } from './lib/screenshots.mjs';

const FAILURE_DIR = path.join(REPO_ROOT, 'tests', 'e2e', 'test-results');

const user = {
  name: 'Ana',
  last_name: 'Prueba',
  phone: '341 555-0000',
  email: `e2e-${Date.now()}-${randomBytes(3).toString('hex')}@example.com`,
  password: 'Nico-e2e-Passw0rd!',
};

let server;
let browser;
let context;
let page;
const pageErrors = [];
const serverErrors = [];

async function screenshot(name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage: true });
}

/** Runs one step; on failure adds the page URL, visible alerts and the server's log tail, and saves a screenshot. */
async function step(name, fn) {
  try {
    await fn();
  } catch (err) {
    let details = '';
    if (page && !page.isClosed()) {
      details += `\n  page URL: ${page.url()}`;
      const alerts = await page
        .locator('.alert, .invalid-feedback, [role="alert"]')
        .allInnerTexts()
        .catch(() => []);
      if (alerts.length) details += `\n  alerts on page: ${JSON.stringify(alerts)}`;
      try {
        mkdirSync(FAILURE_DIR, { recursive: true });
        const file = path.join(FAILURE_DIR, `${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
        await page.screenshot({ path: file, fullPage: true });
        details += `\n  screenshot: ${file}`;
      } catch {
        /* ignore */
      }
    }
    if (server) {
      details += `\n  server output (tail):\n${server.logs().split('\n').slice(-30).join('\n')}`;
      try {
        const appLog = readFileSync(server.env.APP_LOG_PATH, 'utf8');
        details += `\n  ${server.env.APP_LOG_PATH} (tail):\n${appLog.split('\n').slice(-30).join('\n')}`;
      } catch {
        /* no log file */
      }
    }
    throw new Error(`step "${name}" failed: ${err.message}${details}`, { cause: err });
  }
}

async function expectPath(expected, timeout = 10_000) {
  await page
    .waitForURL((u) => new URL(u).pathname === expected, { timeout, waitUntil: 'load' })
    .catch(() => {
      throw new Error(`expected to land on path ${expected}, but the page is at ${new URL(page.url()).pathname}`);
    });
}

async function expectVisibleText(text, selector) {
  const loc = selector ? page.locator(selector, { hasText: text }) : page.getByText(text, { exact: false });
  await loc.first().waitFor({ state: 'visible' });
}

async function logout() {
  const menuButton = page.locator('[data-menu="accountMenu"]').first();
  const menuItem = page.locator('#accountMenu').getByText('Cerrar sesión', { exact: false }).first();
  let viaMenu = false;
  if (await menuButton.isVisible()) {
    await menuButton.click();
    viaMenu = await menuItem.waitFor({ state: 'visible', timeout: 3000 }).then(
      () => true,
      () => false,
    );
  }
  if (viaMenu) {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), menuItem.click()]);
  } else {
    // No visible account menu (or it did not open): submit the first logout form like its button would.
    const form = page.locator('form[action$="/logout"]').first();
    await form.waitFor({ state: 'attached' });
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), form.evaluate((f) => f.requestSubmit())]);
  }
  await expectVisibleText('Sesión cerrada.');
  // The layout may render several "Ingresar" links (one per breakpoint); one of them must be visible.
  await page.getByRole('link', { name: 'Ingresar' }).filter({ visible: true }).first().waitFor({ state: 'visible' });
  assert.equal(await page.locator('form[action$="/logout"]').count(), 0, 'a logout form is still present after logout');
}

function loginForm() {
  return page.locator('form:has(input[name="email"]):has(input[name="password"])').first();
}

async function submitLogin(email, password, screenshotName) {
  const res = await page.goto(`${server.url}/login`);
  assert.equal(res.status(), 200, 'GET /login');
  if (screenshotName) await screenshot(screenshotName);
  const form = loginForm();
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    form.getByRole('button', { name: 'Ingresar' }).click(),
  ]);
}

describe('auth (browser)', { timeout: 180_000 }, () => {
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'es-AR', viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(10_000);
    context.setDefaultNavigationTimeout(15_000);
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
    page.on('response', (res) => {
      if (res.status() >= 500) serverErrors.push(`${res.status()} ${res.request().method()} ${res.url()}`);
    });
  });

  after(async () => {
    await context?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.stop();
  });

  it('registers a new account and lands logged in', async () => {
    await step('register', async () => {
      const res = await page.goto(`${server.url}/registro`);
      assert.equal(res.status(), 200, 'GET /registro');
      await screenshot('register.png');
      const form = page.locator('form:has(input[name="password_confirmation"])').first();
      await form.locator('input[name="name"]').fill(user.name);
      await form.locator('input[name="last_name"]').fill(user.last_name);
      await form.locator('input[name="phone"]').fill(user.phone);
      await form.locator('input[name="email"]').fill(user.email);
      await form.locator('input[name="password"]').fill(user.password);
      await form.locator('input[name="password_confirmation"]').fill(user.password);
      await form.getByRole('button', { name: 'Crear cuenta' }).click();
      await expectPath('/');
      await expectVisibleText('Cuenta creada correctamente.', '.alert-success');
      await page.locator('form[action$="/logout"]').first().waitFor({ state: 'attached' });
    });
  });

  it('logs out through the account menu', async () => {
    await step('logout', logout);
  });

  it('logs in again with the new account', async () => {
    await step('login', async () => {
      await submitLogin(user.email, user.password, 'login.png');
      await expectVisibleText('Sesión iniciada correctamente.');
      await page.locator('form[action$="/logout"]').first().waitFor({ state: 'attached' });
      await screenshot('home-logged-in.png');
    });
  });

  it('rejects a wrong password', async () => {
    await step('wrong-password', async () => {
      await logout();
      await submitLogin(user.email, `${user.password}-wrong`);
      await expectVisibleText('Las credenciales no coinciden con nuestros registros.');
      assert.equal(await page.locator('form[action$="/logout"]').count(), 0, 'logged in despite a wrong password');
      // The password is never echoed back into the form.
      assert.equal(await loginForm().locator('input[name="password"]').inputValue(), '');
    });
  });

  it('saw no uncaught page errors and no 5xx responses', () => {
    assert.deepEqual(pageErrors, [], 'uncaught JavaScript errors in the page');
    assert.deepEqual(serverErrors, [], 'server answered with 5xx');
  });
});
