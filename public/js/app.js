// NicoReparaciones — small progressive enhancements (no framework). Forms work without this file.
(function () {
  'use strict';

  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

  const store = {
    get(k) { try { return localStorage.getItem(k); } catch (_) { return null; } },
    set(k, v) { try { localStorage.setItem(k, v); } catch (_) { /* private mode */ } },
  };

  // ---------- Mini toast ----------
  function toast(message, ms = 1600) {
    const el = document.createElement('div');
    el.className = 'alert-success toast';
    el.setAttribute('role', 'status');
    el.textContent = message;
    document.body.appendChild(el);
    setTimeout(() => el.remove(), ms);
  }

  // ---------- Dropdowns: [data-menu="ID"] toggles #ID ----------
  function closeMenu(btn) {
    const menu = document.getElementById(btn.dataset.menu);
    if (menu) { menu.classList.add('hidden'); menu.classList.remove('is-open'); }
    btn.setAttribute('aria-expanded', 'false');
  }
  function closeAllMenus(except) {
    $$('[data-menu][aria-expanded="true"]').forEach((b) => { if (b !== except) closeMenu(b); });
  }
  function toggleMenu(btn) {
    const menu = document.getElementById(btn.dataset.menu);
    if (!menu) return;
    const open = menu.classList.contains('hidden');
    closeAllMenus(btn);
    if (open) {
      menu.classList.remove('hidden');
      menu.classList.add('is-open');
      btn.setAttribute('aria-expanded', 'true');
    } else {
      closeMenu(btn);
    }
  }

  // ---------- Off-canvas sidebar ----------
  const sidebar = () => document.getElementById('appSidebar');
  const overlay = () => document.getElementById('appSidebarOverlay');
  let sidebarOpener = null;

  function openSidebar(opener) {
    const sb = sidebar();
    if (!sb) return;
    sidebarOpener = opener || null;
    sb.classList.add('is-open');
    const ov = overlay();
    if (ov) ov.classList.remove('hidden');
    document.documentElement.classList.add('sidebar-open');
    $$('[data-toggle="sidebar"]').forEach((b) => b.setAttribute('aria-expanded', 'true'));
    const closeBtn = $('[data-close="sidebar"]', sb);
    if (closeBtn) closeBtn.focus();
  }
  function closeSidebar() {
    const sb = sidebar();
    if (!sb || !sb.classList.contains('is-open')) return;
    sb.classList.remove('is-open');
    const ov = overlay();
    if (ov) ov.classList.add('hidden');
    document.documentElement.classList.remove('sidebar-open');
    $$('[data-toggle="sidebar"]').forEach((b) => b.setAttribute('aria-expanded', 'false'));
    if (sidebarOpener) sidebarOpener.focus();
    sidebarOpener = null;
  }

  // ---------- Collapsibles: [data-toggle-collapse="KEY"] -> [data-collapse="KEY"] ----------
  function setCollapse(btn, open, persist) {
    const key = btn.getAttribute('data-toggle-collapse');
    $$('[data-collapse="' + CSS.escape(key) + '"]').forEach((t) => t.classList.toggle('hidden', !open));
    $$('[data-toggle-collapse="' + CSS.escape(key) + '"]').forEach((b) => {
      b.setAttribute('aria-expanded', open ? 'true' : 'false');
      if (!b.hasAttribute('data-toggle-collapse-static')) {
        const label = b.getAttribute('data-toggle-collapse-label');
        const verb = open ? 'Ocultar' : 'Ver';
        b.textContent = label ? verb + ' ' + label : verb;
      }
    });
    if (persist && !btn.hasAttribute('data-toggle-collapse-no-store')) {
      store.set('nr_collapse_' + key, open ? '1' : '0');
    }
  }
  function initCollapsibles() {
    const seen = new Set();
    $$('[data-toggle-collapse]').forEach((btn) => {
      const key = btn.getAttribute('data-toggle-collapse');
      if (seen.has(key)) return;
      seen.add(key);
      const targets = $$('[data-collapse="' + CSS.escape(key) + '"]');
      if (!targets.length) return;
      let open = !targets[0].classList.contains('hidden');
      if (targets.some((t) => t.hasAttribute('data-collapse-open'))) open = true;
      if (!btn.hasAttribute('data-toggle-collapse-no-store')) {
        const saved = store.get('nr_collapse_' + key);
        if (saved === '1') open = true;
        else if (saved === '0') open = false;
      }
      setCollapse(btn, open, false);
    });
  }

  // ---------- Copy buttons: [data-copy-target="#sel"] ----------
  async function copyFrom(btn) {
    const target = $(btn.getAttribute('data-copy-target'));
    const text = target ? ('value' in target ? target.value : target.textContent) : '';
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch (_) {
      // Fallback for non-secure contexts.
      const ta = document.createElement('textarea');
      ta.value = text;
      ta.setAttribute('readonly', '');
      ta.className = 'sr-only';
      document.body.appendChild(ta);
      ta.select();
      try { ok = document.execCommand('copy'); } catch (_) { ok = false; }
      ta.remove();
    }
    toast(ok && target ? (btn.getAttribute('data-copy-toast') || 'Copiado ✅') : 'No se pudo copiar');
  }

  // ---------- Cart badge sync (used by future cart JS) ----------
  function setCartCount(n) {
    const count = Math.max(0, parseInt(n, 10) || 0);
    $$('[data-cart-count]').forEach((el) => {
      if (count === 0) el.remove(); else el.textContent = String(count);
    });
    if (count > 0 && !$('[data-cart-count]')) {
      const link = $('a.cart-link');
      if (link) {
        const b = document.createElement('span');
        b.className = 'cart-badge';
        b.setAttribute('data-cart-count', '');
        b.textContent = String(count);
        link.appendChild(b);
      }
    }
  }

  // ---------- Preserve scroll for forms with data-preserve-scroll="1" ----------
  const SCROLL_KEY = 'nr_preserve_scroll';
  function restoreScroll() {
    try {
      const raw = sessionStorage.getItem(SCROLL_KEY);
      if (!raw) return;
      sessionStorage.removeItem(SCROLL_KEY);
      const data = JSON.parse(raw);
      if (data && data.path === location.pathname) window.scrollTo(0, data.y || 0);
    } catch (_) { /* ignore */ }
  }

  // ---------- Event wiring (delegated) ----------
  document.addEventListener('click', (e) => {
    const t = e.target instanceof Element ? e.target : null;
    if (!t) return;

    const menuBtn = t.closest('[data-menu]');
    if (menuBtn) { e.preventDefault(); toggleMenu(menuBtn); return; }
    if (!t.closest('.dropdown-menu')) closeAllMenus(null);

    const sbOpen = t.closest('[data-toggle="sidebar"]');
    if (sbOpen) { e.preventDefault(); openSidebar(sbOpen); return; }
    if (t.closest('[data-close="sidebar"]')) { e.preventDefault(); closeSidebar(); return; }

    const col = t.closest('[data-toggle-collapse]');
    if (col) {
      e.preventDefault();
      const key = col.getAttribute('data-toggle-collapse');
      const target = $('[data-collapse="' + CSS.escape(key) + '"]');
      if (target) setCollapse(col, target.classList.contains('hidden'), true);
      return;
    }

    const copyBtn = t.closest('[data-copy-target]');
    if (copyBtn) { e.preventDefault(); copyFrom(copyBtn); return; }

    if (t.closest('[data-reload]')) { e.preventDefault(); location.reload(); return; }

    const back = t.closest('[data-back]');
    if (back && history.length > 1) { e.preventDefault(); history.back(); }
  });

  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    const openBtn = $('[data-menu][aria-expanded="true"]');
    if (openBtn) { closeMenu(openBtn); openBtn.focus(); return; }
    closeSidebar();
  });

  // ---------- Confirmations: data-confirm="¿…?" ----------
  // The one place that asks before a destructive action, so each action shows exactly one dialog. The question
  // comes from the button that submitted (data-confirm on a submit button), else the form, else a selected
  // <option data-confirm> (bulk actions where only "delete" asks). Listening in the capture phase runs this
  // before any area script's submit handler; a "Cancelar" stops the event, so neither the browser nor an
  // AJAX handler sends anything.
  function confirmQuestion(form, submitter) {
    if (submitter && submitter.hasAttribute('data-confirm')) return submitter.getAttribute('data-confirm');
    if (form.hasAttribute('data-confirm')) return form.getAttribute('data-confirm');
    const option = $$('option[data-confirm]', form).find((o) => o.selected);
    return option ? option.getAttribute('data-confirm') : '';
  }
  document.addEventListener('submit', (e) => {
    const form = e.target;
    if (!(form instanceof HTMLFormElement)) return;
    const question = confirmQuestion(form, e.submitter || null);
    if (question && !window.confirm(question)) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }, true);
  // Links that change something elsewhere (rare: most actions are forms) ask the same way.
  document.addEventListener('click', (e) => {
    const link = e.target instanceof Element ? e.target.closest('a[data-confirm]') : null;
    if (link && !window.confirm(link.getAttribute('data-confirm'))) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }, true);

  document.addEventListener('submit', (e) => {
    const form = e.target;
    if (form instanceof HTMLFormElement && form.dataset.preserveScroll === '1') {
      try {
        sessionStorage.setItem(SCROLL_KEY, JSON.stringify({ path: location.pathname, y: window.scrollY }));
      } catch (_) { /* ignore */ }
    }
  });

  // Close the sidebar when the viewport grows past the mobile breakpoint.
  const mq = window.matchMedia('(min-width: 768px)');
  const onMq = () => { if (mq.matches) closeSidebar(); };
  if (mq.addEventListener) mq.addEventListener('change', onMq);

  function init() {
    initCollapsibles();
    restoreScroll();
    // Print views opened with ?autoprint=1 (order and repair tickets) open the print dialog once loaded.
    if (document.body && document.body.getAttribute('data-autoprint') === '1') {
      if (document.readyState === 'complete') window.print();
      else window.addEventListener('load', () => window.print());
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();

  window.NR = Object.assign(window.NR || {}, { toast, setCartCount, openSidebar, closeSidebar, closeAllMenus });
})();

// Print views (2FA recovery codes, repair and order sheets/tickets): [data-print] buttons open the browser print
// dialog (no inline scripts: strict CSP). The only handler for them: area scripts must not add another.
document.addEventListener('click', (e) => {
  const btn = e.target instanceof Element ? e.target.closest('[data-print]') : null;
  if (!btn) return;
  e.preventDefault();
  window.print();
});
