{{%AUTOESCAPE context="HTML"}}
<div class="stack-6 catalog-page">
  <div class="page-head">
    <div>
      <h1 class="page-title">Tipos de reparación</h1>
      <p class="page-subtitle">Estos son los “módulo / batería / mantenimiento …” usados en el cálculo automático.</p>
    </div>
    <nav class="actions" aria-label="Accesos relacionados">
      <a class="btn-outline btn-sm" href="/admin/precios">← Precios</a>
    </nav>
  </div>

  <section class="card" aria-labelledby="createRepairTypeTitle">
    <div class="card-head"><h2 id="createRepairTypeTitle" class="card-title">Crear tipo</h2></div>
    <div class="card-body">
      <form class="form catalog-inline-form" method="POST" action="/admin/tipos-reparacion">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <input type="hidden" name="_form" value="create">
        <div class="field">
          <label class="label" for="new_repair_type_name">Nombre</label>
          <input class="input" id="new_repair_type_name" name="name" value="{{OLD_NAME}}" placeholder="Ej: Módulo" maxlength="100" required>
        </div>
        <label class="check"><input type="checkbox" name="active" value="1"{{#NEW_ACTIVE_CHECKED}} checked{{/NEW_ACTIVE_CHECKED}}> Activo</label>
        <button class="btn-primary" type="submit">Crear</button>
      </form>
    </div>
  </section>

  <section class="card" aria-labelledby="repairTypesListTitle">
    <div class="card-head">
      <h2 id="repairTypesListTitle" class="card-title">Listado</h2>
      <span class="badge-zinc">{{COUNT}}</span>
    </div>
    <div class="card-body">
      {{#EMPTY}}<p class="muted">No hay tipos de reparación cargados.</p>{{/EMPTY}}
      <ul class="catalog-list">
        {{#TYPE}}
        <li class="catalog-item">
          <form class="catalog-inline-form" method="POST" action="/admin/tipos-reparacion/{{ID}}">
            <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
            <input type="hidden" name="_method" value="PUT">
            <div class="field">
              <label class="label" for="repair_type_name_{{ID}}">Nombre</label>
              <input class="input" id="repair_type_name_{{ID}}" name="name" value="{{NAME}}" maxlength="100" required>
              <span class="help">Slug: {{SLUG}}</span>
            </div>
            <label class="check"><input type="checkbox" name="active" value="1"{{#ACTIVE_CHECKED}} checked{{/ACTIVE_CHECKED}}> Activo</label>
            <button class="btn-outline btn-sm" type="submit">Guardar</button>
          </form>
        </li>
        {{/TYPE}}
      </ul>
    </div>
  </section>
</div>
