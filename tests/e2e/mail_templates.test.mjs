// Browser test of the mail templates (/admin/mails): the admin opens the order confirmation from the list, edits
// the subject and body, previews it (the HTML part in a sandboxed iframe, no script runs), saves, sees
// "Personalizado" in the list, and restores the default through the confirmation dialog. The pages fit a 390 px
// phone. Run: cd tests/e2e && node --test --test-concurrency=1 mail_templates.test.mjs
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { launchBrowser } from './lib/browser.mjs';
import { createAdmin, startServer } from './lib/server.mjs';
import { SCREENSHOT_DIR } from './lib/screenshots.mjs';

const admin = { email: 'mails@taller.example.com', password: 'Clave-Mails-Admin-1!' };

let server;
let browser;
let page;

describe('mail templates in the admin (browser)', () => {
  before(async () => {
    server = await startServer();
    createAdmin(server, admin);
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('edits, previews, saves and restores the order confirmation', async () => {
    const dialogs = [];
    page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.accept().catch(() => {}); });

    await page.goto(`${server.url}/login`);
    await page.fill('input[name="email"]', admin.email);
    await page.fill('input[name="password"]', admin.password);
    await page.click('button:has-text("Ingresar")');
    await page.waitForURL(/\/admin\/dashboard$/);

    await page.goto(`${server.url}/admin/mails`);
    assert.equal(await page.locator('.page-title').innerText(), 'Mails');
    const row = page.locator('tr[data-mail-key="order_confirmation"]');
    assert.equal((await row.locator('[data-mail-origin]').innerText()).trim(), 'Predeterminado');
    await row.locator('a:has-text("Editar")').click();
    await page.waitForURL(/\/admin\/mails\/order_confirmation$/);
    assert.match(await page.locator('[data-mail-placeholders]').innerText(), /\{\{detalle\}\}/);

    await page.fill('input[name="subject"]', '¡Gracias! Pedido #{{pedido}}');
    await page.fill('textarea[name="body"]',
      'Hola {{nombre}} <img src=x onerror="window.top.document.title=\'hackeado\'">\n\nTu pedido: {{enlace}}');
    await page.click('[data-mail-preview-button]');
    await page.locator('[data-mail-preview]').waitFor();
    assert.equal(await page.locator('[data-mail-preview-subject]').innerText(), '¡Gracias! Pedido #123');
    assert.match(await page.locator('[data-mail-preview-text]').innerText(), /Hola Ana <img src=x[^\n]*\n\nTu pedido: https/);
    assert.match(await page.inputValue('textarea[name="body"]'), /'">\n\nTu pedido: \{\{enlace\}\}$/);
    const frame = page.frameLocator('[data-mail-preview-html]');
    const link = frame.locator('a');
    assert.equal(await link.getAttribute('href'), 'https://tienda.example.com/mis-pedidos/123');
    assert.match(await frame.locator('body').innerText(), /Hola Ana <img src=x/);  // shown as text, not an image
    assert.equal(await frame.locator('img').count(), 0);
    assert.notEqual(await page.title(), 'hackeado');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-mail-preview.png'), fullPage: true });
    await page.locator('[data-mail-preview-html]').screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-mail-preview-html.png') });

    // The preview kept what was typed; saving stores it.
    await page.click('button:has-text("Guardar")');
    await page.locator('.alert-success', { hasText: 'Mail guardado' }).waitFor();
    await page.goto(`${server.url}/admin/mails`);
    assert.equal((await row.locator('[data-mail-origin]').innerText()).trim(), 'Personalizado');
    assert.match(await row.innerText(), /¡Gracias! Pedido #\{\{pedido\}\}/);

    await page.goto(`${server.url}/admin/mails/order_confirmation`);
    await page.click('button:has-text("Restaurar predeterminado")');
    await page.locator('.alert-success', { hasText: 'Mail restaurado' }).waitFor();
    assert.equal(dialogs.length, 1);
    assert.match(dialogs[0], /Restaurar el texto predeterminado/);
    assert.equal(await page.inputValue('input[name="subject"]'), 'Recibimos tu pedido #{{pedido}} — {{negocio}}');
  });

  it('fits a 390 px phone', async () => {
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 },
      storageState: await page.context().storageState() })).newPage();
    for (const url of ['/admin/mails', '/admin/mails/order_confirmation']) {
      await phone.goto(`${server.url}${url}`);
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `${url} is ${width}px wide on a 390px phone`);
    }
    await phone.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-mail-form-390.png'), fullPage: true });
  });
});
