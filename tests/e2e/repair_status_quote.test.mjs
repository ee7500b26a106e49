// Browser test of issue 18 item 5: the customer's status page of a repair waiting for approval shows the amount and
// approves it in place (the reject form asks first), and the admin delivers a repair that still owes money with
// "Cobrar y entregar" (the "Debe $ X" warning, one confirmation, payment and delivery in one step). Repairs are
// inserted with sqlite3; links are signed here exactly as the server signs them (HMAC-SHA256 of path + expiry).
// Run from tests/e2e: `node --test --test-concurrency=1 repair_status_quote.test.mjs`.
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
const pageErrors = [];
const serverErrors = [];

function sql(statement) {
  return execFileSync('sqlite3', [server.env.DB_DATABASE, statement], { encoding: 'utf8' }).trim();
}

function insertRepair(code, status, finalPrice, paid) {
  sql(
    "INSERT INTO repairs (code, customer_name, customer_phone, device_brand, device_model, issue_reported, " +
      "diagnosis, parts_cost, final_price, paid_amount, status, received_at, created_at, updated_at) VALUES " +
      `('${code}', 'Ana Prueba', '+5493415550000', 'Samsung', 'Galaxy A52', 'Pantalla rota', 'Módulo dañado', ` +
      `1234500, ${finalPrice}, ${paid}, '${status}', datetime('now'), datetime('now'), datetime('now'))`,
  );
  return Number(sql(`SELECT id FROM repairs WHERE code = '${code}'`));
}

/** The server's signed URL format (src/core/signed_link.cpp): path?expires=…&signature=hex(HMAC-SHA256). */
function signed(pathname, expiresUnix) {
  const key = Buffer.from(server.env.APP_KEY.replace(/^base64:/, ''), 'base64');
  const unsigned = `${pathname}?expires=${expiresUnix}`;
  const signature = createHmac('sha256', key).update(unsigned).digest('hex');
  return `${server.url}${unsigned}&signature=${signature}`;
}

async function newPage(viewport) {
  const context = await browser.newContext({ locale: 'es-AR', viewport });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 500) serverErrors.push(`${res.status()} ${res.request().method()} ${res.url()}`);
  });
  return page;
}

async function screenshot(page, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage: true });
}

describe('repair status page quote and delivery with a balance (browser)', { timeout: 180_000 }, () => {
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
  });

  it('the status page of a repair waiting for approval shows the amount and approves it', async () => {
    const id = insertRepair('R-20260101-00501', 'waiting_approval', 4500000, 0);
    const page = await newPage({ width: 390, height: 844 });
    const expires = Math.floor(Date.now() / 1000) + 30 * 24 * 3600;
    const res = await page.goto(signed(`/reparacion/estado/${id}`, expires));
    assert.equal(res.status(), 200);
    const quote = page.locator('[data-repair-pending-quote]');
    await quote.waitFor({ state: 'visible' });
    assert.equal((await quote.locator('[data-quote-price]').innerText()).trim(), '$ 45.000');
    // Customer pages never show what the parts cost the shop.
    assert.equal(await page.getByText('12.345').count(), 0);
    await screenshot(page, 'repair-status-quote.png');
    await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      quote.getByRole('button', { name: 'Aprobar presupuesto' }).click(),
    ]);
    await page.getByText('Presupuesto aprobado. Empezamos con la reparación.').first().waitFor();
    assert.equal(sql(`SELECT status FROM repairs WHERE id = ${id}`), 'repairing');
    // Back on the status page: "En reparación", no more buttons.
    await page.goto(signed(`/reparacion/estado/${id}`, expires));
    await page.getByText('En reparación').first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Aprobar presupuesto' }).count(), 0);
    await page.context().close();
  });

  it('rejecting from the lookup result asks first; "Cancelar" keeps the repair waiting', async () => {
    const id = insertRepair('R-20260101-00502', 'waiting_approval', 3000000, 0);
    const page = await newPage({ width: 390, height: 844 });
    await page.goto(`${server.url}/reparacion`);
    await page.locator('#code').fill('R-20260101-00502');
    await page.locator('#phone').fill('341 15-555-0000');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name: 'Buscar' }).click()]);
    await page.locator('[data-repair-pending-quote]').getByText('$ 30.000').waitFor();

    const questions = [];
    page.on('dialog', (dialog) => {
      questions.push(dialog.message());
      dialog.dismiss();
    });
    await page.getByRole('button', { name: 'Rechazar presupuesto' }).click();
    await page.waitForTimeout(300); // a dismissed confirm navigates nowhere: give a wrong submit time to show
    assert.ok(questions.length >= 1, 'the reject button asks for confirmation');
    assert.equal(questions[0], '¿Rechazar el presupuesto? La reparación se cancela.');
    assert.equal(sql(`SELECT status FROM repairs WHERE id = ${id}`), 'waiting_approval');
    await page.context().close();
  });

  it('the admin delivers a repair that owes money with "Cobrar y entregar"', async () => {
    const id = insertRepair('R-20260101-00503', 'ready_pickup', 4500000, 0);
    execFileSync(NICO_BIN, ['user:create-admin', '--email', 'jefe@example.com', '--password', 'Admin-e2e-Passw0rd!'], {
      cwd: REPO_ROOT,
      env: server.env,
      stdio: 'ignore',
    });
    const page = await newPage({ width: 390, height: 844 });
    await page.goto(`${server.url}/login`);
    const login = page.locator('form:has(input[name="email"]):has(input[name="password"])').first();
    await login.locator('input[name="email"]').fill('jefe@example.com');
    await login.locator('input[name="password"]').fill('Admin-e2e-Passw0rd!');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), login.getByRole('button', { name: 'Ingresar' }).click()]);

    const res = await page.goto(`${server.url}/admin/reparaciones/${id}`);
    assert.equal(res.status(), 200);
    const warning = page.locator('[data-repair-balance-warning]');
    await warning.getByText('Debe $ 45.000').waitFor({ state: 'visible' });
    await warning.locator('select[name="payment_method"]').selectOption('transfer');
    await screenshot(page, 'repair-balance-due.png');

    const questions = [];
    page.on('dialog', (dialog) => {
      questions.push(dialog.message());
      dialog.accept();
    });
    await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      warning.getByRole('button', { name: 'Cobrar y entregar' }).click(),
    ]);
    assert.ok(questions.length >= 1, 'Cobrar y entregar asks for confirmation');
    assert.equal(questions[0], '¿Cobrar $ 45.000 y marcar como ENTREGADA la reparación R-20260101-00503?');
    await page.getByText('Cobrado $ 45.000. Reparación entregada.').first().waitFor();
    assert.equal((await page.locator('[data-repair-status-badge]').innerText()).trim(), 'Entregado');
    assert.equal((await page.locator('[data-repair-balance]').innerText()).trim(), '$ 0');
    assert.equal(await page.locator('[data-repair-balance-warning]').count(), 0);
    assert.equal(sql(`SELECT status || ' ' || paid_amount || ' ' || payment_method FROM repairs WHERE id = ${id}`),
      'delivered 4500000 transfer');
    assert.equal(sql(`SELECT COUNT(*) FROM audit_logs WHERE event = 'admin.repair.collected_and_delivered' AND subject_id = ${id}`), '1');
    await page.context().close();
  });

  it('saw no uncaught page errors and no 5xx responses', () => {
    assert.deepEqual(pageErrors, [], 'uncaught JavaScript errors in the page');
    assert.deepEqual(serverErrors, [], 'server answered with 5xx');
  });
});
