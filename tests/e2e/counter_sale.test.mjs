// Browser test of the counter sale (issue 21): the seller types a barcode in the scan box and presses Enter (what a
// barcode scanner does), the line appears, a second scan of the same code makes it two units, the sale is confirmed,
// the sale page opens and its 80 mm ticket is printed in a new tab. Screenshots at 390 px and desktop go to
// E2E_SCREENSHOT_DIR (default: a fresh temporary folder, printed at the end) to be looked at.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { launchBrowser } from './lib/browser.mjs';
import { createAdmin, runSql, startServer } from './lib/server.mjs';
import { SCREENSHOT_DIR } from './lib/screenshots.mjs';

const admin = { email: 'caja@taller.example.com', password: 'Clave-Admin-caja!' };
const BARCODE = '7790001112223';

function fixtureSql() {
  const now = new Date().toISOString().slice(0, 19).replace('T', ' ');
  return `
    INSERT INTO categories (id, name, slug, active, created_at, updated_at) VALUES (900, 'Accesorios', 'accesorios', 1, '${now}', '${now}');
    INSERT INTO products (id, category_id, name, slug, price, stock, active, sku, barcode, cost_price, created_at, updated_at)
      VALUES (900, 900, 'Cargador 20W USB-C', 'cargador-20w', 1200000, 5, 1, 'CAR-20W', '${BARCODE}', 700000, '${now}', '${now}');
    INSERT INTO products (id, category_id, name, slug, price, stock, active, sku, cost_price, created_at, updated_at)
      VALUES (901, 900, 'Vidrio templado A52', 'vidrio-a52', 300000, 10, 1, 'VID-A52', 100000, '${now}', '${now}');
    INSERT INTO stock_movements (product_id, delta, stock_after, reason, created_at) VALUES (900, 5, 5, 'opening_balance', '${now}');
    INSERT INTO stock_movements (product_id, delta, stock_after, reason, created_at) VALUES (901, 10, 10, 'opening_balance', '${now}');
  `;
}

let server;
let browser;

async function signedInPage(viewport) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.fill('input[name="email"]', admin.email);
  await page.fill('input[name="password"]', admin.password);
  await page.click('button:has-text("Ingresar")');
  await page.waitForURL(/\/admin\/dashboard$/);
  return { context, page };
}

function stockOf(id) {
  return Number(execFileSync('sqlite3', [server.env.DB_DATABASE, `SELECT stock FROM products WHERE id = ${id}`]).toString());
}

async function sellByBarcode(page, shotName) {
  await page.goto(`${server.url}/admin/venta-rapida`);
  assert.match(await page.locator('.page-title').innerText(), /Venta rápida/);
  // The scanner types the code and ends with Enter; the scan box keeps the focus for the next one.
  await page.locator('[data-counter-code]').fill(BARCODE);
  await page.locator('[data-counter-code]').press('Enter');
  await page.locator('[data-counter-line][data-product-id="900"]').waitFor();
  await page.locator('[data-counter-code]').fill(BARCODE);
  await page.locator('[data-counter-code]').press('Enter');
  await page.waitForFunction(
    () => document.querySelector('[data-counter-line][data-product-id="900"] [data-counter-quantity]')?.value === '2',
  );
  assert.equal(await page.locator('[data-counter-total]').innerText(), '$ 24.000');
  await page.check('input[name="payment_method"][value="debito"]');
  await page.fill('#cs_customer', 'Martina López');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${shotName}-form.png`), fullPage: true });

  await page.click('[data-counter-confirm]');
  await page.waitForURL(/\/admin\/ventas\/\d+$/);
  assert.match(await page.locator('.page-title').innerText(), /Venta #\d+/);
  assert.match(await page.locator('.page-subtitle').innerText(), /Martina López · Débito/);
  assert.equal(await page.locator('[data-sale-total]').innerText(), '$ 24.000');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${shotName}-sale.png`), fullPage: true });

  // "Imprimir ticket" opens the 80 mm ticket in a new tab (it calls print() itself).
  const [ticket] = await Promise.all([page.context().waitForEvent('page'), page.click('[data-sale-ticket]')]);
  await ticket.waitForLoadState();
  const text = await ticket.locator('body').innerText();
  assert.match(text, /2 × Cargador 20W USB-C/);
  assert.match(text, /\$ 24\.000/);
  assert.match(text, /Débito/);
  await ticket.screenshot({ path: path.join(SCREENSHOT_DIR, `${shotName}-ticket.png`), fullPage: true });
  await ticket.close();
}

describe('counter sale (browser)', () => {
  before(async () => {
    server = await startServer();
    createAdmin(server, admin);
    runSql(server, fixtureSql());
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    console.log(`[counter sale] screenshots in ${SCREENSHOT_DIR}`);
  });

  it('sells two units at the counter by typing the barcode and Enter, then prints the ticket (desktop)', async () => {
    const { context, page } = await signedInPage({ width: 1280, height: 900 });
    await sellByBarcode(page, 'desktop');
    assert.equal(stockOf(900), 3);
    await context.close();
  });

  it('does the same on a 390 px phone and the history lists both sales', async () => {
    const { context, page } = await signedInPage({ width: 390, height: 844 });
    await sellByBarcode(page, 'mobile-390');
    assert.equal(stockOf(900), 1);
    await page.goto(`${server.url}/admin/ventas?payment_method=debito`);
    assert.equal(await page.locator('[data-sale-row]').count(), 2);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the history page scrolls sideways by ${overflow}px at 390 px`);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'mobile-390-history.png'), fullPage: true });

    // The ledger shows both sales' movements for the charger.
    await page.goto(`${server.url}/admin/stock?product_id=900`);
    assert.match(await page.locator('main').innerText(), /Venta en mostrador/);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'mobile-390-stock.png'), fullPage: true });
    await context.close();
  });
});
