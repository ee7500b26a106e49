// Issue 18 item 10 in chromium at phone size: a form whose security check expired (left open too long) gets the
// 419 page, which says so without "CSRF"/"token", offers a plain link back (never a reload that re-sends the stale
// POST), and the form shows again what was typed, except the passwords.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { launchBrowser } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

let server;
let browser;
let context;
let page;

describe('stale form (browser)', { timeout: 120_000 }, () => {
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'es-AR', viewport: { width: 390, height: 844 } });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
  });

  after(async () => {
    await context?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.stop();
  });

  it('keeps what was typed and sends the visitor back to a fresh form', async () => {
    assert.equal((await page.goto(`${server.url}/registro`)).status(), 200);
    const form = page.locator('form:has(input[name="password_confirmation"])').first();
    await form.locator('input[name="name"]').fill('Ana');
    await form.locator('input[name="last_name"]').fill('Gómez');
    await form.locator('input[name="phone"]').fill('341 555-7788');
    await form.locator('input[name="email"]').fill('ana.gomez@example.com');
    await form.locator('input[name="password"]').fill('Clave-Secreta-2026');
    await form.locator('input[name="password_confirmation"]').fill('Clave-Secreta-2026');
    // What a night with the tab open does: the token the page carries is no longer valid.
    await form.evaluate((f) => {
      f.querySelector('input[name="_token"]').value = 'vencido';
    });
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs += 1;
      d.dismiss();
    });
    const [response] = await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      form.getByRole('button', { name: 'Crear cuenta' }).click(),
    ]);
    assert.equal(response.status(), 419);
    const text = await page.locator('body').innerText();
    assert.ok(text.includes('La página estuvo abierta mucho tiempo; revisá y volvé a enviar'), text);
    assert.ok(!/csrf|token/i.test(text), text);
    assert.equal(await page.locator('[data-reload]').count(), 0);

    await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.getByRole('link', { name: 'Volver al formulario' }).click(),
    ]);
    assert.equal(new URL(page.url()).pathname, '/registro');
    const again = page.locator('form:has(input[name="password_confirmation"])').first();
    assert.equal(await again.locator('input[name="name"]').inputValue(), 'Ana');
    assert.equal(await again.locator('input[name="last_name"]').inputValue(), 'Gómez');
    assert.equal(await again.locator('input[name="email"]').inputValue(), 'ana.gomez@example.com');
    assert.equal(await again.locator('input[name="password"]').inputValue(), '');
    assert.equal(dialogs, 0);

    // Sent again from the fresh form (passwords typed anew), it goes through.
    await again.locator('input[name="password"]').fill('Clave-Secreta-2026');
    await again.locator('input[name="password_confirmation"]').fill('Clave-Secreta-2026');
    const [sent] = await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      again.getByRole('button', { name: 'Crear cuenta' }).click(),
    ]);
    assert.ok(sent.status() < 400, `status ${sent.status()}`);
    assert.notEqual(new URL(page.url()).pathname, '/registro');
  });
});
