// Browser test of the device catalog and pricing admin: the filter selects submit themselves, the rule form shows
// only the fields of its mode and saves a fixed rule, a model is put in a group by changing its select (saved in
// the background), and deleting a rule asks first.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { launchBrowser } from './lib/browser.mjs';
import { NICO_BIN, REPO_ROOT, startServer } from './lib/server.mjs';
import { SCREENSHOT_DIR } from './lib/screenshots.mjs';

const admin = { email: 'catalogo@taller.example.com', password: 'Clave-Catalogo-1!' };

let server;
let browser;
let page;
const pageErrors = [];

async function screenshot(name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage: true });
}

describe('device catalog and pricing admin (browser)', () => {
  before(async () => {
    server = await startServer();
    for (const args of [['db:seed'], ['user:create-admin', '--email', admin.email, '--password', admin.password]]) {
      execFileSync(NICO_BIN, args, { env: server.env, cwd: REPO_ROOT });
    }
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`${server.url}/login`);
    const form = page.locator('form[action$="/login"]').first();
    await form.locator('input[name="email"]').fill(admin.email);
    await form.locator('input[name="password"]').fill(admin.password);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), form.getByRole('button', { name: 'Ingresar' }).click()]);
    assert.equal(new URL(page.url()).pathname, '/admin/dashboard', await page.locator('main').innerText());
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('filters the catalog by type and brand without a submit button', async () => {
    await page.goto(`${server.url}/admin/catalogo-dispositivos`);
    await page.locator('.page-title', { hasText: 'Catálogo de dispositivos' }).waitFor();
    const consola = await page.locator('select[name="type_id"] option', { hasText: 'Consola' }).getAttribute('value');
    await Promise.all([page.waitForURL(new RegExp(`type_id=${consola}`)), page.selectOption('select[name="type_id"]', consola)]);
    assert.match(await page.locator('main').innerText(), /PlayStation/);
    const xbox = await page.locator('select[name="brand_id"] option', { hasText: 'Xbox' }).getAttribute('value');
    await Promise.all([page.waitForURL(new RegExp(`brand_id=${xbox}`)), page.selectOption('select[name="brand_id"]', xbox)]);
    assert.match(await page.locator('main').innerText(), /Series X/);
    await screenshot('admin-device-catalog.png');
  });

  it('shows only the fields of the chosen mode and saves a fixed rule', async () => {
    await page.goto(`${server.url}/admin/precios/crear`);
    const margin = page.locator('[data-pricing-mode="margin"]');
    const fixed = page.locator('[data-pricing-mode="fixed"]');
    assert.equal(await margin.isVisible(), true);
    assert.equal(await fixed.isVisible(), false);
    await page.selectOption('select[name="mode"]', 'fixed');
    assert.equal(await margin.isVisible(), false);
    assert.equal(await fixed.isVisible(), true);

    await page.selectOption('select[name="device_type_id"]', { label: 'Celular' });
    // Only brands of the chosen type stay selectable.
    const selectable = await page
      .locator('select[name="device_brand_id"] option')
      .evaluateAll((options) => options.filter((o) => o.value && !o.disabled).map((o) => o.textContent));
    assert.ok(selectable.length > 0);
    assert.ok(selectable.every((name) => name.includes('(Celular)')), selectable.join(', '));
    await page.selectOption('select[name="repair_type_id"]', { label: 'Pin de carga' });
    await page.fill('input[name="fixed_total"]', '45000');
    await screenshot('admin-pricing-create.png');
    await Promise.all([page.waitForURL(/\/admin\/precios$/), page.click('form[data-pricing-form] button[type="submit"]')]);
    assert.match(await page.locator('.alert-success').first().innerText(), /Regla creada\./);
    const text = await page.locator('main').innerText();
    assert.match(text, /Pin de carga/);
    assert.match(text, /Fijo/);
    assert.match(text, /45\.000/);
    await screenshot('admin-pricing-index.png');
  });

  it('puts a model in a group by changing its select', async () => {
    await page.goto(`${server.url}/admin/grupos-modelos`);
    const celular = await page.locator('select[name="device_type_id"] option', { hasText: 'Celular' }).getAttribute('value');
    await Promise.all([page.waitForURL(/device_type_id=/), page.selectOption('select[name="device_type_id"]', celular)]);
    const samsung = await page.locator('select[name="device_brand_id"] option', { hasText: 'Samsung' }).getAttribute('value');
    await Promise.all([page.waitForURL(/device_brand_id=\d+/), page.selectOption('select[name="device_brand_id"]', samsung)]);
    await page.fill('input[name="name"][placeholder^="Ej: PS4"]', 'Serie A');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Crear', exact: true }).click()]);
    assert.match(await page.locator('.alert-success').first().innerText(), /Grupo creado\./);

    const a52 = page.locator('li', { hasText: 'A52' }).locator('select[data-model-id]');
    const saved = page.waitForResponse((r) => r.url().includes('/asignar') && r.request().method() === 'POST');
    await a52.selectOption({ label: 'Serie A' });
    const response = await saved;
    assert.equal(response.status(), 200);
    assert.deepEqual(await response.json(), { ok: true });
    await page.waitForFunction(() => document.querySelector('select.is-saved') !== null);
    await page.reload();
    const selected = await page.locator('li', { hasText: 'A52' }).locator('select[data-model-id] option:checked').innerText();
    assert.equal(selected.trim(), 'Serie A');
    await screenshot('admin-model-groups.png');
  });

  it('asks before deleting a rule', async () => {
    await page.goto(`${server.url}/admin/precios`);
    const rows = page.locator('tr[data-pricing-rule]');
    const before = await rows.count();
    page.once('dialog', (dialog) => dialog.dismiss());
    await rows.first().getByRole('button', { name: 'Eliminar' }).click();
    assert.equal(await rows.count(), before);
    page.once('dialog', (dialog) => dialog.accept());
    await Promise.all([page.waitForURL(/\/admin\/precios$/), rows.first().getByRole('button', { name: 'Eliminar' }).click()]);
    assert.match(await page.locator('.alert-success').first().innerText(), /Regla eliminada\./);
    assert.equal(await page.locator('tr[data-pricing-rule]').count(), before - 1);
    assert.deepEqual(pageErrors, []);
  });
});
