// Browser test of the customer's side of a repair: the signed quote link (approve), the public lookup finding
// it "En reparación", the signed status link, /mis-reparaciones, and the admin's WhatsApp templates page. The repair is inserted with sqlite3 (the admin intake has its own
// browser test); links are signed here exactly as the server does (HMAC-SHA256 of path + expiry under APP_KEY).
// Run from tests/e2e with `npm test` (needs build/nico or $NICO_BIN, /usr/bin/chromium and /usr/bin/sqlite3).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { launchBrowser } from './lib/browser.mjs';
import { NICO_BIN, REPO_ROOT, startServer } from './lib/server.mjs';
import { SCREENSHOT_DIR } from './lib/screenshots.mjs';

let server;
let browser;
let context;
let page;
let repairId;
const pageErrors = [];
const serverErrors = [];

async function screenshot(name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage: true });
}

function sql(statement) {
  return execFileSync('sqlite3', [server.env.DB_DATABASE, statement], { encoding: 'utf8' }).trim();
}

/** The server's signed URL format (src/core/signed_link.cpp): path?expires=…&signature=hex(HMAC-SHA256). */
function signed(pathname, expiresUnix) {
  const key = Buffer.from(server.env.APP_KEY.replace(/^base64:/, ''), 'base64');
  const unsigned = `${pathname}?expires=${expiresUnix}`;
  const signature = createHmac('sha256', key).update(unsigned).digest('hex');
  return `${server.url}${unsigned}&signature=${signature}`;
}

async function expectVisibleText(text) {
  await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible' });
}

