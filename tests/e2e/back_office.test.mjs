// Browser test of the back office: the admin signs in, deactivates a product from the product list (the
// quick toggle answers through fetch and flips the button), and the store stops showing it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { launchBrowser } from './lib/browser.mjs';
import { NICO_BIN, REPO_ROOT, startServer } from './lib/server.mjs';
import { SCREENSHOT_DIR } from './lib/screenshots.mjs';

const admin = { email: 'dueno@taller.example.com', password: 'Clave-Backoffice-1!' };
const slug = 'cable-usb-c-reforzado-1m';
const productName = 'Cable USB-C reforzado 1m';

let server;
let browser;
let page;

describe('admin back office (browser)', () => {
  before(async () => {
    server = await startServer();
    const run = (args) => execFileSync(NICO_BIN, args, { env: server.env, cwd: REPO_ROOT });
    run(['db:seed', '--demo']);
    run(['user:create-admin', '--email', admin.email, '--password', admin.password]);
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('deactivates a product from the list and the store hides it', async () => {
    // The store shows the product before: its page and the catalog list.
    const productBefore = await page.request.get(`${server.url}/producto/${slug}`);
    assert.equal(productBefore.status(), 200);
    const storeBefore = await (await page.request.get(`${server.url}/tienda`)).text();
    assert.ok(storeBefore.includes(productName), 'the store should list the demo product before the change');

    await page.goto(`${server.url}/login`);
    await page.fill('input[name="email"]', admin.email);
    await page.fill('input[name="password"]', admin.password);
    await page.click('button:has-text("Ingresar")');
    await page.waitForURL(/\/admin\/dashboard$/);

    await page.goto(`${server.url}/admin/productos?q=${encodeURIComponent('USB-C reforzado')}`);
    assert.equal(await page.locator('.page-title').innerText(), 'Productos');
    const row = page.locator('tr', { hasText: productName });
    const toggle = row.locator('form[data-admin-product-toggle="active"] [data-toggle-btn]');
    assert.equal((await toggle.innerText()).trim(), 'Activo');
    await toggle.click();
    await page.locator('.toast', { hasText: 'Producto desactivado ✅' }).waitFor();
    assert.equal((await toggle.innerText()).trim(), 'Inactivo');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-products.png'), fullPage: true });

    // The change is stored: the "Inactivos" filter lists it after a reload.
    await page.goto(`${server.url}/admin/productos?active=0`);
    assert.ok(await page.locator('tr', { hasText: productName }).count() === 1);

    // The store no longer shows it.
    const productAfter = await page.request.get(`${server.url}/producto/${slug}`);
    assert.equal(productAfter.status(), 404);
    const storeAfter = await (await page.request.get(`${server.url}/tienda`)).text();
    assert.ok(!storeAfter.includes(productName), 'the store still lists the inactive product');
    await page.goto(`${server.url}/tienda`);
    assert.equal(await page.getByText(productName).count(), 0);
  });

  it('shows the users list, the settings and the brand assets pages', async () => {
    await page.goto(`${server.url}/admin/usuarios?role=admin`);
    assert.equal(await page.locator('h1.text-lg').innerText(), 'Usuarios');
    // Only admins: ours and the one db:seed creates, no customers.
    assert.equal(await page.locator('.bo-user', { hasText: admin.email }).count(), 1);
    assert.equal(await page.locator('.bo-user .badge-zinc').count(), 0);  // USER badges
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-users.png'), fullPage: true });

    await page.goto(`${server.url}/admin/configuracion`);
    await page.fill('textarea[name="shop_hours"]', 'Lun a Vie 9-13 / 16-20');
    await page.click('button:has-text("Guardar")');
    assert.match(await page.locator('.alert-success').first().innerText(), /Configuración guardada\./);
    assert.equal(await page.locator('textarea[name="shop_hours"]').inputValue(), 'Lun a Vie 9-13 / 16-20');

    await page.goto(`${server.url}/admin/configuracion/identidad-visual`);
    assert.equal(await page.locator('.page-title').innerText(), 'Identidad visual');
    // The script turns each file input into a drop zone; the submit waits for a file.
    const logo = page.locator('[data-asset-key="logo_main"]');
    await logo.locator('[data-asset-dropzone]').waitFor();
    assert.equal(await logo.locator('[data-asset-submit]').isDisabled(), true);
    // Every preview loads (custom uploads or the shipped defaults).
    const broken = await page.$$eval('img.bo-asset-preview', (imgs) => imgs.filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.alt));
    assert.deepEqual(broken, []);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-brand-assets.png'), fullPage: true });
  });
});
