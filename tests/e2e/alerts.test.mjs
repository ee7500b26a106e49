// Browser test of the alert centre (/admin/alertas) and the KPI report settings (/admin/configuracion/reportes): the
// header bell counts unseen alerts, "Marcar todo como visto" clears it, the settings form saves and "Enviar ahora"
// shows the last run. Screenshots at 390 px and desktop (E2E_SCREENSHOT_DIR, else tests/e2e/test-results/screenshots).
// Seeds rows with the sqlite3 shell (test dependency of scripts/install-deps.sh).
// Run: cd tests/e2e && node --test --test-concurrency=1 alerts.test.mjs
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { launchBrowser } from './lib/browser.mjs';
import { createAdmin, runSql, startServer } from './lib/server.mjs';
import { SCREENSHOT_DIR } from './lib/screenshots.mjs';

const admin = { email: 'alertas@taller.example.com', password: 'Clave-Alertas-Admin-1!' };

let server;
let browser;

function sql(statements) {
  runSql(server, statements);
}

// A stale repair, a late order, a quote waiting, two low products and a ready repair without WhatsApp.
function seed() {
  const ago = (hours) => `datetime('now', '-${hours} hours')`;
  sql(`
    INSERT INTO users (name, last_name, phone, email, password, role, created_at, updated_at)
      VALUES ('Fede', 'Luna', '3415550000', 'fede@example.com', 'x', 'user', ${ago(80)}, ${ago(80)});
    INSERT INTO orders (user_id, status, payment_method, total, pickup_name, pickup_phone, created_at, updated_at)
      VALUES ((SELECT id FROM users WHERE email = 'fede@example.com'), 'pendiente', 'local', 1850000, 'Fede Luna',
              '3415550000', ${ago(72)}, ${ago(72)});
    INSERT INTO repairs (code, customer_name, customer_phone, device_brand, device_model, issue_reported, status,
                         received_at, created_at, updated_at)
      VALUES ('R-20261126-00001', 'Ana Pérez', '3415550001', 'Samsung', 'Galaxy A52', 'No carga', 'repairing',
              ${ago(240)}, ${ago(240)}, ${ago(216)}),
             ('R-20261203-00002', 'Carla Díaz', '3415550002', 'Motorola', 'G32', 'Pantalla rota', 'waiting_approval',
              ${ago(80)}, ${ago(80)}, ${ago(72)}),
             ('R-20261206-00003', 'Dani Ruiz', '3415550003', 'iPhone', '11', 'Batería', 'ready_pickup',
              ${ago(30)}, ${ago(30)}, ${ago(5)});
    INSERT INTO repair_status_histories (repair_id, from_status, to_status, changed_at)
      SELECT id, 'received', status, updated_at FROM repairs;
    INSERT INTO categories (name, slug, active) VALUES ('Accesorios', 'accesorios', 1);
    INSERT INTO products (category_id, name, slug, price, stock)
      VALUES ((SELECT id FROM categories), 'Funda silicona A52', 'funda-a52', 450000, 0),
             ((SELECT id FROM categories), 'Cable USB-C 1 m', 'cable-usb-c', 300000, 2);
  `);
}

async function login(page) {
  await page.goto(`${server.url}/login`);
  await page.fill('input[name="email"]', admin.email);
  await page.fill('input[name="password"]', admin.password);
  await page.click('button:has-text("Ingresar")');
  await page.waitForURL(/\/admin\/dashboard$/);
}

describe('alert centre and KPI report settings (browser)', () => {
  before(async () => {
    server = await startServer();
    createAdmin(server, admin);
    seed();
    browser = await launchBrowser();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const [name, viewport] of [['390', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 900 }]]) {
    it(`lists the alerts, counts them in the header and marks them seen (${name})`, async () => {
      const page = await (await browser.newContext({ viewport })).newPage();
      await login(page);
      await page.goto(`${server.url}/admin/alertas`);
      assert.equal(await page.locator('.page-title').innerText(), 'Alertas');
      assert.equal(await page.locator('[data-alert-item]').count(), 6);
      assert.equal((await page.locator('[data-alerts-count]').innerText()).trim(), '6');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= viewport.width, `no horizontal scroll (${width} px)`);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `alerts-${name}.png`), fullPage: true });

      await page.click('[data-alerts-mark-all] button');
      await page.waitForURL(/\/admin\/alertas$/);
      assert.match(await page.locator('body').innerText(), /Marcaste 6 alertas como vistas\./);
      assert.equal(await page.locator('[data-alerts-badge]').count(), 0);
      assert.equal(await page.locator('[data-alert-state="seen"]').count(), 6);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `alerts-seen-${name}.png`), fullPage: true });
      sql(`DELETE FROM admin_alert_seen;`);  // the next viewport starts unseen again
      await page.context().close();
    });

    it(`saves the report schedule and sends it now (${name})`, async () => {
      const page = await (await browser.newContext({ viewport })).newPage();
      await login(page);
      await page.goto(`${server.url}/admin/configuracion/reportes`);
      await page.selectOption('select[name="weekday"]', '5');
      await page.fill('input[name="time"]', '18:30');
      await page.selectOption('select[name="range"]', '30');
      await page.fill('input[name="recipients"]', 'duenio@example.com');
      await page.click('button:has-text("Guardar")');
      await page.waitForURL(/\/admin\/configuracion\/reportes$/);
      assert.match(await page.locator('body').innerText(), /El próximo se envía el viernes a las 18:30\./);
      await page.click('[data-report-send-now] button');
      await page.waitForURL(/\/admin\/configuracion\/reportes$/);
      assert.equal((await page.locator('[data-report-outcome]').innerText()).trim(), 'Enviado');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= viewport.width, `no horizontal scroll (${width} px)`);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `report-settings-${name}.png`), fullPage: true });
      await page.context().close();
    });
  }
});
