// Browser test of "Continuar con Google" against a fake OAuth provider this file starts on 127.0.0.1: a new
// person, linking an existing account, a state that does not match, and a provider error. No traffic leaves
// 127.0.0.1. Run from tests/e2e: `node --test --test-concurrency=1 google_signin.test.mjs`.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';

import { launchBrowser } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

const CLIENT_ID = 'nico-e2e.apps.googleusercontent.com';
const CLIENT_SECRET = 'secreto-e2e';
const FAILURE = 'No se pudo iniciar sesión con Google. Intentá de nuevo.';

/** Fake provider: /authorize redirects back with a code (or an error), /token checks code + PKCE + secret. */
function startFakeGoogle() {
  const grants = new Map(); // code → { identity, challenge, redirectUri }
  const tokens = new Map(); // access token → identity
  const state = { next: null, mode: 'ok' }; // mode: ok | deny | wrong-state
  const srv = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const json = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && url.pathname === '/authorize') {
      const q = url.searchParams;
      if (q.get('client_id') !== CLIENT_ID || q.get('code_challenge_method') !== 'S256') return json(400, {});
      const back = new URL(q.get('redirect_uri'));
      back.searchParams.set('state', state.mode === 'wrong-state' ? 'otro-estado' : q.get('state'));
      if (state.mode === 'deny') {
        back.searchParams.set('error', 'access_denied');
      } else {
        const code = `code-${randomBytes(12).toString('hex')}`;
        grants.set(code, { identity: state.next, challenge: q.get('code_challenge'), redirectUri: q.get('redirect_uri') });
        back.searchParams.set('code', code);
      }
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (req.method === 'POST' && url.pathname === '/token') {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        const f = new URLSearchParams(body);
        const grant = grants.get(f.get('code'));
        grants.delete(f.get('code'));
        const challenge = createHash('sha256').update(f.get('code_verifier') || '').digest('base64url');
        if (!grant || f.get('client_secret') !== CLIENT_SECRET || f.get('client_id') !== CLIENT_ID ||
            f.get('redirect_uri') !== grant.redirectUri || challenge !== grant.challenge) {
          return json(400, { error: 'invalid_grant' });
        }
        const token = `tok-${randomBytes(12).toString('hex')}`;
        tokens.set(token, grant.identity);
        return json(200, { access_token: token, token_type: 'Bearer', expires_in: 3599 });
      });
      return undefined;
    }
    if (req.method === 'GET' && url.pathname === '/userinfo') {
      const who = tokens.get((req.headers.authorization || '').replace(/^Bearer /, ''));
      return who ? json(200, who) : json(401, { error: 'invalid_token' });
    }
    return json(404, {});
  });
  return new Promise((resolve) => {
    srv.listen(0, '127.0.0.1', () => {
      const base = `http://127.0.0.1:${srv.address().port}`;
      resolve({ base, state, close: () => new Promise((r) => srv.close(r)) });
    });
  });
}

const unique = (p) => `${p}-${Date.now()}-${randomBytes(3).toString('hex')}`;

describe('Google sign-in (browser)', { timeout: 180_000 }, () => {
  let provider;
  let server;
  let browser;

  before(async () => {
    provider = await startFakeGoogle();
    server = await startServer({
      env: {
        GOOGLE_CLIENT_ID: CLIENT_ID,
        GOOGLE_CLIENT_SECRET: CLIENT_SECRET,
        GOOGLE_AUTH_URL: `${provider.base}/authorize`,
        GOOGLE_TOKEN_URL: `${provider.base}/token`,
        GOOGLE_USERINFO_URL: `${provider.base}/userinfo`,
      },
    });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    await provider?.close();
  });

  async function freshPage() {
    const context = await browser.newContext({ locale: 'es-AR', viewport: { width: 390, height: 844 } });
    context.setDefaultTimeout(10_000);
    return context.newPage();
  }

  async function continueWithGoogle(page, identity, mode = 'ok') {
    provider.state.next = identity;
    provider.state.mode = mode;
    await page.goto(`${server.url}/login`);
    // Through the provider and back: done once our callback has answered and its target page has loaded.
    await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/auth/google/callback'),
      page.getByRole('link', { name: 'Continuar con Google' }).click(),
    ]);
    await page.waitForLoadState('load');
  }

  it('creates an account for a new person and asks for last name and phone', async () => {
    const page = await freshPage();
    const email = `${unique('nueva')}@gmail.com`;
    await continueWithGoogle(page, { sub: unique('sub'), email, email_verified: true, given_name: 'Lucía', name: 'Lucía' });
    await page.waitForURL((u) => new URL(u).pathname === '/mi-cuenta');
    await page.getByText('Completá tu apellido y teléfono para poder comprar.').first().waitFor();
    await page.context().close();
  });

  it('links an existing account by its verified e-mail', async () => {
    const page = await freshPage();
    const email = `${unique('cliente')}@example.com`;
    await page.goto(`${server.url}/registro`);
    const form = page.locator('form:has(input[name="password_confirmation"])').first();
    await form.locator('input[name="name"]').fill('Ana');
    await form.locator('input[name="last_name"]').fill('Pérez');
    await form.locator('input[name="phone"]').fill('341 555-0000');
    await form.locator('input[name="email"]').fill(email);
    await form.locator('input[name="password"]').fill('Nico-e2e-Passw0rd!');
    await form.locator('input[name="password_confirmation"]').fill('Nico-e2e-Passw0rd!');
    await form.getByRole('button', { name: 'Crear cuenta' }).click();
    await page.waitForURL((u) => new URL(u).pathname === '/');
    await page.context().clearCookies(); // another visit, signed out

    await continueWithGoogle(page, {
      sub: unique('sub'), email, email_verified: true, given_name: 'Ana', family_name: 'Pérez', name: 'Ana Pérez',
    });
    await page.waitForURL((u) => new URL(u).pathname === '/');
    await page.getByText('Sesión iniciada con Google.').first().waitFor();
    assert.ok((await page.locator('form[action$="/logout"]').count()) > 0, 'signed in');
    await page.context().close();
  });

  it('refuses a callback whose state does not match', async () => {
    const page = await freshPage();
    await continueWithGoogle(page, { sub: unique('sub'), email: `${unique('x')}@gmail.com`, email_verified: true,
      given_name: 'Eva', name: 'Eva' }, 'wrong-state');
    await page.waitForURL((u) => new URL(u).pathname === '/login');
    await page.getByText(FAILURE).first().waitFor();
    assert.equal(await page.locator('form[action$="/logout"]').count(), 0, 'not signed in');
    await page.context().close();
  });

  it('shows the failure message when the provider answers an error', async () => {
    const page = await freshPage();
    await continueWithGoogle(page, null, 'deny');
    await page.waitForURL((u) => new URL(u).pathname === '/login');
    await page.getByText(FAILURE).first().waitFor();
    await page.context().close();
  });
});
