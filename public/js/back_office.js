// Admin back office enhancements (forms work without this file): quick toggles and stock via fetch,
// the bulk-action bar and drag-and-drop for brand assets. Confirmations are data-confirm (app.js).
(function () {
  'use strict';

  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

  function toast(message, error) {
    const el = document.createElement('div');
    el.className = (error ? 'alert-error' : 'alert-success') + ' toast';
    el.setAttribute('role', 'status');
    el.textContent = message;
    document.body.appendChild(el);
    setTimeout(() => el.remove(), 1800);
  }

  async function post(form, body) {
    // getAttribute: the bulk form has a <select name="action">, which shadows form.action.
    const response = await fetch(form.getAttribute('action'), {
      method: 'POST',
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
      body: body || new FormData(form),
      credentials: 'same-origin',
    });
    let data = {};
    try { data = await response.json(); } catch (_) { /* not JSON */ }
    return { status: response.status, data };
  }

  function failure(status, data) {
    if (status === 419) return 'Sesión expirada. Recargá la página ⚠️';
    return (data && data.message) || 'No se pudo completar ⚠️';
  }

  function setBadge(button, on, onLabel, offLabel, onClass) {
    button.textContent = on ? onLabel : offLabel;
    button.classList.remove('badge-emerald', 'badge-amber', 'badge-zinc');
    button.classList.add(on ? onClass : 'badge-zinc');
  }

  // Product toggles: data-admin-product-toggle="active" | "featured".
  $$('form[data-admin-product-toggle]').forEach((form) => {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const kind = form.dataset.adminProductToggle;
      const { status, data } = await post(form);
      if (status !== 200 || !data.ok) return toast(failure(status, data), true);
      const button = form.querySelector('[data-toggle-btn]');
      if (kind === 'active') setBadge(button, data.active, 'Activo', 'Inactivo', 'badge-emerald');
      else setBadge(button, data.featured, 'Destacado', 'Normal', 'badge-amber');
      toast(data.message);
    });
  });

  // Category toggle.
  $$('form[data-admin-category-toggle]').forEach((form) => {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const { status, data } = await post(form);
      if (status !== 200 || !data.ok) return toast(failure(status, data), true);
      setBadge(form.querySelector('[data-active-btn]'), data.active, 'Activa', 'Inactiva', 'badge-emerald');
      toast(data.message);
    });
  });

  // Stock quick edit.
  $$('form[data-admin-product-stock]').forEach((form) => {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const id = form.dataset.productId;
      const { status, data } = await post(form);
      if (status !== 200 || !data.ok) return toast(failure(status, data), true);
      $$(`[data-stock-label-for="${id}"]`).forEach((label) => {
        label.textContent = data.stock > 0 ? `Stock: ${data.stock}` : 'Sin stock';
        label.classList.toggle('badge-emerald', data.stock > 0);
        label.classList.toggle('badge-rose', data.stock <= 0);
      });
      $$(`[data-stock-input-for="${id}"]`).forEach((input) => { input.value = data.stock; });
      toast(data.message);
    });
  });

  // Bulk bar.
  const bar = document.querySelector('[data-products-bulk-bar]');
  if (bar) {
    const form = bar.querySelector('form[data-admin-products-bulk]');
    const action = form.querySelector('[data-bulk-action]');
    const stock = form.querySelector('[data-bulk-stock]');
    const category = form.querySelector('[data-bulk-category]');
    const apply = form.querySelector('[data-bulk-apply]');
    const count = bar.querySelector('[data-bulk-count]');
    const boxes = () => $$('[data-bulk-checkbox]');
    const checked = () => boxes().filter((box) => box.checked);
    const refresh = () => {
      const n = checked().length;
      count.textContent = String(n);
      bar.classList.toggle('hidden', n === 0);
      apply.disabled = n === 0 || !action.value;
      stock.classList.toggle('hidden', action.value !== 'set_stock' && action.value !== 'stock_adjust');
      category.classList.toggle('hidden', action.value !== 'set_category');
    };
    boxes().forEach((box) => box.addEventListener('change', refresh));
    const all = document.querySelector('[data-bulk-select-all]');
    if (all) all.addEventListener('change', () => { boxes().forEach((box) => { box.checked = all.checked; }); refresh(); });
    action.addEventListener('change', refresh);
    form.querySelector('[data-bulk-clear]').addEventListener('click', () => {
      boxes().forEach((box) => { box.checked = false; });
      if (all) all.checked = false;
      refresh();
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if ((action.value === 'set_stock' || action.value === 'stock_adjust') && stock.value.trim() === '') {
        return toast('Ingresá el stock para aplicar ⚠️', true);
      }
      const body = new FormData(form);
      checked().forEach((box) => body.append('ids[]', box.value));
      const { status, data } = await post(form, body);
      if (status !== 200 || !data.ok) return toast(failure(status, data), true);
      toast(data.message);
      setTimeout(() => window.location.reload(), 350);
    });
    refresh();
  }

  // Brand assets: the file input becomes a drop zone.
  $$('form[data-asset-upload-form]').forEach((form) => {
    const input = form.querySelector('[data-asset-file-input]');
    const zone = form.querySelector('[data-asset-dropzone]');
    const name = form.querySelector('[data-asset-file-name]');
    const submit = form.querySelector('[data-asset-submit]');
    if (!input || !zone) return;
    input.classList.add('hidden');
    zone.classList.remove('hidden');
    submit.disabled = true;
    const chosen = () => {
      const file = input.files && input.files[0];
      submit.disabled = !file;
      name.classList.toggle('hidden', !file);
      name.textContent = file ? `Archivo: ${file.name}` : '';
    };
    zone.addEventListener('click', () => input.click());
    input.addEventListener('change', chosen);
    zone.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('is-over'); });
    zone.addEventListener('dragleave', () => zone.classList.remove('is-over'));
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('is-over');
      if (event.dataTransfer && event.dataTransfer.files.length) { input.files = event.dataTransfer.files; chosen(); }
    });
  });
})();
