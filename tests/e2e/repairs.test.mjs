// Browser test of a repair from the counter to the customer: the admin takes the repair in through the intake
// form (catalog selects narrowed by JavaScript), moves it to "Esperando aprobación", the customer opens the signed
// approval link and approves, and the public lookup /reparacion shows "En reparación". Also opens the ticket.
// Run from tests/e2e with `npm test` (needs build/nico or $NICO_BIN, and /usr/bin/chromium).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';

import { launchBrowser } from './lib/browser.mjs';
import { NICO_BIN, REPO_ROOT, startServer } from './lib/server.mjs';
import { SCREENSHOT_DIR } from './lib/screenshots.mjs';

const run = promisify(execFile);
const admin = { email: `e2e-repairs-${randomBytes(3).toString('hex')}@example.com`, password: 'Nico-e2e-Repairs1!' };

let server;
let browser;
let staff;
let code;
let repairPath;
const pageErrors = [];
const serverErrors = [];

async function newPage(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ locale: 'es-AR', viewport });
  context.setDefaultTimeout(20_000); // generous: the suite shares 2 cores with builds
  context.setDefaultNavigationTimeout(30_000);
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

async function submitAndWait(page, locator) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
}

// Selects an option by its visible label once the script has (re)loaded the select's options.
async function choose(select, label) {
  await select.locator('option', { hasText: label }).first().waitFor({ state: 'attached' });
  await select.selectOption({ label });
}

