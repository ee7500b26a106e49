// Device catalog and pricing admin pages: filter selects that submit themselves, the pricing form's mode blocks,
// model → group auto-save. Delete confirmations are data-confirm (app.js). Every page works without this file.
(function () {
  'use strict';

  // Filter selects submit their GET form on change (the "Filtrar" button stays for keyboards and no-JS).
  document.querySelectorAll('select[data-catalog-auto-submit]').forEach((select) => {
    select.addEventListener('change', () => { if (select.form) select.form.submit(); });
  });

  // Pricing rule form: show only the fields of the chosen mode.
  document.querySelectorAll('[data-pricing-mode-select]').forEach((select) => {
    const form = select.closest('form');
    if (!form) return;
    const sync = () => {
      form.querySelectorAll('[data-pricing-mode]').forEach((block) => {
        block.classList.toggle('hidden', block.dataset.pricingMode !== select.value);
      });
    };
    select.addEventListener('change', sync);
    sync();
  });

  // Pricing rule form: brands follow the chosen type, groups and models the chosen brand (models also the group),
  // so an inconsistent scope cannot be picked by accident. The server checks the same rules.
  document.querySelectorAll('form[data-pricing-form]').forEach((form) => {
    const type = form.querySelector('select[name="device_type_id"]');
    const brand = form.querySelector('select[name="device_brand_id"]');
    const group = form.querySelector('select[name="device_model_group_id"]');
    const model = form.querySelector('select[name="device_model_id"]');
    if (!type || !brand || !group || !model) return;
    const filter = (select, keep) => {
      select.querySelectorAll('option[data-parent-id]').forEach((option) => {
        const shown = keep(option);
        option.hidden = !shown;
        option.disabled = !shown;
      });
      const chosen = select.selectedOptions[0];
      if (chosen && chosen.disabled) select.value = '';
    };
    const sync = () => {
      filter(brand, (o) => type.value !== '' && o.dataset.parentId === type.value);
      filter(group, (o) => brand.value !== '' && o.dataset.parentId === brand.value);
      filter(model, (o) => brand.value !== '' && o.dataset.parentId === brand.value &&
        (group.value === '' || o.dataset.groupId === group.value));
    };
    [type, brand, group].forEach((select) => select.addEventListener('change', sync));
    sync();
  });

  // Model groups: changing a model's group saves it right away (same form, sent in the background).
  document.querySelectorAll('form[data-model-group-form] select[data-model-id]').forEach((select) => {
    select.addEventListener('change', async () => {
      const form = select.form;
      select.classList.remove('is-saved', 'is-failed');
      try {
        const response = await fetch(form.action, {
          method: 'POST',
          body: new URLSearchParams(new FormData(form)),
          headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
          credentials: 'same-origin',
        });
        const data = await response.json().catch(() => ({}));
        select.classList.add(response.ok && data.ok ? 'is-saved' : 'is-failed');
        if (!(response.ok && data.ok) && data.message) select.title = data.message;
      } catch (_) {
        select.classList.add('is-failed');
      }
    });
  });
})();
