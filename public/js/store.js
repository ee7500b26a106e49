// Store enhancements (spec/ui-contract.md §0.5, §4, §5). Every form also works without this file.
//   - add to cart without leaving the page (fetch + JSON) and the "Agregado al carrito" sheet;
//   - cart quantity −/+/typing, remove and clear via fetch, updating totals and the header badge;
//   - checkout submit: one click only ("Procesando…").
(function () {
  'use strict';

  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
  const NR = () => window.NR || {};
  const toast = (m) => (NR().toast ? NR().toast(m) : undefined);
  const setCartCount = (n) => (NR().setCartCount ? NR().setCartCount(n) : undefined);

  async function postForm(form, timeoutMs = 10000) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        body: new FormData(form),
        headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
        credentials: 'same-origin',
        signal: controller.signal,
      });
      let data = null;
      try { data = await response.json(); } catch (_) { data = null; }
      return { status: response.status, data };
    } finally {
      clearTimeout(timer);
    }
  }

  // ---------- "Agregado al carrito" sheet ----------
  function closeSheet() {
    const overlay = $('#cartAddedOverlay');
    if (overlay) overlay.remove();
  }
  function openSheet(title, name, ok) {
    closeSheet();
    const overlay = document.createElement('div');
    overlay.id = 'cartAddedOverlay';
    overlay.className = 'sheet-overlay';
    overlay.setAttribute('data-cart-added', '1');
    const backdrop = document.createElement('div');
    backdrop.className = 'sheet-backdrop';
    backdrop.setAttribute('data-cart-added-close', '');
    const sheet = document.createElement('div');
    sheet.id = 'cartAddedSheet';
    sheet.className = 'sheet';
    sheet.setAttribute('role', 'dialog');
    sheet.setAttribute('aria-modal', 'true');
    sheet.setAttribute('aria-labelledby', 'cartAddedTitle');
    const head = document.createElement('div');
    head.className = 'sheet-head';
    const titleEl = document.createElement('p');
    titleEl.id = 'cartAddedTitle';
    titleEl.className = 'sheet-title';
    titleEl.textContent = title;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'icon-btn';
    close.setAttribute('data-cart-added-close', '');
    close.setAttribute('aria-label', 'Cerrar');
    close.textContent = '✕';
    head.append(titleEl, close);
    const nameEl = document.createElement('p');
    nameEl.id = 'cartAddedName';
    nameEl.className = 'muted';
    nameEl.textContent = name || '';
    const actions = document.createElement('div');
    actions.className = 'actions sheet-actions';
    if (ok) {
      const view = document.createElement('a');
      view.className = 'btn-primary';
      view.href = '/carrito';
      view.textContent = 'Ver carrito';
      actions.append(view);
    }
    const keep = document.createElement('button');
    keep.type = 'button';
    keep.className = 'btn-outline';
    keep.setAttribute('data-cart-added-close', '');
    keep.textContent = 'Seguir';
    actions.append(keep);
    sheet.append(head, nameEl, actions);
    overlay.append(backdrop, sheet);
    document.body.appendChild(overlay);
    close.focus();
  }

  function productNameFor(form) {
    const card = form.closest('.product-card, .product-detail');
    const title = card ? $('.product-title, .page-title', card) : null;
    return title ? title.textContent.trim() : '';
  }

  async function addToCart(form) {
    const button = $('button[type="submit"], button:not([type])', form);
    if (button) button.disabled = true;
    try {
      const { status, data } = await postForm(form);
      if (status === 200 && data && data.ok) {
        setCartCount(data.cartCount);
        openSheet('Agregado al carrito ✅', (data.added && data.added.name) || productNameFor(form), true);
      } else if (status === 422 || status === 429) {
        openSheet('No se pudo agregar ❌', (data && data.message) || '', false);
      } else if (status === 419) {
        openSheet('No se pudo agregar ❌', 'Sesión expirada. Reintentá.', false);
      } else {
        openSheet('No se pudo agregar ❌', 'No se pudo agregar. Reintentá.', false);
      }
    } catch (_) {
      openSheet('No se pudo agregar ❌', 'Error de red. Reintentá.', false);
    } finally {
      if (button) button.disabled = false;
    }
  }

  // ---------- Cart page ----------
  function emptyCartCard() {
    const section = document.createElement('section');
    section.className = 'card mt-4';
    section.setAttribute('data-cart-empty', '');
    const body = document.createElement('div');
    body.className = 'card-body';
    const title = document.createElement('p');
    title.className = 'card-title';
    title.textContent = 'Tu carrito está vacío.';
    const text = document.createElement('p');
    text.className = 'muted';
    text.textContent = 'Agregá productos desde la tienda.';
    const actions = document.createElement('div');
    actions.className = 'actions mt-4';
    const link = document.createElement('a');
    link.className = 'btn-primary';
    link.href = '/tienda';
    link.textContent = 'Ir a la tienda';
    actions.append(link);
    body.append(title, text, actions);
    section.append(body);
    return section;
  }

  function refreshStockState() {
    let issue = false;
    $$('[data-cart-item]').forEach((item) => {
      const input = $('[data-qty-input]', item);
      const stock = parseInt(($('[data-stock-available]', item) || {}).textContent, 10) || 0;
      const qty = input ? parseInt(input.value, 10) || 0 : 0;
      if (stock <= 0 || qty > stock) issue = true;
    });
    const btn = $('[data-checkout-btn]');
    if (btn) {
      btn.setAttribute('aria-disabled', issue ? 'true' : 'false');
      btn.setAttribute('tabindex', issue ? '-1' : '0');
      btn.classList.toggle('opacity-50', issue);
      btn.classList.toggle('pointer-events-none', issue);
    }
    const warning = $('[data-stock-warning]');
    if (warning) warning.classList.toggle('hidden', !issue);
  }

  function applySummary(data) {
    if (!data) return;
    setCartCount(data.cartCount);
    const total = $('[data-cart-total]');
    if (total && data.totalText) total.textContent = data.totalText;
    const count = $('[data-cart-items-count]');
    if (count && typeof data.itemsCount === 'number') count.textContent = data.itemsCount + (data.itemsCount === 1 ? ' ítem' : ' ítems');
    if (data.empty) {
      const grid = $('[data-cart-grid]');
      if (grid) grid.replaceWith(emptyCartCard());
    }
  }

  function updateLineButtons(item) {
    const input = $('[data-qty-input]', item);
    if (!input) return;
    const max = parseInt(input.getAttribute('max'), 10) || 1;
    const qty = parseInt(input.value, 10) || 1;
    const minus = $('[data-qty-minus]', item);
    const plus = $('[data-qty-plus]', item);
    if (minus) minus.disabled = qty <= 1 || input.disabled;
    if (plus) plus.disabled = qty >= max || input.disabled;
  }

  const pending = new WeakMap();
  function scheduleQtyUpdate(form, delay = 220) {
    clearTimeout(pending.get(form));
    pending.set(form, setTimeout(() => sendQty(form), delay));
  }

  async function sendQty(form) {
    const item = form.closest('[data-cart-item]');
    try {
      const { status, data } = await postForm(form, 8000);
      if (status === 404 && data && data.reload) { location.reload(); return; }
      if (status !== 200 || !data || !data.ok) {
        toast((data && data.message) || 'No se pudo actualizar el carrito. Reintentá.');
        return;
      }
      if (data.removed) {
        if (item) item.remove();
        toast(data.message);
        applySummary(data);
        refreshStockState();
        return;
      }
      const input = $('[data-qty-input]', form);
      if (input) {
        input.value = data.quantity;
        input.setAttribute('max', String(Math.max(1, data.maxStock)));
      }
      const stock = item ? $('[data-stock-available]', item) : null;
      if (stock) stock.textContent = String(data.maxStock);
      const subtotal = item ? $('[data-line-subtotal]', item) : null;
      if (subtotal && data.lineSubtotalText) subtotal.textContent = data.lineSubtotalText;
      if (data.message) toast(data.message);
      applySummary(data);
      if (item) updateLineButtons(item);
      refreshStockState();
    } catch (e) {
      toast(e && e.name === 'AbortError' ? 'Tardó mucho en actualizar. Reintentá.' : 'No se pudo actualizar el carrito. Reintentá.');
    }
  }

  async function removeOrClear(form, isClear) {
    const item = form.closest('[data-cart-item]');
    if (item) item.classList.add('is-removing');
    try {
      const { status, data } = await postForm(form);
      if (status !== 200 || !data || !data.ok) throw new Error('failed');
      if (item) item.remove();
      toast(data.message);
      applySummary(data);
      refreshStockState();
      if (isClear && !data.empty) location.reload();
    } catch (_) {
      form.submit();  // fall back to a normal post
    }
  }

  // ---------- Wiring ----------
  document.addEventListener('submit', (e) => {
    const form = e.target;
    if (!(form instanceof HTMLFormElement)) return;
    const action = form.getAttribute('action') || '';
    if (action.includes('/carrito/agregar') || form.dataset.addToCart === '1') {
      e.preventDefault();
      addToCart(form);
    } else if (form.hasAttribute('data-cart-qty')) {
      e.preventDefault();
      sendQty(form);
    } else if (form.hasAttribute('data-cart-remove')) {
      e.preventDefault();
      removeOrClear(form, false);
    } else if (form.hasAttribute('data-cart-clear')) {
      e.preventDefault();
      removeOrClear(form, true);
    } else if (form.hasAttribute('data-checkout-form')) {
      const button = $('[data-checkout-submit]', form);
      if (form.dataset.submitting === '1') { e.preventDefault(); return; }
      form.dataset.submitting = '1';
      if (button) {
        // Disabled after this tick so the browser still submits the form it belongs to.
        setTimeout(() => { button.disabled = true; }, 0);
        button.setAttribute('aria-busy', 'true');
        const label = $('[data-checkout-label]', button);
        const loading = $('[data-checkout-loading]', button);
        if (label) label.classList.add('hidden');
        if (loading) loading.classList.remove('hidden');
      }
    }
  });

  document.addEventListener('click', (e) => {
    const t = e.target instanceof Element ? e.target : null;
    if (!t) return;
    if (t.closest('[data-cart-added-close]')) { e.preventDefault(); closeSheet(); return; }
    const step = t.closest('[data-qty-minus], [data-qty-plus]');
    if (step) {
      const form = step.closest('form[data-cart-qty]');
      const input = form ? $('[data-qty-input]', form) : null;
      if (!input || input.disabled) return;
      const max = parseInt(input.getAttribute('max'), 10) || 1;
      const current = parseInt(input.value, 10) || 1;
      const plus = step.hasAttribute('data-qty-plus');
      if (plus && current >= max) { toast('Máximo stock disponible.'); return; }
      input.value = String(Math.max(1, Math.min(max, current + (plus ? 1 : -1))));
      const item = form.closest('[data-cart-item]');
      if (item) updateLineButtons(item);
      scheduleQtyUpdate(form);
    }
  });

  document.addEventListener('input', (e) => {
    const input = e.target;
    if (!(input instanceof HTMLInputElement) || !input.hasAttribute('data-qty-input')) return;
    const form = input.closest('form[data-cart-qty]');
    if (form && input.value !== '') scheduleQtyUpdate(form, 250);
  });

  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && $('#cartAddedOverlay')) closeSheet();
  });

  // ---------- Checkout summary: collapsed behind a toggle on phones ----------
  function initSummaryToggle() {
    const toggle = $('[data-summary-toggle]');
    const body = $('[data-summary-body]');
    const head = $('[data-summary-head]');
    if (!toggle || !body) return;
    const mq = window.matchMedia('(min-width: 1024px)');
    const apply = () => {
      const desktop = mq.matches;
      toggle.classList.toggle('hidden', desktop);
      if (head) head.classList.toggle('hidden', !desktop);
      const open = desktop || toggle.getAttribute('aria-expanded') === 'true' && toggle.dataset.touched === '1';
      body.classList.toggle('hidden', !open);
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    };
    toggle.addEventListener('click', () => {
      toggle.dataset.touched = '1';
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      body.classList.toggle('hidden', !open);
    });
    if (mq.addEventListener) mq.addEventListener('change', apply);
    apply();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', initSummaryToggle);
  else initSummaryToggle();

  // Returning with the browser's back button must not leave the checkout button stuck on "Procesando…".
  window.addEventListener('pageshow', () => {
    $$('form[data-checkout-form]').forEach((form) => {
      delete form.dataset.submitting;
      const button = $('[data-checkout-submit]', form);
      if (!button) return;
      button.disabled = false;
      button.removeAttribute('aria-busy');
      const label = $('[data-checkout-label]', button);
      const loading = $('[data-checkout-loading]', button);
      if (label) label.classList.remove('hidden');
      if (loading) loading.classList.add('hidden');
    });
  });
})();
