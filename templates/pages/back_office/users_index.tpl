{{%AUTOESCAPE context="HTML"}}
<div class="space-y-6" data-admin-users>
  <div class="card mb-4">
    <div class="card-body">
      <h1 class="text-lg font-semibold">Usuarios</h1>
      <p class="bo-muted">Admins: {{ADMINS}} · Users: {{USERS}}</p>
    </div>
  </div>

  <form class="card card-body bo-filters" method="GET" action="/admin/usuarios">
    <label class="sr-only" for="u_q">Buscar</label>
    <input class="input" id="u_q" type="text" name="q" value="{{Q}}" placeholder="Buscar: nombre, email, teléfono…">
    <label class="sr-only" for="u_role">Rol</label>
    <select class="input" id="u_role" name="role">{{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ROLE_OPTION}}</select>
    <div class="actions">
      <button class="btn-primary btn-sm" type="submit">Filtrar</button>
      <a class="btn-outline btn-sm" href="/admin/usuarios">Limpiar</a>
    </div>
  </form>

  <div class="bo-list">
    {{#USER_ROW}}
    <div class="card card-body bo-user" data-user-id="{{ID}}">
      <div>
        <div class="font-semibold">{{FULL_NAME}}</div>
        <div class="bo-muted break-anywhere">{{EMAIL}} · <span class="phone-nowrap">{{PHONE}}</span></div>
        <div class="bo-muted">Alta: {{CREATED}} · Pedidos: {{ORDERS}} · Reparaciones: {{REPAIRS}}</div>
      </div>
      <div class="actions">
        <span class="{{ROLE_CLASS}}">{{ROLE_LABEL}}</span>
        <a class="btn-outline btn-sm" href="/admin/usuarios/{{ID}}">Gestionar</a>
      </div>
    </div>
    {{/USER_ROW}}
    {{#EMPTY}}<div class="card card-body">No hay usuarios para mostrar.</div>{{/EMPTY}}
  </div>
  {{#PAGINATION}}
  <nav class="bo-pagination" aria-label="Páginas">
    {{#PREV}}<a class="btn-outline btn-sm" href="{{URL}}" rel="prev">Anterior</a>{{/PREV}}
    <span>Página {{PAGE}} de {{PAGES}}</span>
    {{#NEXT}}<a class="btn-outline btn-sm" href="{{URL}}" rel="next">Siguiente</a>{{/NEXT}}
  </nav>
  {{/PAGINATION}}
</div>
