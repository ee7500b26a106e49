{{%AUTOESCAPE context="HTML"}}
<div class="stack-6 catalog-page">
  <div class="page-head">
    <div>
      <h1 class="page-title">Tipos de dispositivo</h1>
      <p class="page-subtitle">Categorías base del catálogo (Celular, Notebook, Consola, etc.).</p>
    </div>
    <nav class="actions" aria-label="Accesos relacionados">
      <a class="btn-outline btn-sm" href="/admin/precios">← Precios</a>
      <a class="btn-outline btn-sm" href="/admin/catalogo-dispositivos">Catálogo</a>
    </nav>
  </div>

  <section class="card" aria-labelledby="createTypeTitle">
    <div class="card-head"><h2 id="createTypeTitle" class="card-title">Crear tipo</h2></div>
    <div class="card-body">
      <form class="form catalog-inline-form" method="POST" action="/admin/tipos-dispositivo">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <input type="hidden" name="_form" value="create">
        <div class="field">
          <label class="label" for="new_type_name">Nombre</label>
          <input class="input" id="new_type_name" name="name" value="{{OLD_NAME}}" placeholder="Ej: Celular" maxlength="100" required>
        </div>
        <label class="check"><input type="checkbox" name="active" value="1"{{#NEW_ACTIVE_CHECKED}} checked{{/NEW_ACTIVE_CHECKED}}> Activo</label>
        <button class="btn-primary" type="submit">Crear</button>
      </form>
    </div>
  </section>

  <section class="card" aria-labelledby="typesListTitle">
    <div class="card-head">
      <h2 id="typesListTitle" class="card-title">Listado</h2>
      <span class="badge-zinc">{{COUNT}}</span>
    </div>
    <div class="card-body catalog-table-wrap">
      {{#EMPTY}}<p class="muted">No hay tipos de dispositivo cargados.</p>{{/EMPTY}}
      <table class="table catalog-table">
        <thead><tr><th scope="col">Tipo</th><th scope="col">Activo</th><th scope="col">Slug</th><th scope="col">Acción</th></tr></thead>
        <tbody>
          {{#TYPE}}
          <tr>
            <td>
              <form id="device-type-{{ID}}" method="POST" action="/admin/tipos-dispositivo/{{ID}}">
                <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
                <input type="hidden" name="_method" value="PUT">
                <label class="sr-only" for="device_type_name_{{ID}}">Tipo</label>
                <input class="input" id="device_type_name_{{ID}}" name="name" value="{{NAME}}" maxlength="100" required>
              </form>
            </td>
            <td><label class="check"><input type="checkbox" name="active" value="1" form="device-type-{{ID}}"{{#ACTIVE_CHECKED}} checked{{/ACTIVE_CHECKED}}> Activo</label></td>
            <td><code>{{SLUG}}</code></td>
            <td><button class="btn-outline btn-sm" type="submit" form="device-type-{{ID}}">Guardar</button></td>
          </tr>
          {{/TYPE}}
        </tbody>
      </table>
    </div>
  </section>
</div>
