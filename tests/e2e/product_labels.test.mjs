// Browser test of the product labels (issue 21): the admin loads a SKU and an EAN-13 barcode on two demo products
// through the product form, opens "Imprimir etiqueta" from the form and "Imprimir etiquetas" from the list selection,
// and the label page fits a 390 px phone, prints nothing of its toolbar and lays the A4 sheet out as 3 × 8 labels of
// 70 × 37 mm. Screenshots (desktop, 390 px, print) go to E2E_SCREENSHOT_DIR.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { launchBrowser } from './lib/browser.mjs';
import { NICO_BIN, REPO_ROOT, startServer } from './lib/server.mjs';
import { SCREENSHOT_DIR } from './lib/screenshots.mjs';

const admin = { email: 'dueno@taller.example.com', password: 'Clave-Etiquetas-1!' };
const MM_PX = 96 / 25.4; // CSS pixels per millimetre

let server;
let browser;
let context;
let page;

async function editProductCodes(id, sku, barcode) {
  await page.goto(`${server.url}/admin/productos/${id}/editar`);
  await page.fill('#p_sku', sku);
  await page.fill('#p_barcode', barcode);
  await Promise.all([page.waitForURL(/\/admin\/productos(\?.*)?$/), page.click('button:has-text("Guardar cambios")')]);
}

describe('product labels (browser)', () => {
  before(async () => {
    server = await startServer();
    const run = (args) => execFileSync(NICO_BIN, args, { env: server.env, cwd: REPO_ROOT });
    run(['db:seed', '--demo']);
    run(['user:create-admin', '--email', admin.email, '--password', admin.password]);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.fill('input[name="email"]', admin.email);
    await page.fill('input[name="password"]', admin.password);
    await page.click('button:has-text("Ingresar")');
    await page.waitForURL(/\/admin\/dashboard$/);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('prints one product label from the product form and several from the list', async () => {
    await page.goto(`${server.url}/admin/productos`);
    const ids = await page.locator('[data-bulk-checkbox]').evaluateAll((boxes) => boxes.slice(0, 3).map((b) => b.value));
    assert.equal(ids.length, 3, 'the demo catalog should list at least three products');
    await editProductCodes(ids[0], 'LAP-9000', '4006381333931');
    await editProductCodes(ids[1], 'FUN-IP13-NEG', '');

    // From the form: the single label, EAN-13 bars and the price.
    await page.goto(`${server.url}/admin/productos/${ids[0]}/editar`);
    await Promise.all([page.waitForURL(/\/etiqueta$/), page.click('[data-product-label-link]')]);
    assert.equal(await page.locator('.product-label').count(), 1);
    assert.equal(await page.locator('.product-label svg[data-barcode="ean13"] rect:not(.barcode-bg)').count(), 30);
    assert.equal((await page.locator('.product-label-code').innerText()).trim(), '4006381333931');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'product-label-desktop.png'), fullPage: true });

    // From the list: tick three products, "Imprimir etiquetas" opens the labels in a new tab.
    await page.goto(`${server.url}/admin/productos`);
    for (const id of ids) await page.check(`[data-bulk-checkbox][value="${id}"]`);
    await page.locator('[data-products-bulk-bar]').screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-products-labels-selection.png') });
    const [labels] = await Promise.all([context.waitForEvent('page'), page.click('[data-products-labels]')]);
    await labels.waitForLoadState();
    assert.match(labels.url(), /\/admin\/productos\/etiquetas\?/);
    assert.equal(await labels.locator('.product-label').count(), 3);
    assert.equal(await labels.locator('svg[data-barcode="code128"]').count(), 1);
    // The third product has no codes: its label says so, and the toolbar names it.
    assert.equal(await labels.locator('[data-label-no-barcode]').count(), 1);
    assert.equal(await labels.locator('[data-label-missing]').count(), 1);

    // Six copies each on the A4 sheet, then the print layout: 3 columns of 70 × 37 mm, no toolbar.
    await labels.selectOption('#labels_format', 'a4');
    await labels.fill('#labels_copies', '6');
    await Promise.all([labels.waitForURL(/copias=6/), labels.click('button:has-text("Actualizar vista")')]);
    assert.equal(await labels.locator('.product-label').count(), 18);
    await labels.screenshot({ path: path.join(SCREENSHOT_DIR, 'product-labels-list-desktop.png'), fullPage: true });
    await labels.emulateMedia({ media: 'print' });
    assert.equal(await labels.locator('.labels-toolbar').isVisible(), false);
    const boxes = await labels.locator('.product-label').evaluateAll((els) =>
      els.slice(0, 4).map((el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; }));
    assert.ok(Math.abs(boxes[0].w - 70 * MM_PX) < 1 && Math.abs(boxes[0].h - 37 * MM_PX) < 1, JSON.stringify(boxes[0]));
    assert.ok(Math.abs(boxes[1].x - boxes[0].x - 70 * MM_PX) < 1, 'labels touch side by side');
    assert.ok(Math.abs(boxes[3].y - boxes[0].y - 37 * MM_PX) < 1 && Math.abs(boxes[3].x - boxes[0].x) < 1, 'the fourth starts row 2');
    await labels.screenshot({ path: path.join(SCREENSHOT_DIR, 'product-labels-print.png'), fullPage: true });
    // 18 labels fill one A4 sheet of 24; 27 need a second one.
    const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.equal(pages(await labels.pdf({ preferCSSPageSize: true })), 1);
    await labels.goto(labels.url().replace('copias=6', 'copias=9'));
    assert.equal(await labels.locator('.product-label').count(), 27);
    assert.equal(pages(await labels.pdf({ preferCSSPageSize: true })), 2);
    // The roll: one 50 × 25 mm page per label.
    await labels.goto(labels.url().replace('copias=9', 'copias=2').replace('formato=a4', 'formato=rollo'));
    const roll = await labels.pdf({ preferCSSPageSize: true });
    assert.equal(pages(roll), 6);
    const box = roll.toString('latin1').match(/\/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]/);
    assert.ok(box && Math.abs(box[1] * 25.4 / 72 - 50) < 0.5 && Math.abs(box[2] * 25.4 / 72 - 25) < 0.5, String(box));
    await labels.emulateMedia({ media: 'screen' });
    await labels.close();
  });

  it('fits a 390 px phone', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, storageState: await context.storageState() });
    const p = await phone.newPage();
    const ids = await (async () => {
      await p.goto(`${server.url}/admin/productos`);
      return p.locator('[data-bulk-checkbox]').evaluateAll((boxes) => boxes.slice(0, 2).map((b) => b.value));
    })();
    for (const id of ids) await p.check(`[data-bulk-checkbox][value="${id}"]`);
    const listOverflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(listOverflow <= 0, `the product list with its bulk bar is ${listOverflow}px wider than the phone`);
    await p.locator('[data-products-bulk-bar]').screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-products-labels-selection-390.png') });
    await p.goto(`${server.url}/admin/productos/etiquetas?ids[]=${ids[0]}&ids[]=${ids[1]}&copias=2&formato=rollo`);
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the label page is ${overflow}px wider than the phone`);
    await p.screenshot({ path: path.join(SCREENSHOT_DIR, 'product-labels-390.png'), fullPage: true });
    await p.goto(`${server.url}/admin/productos/${ids[0]}/etiqueta`);
    const overflowA4 = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflowA4 <= 0, `the A4 label page is ${overflowA4}px wider than the phone`);
    await p.screenshot({ path: path.join(SCREENSHOT_DIR, 'product-label-390.png'), fullPage: true });
    await phone.close();
  });
});
