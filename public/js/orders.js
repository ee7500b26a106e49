// Admin orders pages: status changes without a reload (plain forms keep working without JS) that update the card,
// its WhatsApp link and the tab counters, the "¿Notificar por WhatsApp?" sheet, and the WhatsApp log on open.
// Confirmations (data-confirm) and ?autoprint=1 on tickets are app.js's.
(function () {
  'use strict';

  const toast = (message) => (window.NR && window.NR.toast ? window.NR.toast(message) : undefined);
  const BADGES = {
    pendiente: 'badge-amber', confirmado: 'badge-sky', preparando: 'badge-indigo',
    listo_retirar: 'badge-emerald', entregado: 'badge-zinc', cancelado: 'badge-rose',
  };

  function transitionsOf(el) {
    const holder = el.closest('[data-admin-order-transitions]') || document.querySelector('[data-admin-order-transitions]');
    try { return JSON.parse(holder ? holder.getAttribute('data-admin-order-transitions') : '{}'); } catch (e) { return {}; }
  }

  async function postForm(form, fields) {
    const body = new FormData(form);
    Object.entries(fields || {}).forEach(([k, v]) => body.set(k, v));
    const response = await fetch(form.action, {
      method: 'POST', body, credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
    });
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    return { response, data };
  }

  async function logWhatsApp(card) {
    const form = card && card.querySelector('[data-admin-order-wa-form]');
    if (!form) return;
    try {
      const { response, data } = await postForm(form);
      if (!response.ok || !data || !data.ok) { toast('No se pudo registrar el log ⚠️'); return; }
      toast(data.created ? 'Log WhatsApp registrado ✅' : 'Ya había un log reciente ✅');
      card.setAttribute('data-wa-notified', '1');
      card.querySelectorAll('[data-admin-order-wa-badge]').forEach((b) => b.remove());
    } catch (e) {
      toast('No se pudo registrar el log ⚠️');
    }
  }

  function confirmSheet(title, message, okLabel) {
    return new Promise((resolve) => {
      const overlay = document.createElement('div');
      overlay.id = 'nrAdminConfirmOverlay';
      overlay.className = 'orders-confirm';
      overlay.innerHTML = '<div id="nrAdminConfirmSheet" class="orders-confirm-sheet" role="dialog" aria-modal="true" aria-labelledby="nrAdminConfirmTitle">' +
        '<p id="nrAdminConfirmTitle" class="font-semibold"></p><p id="nrAdminConfirmMsg" class="muted"></p>' +
        '<div class="actions"><button type="button" class="btn-primary" data-admin-confirm-ok></button>' +
        '<button type="button" class="btn-ghost" data-admin-confirm-cancel>Ahora no</button></div></div>';
      overlay.querySelector('#nrAdminConfirmTitle').textContent = title;
      overlay.querySelector('#nrAdminConfirmMsg').textContent = message;
      overlay.querySelector('[data-admin-confirm-ok]').textContent = okLabel;
      const close = (answer) => { overlay.remove(); resolve(answer); };
      overlay.addEventListener('click', (e) => {
        if (e.target === overlay || e.target.closest('[data-admin-confirm-cancel]')) close(false);
        else if (e.target.closest('[data-admin-confirm-ok]')) close(true);
      });
      document.body.appendChild(overlay);
      overlay.querySelector('[data-admin-confirm-ok]').focus();
    });
  }

  function refreshCard(card, status, label) {
    card.setAttribute('data-status', status);
    card.querySelectorAll('[data-admin-order-status-badge]').forEach((badge) => {
      badge.textContent = label;
      badge.className = BADGES[status] || 'badge-zinc';
    });
    const allowed = transitionsOf(card)[status] || [];
    card.querySelectorAll('[data-admin-order-set-status]').forEach((btn) => {
      btn.disabled = !allowed.includes(btn.getAttribute('data-status'));
    });
    const statusBtn = card.querySelector('[data-admin-order-status-btn]');
    if (statusBtn) statusBtn.disabled = allowed.length === 0;
    const list = document.querySelector('[data-admin-orders-filter]');
    const filter = list ? list.getAttribute('data-admin-orders-filter') : 'all';
    if (list && filter !== 'all' && filter !== status) {
      card.classList.add('is-leaving');
      setTimeout(() => card.remove(), 220);
    }
  }

  // What depends on the whole list (tab counters: status and WhatsApp) and on the card's WhatsApp state (link
  // message naming the status, "WA pendiente" badge) is re-read from the list page itself, so it always matches
  // what a reload would show: the same query, counted by the server.
  async function refreshFromList(card) {
    if (!document.querySelector('[data-admin-orders-list]')) return;  // the detail page has no counters
    let doc;
    try {
      const response = await fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
      if (!response.ok) return;
      doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    } catch (e) {
      return;
    }
    ['data-admin-orders-count', 'data-admin-orders-wa-count'].forEach((attr) => {
      document.querySelectorAll('[' + attr + ']').forEach((el) => {
        const fresh = doc.querySelector('[' + attr + '="' + CSS.escape(el.getAttribute(attr)) + '"]');
        if (fresh) el.textContent = fresh.textContent;
      });
    });
    const fresh = doc.querySelector('[data-admin-order-card][data-order-id="' + CSS.escape(card.getAttribute('data-order-id')) + '"]');
    if (!fresh || !card.isConnected) return;
    card.setAttribute('data-wa-notified', fresh.getAttribute('data-wa-notified') || '0');
    const link = card.querySelector('[data-admin-order-wa-link]');
    const freshLink = fresh.querySelector('[data-admin-order-wa-link]');
    if (link && freshLink) link.setAttribute('href', freshLink.getAttribute('href'));
    const badge = card.querySelector('[data-admin-order-wa-badge]');
    const freshBadge = fresh.querySelector('[data-admin-order-wa-badge]');
    if (badge && !freshBadge) badge.remove();
    else if (freshBadge) {
      const copy = document.importNode(freshBadge, true);
      if (badge) badge.replaceWith(copy);
      else if (link) link.after(copy);
    }
  }

  function closeMenus() {
    if (window.NR && window.NR.closeAllMenus) window.NR.closeAllMenus(null);
  }

  async function setStatus(btn) {
    const card = btn.closest('[data-admin-order-card]');
    const form = card && card.querySelector('[data-admin-order-status-form]');
    if (!form) return;
    const status = btn.getAttribute('data-status');
    closeMenus();
    try {
      const { response, data } = await postForm(form, { status });
      if (response.status === 422 || response.status === 409) { toast((data && data.message) || 'No se pudo cambiar el estado'); return; }
      if (!response.ok || !data) { form.querySelector('[name="status"]').value = status; form.submit(); return; }
      if (!data.changed) { toast(data.message); return; }
      refreshCard(card, data.status, data.status_label);
      const refreshed = refreshFromList(card);
      if (!(data.wa && data.wa.url)) { toast('Estado actualizado ✅'); return; }
      // The sheet says what changed ("Pedido #N → Listo"); a toast now would sit on top of it, so the
      // confirmation toast waits until the sheet is closed (and opening WhatsApp reports the log instead).
      const ok = await confirmSheet('¿Notificar por WhatsApp?', 'Pedido #' + data.order_id + ' → ' + data.status_label, 'Abrir WhatsApp');
      if (!ok) { toast('Estado actualizado ✅'); return; }
      window.open(data.wa.url, '_blank', 'noopener');
      await refreshed;
      logWhatsApp(card);
    } catch (e) {
      form.querySelector('[name="status"]').value = status;
      form.submit();
    }
  }

  document.addEventListener('click', (e) => {
    const target = e.target instanceof Element ? e.target : null;
    if (!target) return;
    const setBtn = target.closest('[data-admin-order-set-status]');
    if (setBtn && !setBtn.disabled) { e.preventDefault(); setStatus(setBtn); return; }
    const waOpen = target.closest('[data-admin-order-wa-open]');
    if (waOpen) logWhatsApp(waOpen.closest('[data-admin-order-card]'));
  });

})();
