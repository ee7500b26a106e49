// Browser test of the store: browse -> product -> add to cart (AJAX sheet) -> cart quantity stepper ->
// checkout as a guest (sent to /login) -> login -> back on checkout -> confirm -> thank-you page.
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

const buyer = {
  name: 'Lucía',
  last_name: 'Compradora',
  phone: '351 444-2222',
  email: `e2e-store-${Date.now()}-${randomBytes(3).toString('hex')}@example.com`,
  password: 'Nico-e2e-Store1!',
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

async function expectPath(expected, timeout = 10_000) {
  await page
    .waitForURL((u) => new URL(u).pathname === expected, { timeout, waitUntil: 'load' })
    .catch(() => {
      throw new Error(`expected to land on path ${expected}, but the page is at ${new URL(page.url()).pathname}`);
    });
}

describe('store (browser)', { timeout: 180_000 }, () => {
  before(async () => {
    server = await startServer();
    await promisify(execFile)(NICO_BIN, ['db:seed', '--demo'], { cwd: REPO_ROOT, env: server.env });
    browser = await launchBrowser();

    // The buyer's account, created in a separate browser so the shopping session starts as a guest.
    const signup = await browser.newContext({ locale: 'es-AR' });
    const signupPage = await signup.newPage();
    await signupPage.goto(`${server.url}/registro`);
    const form = signupPage.locator('form:has(input[name="password_confirmation"])').first();
    for (const field of ['name', 'last_name', 'phone', 'email', 'password']) {
      await form.locator(`input[name="${field}"]`).fill(buyer[field]);
    }
    await form.locator('input[name="password_confirmation"]').fill(buyer.password);
    await Promise.all([signupPage.waitForNavigation({ waitUntil: 'load' }), form.getByRole('button', { name: 'Crear cuenta' }).click()]);
    await signup.close();

    context = await browser.newContext({ locale: 'es-AR', viewport: { width: 1280, height: 900 } });
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

  it('browses the store and searches without accents', async () => {
    const res = await page.goto(`${server.url}/tienda`);
    assert.equal(res.status(), 200);
    await page.getByRole('heading', { name: 'Destacados' }).waitFor();
    assert.ok((await page.locator('#productos .product-card').count()) >= 6, 'the demo catalog is listed');
    await screenshot('store.png');
    await page.locator('input[name="q"]').fill('portatil parlante');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name: 'Aplicar' }).click()]);
    const titles = await page.locator('#productos .product-title').allInnerTexts();
    assert.deepEqual(titles, ['Parlante Bluetooth portátil']);
  });

  it('adds a product to the cart from its page without leaving it', async () => {
    await page.goto(`${server.url}/producto/cargador-usb-c-20w`);
    await page.locator('.page-title', { hasText: 'Cargador USB-C 20W' }).waitFor({ state: 'visible' });
    await screenshot('product.png');
    await page.getByRole('button', { name: 'Agregar al carrito' }).click();
    await page.locator('#cartAddedTitle', { hasText: 'Agregado al carrito' }).waitFor({ state: 'visible' });
    assert.equal(await page.locator('#cartAddedName').innerText(), 'Cargador USB-C 20W');
    assert.equal(await page.locator('a.cart-link [data-cart-count]').innerText(), '1');
    assert.equal(new URL(page.url()).pathname, '/producto/cargador-usb-c-20w');
  });

  it('changes the quantity in the cart and the totals follow', async () => {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator('#cartAddedSheet').getByRole('link', { name: 'Ver carrito' }).click()]);
    await expectPath('/carrito');
    const line = page.locator('[data-cart-item]').first();
    await line.locator('[data-qty-plus]').click();
    await page.locator('[data-cart-total]', { hasText: /13\.000/ }).waitFor();
    assert.equal(await line.locator('[data-qty-input]').inputValue(), '2');
    assert.equal(await page.locator('a.cart-link [data-cart-count]').innerText(), '2');
    await screenshot('cart.png');
  });

  it('goes to checkout, signs in and comes back to the checkout', async () => {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator('[data-checkout-btn]').click()]);
    await expectPath('/login');
    const form = page.locator('form:has(input[name="email"]):has(input[name="password"])').first();
    await form.locator('input[name="email"]').fill(buyer.email);
    await form.locator('input[name="password"]').fill(buyer.password);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), form.getByRole('button', { name: 'Ingresar' }).click()]);
    await expectPath('/checkout');
    await page.locator('.page-title', { hasText: 'Finalizar compra' }).waitFor({ state: 'visible' });
    await page.getByText('Cargador USB-C 20W').first().waitFor();
    await page.getByText('x2 · $ 6.500').first().waitFor();
    await screenshot('checkout.png');
    // On a phone the summary folds behind its toggle.
    await page.setViewportSize({ width: 390, height: 844 });
    const toggle = page.locator('[data-summary-toggle]');
    await toggle.waitFor({ state: 'visible' });
    assert.equal(await page.locator('[data-summary-body]').isVisible(), false, 'summary folded on a phone');
    await toggle.click();
    await page.locator('[data-summary-body]').waitFor({ state: 'visible' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await toggle.waitFor({ state: 'hidden' });
  });

  it('confirms the order and lands on the thank-you page', async () => {
    await page.locator('#notes').fill('Paso a la tarde');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator('[data-checkout-submit]').click()]);
    assert.match(new URL(page.url()).pathname, /^\/pedido\/\d+$/);
    await page.locator('.alert-success', { hasText: '¡Pedido confirmado!' }).first().waitFor();
    await page.locator('.page-title', { hasText: 'Pedido recibido' }).waitFor();
    await page.getByText('Paso a la tarde').waitFor();
    assert.equal(await page.locator('a.cart-link [data-cart-count]').count(), 0, 'the cart is empty after the order');
    await screenshot('thankyou.png');
  });

  it('saw no uncaught page errors and no 5xx responses', () => {
    assert.deepEqual(pageErrors, [], 'uncaught JavaScript errors in the page');
    assert.deepEqual(serverErrors, [], 'server answered with 5xx');
  });
});
