// Browser test: "¿Olvidaste tu contraseña?" end to end. A customer signs up, signs out, follows the login page's
// link, asks for a reset, the queue worker (`nico queue:work`) mails the link to a local SMTP receiver on
// 127.0.0.1 (started here), the customer opens it in chromium, sets a new password, signs in with it, and a second
// visit to the same link is refused. Run: cd tests/e2e && node --test --test-concurrency=1 password_reset.test.mjs
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';

import { launchBrowser } from './lib/browser.mjs';
import { NICO_BIN, REPO_ROOT, startServer } from './lib/server.mjs';

/** A minimal SMTP server (EHLO, MAIL, RCPT, DATA, QUIT) that keeps each message's raw DATA. */
function startSmtpReceiver() {
  const messages = [];
  const srv = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let data = '';
    socket.write('220 localhost ESMTP test\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('binary');
      let at;
      while ((at = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            messages.push(Buffer.from(data, 'binary').toString('utf8'));
            data = '';
            socket.write('250 OK\r\n');
          } else {
            data += (line.startsWith('..') ? line.slice(1) : line) + '\r\n';
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 localhost\r\n');
        else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
        } else socket.write('250 OK\r\n');
      }
    });
    socket.on('error', () => {});
  });
  return new Promise((resolve) => {
    srv.listen(0, '127.0.0.1', () => resolve({ port: srv.address().port, messages, close: () => srv.close() }));
  });
}

/** The text body of a raw message (base64 bodies decoded; the text/plain part of a multipart message). */
function bodyText(raw) {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const boundary = headers.match(/boundary="([^"]+)"/i)?.[1];
  if (boundary) {
    const part = body.split(`--${boundary}`).find((p) => /content-type:\s*text\/plain/i.test(p));
    return part ? bodyText(part.replace(/^\r\n/, '')) : '';
  }
  return /content-transfer-encoding:\s*base64/i.test(headers)
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : body;
}

/** Runs `nico queue:work --stop-when-empty` against the test server's database. */
function runWorker(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(NICO_BIN, ['queue:work', '--stop-when-empty'], { cwd: REPO_ROOT, env, stdio: 'pipe' });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`queue:work exit ${code}: ${output}`))));
  });
}

const EMAIL = `olvido-${Date.now()}@example.com`;
const OLD_PASSWORD = 'Vieja-clave-e2e-41';
const NEW_PASSWORD = 'Nueva-clave-e2e-97';

let smtp;
let server;
let browser;
let page;

describe('password reset (browser)', { timeout: 180_000 }, () => {
  before(async () => {
    smtp = await startSmtpReceiver();
    server = await startServer({
      env: { MAIL_MAILER: 'smtp', MAIL_HOST: '127.0.0.1', MAIL_PORT: String(smtp.port), QUEUE_CONNECTION: 'database' },
    });
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'es-AR', viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    smtp?.close();
  });

  it('mails a working single-use link and the new password signs in', async () => {
    // Sign up, then sign out (a signed-in visitor is sent away from the reset pages).
    await page.goto(`${server.url}/registro`);
    const form = page.locator('form[action="/registro"]');
    await form.locator('input[name="name"]').fill('Ana');
    await form.locator('input[name="last_name"]').fill('Olvido');
    await form.locator('input[name="phone"]').fill('341 555-0000');
    await form.locator('input[name="email"]').fill(EMAIL);
    await form.locator('input[name="password"]').fill(OLD_PASSWORD);
    await form.locator('input[name="password_confirmation"]').fill(OLD_PASSWORD);
    await Promise.all([page.waitForNavigation(), form.locator('button').click()]);
    await page.context().clearCookies();

    await page.goto(`${server.url}/login`);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '¿Olvidaste tu contraseña?' }).click()]);
    assert.equal(new URL(page.url()).pathname, '/recuperar-contrasena');
    await page.locator('input[name="email"]').fill(EMAIL);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Enviar enlace' }).click()]);
    await page.getByText('Si el email está registrado, te enviamos un enlace para restablecer la contraseña.').waitFor();

    await runWorker(server.env);
    // The sign-up's e-mail verification mail first, then the reset mail.
    assert.equal(smtp.messages.length, 2, 'two mails delivered');
    const text = bodyText(smtp.messages[1]);
    const link = text.match(/https?:\/\/\S+\/restablecer-contrasena\/[A-Za-z0-9]+/)?.[0];
    assert.ok(link, `a reset link in the mail:\n${text}`);

    await page.goto(link);
    await page.locator('input[name="password"]').fill(NEW_PASSWORD);
    await page.locator('input[name="password_confirmation"]').fill(NEW_PASSWORD);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Guardar contraseña' }).click()]);
    assert.equal(new URL(page.url()).pathname, '/login');
    await page.getByText('cambiamos tu contraseña', { exact: false }).waitFor();

    await page.locator('input[name="email"]').fill(EMAIL);
    await page.locator('input[name="password"]').fill(NEW_PASSWORD);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Ingresar' }).click()]);
    await page.getByText('Sesión iniciada correctamente.').waitFor();
    await page.context().clearCookies();

    const replay = await page.goto(link);
    assert.equal(replay.status(), 410);
    await page.getByText('Este enlace ya se usó.', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Pedir un enlace nuevo' }).waitFor();
  });
});
