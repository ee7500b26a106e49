// Browser test of the confirmation dialogs in the admin: every action that asks first (category, product and bulk
// delete, order and repair deliver / cancel, brand asset reset, pricing rule delete) shows exactly one dialog with
// its own question; "Cancelar" sends nothing and changes nothing; "Aceptar" does the action once. Also checks that
// each admin area loads only the shared script and its own (every area script once added its own confirm handler).
// Run from tests/e2e with `npm test` (needs build/nico or $NICO_BIN, /usr/bin/chromium and /usr/bin/sqlite3).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { launchBrowser } from './lib/browser.mjs';
import { NICO_BIN, REPO_ROOT, startServer } from './lib/server.mjs';

const admin = { email: `e2e-confirm-${randomBytes(3).toString('hex')}@example.com`, password: 'Nico-e2e-Admin1!' };

let server;
let browser;
let page;
const pageErrors = [];

const sql = (statement) => execFileSync('sqlite3', [server.env.DB_DATABASE, statement], { encoding: 'utf8' }).trim();
const count = (table, id) => Number(sql(`SELECT COUNT(*) FROM ${table} WHERE id = ${id};`));

// Two of each thing an admin may destroy or close: one for the dialog on a list, one on a detail page.
function fixtureSql() {
  const now = new Date().toISOString().slice(0, 19).replace('T', ' ');
  return [
    `INSERT INTO users (id, name, email, password, role, created_at, updated_at)
       VALUES (900, 'Lucía', 'lucia-confirm@example.com', 'x', 'user', '${now}', '${now}');`,
    `INSERT INTO categories (id, name, slug, created_at, updated_at) VALUES
       (901, 'Vacía uno', 'vacia-uno', '${now}', '${now}'), (902, 'Vacía dos', 'vacia-dos', '${now}', '${now}'),
       (903, 'Con productos', 'con-productos', '${now}', '${now}');`,
    `INSERT INTO products (id, category_id, name, slug, price, stock, created_at, updated_at) VALUES
       (901, 903, 'Funda para borrar', 'funda-para-borrar', 100000, 1, '${now}', '${now}'),
       (902, 903, 'Templado para borrar en lote', 'templado-lote', 100000, 1, '${now}', '${now}');`,
    `INSERT INTO orders (id, user_id, status, payment_method, total, pickup_name, pickup_phone, created_at, updated_at) VALUES
       (901, 900, 'listo_retirar', 'local', 100000, 'Lucía', '+5493415550000', '${now}', '${now}'),
       (902, 900, 'pendiente', 'local', 100000, 'Lucía', '+5493415550000', '${now}', '${now}');`,
    `INSERT INTO repairs (id, code, customer_name, customer_phone, device_brand, device_model, issue_reported, status,
                          received_at, created_at, updated_at) VALUES
       (901, 'R-2026-00901', 'Lucía', '+5493415550000', 'Samsung', 'A52', 'No carga', 'ready_pickup', '${now}', '${now}', '${now}'),
       (902, 'R-2026-00902', 'Lucía', '+5493415550000', 'Motorola', 'G20', 'Pantalla', 'received', '${now}', '${now}', '${now}');`,
  ].join('\n');
}

// Clicks `button` while counting dialogs (answered with `answer`) and POST requests. Returns both lists.
async function clickCounting(button, answer, { waitFor } = {}) {
  const dialogs = [];
  const posts = [];
  const onDialog = (dialog) => {
    dialogs.push(dialog.message());
    (answer === 'accept' ? dialog.accept() : dialog.dismiss()).catch(() => {});
  };
  const onRequest = (request) => { if (request.method() === 'POST') posts.push(request.url()); };
  page.on('dialog', onDialog);
  page.on('request', onRequest);
  try {
    if (waitFor) await Promise.all([waitFor(), button.click()]);
    else await button.click();
    // One round trip through the page: a submit started by the click has issued its request by now.
    await page.evaluate(() => document.readyState);
  } finally {
    page.off('dialog', onDialog);
    page.off('request', onRequest);
  }
  return { dialogs, posts };
}

const nextLoad = () => page.waitForNavigation({ waitUntil: 'load' });

// The whole check for one confirm: dismiss (one dialog, nothing sent, nothing changed), then accept (one dialog,
// the action happened). `prepare` gets the page ready (navigation, selecting rows) and returns the button.
async function checkConfirm({ prepare, done, acceptWait = nextLoad }) {
  let button = await prepare();
  const question = await button.evaluate((b) => (b.form && b.form.getAttribute('data-confirm')) ||
    (b.form && b.form.querySelector('option[data-confirm]:checked')?.getAttribute('data-confirm')) || '');
  assert.ok(question.length > 0, 'the action declares its question in data-confirm');

  const dismissed = await clickCounting(button, 'dismiss');
  assert.deepEqual(dismissed.dialogs, [question], 'one dialog with the form\'s question');
  assert.deepEqual(dismissed.posts, [], '"Cancelar" sends nothing');
  assert.equal(await done(), false, '"Cancelar" changes nothing');

  button = await prepare();
  const accepted = await clickCounting(button, 'accept', { waitFor: acceptWait });
  assert.deepEqual(accepted.dialogs, [question], 'one dialog when accepting too');
  assert.equal(accepted.posts.length, 1, 'the action is sent once');
  assert.equal(await done(), true, '"Aceptar" does the action');
}

async function openAt(url) {
  const response = await page.goto(`${server.url}${url}`);
  assert.equal(response.status(), 200, url);
}

