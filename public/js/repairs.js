// Admin repairs: enhancements of the intake and detail pages. Every form works without this file:
// the catalog selects list every active item and this script narrows them to the chosen type / brand, adds
// quick-add, the pricing helper and the live summary. Confirmations and print buttons live in app.js.
(function () {
  'use strict';

  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
  const token = (root) => { const input = $('input[name="_token"]', root || document); return input ? input.value : ''; };

  // ---------- WhatsApp open + log (detail page) ----------
  const waToast = $('#waToast');
  function showWaToast(text) {
    if (!waToast) return;
    waToast.textContent = text;
    waToast.classList.remove('hidden');
    setTimeout(() => waToast.classList.add('hidden'), 2500);
  }
  $$('[data-wa-open][data-wa-ajax]').forEach((link) => link.addEventListener('click', (event) => {
    event.preventDefault();
    window.open(link.href, '_blank', 'noopener');
    fetch(link.dataset.waAjax, {
      method: 'POST',
      headers: { 'X-CSRF-TOKEN': token(), 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
      credentials: 'same-origin',
    }).then((r) => r.json().then((body) => ({ ok: r.ok, body })))
      .then(({ ok, body }) => showWaToast(ok && body.ok ? (body.created ? 'Envío registrado.' : 'Ya estaba registrado recientemente.')
                                                        : 'No se pudo registrar el envío.'))
      .catch(() => showWaToast('No se pudo registrar el envío.'));
  }));

  // ---------- Catalog selects: narrow by parent, reload from the JSON endpoints, quick-add ----------
  // Each select keeps a copy of the server-rendered options ({id, name, parent}) so it works even when the
  // JSON endpoints are unavailable.
  function snapshot(select) {
    return $$('option', select).filter((o) => o.value !== '').map((o) => ({ id: o.value, name: o.textContent, parent: o.dataset.parent || '' }));
  }
  function fill(select, items, placeholder, selected) {
    select.innerHTML = '';
    const first = document.createElement('option');
    first.value = '';
    first.textContent = placeholder;
    select.appendChild(first);
    items.forEach((item) => {
      const option = document.createElement('option');
      option.value = String(item.id);
      option.textContent = item.name;
      if (String(item.id) === String(selected)) option.selected = true;
      select.appendChild(option);
    });
    select.dispatchEvent(new Event('catalog-filled', { bubbles: true }));
  }
  function getJson(url) {
    return fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))));
  }
  function postJson(url, fields) {
    const body = new URLSearchParams(fields);
    body.set('_token', token());
    return fetch(url, {
      method: 'POST', body, credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest', 'X-CSRF-TOKEN': token() },
    }).then((r) => r.json());
  }

  function catalogSelect(select, cfg) {
    if (!select) return null;
    const all = snapshot(select);
    const state = { select, parent: '', items: all, requests: 0 };
    const search = cfg.search;
    // What the search box lets through: a refill keeps the person's filter.
    const visible = () => {
      const q = search ? search.value.trim().toLowerCase() : '';
      return q ? state.items.filter((x) => x.name.toLowerCase().includes(q)) : state.items;
    };
    state.load = (parent) => {
      state.parent = parent;
      const request = ++state.requests;
      const selected = select.value || select.dataset.selected || '';
      const local = all.filter((item) => item.parent === String(parent));
      if (!parent) { state.items = []; fill(select, [], cfg.emptyPlaceholder, ''); select.disabled = cfg.disableWhenEmpty; return Promise.resolve(); }
      select.disabled = false;
      state.items = local;
      fill(select, visible(), cfg.placeholder, selected);
      if (!cfg.url) return Promise.resolve();
      return getJson(cfg.url(parent, selected)).then((body) => {
        // A later load (another parent picked meanwhile) owns the select: this answer is stale.
        if (request !== state.requests) return;
        const list = body && body.ok ? body[cfg.key] : null;
        if (!Array.isArray(list)) return;
        state.items = list.map((x) => ({ id: String(x.id), name: x.name, parent: String(parent) }));
        // Keep what the person picked while the answer travelled; before that, what was selected when it left.
        fill(select, visible(), cfg.placeholder, select.value || selected);
      }).catch(() => { /* keep the server-rendered options */ });
    };
    if (search) {
      search.classList.remove('hidden');
      search.disabled = false;
      search.addEventListener('input', () => fill(select, visible(), cfg.placeholder, select.value));
      search.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter') return;
        event.preventDefault();
        const first = $$('option', select).find((o) => o.value !== '');
        if (first) { select.value = first.value; select.dispatchEvent(new Event('change', { bubbles: true })); }
        else if (cfg.onCreate && search.value.trim()) cfg.onCreate(search.value.trim());
      });
    }
    return state;
  }

  function quickAdd(root, names, create) {
    const button = $(names.button, root);
    const row = $(names.row, root);
    if (!row) return;
    const input = $(names.input, row);
    if (button) { button.classList.remove('hidden'); button.addEventListener('click', () => { row.classList.remove('hidden'); input.focus(); }); }
    $(names.cancel, row).addEventListener('click', () => { row.classList.add('hidden'); input.value = ''; });
    $(names.save, row).addEventListener('click', () => {
      const name = input.value.trim();
      if (!name) return;
      create(name).then(() => { row.classList.add('hidden'); input.value = ''; });
    });
  }

  $$('[data-repair-device-catalog]').forEach((block) => {
    const form = block.closest('form');
    const mode = block.dataset.catalogMode || 'create';
    const typeSelect = $('[data-device-type]', block);
    const issueBlock = form ? $('[data-repair-issue-catalog]', form) : null;
    const brands = catalogSelect($('[data-device-brand]', block), {
      key: 'brands', placeholder: '— Elegí una marca —', emptyPlaceholder: '— Elegí un tipo primero —', disableWhenEmpty: true,
      search: $('[data-brand-search]', block),
      url: (type, sel) => `/admin/device-catalog/brands?type_id=${encodeURIComponent(type)}&mode=${mode}&selected_brand_id=${encodeURIComponent(sel)}`,
    });
    const models = catalogSelect($('[data-device-model]', block), {
      key: 'models', placeholder: '— Elegí un modelo —', emptyPlaceholder: '— Elegí una marca primero —', disableWhenEmpty: true,
      search: $('[data-model-search]', block),
      url: (brand, sel) => `/admin/device-catalog/models?brand_id=${encodeURIComponent(brand)}&mode=${mode}&selected_model_id=${encodeURIComponent(sel)}`,
    });
    const issueSelect = issueBlock ? $('[data-issue-select]', issueBlock) : null;
    const issues = catalogSelect(issueSelect, {
      key: 'issues', placeholder: issueSelect && mode === 'edit' ? 'Elegí una falla…' : '—', emptyPlaceholder: '—', disableWhenEmpty: false,
      search: issueBlock ? $('[data-issue-search]', issueBlock) : null,
      url: (type, sel) => `/admin/device-catalog/issues?type_id=${encodeURIComponent(type)}&mode=${mode}&selected_issue_id=${encodeURIComponent(sel)}`,
      onCreate: (name) => createIssue(name),
    });
    function createIssue(name) {
      return postJson('/admin/device-catalog/issues', { type_id: typeSelect.value, name }).then((body) => {
        if (!body.ok) return;
        issues.items.push({ id: String(body.issue.id), name: body.issue.name, parent: typeSelect.value });
        fill(issueSelect, issues.items, '—', body.issue.id);
        issueSelect.dispatchEvent(new Event('change', { bubbles: true }));
      });
    }
    const addBrand = $('[data-add-brand]', block);
    const addModel = $('[data-add-model]', block);
    const onType = () => {
      const type = typeSelect.value;
      if (addBrand) addBrand.disabled = !type;
      brands.load(type).then(() => onBrand());
      if (issues) issues.load(type);
    };
    const onBrand = () => {
      if (addModel) addModel.disabled = !brands.select.value;
      models.load(brands.select.value);
    };
    typeSelect.addEventListener('change', onType);
    brands.select.addEventListener('change', onBrand);
    quickAdd(block, { button: '[data-add-brand]', row: '[data-add-brand-form]', input: '[data-add-brand-input]', save: '[data-save-brand]', cancel: '[data-cancel-brand]' },
      (name) => postJson('/admin/device-catalog/brands', { device_type_id: typeSelect.value, name }).then((body) => {
        if (!body.ok) return;
        brands.items.push({ id: String(body.brand.id), name: body.brand.name, parent: typeSelect.value });
        fill(brands.select, brands.items, '— Elegí una marca —', body.brand.id);
        onBrand();
      }));
    quickAdd(block, { button: '[data-add-model]', row: '[data-add-model-form]', input: '[data-add-model-input]', save: '[data-save-model]', cancel: '[data-cancel-model]' },
      (name) => postJson('/admin/device-catalog/models', { device_brand_id: brands.select.value, name }).then((body) => {
        if (!body.ok) return;
        models.items.push({ id: String(body.model.id), name: body.model.name, parent: brands.select.value });
        fill(models.select, models.items, '— Elegí un modelo —', body.model.id);
        models.select.dispatchEvent(new Event('change', { bubbles: true }));
      }));
    if (issueBlock) {
      quickAdd(issueBlock, { button: '[data-add-issue]', row: '[data-issue-create-row]', input: '[data-issue-create-input]', save: '[data-issue-create-save]', cancel: '[data-issue-create-cancel]' }, createIssue);
    }
    // Start from what the server rendered (old input or the repair's current values).
    const initialType = typeSelect.value;
    if (initialType) {
      brands.load(initialType).then(() => { if (addModel) addModel.disabled = !brands.select.value; return models.load(brands.select.value); });
      if (issues) issues.load(initialType);
    } else {
      fill(brands.select, [], '— Elegí un tipo primero —', '');
      brands.select.disabled = true;
      fill(models.select, [], '— Elegí una marca primero —', '');
      models.select.disabled = true;
    }
    if (addBrand) addBrand.disabled = !initialType;
  });

  // ---------- Toggles of the intake form ----------
  const optional = $('[data-advanced-fields]');
  const toggleOptional = $('[data-toggle-advanced]');
  if (optional && toggleOptional) {
    const setOpen = (open) => {
      optional.classList.toggle('hidden', !open);
      toggleOptional.textContent = open ? 'Ocultar campos opcionales' : 'Mostrar campos opcionales';
    };
    setOpen(optional.dataset.open === '1');
    toggleOptional.classList.remove('hidden');
    toggleOptional.addEventListener('click', () => setOpen(optional.classList.contains('hidden')));
  }
  const finance = $('[data-finance-advanced]');
  const toggleFinance = $('[data-toggle-finance]');
  if (finance && toggleFinance) {
    const setOpen = (open) => {
      finance.classList.toggle('hidden', !open);
      toggleFinance.textContent = open ? 'Ocultar detalle de cálculo' : 'Ver detalle de cálculo';
    };
    setOpen(!!$('.field-error', finance));
    toggleFinance.classList.remove('hidden');
    toggleFinance.addEventListener('click', () => setOpen(finance.classList.contains('hidden')));
  }

  // ---------- Pricing helper: the server computes the quote (GET /admin/precios/resolve) ----------
  const pricing = $('[data-repair-pricing-auto]');
  const pricingForm = pricing ? pricing.closest('form') : null;
  if (pricing && pricingForm) {
    const field = (sel) => $(sel, pricingForm);
    const label = field('[data-pricing-rule-label]');
    const action = field('[data-pricing-rule-action]');
    let timer = null;
    let sequence = 0;
    function show(body) {
      const quote = body && body.ok ? body.quote : null;
      if (label) label.textContent = body && body.ok ? body.label : 'Regla: —';
      if (action && body && body.ok) {
        action.textContent = body.rule ? 'Editar regla' : 'Crear regla';
        action.href = body.rule_url || pricing.dataset.pricingCreateBase;
      }
      const profit = field('[data-profit-display]');
      const total = field('[data-total-display]');
      if (profit) profit.value = quote ? quote.profit_formatted : '';
      if (total) total.value = quote ? quote.total_formatted : '';
      const shipping = field('[data-shipping-amount]');
      if (quote && shipping && !shipping.value.trim() && quote.shipping) shipping.placeholder = String(quote.shipping);
      const auto = field('[data-final-auto]');
      const finalPrice = field('[data-final-price]');
      // Without a rule the "quote" is the bare cost: say so now instead of filling it in (the server refuses it).
      const noRule = !!(quote && body.ok && !body.rule && quote.total > 0);
      const noRuleNote = field('[data-pricing-no-rule]');
      if (noRuleNote) noRuleNote.classList.toggle('hidden', !noRule);
      if (quote && !noRule && auto && auto.checked && finalPrice) finalPrice.value = String(quote.total);
    }
    function resolve() {
      const type = field('[data-device-type]');
      const repairType = field('[data-repair-type-final]');
      if (!type || !type.value || !repairType || !repairType.value) { show(null); return; }
      const params = new URLSearchParams({ device_type_id: type.value, repair_type_id: repairType.value });
      const add = (name, sel) => { const el = field(sel); if (el && el.value.trim()) params.set(name, el.value.trim()); };
      add('device_brand_id', '[data-device-brand]');
      add('device_model_id', '[data-device-model]');
      add('parts_cost', '[data-parts-cost]');
      add('labor_cost', '[data-labor-cost]');
      add('shipping', '[data-shipping-amount]');
      const shippingOn = field('[data-shipping-enabled]');
      if (shippingOn && shippingOn.checked) params.set('add_shipping', '1');
      if (label) label.textContent = 'Regla: calculando…';
      const mine = ++sequence;
      getJson('/admin/precios/resolve?' + params.toString())
        .then((body) => { if (mine === sequence) show(body); })
        .catch(() => { if (mine === sequence && label) label.textContent = 'Regla: —'; });
    }
    const later = () => { clearTimeout(timer); timer = setTimeout(resolve, 350); };
    ['[data-device-type]', '[data-device-brand]', '[data-device-model]', '[data-repair-type-final]',
      '[data-shipping-enabled]', '[data-final-auto]'].forEach((sel) => {
      const el = field(sel);
      if (el) el.addEventListener('change', later);
    });
    ['[data-parts-cost]', '[data-labor-cost]', '[data-shipping-amount]'].forEach((sel) => {
      const el = field(sel);
      if (el) el.addEventListener('input', later);
    });
    if (field('[data-repair-type-final]')) resolve();
  }

  // ---------- Intake: live summary, submit gate ----------
  const createForm = $('[data-repair-create-form]');
  if (createForm) {
    const get = (sel) => $(sel, createForm);
    // The phone is left as typed: the server reads any spelling (core/phone) and stores E.164. The old rewrite
    // here ("341 15-…" → "+5434115…") kept the 15 and dropped the 9.
    // wa.me digits for the summary link, only where the spelling is unambiguous (the server, with libphonenumber,
    // decides the rest once the repair exists): area code + number (10 digits, with or without 0 / +54 / 9) →
    // 549…; a number with its 15 ("341 15-…") or from abroad shows no link here rather than a wrong one.
    const waDigits = (typed) => {
      let d = typed.replace(/\D/g, '');
      if (d.startsWith('00')) d = d.slice(2);
      if (d.startsWith('54')) { d = d.slice(2); if (d.length === 11 && d[0] === '9') d = d.slice(1); }
      else if (d.startsWith('0')) d = d.slice(1);
      return d.length === 10 && !d.startsWith('0') ? '549' + d : '';
    };
    const text = (sel) => { const el = get(sel); if (!el) return ''; if (el.tagName === 'SELECT') { const o = el.options[el.selectedIndex]; return o && o.value ? o.textContent : ''; } return el.value.trim(); };
    const submit = get('[data-repair-submit]');
    function update() {
      const name = text('[data-repair-customer-name]');
      const tel = text('[data-repair-customer-phone]');
      const device = [text('[data-device-type]'), text('[data-device-brand]'), text('[data-device-model]')].filter(Boolean).join(' · ');
      const issue = text('[data-issue-select]');
      const status = text('[data-repair-status]');
      const ready = Boolean(name && tel && text('[data-device-type]') && text('[data-device-brand]') && text('[data-device-model]') && issue && text('[data-repair-type-final]') && status);
      const set = (sel, value) => { const el = get(sel); if (el) el.textContent = value; };
      set('[data-sum-customer]', name || '—');
      set('[data-sum-phone]', tel || '—');
      set('[data-sum-device]', device || '—');
      set('[data-sum-issue]', 'Falla: ' + (issue || '—'));
      set('[data-sum-status]', 'Estado: ' + (status || '—'));
      const state = get('[data-sum-state]');
      if (state) { state.textContent = ready ? 'Listo' : 'Incompleto'; state.className = ready ? 'badge-emerald' : 'badge-amber'; }
      const wa = get('[data-sum-wa]');
      const digits = waDigits(tel);
      if (wa) { wa.classList.toggle('hidden', !digits); wa.href = digits ? 'https://wa.me/' + digits : '#'; }
      if (submit) submit.disabled = !ready;
    }
    createForm.addEventListener('input', update);
    createForm.addEventListener('change', update);
    createForm.addEventListener('catalog-filled', update);
    setTimeout(update, 0);
  }
})();
