// Browser test of repair parts from stock (issue 21): on the admin repair page the technician picks a part in
// "Agregar repuesto" (the one matching the device model is listed first, starred), applies it, sees it in the
// "Repuestos" card with its cost, and removes it again. Screenshots at 390 px and desktop go to E2E_SCREENSHOT_DIR
// (default: a fresh temporary folder, printed at the end).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { launchBrowser } from './lib/browser.mjs';
import { createAdmin, runSql, startServer } from './lib/server.mjs';
import { SCREENSHOT_DIR } from './lib/screenshots.mjs';

const admin = { email: 'taller@taller.example.com', password: 'Clave-Admin-taller!' };

function fixtureSql() {
  const now = new Date().toISOString().slice(0, 19).replace('T', ' ');
  return `
    INSERT INTO categories (id, name, slug, active, created_at, updated_at) VALUES (900, 'Repuestos', 'repuestos', 1, '${now}', '${now}');
    INSERT INTO products (id, category_id, name, slug, price, stock, active, sellable_in_store, usable_in_repairs, cost_price, created_at, updated_at)
      VALUES (900, 900, 'Batería genérica 4000 mAh', 'bateria-generica', 1500000, 4, 1, 0, 1, 800000, '${now}', '${now}'),
             (901, 900, 'Módulo pantalla Galaxy A52', 'modulo-a52', 6000000, 2, 1, 0, 1, 3500000, '${now}', '${now}');
    INSERT INTO stock_movements (product_id, delta, stock_after, reason, created_at)
      VALUES (900, 4, 4, 'opening_balance', '${now}'), (901, 2, 2, 'opening_balance', '${now}');
    INSERT INTO repairs (id, code, customer_name, customer_phone, device_brand, device_model, issue_reported, status, received_at, created_at, updated_at)
      VALUES (900, 'R-20261207-00900', 'Lucía Fernández', '+5493415550000', 'Samsung', 'Galaxy A52', 'Pantalla rota', 'repairing', '${now}', '${now}', '${now}');
  `;
}

function sql(query) {
  return execFileSync('sqlite3', [server.env.DB_DATABASE, query]).toString().trim();
}

let server;
let browser;

describe('repair parts (browser)', () => {
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
    console.log(`[repair parts] screenshots in ${SCREENSHOT_DIR}`);
  });

  for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['mobile-390', { width: 390, height: 844 }]]) {
    it(`applies the matching part and removes it again (${name})`, async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      page.on('dialog', (dialog) => dialog.accept());
      await page.goto(`${server.url}/login`);
      await page.fill('input[name="email"]', admin.email);
      await page.fill('input[name="password"]', admin.password);
      await page.click('button:has-text("Ingresar")');
      await page.waitForURL(/\/admin\/dashboard$/);

      await page.goto(`${server.url}/admin/reparaciones/900`);
      const options = await page.locator('#part_product option').allInnerTexts();
      assert.match(options[1], /^★ Módulo pantalla Galaxy A52/);  // the device's model comes first
      await page.selectOption('#part_product', '901');
      await page.click('[data-add-part] button[type="submit"]');
      await page.waitForURL(/#repair_parts$/);
      await page.locator('[data-part-row]').first().waitFor();
      assert.match(await page.locator('#repair_parts').innerText(), /1 × Módulo pantalla Galaxy A52/);
      assert.equal(sql('SELECT stock FROM products WHERE id = 901'), '1');
      assert.equal(sql('SELECT parts_cost FROM repairs WHERE id = 900'), '3500000');
      await page.locator('#repair_parts').screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-parts.png`) });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-repair.png`), fullPage: true });

      await page.click('[data-part-row] button:has-text("Quitar")');  // asks first (accepted above)
      await page.locator('#repair_parts').getByText('Todavía no se usaron repuestos').waitFor();
      assert.equal(sql('SELECT stock FROM products WHERE id = 901'), '2');
      assert.equal(sql('SELECT parts_cost FROM repairs WHERE id = 900'), '0');
      await context.close();
    });
  }
});