describe('confirmation dialogs in the admin (browser)', { timeout: 180_000 }, () => {
  before(async () => {
    server = await startServer();
    for (const args of [['db:seed'], ['user:create-admin', '--email', admin.email, '--password', admin.password]]) {
      execFileSync(NICO_BIN, args, { env: server.env, cwd: REPO_ROOT });
    }
    execFileSync('sqlite3', [server.env.DB_DATABASE], { input: fixtureSql() });
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'es-AR', viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
    await page.goto(`${server.url}/login`);
    const form = page.locator('form[action$="/login"]').first();
    await form.locator('input[name="email"]').fill(admin.email);
    await form.locator('input[name="password"]').fill(admin.password);
    await Promise.all([nextLoad(), form.getByRole('button', { name: 'Ingresar' }).click()]);
    assert.equal(new URL(page.url()).pathname, '/admin/dashboard');
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
  });

  it('each admin area loads the shared script and only its own area script', async () => {
    const scripts = async (url) => {
      await openAt(url);
      return page.$$eval('script[src]', (list) => list.map((s) => new URL(s.src).pathname).sort());
    };
    assert.deepEqual(await scripts('/admin/pedidos'), ['/js/app.js', '/js/orders.js']);
    assert.deepEqual(await scripts('/admin/reparaciones/901'), ['/js/app.js', '/js/repairs.js']);
    assert.deepEqual(await scripts('/admin/categorias'), ['/js/app.js', '/js/back_office.js']);
    assert.deepEqual(await scripts('/admin/precios'), ['/js/app.js', '/js/device_catalog.js']);
    assert.deepEqual(await scripts('/admin/dashboard'), ['/js/app.js']);
    assert.deepEqual(await scripts('/admin/pedidos/901/ticket'), ['/js/app.js']);
  });

  it('deleting a category from the list asks once', async () => {
    await checkConfirm({
      prepare: async () => { await openAt('/admin/categorias'); return page.locator('form[data-confirm][action="/admin/categorias/901"] button[type="submit"]'); },
      done: async () => count('categories', 901) === 0,
    });
  });

  it('deleting a category from its form asks once', async () => {
    await checkConfirm({
      prepare: async () => { await openAt('/admin/categorias/902/editar'); return page.locator('form[data-confirm][action="/admin/categorias/902"] button[type="submit"]'); },
      done: async () => count('categories', 902) === 0,
    });
  });

  it('deleting a product from its form asks once', async () => {
    await checkConfirm({
      prepare: async () => { await openAt('/admin/productos/901/editar'); return page.locator('form[data-confirm][action="/admin/productos/901"] button[type="submit"]'); },
      done: async () => count('products', 901) === 0,
    });
  });

  it('the bulk delete of products asks once, only for "delete"', async () => {
    await checkConfirm({
      prepare: async () => {
        await openAt('/admin/productos');
        await page.locator('input[data-bulk-checkbox][value="902"]').check();
        await page.locator('select[data-bulk-action]').selectOption('delete');
        return page.locator('button[data-bulk-apply]');
      },
      done: async () => count('products', 902) === 0,
      acceptWait: () => page.waitForResponse((r) => r.url().endsWith('/admin/productos/bulk') && r.request().method() === 'POST'),
    });
  });

  for (const [what, id, status] of [['delivering', 901, 'entregado'], ['cancelling', 902, 'cancelado']]) {
    it(`${what} an order asks once`, async () => {
      await checkConfirm({
        prepare: async () => {
          await openAt(`/admin/pedidos/${id}`);
          return page.locator(`form[data-confirm]:has(input[name="status"][value="${status}"]) button[type="submit"]`);
        },
        done: async () => sql(`SELECT status FROM orders WHERE id = ${id};`) === status,
      });
    });
  }

  for (const [what, id, status] of [['delivering', 901, 'delivered'], ['cancelling', 902, 'cancelled']]) {
    it(`${what} a repair asks once`, async () => {
      await checkConfirm({
        prepare: async () => {
          await openAt(`/admin/reparaciones/${id}`);
          const button = page.locator(`form[data-confirm]:has(input[name="status"][value="${status}"]) button[type="submit"]`);
          if (!(await button.isVisible())) await page.locator('[data-toggle-collapse="repair_quick_status"]').first().click();
          return button;
        },
        done: async () => sql(`SELECT status FROM repairs WHERE id = ${id};`) === status,
      });
    });
  }

  it('resetting a brand asset to the default asks once', async () => {
    await openAt('/admin/configuracion/identidad-visual');
    const upload = page.locator('form[data-asset-upload-form][action$="/identidad-visual/logo_main"]');
    await upload.locator('input[type="file"]').setInputFiles(path.join(REPO_ROOT, 'public/img/android-chrome-192x192.png'));
    await Promise.all([nextLoad(), upload.locator('button[type="submit"]').click()]);
    const reset = 'form[data-confirm][action$="/identidad-visual/logo_main"]';
    await checkConfirm({
      prepare: async () => { await openAt('/admin/configuracion/identidad-visual'); return page.locator(`${reset} button[type="submit"]`); },
      done: async () => { await openAt('/admin/configuracion/identidad-visual'); return (await page.locator(reset).count()) === 0; },
    });
  });

  it('deleting a pricing rule asks once', async () => {
    await openAt('/admin/precios');
    const action = await page.locator('tr[data-pricing-rule] form[data-confirm]').first().getAttribute('action');
    const id = Number(action.split('/').pop());
    await checkConfirm({
      prepare: async () => { await openAt('/admin/precios'); return page.locator(`form[data-confirm][action="${action}"] button[type="submit"]`); },
      done: async () => count('pricing_rules', id) === 0,
    });
  });

  it('no page raised a script error', () => {
    assert.deepEqual(pageErrors, []);
  });
});
