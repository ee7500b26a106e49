// Browser test of the admin dashboard: a small shop's worth of orders, repairs, products and WhatsApp logs is
// inserted with the sqlite3 CLI, the admin signs in, sees the KPIs, opens the charts (inline SVG) and the page is
// photographed (docs/screenshots/dashboard.png when E2E_SCREENSHOT_DIR=docs/screenshots).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { launchBrowser } from './lib/browser.mjs';
import { createAdmin, runSql, startServer } from './lib/server.mjs';
import { SCREENSHOT_DIR } from './lib/screenshots.mjs';

const admin = { email: 'jefe@taller.example.com', password: 'Clave-Admin-dash!' };

// UTC "YYYY-MM-DD HH:MM:SS" of `days` days (and `hours` hours) ago.
function ago(days, hours = 0) {
  const t = new Date(Date.now() - (days * 24 + hours) * 3600 * 1000);
  return t.toISOString().slice(0, 19).replace('T', ' ');
}

function fixtureSql() {
  const rows = [];
  rows.push(`INSERT INTO users (id, name, email, password, role, created_at, updated_at)
             VALUES (900, 'Lucía', 'lucia@example.com', 'x', 'user', '${ago(200)}', '${ago(200)}');`);
  rows.push(`INSERT INTO categories (id, name, slug, created_at, updated_at) VALUES (900, 'Accesorios', 'accesorios', '${ago(200)}', '${ago(200)}');`);
  const products = [
    ['Funda silicona A52', 2, 450000], ['Vidrio templado iPhone 13', 1, 300000], ['Cargador 20W USB-C', 0, 1200000],
    ['Cable USB-C 1 m', 15, 250000], ['Auriculares Bluetooth', 3, 2100000], ['Soporte auto', 9, 800000],
  ];
  products.forEach(([name, stock, price], i) => {
    rows.push(`INSERT INTO products (id, category_id, name, slug, price, stock, created_at, updated_at)
               VALUES (${900 + i}, 900, '${name}', 'p-${i}', ${price}, ${stock}, '${ago(150)}', '${ago(150)}');`);
  });
  const statuses = ['pendiente', 'confirmado', 'preparando', 'listo_retirar', 'entregado', 'entregado', 'entregado', 'cancelado'];
  const names = ['Lucía Fernández', 'Marcos Díaz', 'Sofía Romero', 'Juan Pérez', 'Valentina Ruiz', 'Tomás Gómez'];
  let id = 900;
  for (let month = 0; month < 6; month++) {
    const count = 3 + ((month * 7) % 5);
    for (let k = 0; k < count; k++) {
      const created = ago(month * 30 + k * 3 + 1, k);
      const status = statuses[(month + k) % statuses.length];
      const product = 900 + ((month + k) % products.length);
      const qty = 1 + (k % 3);
      const price = products[product - 900][2];
      rows.push(`INSERT INTO orders (id, user_id, status, payment_method, total, pickup_name, pickup_phone, created_at, updated_at)
                 VALUES (${id}, 900, '${status}', 'local', ${price * qty}, '${names[(id + k) % names.length]}', '3415550000', '${created}', '${created}');`);
      rows.push(`INSERT INTO order_items (order_id, product_id, product_name, price, quantity, subtotal)
                 VALUES (${id}, ${product}, '${products[product - 900][0]}', ${price}, ${qty}, ${price * qty});`);
      id++;
    }
  }
  rows.push(`INSERT INTO order_whatsapp_logs (order_id, notified_status, phone, sent_at) VALUES (900, 'pendiente', '5493415550000', '${ago(0, 2)}');`);
  const repairStatuses = ['received', 'diagnosing', 'waiting_approval', 'repairing', 'ready_pickup', 'delivered', 'delivered', 'cancelled'];
  const devices = [['Samsung', 'Galaxy A52'], ['Apple', 'iPhone 12'], ['Motorola', 'Moto G20'], ['Xiaomi', 'Redmi Note 11']];
  let rid = 900;
  for (let month = 0; month < 6; month++) {
    const count = 4 + ((month * 3) % 4);
    for (let k = 0; k < count; k++) {
      const created = ago(month * 30 + k * 4 + 1, k);
      const updated = month === 0 && k === 1 ? ago(12) : created;
      // Older months are mostly closed, as in a real shop.
      const status = month >= 2 ? (k % 5 === 0 ? 'cancelled' : 'delivered') : repairStatuses[(month * 2 + k) % repairStatuses.length];
      const [brand, model] = devices[(month + k) % devices.length];
      rows.push(`INSERT INTO repairs (id, code, customer_name, customer_phone, device_brand, device_model, issue_reported, status, received_at, created_at, updated_at)
                 VALUES (${rid}, 'R-2026-${String(rid).padStart(5, '0')}', '${names[(rid + k) % names.length]}', '3415550000', '${brand}', '${model}', 'No carga', '${status}', '${created}', '${created}', '${updated}');`);
      rid++;
    }
  }
  return rows.join('\n');
}

let server;
let browser;
let page;

describe('admin dashboard (browser)', () => {
  before(async () => {
    server = await startServer();
    createAdmin(server, admin);
    runSql(server, fixtureSql());
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the KPIs, the today panel and the charts of the last six months', async () => {
    await page.goto(`${server.url}/login`);
    await page.fill('input[name="email"]', admin.email);
    await page.fill('input[name="password"]', admin.password);
    await page.click('button:has-text("Ingresar")');
    await page.waitForURL(/\/admin\/dashboard$/);
    assert.match(await page.locator('.page-title').innerText(), /Panel Admin/);
    assert.match(await page.locator('.page-subtitle').first().innerText(), /rango actual: 30 días/);
    assert.ok(Number(await page.locator('[data-kpi="orders_in_range"]').innerText()) > 0);
    assert.equal(await page.locator('[data-kpi="products_total"]').innerText(), '6');
    assert.equal(await page.locator('[data-kpi="low_stock_total"]').innerText(), '4');

    // Charts are collapsed until "Ver" is pressed (app.js), then drawn as inline SVG.
    assert.equal(await page.locator('[data-collapse="dash_charts"]').isVisible(), false);
    await page.click('button[data-toggle-collapse="dash_charts"]');
    await page.locator('[data-collapse="dash_charts"] svg').first().waitFor({ state: 'visible' });
    assert.equal(await page.locator('rect.dash-bar-orders').count(), 6);
    await page.click('button[data-toggle-collapse="dash_activity"]');

    // The 7-day range is one click away.
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'dashboard.png'), fullPage: true });
    await page.click('a[data-range-link="7"]');
    await page.waitForURL(/range=7$/);
    assert.match(await page.locator('.page-subtitle').first().innerText(), /rango actual: 7 días/);
  });

  it('opens the audit log from the dashboard', async () => {
    await page.goto(`${server.url}/admin/dashboard`);
    await page.click('a:has-text("Auditoría")');
    await page.waitForURL(/\/admin\/auditoria$/);
    assert.match(await page.locator('.page-title').innerText(), /Auditoría/);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'audit-log.png'), fullPage: true });
  });
});
