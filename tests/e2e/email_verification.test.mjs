// Browser test: AUTH_EMAIL_VERIFICATION=required at the checkout. A new customer signs up, fills the cart, tries to
// finish the purchase and is asked to verify the e-mail first (the cart is kept); "Reenviar enlace" answers on the
// page; the queue worker (`nico queue:work`) mails the link to a local SMTP receiver on 127.0.0.1 (started here);
// the customer opens it in chromium, lands back on the checkout and confirms the order.
// Run: cd tests/e2e && node --test --test-concurrency=1 email_verification.test.mjs
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';

import { launchBrowser } from './lib/browser.mjs';
import { NICO_BIN, REPO_ROOT, startServer } from './lib/server.mjs';
import { SCREENSHOT_DIR } from './lib/screenshots.mjs';
import { bodyText, runWorker, startSmtpReceiver } from './lib/smtp.mjs';


const EMAIL = `verifica-${Date.now()}@example.com`;
const PASSWORD = 'Clave-verifica-e2e-58';
const LINK = /https?:\/\/\S+\/verificar-email\/\d+\/[0-9a-f]{64}\?expires=\d+&signature=[0-9a-f]{64}/;

let smtp;
let server;
let browser;
let page;
const serverErrors = [];

async function screenshot(name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage: true });
}

async function submitAndWait(locator) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
}

describe('e-mail verification required at checkout (browser)', { timeout: 180_000 }, () => {
  before(async () => {
    smtp = await startSmtpReceiver();
    server = await startServer({
      env: {
        MAIL_MAILER: 'smtp',
        MAIL_HOST: '127.0.0.1',
        MAIL_PORT: String(smtp.port),
        QUEUE_CONNECTION: 'database',
        AUTH_EMAIL_VERIFICATION: 'required',
      },
    });
    await promisify(execFile)(NICO_BIN, ['db:seed', '--demo'], { cwd: REPO_ROOT, env: server.env });
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'es-AR', viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    page.on('response', (res) => {
      if (res.status() >= 500) serverErrors.push(`${res.status()} ${res.request().method()} ${res.url()}`);
    });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    smtp?.close();
  });

  it('asks to verify before the checkout and completes it after the mailed link', async () => {
    await page.goto(`${server.url}/registro`);
    const form = page.locator('form[action="/registro"]');
    await form.locator('input[name="name"]').fill('Vera');
    await form.locator('input[name="last_name"]').fill('Verifica');
    await form.locator('input[name="phone"]').fill('341 555-0000');
    await form.locator('input[name="email"]').fill(EMAIL);
    await form.locator('input[name="password"]').fill(PASSWORD);
    await form.locator('input[name="password_confirmation"]').fill(PASSWORD);
    await submitAndWait(form.locator('button'));
    await page.getByText('Cuenta creada correctamente.').waitFor();

    await page.goto(`${server.url}/producto/cargador-usb-c-20w`);
    await page.getByRole('button', { name: 'Agregar al carrito' }).click();
    await page.locator('#cartAddedTitle', { hasText: 'Agregado al carrito' }).waitFor({ state: 'visible' });
    await page.goto(`${server.url}/carrito`);
    await submitAndWait(page.locator('[data-checkout-btn]'));

    // The gate: a clear reason, the address, the resend button; the cart is still there.
    assert.equal(new URL(page.url()).pathname, '/verificar-email');
    await page.getByText('Para finalizar la compra, primero verificá tu email. Tu carrito queda guardado.').waitFor();
    await page.locator('[data-email-verification] strong', { hasText: EMAIL }).waitFor();
    await submitAndWait(page.getByRole('button', { name: 'Reenviar enlace' }));
    assert.equal(new URL(page.url()).pathname, '/verificar-email');
    await page.getByText(`Te enviamos un enlace nuevo a ${EMAIL}.`, { exact: false }).waitFor();
    assert.equal(await page.locator('a.cart-link [data-cart-count]').innerText(), '1', 'the cart is kept');
    await screenshot('verify_email_required.png');
    await page.goto(`${server.url}/mi-cuenta`);
    await page.locator('[data-email-verification-banner]').getByText('Verificá tu email').waitFor();
    await screenshot('account_verify_banner.png');

    // Sign-up and resend mails, both to the customer; the newest link verifies.
    await runWorker(server.env);
    assert.equal(smtp.messages.length, 2, 'two verification mails delivered');
    const text = bodyText(smtp.messages[1]);
    assert.match(text, /Hola Vera,/);
    const link = text.match(LINK)?.[0];
    assert.ok(link, `a verification link in the mail:\n${text}`);

    await page.goto(link);
    assert.equal(new URL(page.url()).pathname, '/checkout');
    await page.getByText('¡Listo! Verificamos tu email. Ya podés continuar con tu compra.').waitFor();
    await page.locator('.page-title', { hasText: 'Finalizar compra' }).waitFor();
    await page.getByText('Cargador USB-C 20W').first().waitFor();
    await submitAndWait(page.locator('[data-checkout-submit]'));
    assert.match(new URL(page.url()).pathname, /^\/pedido\/\d+$/);
    await page.locator('.alert-success', { hasText: '¡Pedido confirmado!' }).first().waitFor();
  });

  it('saw no 5xx responses', () => {
    assert.deepEqual(serverErrors, [], 'server answered with 5xx');
  });
});