describe('repair, customer side (browser)', { timeout: 180_000 }, () => {
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'es-AR', viewport: { width: 390, height: 844 } });
    context.setDefaultTimeout(10_000);
    context.setDefaultNavigationTimeout(15_000);
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
    page.on('response', (res) => {
      if (res.status() >= 500) serverErrors.push(`${res.status()} ${res.request().method()} ${res.url()}`);
    });
    sql(
      "INSERT INTO repairs (code, customer_name, customer_phone, device_brand, device_model, issue_reported, " +
        "diagnosis, final_price, status, received_at, created_at, updated_at) VALUES ('R-20260101-00077', " +
        "'Ana Prueba', '3415550000', 'Samsung', 'Galaxy A52', 'Pantalla rota', 'Módulo dañado, hay que cambiarlo', " +
        "4200000, 'waiting_approval', datetime('now'), datetime('now'), datetime('now'))",
    );
    repairId = Number(sql("SELECT id FROM repairs WHERE code = 'R-20260101-00077'"));
  });

  after(async () => {
    await context?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.stop();
  });

  it('approves the quote through the signed link', async () => {
    const expires = Math.floor(Date.now() / 1000) + 7 * 24 * 3600;
    const res = await page.goto(signed(`/reparacion/${repairId}/presupuesto`, expires));
    assert.equal(res.status(), 200, 'GET signed quote page');
    await expectVisibleText('Presupuesto de reparación');
    await expectVisibleText('$ 42.000');
    await screenshot('repair-quote.png');
    await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.getByRole('button', { name: 'Aprobar presupuesto' }).click(),
    ]);
    await expectVisibleText('Presupuesto aprobado. Empezamos con la reparación.');
    await expectVisibleText('Estado actual: En reparación');
    assert.equal(await page.getByRole('button', { name: 'Aprobar presupuesto' }).count(), 0);
    await screenshot('repair-quote-approved.png');
    assert.equal(sql(`SELECT status FROM repairs WHERE id = ${repairId}`), 'repairing');
  });

  it('finds the repair "En reparación" with code and phone', async () => {
    const res = await page.goto(`${server.url}/reparacion`);
    assert.equal(res.status(), 200);
    await page.locator('#code').fill('r-20260101-00077');
    await page.locator('#phone').fill('341 555-0000');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name: 'Buscar' }).click()]);
    await expectVisibleText('Resultado');
    await expectVisibleText('En reparación');
    await expectVisibleText('Samsung Galaxy A52');
  });

  it('opens the signed status link and refuses a tampered one', async () => {
    const expires = Math.floor(Date.now() / 1000) + 30 * 24 * 3600;
    const url = signed(`/reparacion/estado/${repairId}`, expires);
    const res = await page.goto(url);
    assert.equal(res.status(), 200);
    await expectVisibleText('En reparación');
    const tampered = await page.goto(url.replace(`/estado/${repairId}?`, `/estado/${repairId + 1}?`));
    assert.equal(tampered.status(), 403);
    await expectVisibleText('Este enlace no es válido');
  });

  it('shows the repair in the customer area once it is linked to the account', async () => {
    const res = await page.goto(`${server.url}/registro`);
    assert.equal(res.status(), 200);
    const form = page.locator('form:has(input[name="password_confirmation"])').first();
    await form.locator('input[name="name"]').fill('Ana');
    await form.locator('input[name="last_name"]').fill('Prueba');
    await form.locator('input[name="phone"]').fill('341 555-0000');
    await form.locator('input[name="email"]').fill('ana.repair@example.com');
    await form.locator('input[name="password"]').fill('Nico-e2e-Passw0rd!');
    await form.locator('input[name="password_confirmation"]').fill('Nico-e2e-Passw0rd!');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), form.getByRole('button', { name: 'Crear cuenta' }).click()]);
    sql(`UPDATE repairs SET user_id = (SELECT id FROM users WHERE email = 'ana.repair@example.com') WHERE id = ${repairId}`);
    await page.goto(`${server.url}/mis-reparaciones`);
    await expectVisibleText('Código: R-20260101-00077');
    await screenshot('my-repairs.png');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator(`a[href="/mis-reparaciones/${repairId}"]`).click()]);
    await expectVisibleText('Estamos realizando la reparación.');
    await screenshot('my-repair.png');
  });

  it('lets the admin edit the WhatsApp templates', async () => {
    execFileSync(NICO_BIN, ['user:create-admin', '--email', 'jefe@example.com', '--password', 'Admin-e2e-Passw0rd!'], {
      cwd: REPO_ROOT,
      env: server.env,
      stdio: 'ignore',
    });
    const admin = await browser.newContext({ locale: 'es-AR', viewport: { width: 1280, height: 800 } });
    const adminPage = await admin.newPage();
    adminPage.on('response', (r) => {
      if (r.status() >= 500) serverErrors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    try {
      await adminPage.goto(`${server.url}/login`);
      const login = adminPage.locator('form:has(input[name="email"]):has(input[name="password"])').first();
      await login.locator('input[name="email"]').fill('jefe@example.com');
      await login.locator('input[name="password"]').fill('Admin-e2e-Passw0rd!');
      await Promise.all([adminPage.waitForNavigation({ waitUntil: 'load' }), login.getByRole('button', { name: 'Ingresar' }).click()]);
      const res = await adminPage.goto(`${server.url}/admin/whatsapp`);
      assert.equal(res.status(), 200);
      await adminPage.locator('textarea[name="templates[received]"]').fill('Hola {customer_name}, recibimos tu {device}.');
      await Promise.all([
        adminPage.waitForNavigation({ waitUntil: 'load' }),
        adminPage.getByRole('button', { name: 'Guardar plantillas' }).click(),
      ]);
      await adminPage.getByText('Plantillas WhatsApp guardadas ✅').first().waitFor({ state: 'visible' });
      assert.equal(await adminPage.locator('textarea[name="templates[received]"]').inputValue(),
        'Hola {customer_name}, recibimos tu {device}.');
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await adminPage.screenshot({ path: path.join(SCREENSHOT_DIR, 'whatsapp-templates.png'), fullPage: false });
    } finally {
      await admin.close().catch(() => {});
    }
  });

  it('saw no uncaught page errors and no 5xx responses', () => {
    assert.deepEqual(pageErrors, [], 'uncaught JavaScript errors in the page');
    assert.deepEqual(serverErrors, [], 'server answered with 5xx');
  });
});
