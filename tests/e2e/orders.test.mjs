// Browser test of orders: a customer buys (product → cart → checkout → thank-you), finds the order in
// /mis-pedidos, and the admin finds it in /admin/pedidos, confirms it from the status menu without a reload
// (the "¿Notificar por WhatsApp?" sheet appears and can be dismissed) and opens the print sheet and the ticket;
// a status change in the list updates the card's badge and WhatsApp link, the tab counters and closes the menu.
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

const buyer = {
  name: 'Marta',
  last_name: 'Pedidos',
  phone: '351 444-3333',
  email: `e2e-orders-${Date.now()}-${randomBytes(3).toString('hex')}@example.com`,
  password: 'Nico-e2e-Orders1!',
};
const admin = { email: `e2e-orders-admin-${randomBytes(3).toString('hex')}@example.com`, password: 'Nico-e2e-Admin1!' };

let server;
let browser;
let orderId;
const pageErrors = [];
const serverErrors = [];

async function newPage(viewport = { width: 1280, height: 900 }) {
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

async function submitAndWait(page, locator) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
}

describe('orders (browser)', { timeout: 180_000 }, () => {
  let customer;
  let staff;

  before(async () => {
    server = await startServer();
    await run(NICO_BIN, ['db:seed', '--demo'], { cwd: REPO_ROOT, env: server.env });
    await run(NICO_BIN, ['user:create-admin', '--email', admin.email, '--password', admin.password], {
      cwd: REPO_ROOT,
      env: server.env,
    });
    browser = await launchBrowser();
    customer = await newPage({ width: 390, height: 844 });
    staff = await newPage();
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
  });

  it('a customer places an order', async () => {
    await customer.goto(`${server.url}/registro`);
    const form = customer.locator('form:has(input[name="password_confirmation"])').first();
    for (const field of ['name', 'last_name', 'phone', 'email', 'password']) await form.locator(`input[name="${field}"]`).fill(buyer[field]);
    await form.locator('input[name="password_confirmation"]').fill(buyer.password);
    await submitAndWait(customer, form.getByRole('button', { name: 'Crear cuenta' }));

    await customer.goto(`${server.url}/producto/cargador-usb-c-20w`);
    await customer.getByRole('button', { name: 'Agregar al carrito' }).click();
    await customer.locator('#cartAddedTitle', { hasText: 'Agregado al carrito' }).waitFor({ state: 'visible' });
    await customer.goto(`${server.url}/checkout`);
    await customer.locator('.page-title', { hasText: 'Finalizar compra' }).waitFor({ state: 'visible' });
    await customer.locator('#notes').fill('Retiro el sábado');
    await submitAndWait(customer, customer.locator('[data-checkout-submit]'));
    const match = new URL(customer.url()).pathname.match(/^\/pedido\/(\d+)$/);
    assert.ok(match, `expected the thank-you page, got ${customer.url()}`);
    orderId = match[1];
  });

  it('the order is listed in /mis-pedidos and its detail shows the status', async () => {
    const res = await customer.goto(`${server.url}/mis-pedidos`);
    assert.equal(res.status(), 200);
    const card = customer.locator(`a[href="/mis-pedidos/${orderId}"]`);
    await card.waitFor({ state: 'visible' });
    assert.match(await card.innerText(), new RegExp(`Pedido #${orderId}`));
    assert.match(await card.innerText(), /Pendiente/);
    await submitAndWait(customer, card);
    await customer.locator('.page-title', { hasText: `Pedido #${orderId}` }).waitFor({ state: 'visible' });
    await customer.getByText('Recibimos tu pedido. En breve lo confirmamos.').waitFor();
    await customer.getByText('Retiro el sábado').waitFor();
    await screenshot(customer, 'my-order.png');
  });

  it('the admin finds the order in /admin/pedidos and confirms it without a reload', async () => {
    await staff.goto(`${server.url}/login`);
    const login = staff.locator('form:has(input[name="email"]):has(input[name="password"])').first();
    await login.locator('input[name="email"]').fill(admin.email);
    await login.locator('input[name="password"]').fill(admin.password);
    await submitAndWait(staff, login.getByRole('button', { name: 'Ingresar' }));

    const res = await staff.goto(`${server.url}/admin/pedidos`);
    assert.equal(res.status(), 200);
    await staff.locator('.page-title', { hasText: 'Pedidos (Admin)' }).waitFor({ state: 'visible' });
    const card = staff.locator(`[data-admin-order-card][data-order-id="${orderId}"]`);
    await card.waitFor({ state: 'visible' });
    assert.equal(await card.getAttribute('data-status'), 'pendiente');
    await screenshot(staff, 'admin-orders.png');

    await submitAndWait(staff, card.getByRole('link', { name: 'Abrir' }));
    const root = staff.locator(`[data-admin-order-card][data-order-id="${orderId}"]`);
    await root.locator('.admin-order-title', { hasText: `Pedido #${orderId}` }).waitFor({ state: 'visible' });
    await staff.getByText('Retiro el sábado').first().waitFor();
    await root.locator('[data-admin-order-status-btn]').first().click();
    await root.locator('#orderStatusMenu-' + orderId + ' [data-admin-order-set-status][data-status="confirmado"]').click();
    await staff.locator('#nrAdminConfirmTitle', { hasText: '¿Notificar por WhatsApp?' }).waitFor({ state: 'visible' });
    await staff.locator('[data-admin-confirm-cancel]').click();
    await staff.waitForFunction((id) => document.querySelector(`[data-order-id="${id}"]`)?.getAttribute('data-status') === 'confirmado', orderId);
    assert.equal(await root.locator('[data-admin-order-status-badge]').first().innerText(), 'Confirmado');
    await staff.reload({ waitUntil: 'load' });
    assert.equal(await root.locator('[data-admin-order-status-badge]').first().innerText(), 'Confirmado');
    // The buyer typed "351 444-3333": WhatsApp gets +54 9 351 444-3333, the same digits a repair's link uses.
    const waOpen = await root.locator('[data-admin-order-wa-open]').first().getAttribute('href');
    assert.match(waOpen, /^https:\/\/wa\.me\/5493514443333\?text=/);
    await screenshot(staff, 'admin-order.png');
  });

  it('the print sheet and the ticket show the order', async () => {
    const sheet = await staff.goto(`${server.url}/admin/pedidos/${orderId}/imprimir`);
    assert.equal(sheet.status(), 200);
    assert.equal(await staff.title(), `Pedido #${orderId} — Imprimir`);
    await staff.getByText('Cargador USB-C 20W').first().waitFor();
    const ticket = await staff.goto(`${server.url}/admin/pedidos/${orderId}/ticket`);
    assert.equal(ticket.status(), 200);
    await staff.getByText('Gracias por tu compra 🙌').waitFor();
    await screenshot(staff, 'admin-order-ticket.png');
  });

  it('the customer sees the new status', async () => {
    await customer.goto(`${server.url}/mis-pedidos/${orderId}`);
    await customer.getByText('Pedido confirmado. Lo estamos preparando.').waitFor();
  });

  it('a status change in the list updates the card, its WhatsApp link and the counters, and closes the menu', async () => {
    await staff.setViewportSize({ width: 390, height: 844 });
    const res = await staff.goto(`${server.url}/admin/pedidos`);
    assert.equal(res.status(), 200);
    const counters = () => staff.$$eval('[data-admin-orders-count], [data-admin-orders-wa-count]', (list) =>
      Object.fromEntries(list.map((el) => [(el.getAttribute('data-admin-orders-count') ? 'status:' + el.getAttribute('data-admin-orders-count')
        : 'wa:' + el.getAttribute('data-admin-orders-wa-count')), Number(el.textContent)])));
    const before = await counters();
    const card = staff.locator(`[data-admin-order-card][data-order-id="${orderId}"]`);
    const waText = async () => new URL(await card.locator('[data-admin-order-wa-link]').getAttribute('href')).searchParams.get('text');
    assert.match(await waText(), /está: Confirmado/);

    await card.locator('[data-admin-order-status-btn]').click();
    const menu = staff.locator(`#orderStatusMenu-${orderId}`);
    await menu.waitFor({ state: 'visible' });
    await menu.locator('[data-admin-order-set-status][data-status="preparando"]').click();
    await staff.locator('#nrAdminConfirmTitle', { hasText: '¿Notificar por WhatsApp?' }).waitFor({ state: 'visible' });
    assert.equal(await menu.isVisible(), false, 'the status menu closes after choosing');
    assert.equal(await card.locator('[data-admin-order-status-btn]').getAttribute('aria-expanded'), 'false');
    assert.equal(await card.locator('[data-admin-order-status-badge]').innerText(), 'Preparando');

    // Counters and the card's WhatsApp link follow the new status (read back from the server's own list).
    await staff.waitForFunction(([id, before]) => {
      const n = (sel) => Number(document.querySelector(sel)?.textContent);
      return n('[data-admin-orders-count="preparando"]') === before['status:preparando'] + 1 &&
        n('[data-admin-orders-count="confirmado"]') === before['status:confirmado'] - 1 &&
        decodeURIComponent(document.querySelector(`[data-order-id="${id}"] [data-admin-order-wa-link]`).href.replace(/\+/g, ' ')).includes('está: Preparando');
    }, [orderId, before]);
    assert.match(await waText(), /está: Preparando/);
    assert.equal(await card.locator('[data-admin-order-wa-badge]').innerText(), 'WA pendiente');

    // No toast sits on the sheet; the confirmation comes once the sheet is closed.
    assert.equal(await staff.locator('.toast').count(), 0, 'no toast while the notify sheet is open');
    await staff.locator('[data-admin-confirm-cancel]').click();
    await staff.locator('.toast', { hasText: 'Estado actualizado' }).waitFor({ state: 'visible' });
    assert.equal(await staff.locator('#nrAdminConfirmSheet').count(), 0);

    const shown = await counters();
    await staff.reload({ waitUntil: 'load' });
    assert.deepEqual(await counters(), shown, 'the counters match what a reload shows');
    assert.match(await waText(), /está: Preparando/);
    await staff.setViewportSize({ width: 1280, height: 900 });
  });

  it('saw no uncaught page errors and no 5xx responses', () => {
    assert.deepEqual(pageErrors, [], 'uncaught JavaScript errors in the page');
    assert.deepEqual(serverErrors, [], 'server answered with 5xx');
  });
});
