// Browser test of the warranty registry (/admin/garantias): the admin finds a product with "Buscar producto", records
// an incident against it with a new supplier, records one against a counter sale, sees the totals of the period,
// closes one from the list, and both pages fit a 390 px phone (no sideways scroll). Screenshots of the list and the
// form at desktop and 390 px. Run: cd tests/e2e && node --test --test-concurrency=1 warranty.test.mjs
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { launchBrowser } from './lib/browser.mjs';
import { createAdmin, runNico, runSql, startServer } from './lib/server.mjs';
import { SCREENSHOT_DIR } from './lib/screenshots.mjs';

const admin = { email: 'garantias@taller.example.com', password: 'Clave-Garantias-Admin-1!' };

let server;
let browser;
let context;
let page;

async function submitAndWait(locator) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
}

async function screenshot(name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage: true });
}

// document scrollWidth vs clientWidth, and the widest element passing the right edge when they differ.
function overflow() {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    let widest = null;
    for (const el of document.body.querySelectorAll('*')) {
      const right = el.getBoundingClientRect().right;
      if (right > root.clientWidth + 0.5 && (!widest || right > widest.right))
        widest = { el: `${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/).join('.')}`, right };
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest };
  });
}

describe('warranty registry in the admin (browser)', () => {
  before(async () => {
    server = await startServer();
    runNico(server, ['db:seed', '--demo']);
    createAdmin(server, admin);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.fill('input[name="email"]', admin.email);
    await page.fill('input[name="password"]', admin.password);
    await submitAndWait(page.locator('button:has-text("Ingresar")'));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('records incidents, shows the totals and closes one', async () => {
    page.on('dialog', (dialog) => dialog.accept().catch(() => {}));
    await page.goto(`${server.url}/admin/garantias`);
    assert.equal(await page.locator('.page-title').innerText(), 'Garantías');
    await submitAndWait(page.locator('a:has-text("+ Nueva garantía")'));

    // Only the reference field of the chosen origin shows.
    await page.check('input[name="source_type"][value="product"]');
    assert.equal(await page.locator('#wr_product_ref').isVisible(), true);
    assert.equal(await page.locator('#wr_repair_ref').isVisible(), false);

    // "Buscar producto" lists matches; picking one pre-fills the form.
    await page.fill('#wr_product_search', 'a');
    await submitAndWait(page.locator('[data-warranty-product-search] button:has-text("Buscar")'));
    const hit = page.locator('[data-product-hit]').first();
    const productId = await hit.getAttribute('data-product-hit');
    await submitAndWait(hit);
    assert.equal(await page.inputValue('#wr_product_ref'), productId);
    assert.equal(await page.locator('input[name="source_type"][value="product"]').isChecked(), true);

    await page.fill('#wr_reason', 'El módulo dejó de dar imagen a los diez días');
    await page.fill('#wr_supplier_name', 'Distribuidora Centro');
    await page.check('input[name="save_supplier"]');
    await page.fill('#wr_quantity', '2');
    await page.fill('#wr_unit_cost', '15000');
    await page.fill('#wr_extra_cost', '500');
    await page.fill('#wr_recovered_amount', '4000');
    await page.fill('#wr_notes', 'El proveedor acreditó una parte en la próxima compra.');
    await screenshot('admin-warranty-form.png');
    await submitAndWait(page.locator('button:has-text("Registrar garantía")'));
    await page.locator('.alert-success', { hasText: 'Garantía registrada.' }).waitFor();

    // A counter sale #154 to claim against (the form checks that the sale exists).
    runSql(server, "INSERT INTO counter_sales (id, payment_method, subtotal, total, created_at) " +
                   "VALUES (154, 'efectivo', 350000, 350000, datetime('now'));");
    await page.goto(`${server.url}/admin/garantias/crear`);
    await page.check('input[name="source_type"][value="counter_sale"]');
    await page.fill('#wr_sale_ref', '154');
    await page.fill('#wr_reason', 'Cable que no carga');
    await page.fill('#wr_supplier_name', 'Importadora Sur');
    await page.fill('#wr_unit_cost', '3500');
    await submitAndWait(page.locator('button:has-text("Registrar garantía")'));

    // 2 × 15.000 + 500 − 4.000 = 26.500, plus 3.500 from the counter sale.
    const total = (key) => page.locator(`[data-warranty-total="${key}"]`).innerText();
    assert.equal(await total('incidents'), '2');
    assert.equal(await total('cost'), '$ 34.000');
    assert.equal(await total('recovered'), '$ 4.000');
    assert.equal(await total('loss'), '$ 30.000');
    const top = page.locator('[data-top-supplier="1"]');
    assert.match(await top.innerText(), /Distribuidora Centro[\s\S]*\$ 26\.500/);

    const saleRow = page.locator('tr[data-warranty-row]', { hasText: 'Cable que no carga' });
    await submitAndWait(saleRow.locator('button:has-text("Cerrar")'));
    await page.locator('.alert-success', { hasText: 'Garantía cerrada.' }).waitFor();
    assert.equal((await page.locator('tr[data-warranty-row]', { hasText: 'Cable que no carga' })
      .locator('[data-warranty-status]').innerText()).trim(), 'Cerrada');
    assert.equal(await total('open'), '1');
    // On a counter PC the whole table fits: the actions column is not hidden behind a sideways scroll.
    const table = await page.locator('.bo-table-wrap').evaluate((el) => [el.scrollWidth, el.clientWidth]);
    assert.ok(table[0] <= table[1], `table ${table[0]}px wide in ${table[1]}px`);
    await screenshot('admin-warranty-list.png');
  });

  it('fits a 390 px phone: list, new form and the form with errors', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/admin/garantias`);
    assert.equal(await overflow(), null);
    await screenshot('admin-warranty-list-390.png');

    await page.goto(`${server.url}/admin/garantias/crear`);
    assert.equal(await overflow(), null);
    await screenshot('admin-warranty-form-390.png');

    // Submitting without a reference shows the Spanish message next to the field; still no sideways scroll.
    await page.fill('#wr_reason', 'Sin referencia');
    await page.fill('#wr_unit_cost', '100');
    await submitAndWait(page.locator('button:has-text("Registrar garantía")'));
    assert.match(await page.locator('.field-error').first().innerText(), /Indicá la reparación/);
    assert.equal(await overflow(), null);

    const editLink = page.locator('a:has-text("Volver")');
    await submitAndWait(editLink);
    await submitAndWait(page.locator('tr[data-warranty-row] a:has-text("Editar")').first());
    assert.equal(await overflow(), null);
    await screenshot('admin-warranty-edit-390.png');
  });
});
