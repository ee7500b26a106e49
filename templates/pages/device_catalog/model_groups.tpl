{{%AUTOESCAPE context="HTML"}}
<div class="stack-6 catalog-page">
  <div class="page-head">
    <div>
      <h1 class="page-title">Grupos de modelos</h1>
      <p class="page-subtitle">Sirve para separar PS4 vs PS5, Samsung Serie A vs Serie S, etc.</p>
    </div>
    <nav class="actions" aria-label="Accesos relacionados">
      <a class="btn-outline btn-sm" href="/admin/precios">← Precios</a>
      <a class="btn-outline btn-sm" href="/admin/catalogo-dispositivos">Catálogo</a>
    </nav>
  </div>

  <section class="card" aria-labelledby="groupsFilterTitle">
    <div class="card-head">
      <div>
        <h2 id="groupsFilterTitle" class="card-title">Filtro de catálogo</h2>
        <p class="help">Elegí tipo y marca para crear/editar grupos.</p>
      </div>
    </div>
    <div class="card-body">
      <form class="form" method="GET" action="/admin/grupos-modelos">
        <div class="form-row">
          <div class="field">
            <label class="label" for="groups_type">Tipo dispositivo</label>
            <select class="select" id="groups_type" name="device_type_id" data-catalog-auto-submit>
              <option value="">Elegí…</option>
              {{#TYPE_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
              {{/TYPE_OPTION}}
            </select>
          </div>
          <div class="field">
            <label class="label" for="groups_brand">Marca</label>
            <select class="select" id="groups_brand" name="device_brand_id" data-catalog-auto-submit>
              <option value="">Elegí…</option>
              {{#BRAND_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
              {{/BRAND_OPTION}}
            </select>
          </div>
        </div>
        <div class="actions">
          <button class="btn-outline btn-sm" type="submit">Filtrar</button>
          {{#FILTERED}}<a class="btn-ghost btn-sm" href="/admin/grupos-modelos">Limpiar</a>{{/FILTERED}}
        </div>
      </form>
    </div>
  </section>

  {{#NO_BRAND}}
  <section class="card"><div class="card-body"><p class="muted">Elegí un tipo y una marca para administrar los grupos y asignar modelos.</p></div></section>
  {{/NO_BRAND}}

  {{#HAS_BRAND}}
  <section class="card" aria-labelledby="createGroupTitle">
    <div class="card-head">
      <h2 id="createGroupTitle" class="card-title">Crear grupo</h2>
      <span class="badge-zinc">{{GROUP_COUNT}}</span>
    </div>
    <div class="card-body">
      <form class="form catalog-inline-form" method="POST" action="/admin/grupos-modelos">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <input type="hidden" name="_form" value="create">
        <input type="hidden" name="device_brand_id" value="{{BRAND_ID}}">
        <div class="field">
          <label class="label" for="new_group_name">Nombre</label>
          <input class="input" id="new_group_name" name="name" value="{{OLD_NAME}}" placeholder="Ej: PS4 / PS5 / Serie A..." maxlength="100" required>
        </div>
        <label class="check"><input type="checkbox" name="active" value="1"{{#NEW_ACTIVE_CHECKED}} checked{{/NEW_ACTIVE_CHECKED}}> Activo</label>
        <button class="btn-primary" type="submit">Crear</button>
      </form>

      <h3 class="font-semibold mt-6">Grupos existentes</h3>
      {{#NO_GROUPS}}<p class="muted">No hay grupos cargados para esta marca.</p>{{/NO_GROUPS}}
      <ul class="catalog-list">
        {{#GROUP}}
        <li class="catalog-item">
          <form class="catalog-inline-form" method="POST" action="/admin/grupos-modelos/{{ID}}">
            <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
            <input type="hidden" name="_method" value="PUT">
            <label class="sr-only" for="group_name_{{ID}}">Nombre</label>
            <input class="input" id="group_name_{{ID}}" name="name" value="{{NAME}}" maxlength="100" required>
            <label class="check"><input type="checkbox" name="active" value="1"{{#ACTIVE_CHECKED}} checked{{/ACTIVE_CHECKED}}> Activo</label>
            <button class="btn-outline btn-sm" type="submit">Guardar</button>
          </form>
        </li>
        {{/GROUP}}
      </ul>
    </div>
  </section>

  <section class="card" data-admin-model-groups aria-labelledby="assignTitle">
    <div class="card-head">
      <div>
        <h2 id="assignTitle" class="card-title">Asignar modelos a grupos</h2>
        <p class="help">Al cambiar el select, se guarda solo.</p>
      </div>
      <span class="badge-zinc">{{MODEL_COUNT}}</span>
    </div>
    <div class="card-body">
      {{#NO_MODELS}}<p class="muted">No hay modelos para esta marca.</p>{{/NO_MODELS}}
      <ul class="catalog-list">
        {{#MODEL}}
        <li class="catalog-item">
          <div class="catalog-item-main">
            <label class="font-semibold" for="model_group_{{ID}}">{{NAME}}</label>
            {{#INACTIVE}}<span class="badge-zinc">Inactivo</span>{{/INACTIVE}}
            <span class="help">ID: {{ID}}</span>
          </div>
          <form class="catalog-inline-form" method="POST" action="/admin/grupos-modelos/modelo/{{ID}}/asignar" data-model-group-form>
            <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
            <select class="select" id="model_group_{{ID}}" name="device_model_group_id" data-model-id="{{ID}}">
              <option value=""{{#NONE_SELECTED}} selected{{/NONE_SELECTED}}>— sin grupo —</option>
              {{#GROUP_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
              {{/GROUP_OPTION}}
            </select>
            <noscript><button class="btn-outline btn-sm" type="submit">Guardar</button></noscript>
          </form>
        </li>
        {{/MODEL}}
      </ul>
    </div>
  </section>
  {{/HAS_BRAND}}
</div>
