// Browser test of the admin 2FA enrolment: sign in as admin → generate a secret → the QR code and the secret are
// shown → confirm with a code computed here (RFC 6238) → recovery codes are shown once.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { launchBrowser } from './lib/browser.mjs';
import { NICO_BIN, REPO_ROOT, startServer } from './lib/server.mjs';
import { SCREENSHOT_DIR } from './lib/screenshots.mjs';

const admin = { email: 'jefe@taller.example.com', password: 'Clave-Admin-2fa!' };

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

function totp(secret, unixSeconds) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[19] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

let server;
let browser;
let page;

describe('admin 2FA (browser)', () => {
  before(async () => {
    server = await startServer();
    execFileSync(NICO_BIN, ['user:create-admin', '--email', admin.email, '--password', admin.password], {
      env: server.env,
      cwd: REPO_ROOT,
    });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs in and lands on the admin panel', async () => {
    await page.goto(`${server.url}/login`);
    await page.fill('input[name="email"]', admin.email);
    await page.fill('input[name="password"]', admin.password);
    await page.click('button:has-text("Ingresar")');
    await page.waitForURL(/\/admin\/dashboard$/);
    assert.match(await page.locator('.page-title').innerText(), /Panel Admin/);
  });

  it('enrols 2FA with the QR code and sees the recovery codes once', async () => {
    await page.goto(`${server.url}/admin/seguridad/2fa`);
    await page.click('button:has-text("Generar secreto 2FA")');
    await page.waitForSelector('#twofa-secret');
    const secret = (await page.locator('#twofa-secret').innerText()).trim();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.equal(await page.locator('.twofa-qr svg path').count(), 1);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-2fa-enrol.png'), fullPage: true });

    const form = page.locator('form[action="/admin/seguridad/2fa/activar"]');
    await form.locator('input[name="current_password"]').fill(admin.password);
    await form.locator('input[name="code"]').fill(totp(secret, Date.now() / 1000));
    await form.locator('button[type="submit"]').first().click();
    await page.waitForLoadState('load');
    assert.match(await page.locator('.alert-success').first().innerText(), /2FA activado correctamente para tu cuenta admin\./);
    const codes = await page.locator('code').allInnerTexts();
    assert.ok(codes.filter((c) => /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/.test(c.trim())).length >= 8, codes.join(','));
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-2fa-enabled.png'), fullPage: true });
  });
});
