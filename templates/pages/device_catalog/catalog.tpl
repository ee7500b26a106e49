{{%AUTOESCAPE context="HTML"}}
<div class="stack-6 catalog-page">
  <div class="page-head">
    <div>
      <h1 class="page-title">Catálogo de dispositivos</h1>
      <p class="page-subtitle">Gestioná marcas, modelos y fallas por tipo. En lugar de borrar, desactivá.</p>
    </div>
    <nav class="actions" aria-label="Accesos relacionados">
      <a class="btn-outline btn-sm" href="/admin/tipos-dispositivo">Tipos</a>
      <a class="btn-outline btn-sm" href="/admin/precios">Precios</a>
    </nav>
  </div>

  <section class="card" aria-labelledby="catalogFilterTitle">
    <div class="card-head">
      <div>
        <h2 id="catalogFilterTitle" class="card-title">Filtro de catálogo</h2>
        <p class="help">Seleccioná tipo y marca para administrar cada bloque.</p>
      </div>
    </div>
    <div class="card-body">
      <form class="form catalog-filter" method="GET" action="/admin/catalogo-dispositivos">
        <div class="form-row">
          <div class="field">
            <label class="label" for="filter_type_id">Tipo</label>
            <select class="select" id="filter_type_id" name="type_id" data-catalog-auto-submit>
              <option value="">— Elegí —</option>
              {{#TYPE_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
              {{/TYPE_OPTION}}
            </select>
            <p class="help">Esto filtra Marcas y Fallas.</p>
          </div>
          <div class="field">
            <label class="label" for="filter_brand_id">Marca (para modelos)</label>
            <select class="select" id="filter_brand_id" name="brand_id" data-catalog-auto-submit{{#BRAND_SELECT_DISABLED}} disabled{{/BRAND_SELECT_DISABLED}}>
              <option value="">— Elegí —</option>
              {{#BRAND_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
              {{/BRAND_OPTION}}
            </select>
            <p class="help">Esto filtra Modelos.</p>
          </div>
        </div>
        <div class="actions">
          <button class="btn-outline btn-sm" type="submit">Filtrar</button>
        </div>
        <p class="help">Tip: en “Nueva reparación” solo se muestran ítems activos.</p>
      </form>
    </div>
  </section>

  <div class="catalog-grid">
    <section class="card" aria-labelledby="brandsTitle">
      <div class="card-head">
        <h2 id="brandsTitle" class="card-title">Marcas</h2>
        {{#HAS_TYPE}}<span class="badge-zinc">{{BRAND_COUNT}}</span>{{/HAS_TYPE}}
      </div>
      <div class="card-body">
        {{#NO_TYPE}}<p class="muted">Elegí un tipo para ver/crear marcas.</p>{{/NO_TYPE}}
        {{#HAS_TYPE}}
        <form class="catalog-inline-form" method="POST" action="/admin/catalogo-dispositivos/marcas">
          <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
          <input type="hidden" name="device_type_id" value="{{TYPE_ID}}">
          <label class="sr-only" for="new_brand_name">Nueva marca</label>
          <input class="input" id="new_brand_name" name="name" placeholder="Ej: Samsung" maxlength="50" required>
          <button class="btn-primary btn-sm" type="submit">Agregar</button>
        </form>
        {{#NO_BRANDS}}<p class="muted mt-4">No hay marcas para este tipo.</p>{{/NO_BRANDS}}
        <ul class="catalog-list">
          {{#BRAND}}
          <li class="catalog-item" data-catalog-brand="{{ID}}">
            <div class="catalog-item-main">
              <span class="font-semibold">{{NAME}}</span>
              {{#IS_ACTIVE}}<span class="badge-emerald">Activa</span>{{/IS_ACTIVE}}{{#IS_INACTIVE}}<span class="badge-zinc">Inactiva</span>{{/IS_INACTIVE}}
            </div>
            <div class="catalog-item-actions">
              <details>
                <summary>Renombrar</summary>
                <form class="catalog-inline-form" method="POST" action="/admin/catalogo-dispositivos/marcas/{{ID}}">
                  <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
                  <input type="hidden" name="_method" value="PUT">
                  <label class="sr-only" for="brand_name_{{ID}}">Nombre</label>
                  <input class="input" id="brand_name_{{ID}}" name="name" value="{{NAME}}" maxlength="50" required>
                  <button class="btn-outline btn-sm" type="submit">Guardar</button>
                </form>
              </details>
              <form method="POST" action="/admin/catalogo-dispositivos/marcas/{{ID}}/toggle">
                <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
                <button class="btn-ghost btn-sm" type="submit">{{#IS_ACTIVE}}Desactivar{{/IS_ACTIVE}}{{#IS_INACTIVE}}Activar{{/IS_INACTIVE}}</button>
              </form>
            </div>
          </li>
          {{/BRAND}}
        </ul>
        {{/HAS_TYPE}}
      </div>
    </section>

    <section class="card" aria-labelledby="modelsTitle">
      <div class="card-head">
        <h2 id="modelsTitle" class="card-title">Modelos</h2>
        {{#HAS_TYPE}}{{#HAS_BRAND}}<span class="badge-zinc">{{MODEL_COUNT}}</span>{{/HAS_BRAND}}{{/HAS_TYPE}}
      </div>
      <div class="card-body">
        {{#NO_TYPE}}<p class="muted">Elegí un tipo primero.</p>{{/NO_TYPE}}
        {{#HAS_TYPE}}
        {{#NO_BRAND}}<p class="muted">Elegí una marca para ver/crear modelos.</p>{{/NO_BRAND}}
        {{#HAS_BRAND}}
        <form class="catalog-inline-form" method="POST" action="/admin/catalogo-dispositivos/modelos">
          <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
          <input type="hidden" name="device_brand_id" value="{{BRAND_ID}}">
          <label class="sr-only" for="new_model_name">Nuevo modelo de {{BRAND_NAME}}</label>
          <input class="input" id="new_model_name" name="name" placeholder="Ej: A52 / iPhone 12" maxlength="70" required>
          <button class="btn-primary btn-sm" type="submit">Agregar</button>
        </form>
        {{#NO_MODELS}}<p class="muted mt-4">No hay modelos para esta marca.</p>{{/NO_MODELS}}
        <ul class="catalog-list">
          {{#MODEL}}
          <li class="catalog-item" data-catalog-model="{{ID}}">
            <div class="catalog-item-main">
              <span class="font-semibold">{{NAME}}</span>
              {{#IS_ACTIVE}}<span class="badge-emerald">Activo</span>{{/IS_ACTIVE}}{{#IS_INACTIVE}}<span class="badge-zinc">Inactivo</span>{{/IS_INACTIVE}}
              <span class="help">Grupo: {{GROUP}}</span>
            </div>
            <div class="catalog-item-actions">
              <details>
                <summary>Renombrar</summary>
                <form class="catalog-inline-form" method="POST" action="/admin/catalogo-dispositivos/modelos/{{ID}}">
                  <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
                  <input type="hidden" name="_method" value="PUT">
                  <label class="sr-only" for="model_name_{{ID}}">Nombre</label>
                  <input class="input" id="model_name_{{ID}}" name="name" value="{{NAME}}" maxlength="70" required>
                  <button class="btn-outline btn-sm" type="submit">Guardar</button>
                </form>
              </details>
              <form method="POST" action="/admin/catalogo-dispositivos/modelos/{{ID}}/toggle">
                <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
                <button class="btn-ghost btn-sm" type="submit">{{#IS_ACTIVE}}Desactivar{{/IS_ACTIVE}}{{#IS_INACTIVE}}Activar{{/IS_INACTIVE}}</button>
              </form>
            </div>
          </li>
          {{/MODEL}}
        </ul>
        <p class="mt-4"><a href="/admin/grupos-modelos?device_type_id={{TYPE_ID}}&amp;device_brand_id={{BRAND_ID}}">Administrar grupos de modelos</a></p>
        {{/HAS_BRAND}}
        {{/HAS_TYPE}}
      </div>
    </section>

    <section class="card" aria-labelledby="issuesTitle">
      <div class="card-head">
        <h2 id="issuesTitle" class="card-title">Fallas</h2>
        {{#HAS_TYPE}}<span class="badge-zinc">{{ISSUE_COUNT}}</span>{{/HAS_TYPE}}
      </div>
      <div class="card-body">
        {{#NO_TYPE}}<p class="muted">Elegí un tipo para ver/crear fallas.</p>{{/NO_TYPE}}
        {{#HAS_TYPE}}
        <form class="catalog-inline-form" method="POST" action="/admin/catalogo-dispositivos/fallas">
          <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
          <input type="hidden" name="device_type_id" value="{{TYPE_ID}}">
          <label class="sr-only" for="new_issue_name">Nueva falla</label>
          <input class="input" id="new_issue_name" name="name" placeholder="Ej: No carga / Pantalla" maxlength="70" required>
          <button class="btn-primary btn-sm" type="submit">Agregar</button>
        </form>
        {{#NO_ISSUES}}<p class="muted mt-4">No hay fallas para este tipo.</p>{{/NO_ISSUES}}
        <ul class="catalog-list">
          {{#ISSUE}}
          <li class="catalog-item" data-catalog-issue="{{ID}}">
            <div class="catalog-item-main">
              <span class="font-semibold">{{NAME}}</span>
              {{#IS_ACTIVE}}<span class="badge-emerald">Activa</span>{{/IS_ACTIVE}}{{#IS_INACTIVE}}<span class="badge-zinc">Inactiva</span>{{/IS_INACTIVE}}
              <span class="help">slug: {{SLUG}}</span>
            </div>
            <div class="catalog-item-actions">
              <details>
                <summary>Renombrar</summary>
                <form class="catalog-inline-form" method="POST" action="/admin/catalogo-dispositivos/fallas/{{ID}}">
                  <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
                  <input type="hidden" name="_method" value="PUT">
                  <label class="sr-only" for="issue_name_{{ID}}">Nombre</label>
                  <input class="input" id="issue_name_{{ID}}" name="name" value="{{NAME}}" maxlength="70" required>
                  <button class="btn-outline btn-sm" type="submit">Guardar</button>
                </form>
              </details>
              <form method="POST" action="/admin/catalogo-dispositivos/fallas/{{ID}}/toggle">
                <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
                <button class="btn-ghost btn-sm" type="submit">{{#IS_ACTIVE}}Desactivar{{/IS_ACTIVE}}{{#IS_INACTIVE}}Activar{{/IS_INACTIVE}}</button>
              </form>
            </div>
          </li>
          {{/ISSUE}}
        </ul>
        {{/HAS_TYPE}}
      </div>
    </section>
  </div>
</div>