describe('repairs (browser)', { timeout: 180_000 }, () => {
  before(async () => {
    server = await startServer();
    await run(NICO_BIN, ['db:seed'], { cwd: REPO_ROOT, env: server.env });
    await run(NICO_BIN, ['user:create-admin', '--email', admin.email, '--password', admin.password], {
      cwd: REPO_ROOT,
      env: server.env,
    });
    browser = await launchBrowser();
    staff = await newPage();
    await staff.goto(`${server.url}/login`);
    const login = staff.locator('form:has(input[name="email"]):has(input[name="password"])').first();
    await login.locator('input[name="email"]').fill(admin.email);
    await login.locator('input[name="password"]').fill(admin.password);
    await submitAndWait(staff, login.getByRole('button', { name: 'Ingresar' }));
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
  });

  it('the admin takes a repair in through the intake form', async () => {
    const res = await staff.goto(`${server.url}/admin/reparaciones/crear`);
    assert.equal(res.status(), 200);
    const form = staff.locator('form[data-repair-create-form]');
    await form.locator('input[name="customer_name"]').fill('Lucía Gómez');
    await form.locator('input[name="customer_phone"]').fill('341 555-1234');
    await form.locator('input[name="customer_name"]').click(); // blur: the phone stays as typed (the server reads it)
    assert.equal(await form.locator('input[name="customer_phone"]').inputValue(), '341 555-1234');
    await choose(form.locator('select[name="device_type_id"]'), 'Celular');
    await choose(form.locator('select[name="device_brand_id"]'), 'Samsung');
    await choose(form.locator('select[name="device_model_id"]'), 'A52');
    await choose(form.locator('select[name="device_issue_type_id"]'), 'Pantalla');
    await choose(form.locator('select[name="repair_type_id"]'), 'Módulo');
    await form.locator('textarea[name="issue_detail"]').fill('Se cayó, no da imagen');
    await form.locator('input[name="parts_cost"]').fill('60000');
    // The brands of other types are gone once "Celular" is chosen.
    assert.equal(await form.locator('select[name="device_brand_id"] option', { hasText: 'PlayStation' }).count(), 0);
    await staff.waitForFunction(() => !document.querySelector('[data-repair-submit]').disabled);
    await staff.locator('[data-sum-state]', { hasText: 'Listo' }).waitFor();
    // No pricing rule for Samsung: the form says so at once instead of filling "Precio final" with the bare cost
    // (profit $ 0, which the server refuses); the shop types the price.
    await staff.locator('[data-pricing-no-rule]').waitFor({ state: 'visible' });
    assert.equal(await form.locator('[data-final-price]').inputValue(), '');
    await form.locator('[data-final-auto]').uncheck();
    await form.locator('[data-final-price]').fill('85000');
    await staff.evaluate(() => window.scrollTo(0, 0)); // the sticky header stays at the top of the capture
    await screenshot(staff, 'repair-intake.png');
    await submitAndWait(staff, form.locator('[data-repair-submit]'));

    repairPath = new URL(staff.url()).pathname;
    assert.match(repairPath, /^\/admin\/reparaciones\/\d+$/);
    await staff.getByText('Reparación creada.').first().waitFor();
    code = (await staff.locator('h1.page-title').innerText()).trim();
    assert.match(code, /^R-\d{8}-\d{5}$/);
    await staff.getByText('Lucía Gómez · 0341 15-555-1234 · Samsung A52').waitFor(); // stored +5493415551234
    // Typed "341 555-1234" at the counter: every WhatsApp button of the page opens +54 9 341 555-1234.
    const waLinks = await staff.locator('a[data-wa-open]').evaluateAll((links) => links.map((a) => a.href));
    assert.ok(waLinks.length > 0, 'the repair page offers WhatsApp');
    for (const href of waLinks) assert.match(href, /^https:\/\/wa\.me\/5493415551234\?text=/);
  });

  it('the admin moves it to "Esperando aprobación" and gets the signed approval link', async () => {
    const statusForm = staff.locator('#repair_status form');
    await statusForm.locator('select[name="status"]').selectOption('waiting_approval');
    await submitAndWait(staff, statusForm.getByRole('button', { name: 'Guardar estado' }));
    await staff.getByText('Estado actualizado.').first().waitFor();
    assert.equal((await staff.locator('[data-repair-status-badge]').innerText()).trim(), 'Esperando aprobación');
    await staff.locator('#repair_actions').getByText('Aprobación cliente').waitFor();
    await screenshot(staff, 'repair-page.png');
  });

  it('the customer approves through the link and the lookup shows "En reparación"', async () => {
    const link = await staff.locator('[data-approval-url]').inputValue();
    assert.match(link, /\/reparacion\/\d+\/presupuesto\?expires=\d+&signature=[0-9a-f]+$/);
    const customer = await newPage({ width: 390, height: 844 });
    assert.equal((await customer.goto(link)).status(), 200);
    await submitAndWait(customer, customer.getByRole('button', { name: 'Aprobar presupuesto' }));
    await customer.getByText('Presupuesto aprobado. Empezamos con la reparación.').first().waitFor();

    await customer.goto(`${server.url}/reparacion`);
    await customer.locator('input[name="code"]').fill(code);
    await customer.locator('input[name="phone"]').fill('0341 15 555-1234'); // another spelling of the same mobile
    await submitAndWait(customer, customer.getByRole('button', { name: 'Buscar' }));
    await customer.locator('.page-title', { hasText: 'Resultado' }).waitFor();
    await customer.getByText('En reparación').first().waitFor();
    await screenshot(customer, 'repair-lookup-result.png');

    // The ways people write the number typed at the counter as "341 555-1234" all find the repair.
    for (const spelling of ['3415551234', '341 15-555-1234', '+54 9 341 555-1234', '5493415551234', '(0341) 15-555-1234']) {
      await customer.goto(`${server.url}/reparacion`);
      await customer.locator('input[name="code"]').fill(code);
      await customer.locator('input[name="phone"]').fill(spelling);
      await submitAndWait(customer, customer.getByRole('button', { name: 'Buscar' }));
      await customer.locator('.page-title', { hasText: 'Resultado' }).waitFor();
      assert.equal(await customer.getByText('No encontramos').count(), 0, spelling);
      await customer.getByText('En reparación').first().waitFor();
    }
  });

  it('a model picked while the models list is still on its way stays picked', async () => {
    // The brand's models come from the server after a local narrowing; on a slow line the person picks from the
    // local list first. The late answer must refresh the list without taking the pick away (a wiped model left
    // "Ingresar reparación" disabled with every field filled).
    const page = await staff.context().newPage();
    const held = [];
    let holding = true;
    let arrived = () => {};
    await page.route('**/admin/device-catalog/models**', (route) => {
      if (!holding) return route.continue();
      held.push(route);
      arrived();
    });
    await page.goto(`${server.url}/admin/reparaciones/crear`);
    const form = page.locator('form[data-repair-create-form]');
    const brand = form.locator('select[name="device_brand_id"]');
    const model = form.locator('select[name="device_model_id"]');
    // Count the brand select's fills: the local one on the type's change, then the server's list.
    await page.evaluate(() => {
      window.brandFills = 0;
      document.querySelector('[data-device-brand]').addEventListener('catalog-filled', () => { window.brandFills += 1; });
    });
    await choose(form.locator('select[name="device_type_id"]'), 'Celular');
    await page.waitForFunction(() => window.brandFills >= 2);
    const firstRequest = new Promise((resolve) => { arrived = resolve; });
    await choose(brand, 'Samsung');
    await firstRequest;
    await choose(model, 'A52'); // from the local list, the server's answer still held
    const picked = await model.inputValue();
    assert.notEqual(picked, '');
    holding = false;
    for (const route of held.splice(0)) {
      const response = await route.fetch();
      const body = await response.json();
      body.models.push({ id: 987654, name: 'Modelo que trajo la respuesta demorada' });
      await route.fulfill({ response, json: body });
    }
    await model.locator('option', { hasText: 'Modelo que trajo la respuesta demorada' }).waitFor({ state: 'attached' });
    assert.equal(await model.inputValue(), picked, 'the late answer kept the model the person picked');
    assert.equal(await model.locator('option:checked').innerText(), 'A52');
    await page.close();
  });

  it('the admin sees the approval in the history and prints the ticket', async () => {
    await staff.goto(`${server.url}${repairPath}`);
    assert.equal((await staff.locator('[data-repair-status-badge]').innerText()).trim(), 'En reparación');
    await staff.getByText('Cliente aprobó el presupuesto desde enlace público.').waitFor();
    const ticket = await staff.goto(`${server.url}${repairPath}/ticket`);
    assert.equal(ticket.status(), 200);
    await staff.getByText(`Reparación ${code}`).waitFor();
    await staff.locator('.repair-ticket svg').waitFor();
    await screenshot(staff, 'repair-ticket.png');
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(serverErrors, []);
  });
});
