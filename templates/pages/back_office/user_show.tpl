{{%AUTOESCAPE context="HTML"}}
<div class="space-y-6" data-admin-user>
  <div class="page-head">
    <div>
      <h1 class="text-lg font-semibold">Usuario #{{ID}}</h1>
      <p class="bo-muted">Gestión de rol y datos de registro</p>
    </div>
    <a class="btn-outline btn-sm" href="/admin/usuarios">Volver</a>
  </div>

  <section class="card card-body bo-user">
    <div>
      <div class="font-semibold">{{FULL_NAME}}</div>
      <div class="bo-muted break-anywhere">{{EMAIL}} · <span class="phone-nowrap">{{PHONE}}</span></div>
      <div class="bo-muted">Alta: {{CREATED}}</div>
      <div class="bo-muted">Pedidos: {{ORDERS}} · Reparaciones: {{REPAIRS}}</div>
    </div>
    <span class="{{ROLE_CLASS}}">{{ROLE_LABEL}}</span>
  </section>

  <section class="card">
    <div class="card-head"><h2 class="card-title">Rol del usuario</h2></div>
    <div class="card-body">
      <form class="form" method="POST" action="/admin/usuarios/{{ID}}/rol">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <div class="field">
          <label class="label" for="u_role">Asignar rol</label>
          <select class="input" id="u_role" name="role"{{#ERROR_ROLE}} aria-invalid="true"{{/ERROR_ROLE}}>{{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ROLE_OPTION}}</select>
          {{#ERROR_ROLE}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_ROLE}}
        </div>
        <button class="btn-primary" type="submit">Guardar cambios</button>
        <p class="help">Tip: no podés quitar el rol al último admin, ni quitarte admin a vos mismo.</p>
      </form>
    </div>
  </section>

  <section class="card">
    <div class="card-head"><h2 class="card-title">Pedidos</h2></div>
    <div class="bo-table-wrap">
      <table class="table">
        <thead><tr><th>Pedido</th><th>Estado</th><th>Total</th><th>Fecha</th></tr></thead>
        <tbody>
          {{#ORDER}}<tr><td><a href="/admin/pedidos/{{ORDER_ID}}">Pedido #{{ORDER_ID}}</a></td><td>{{STATUS}}</td><td>{{TOTAL}}</td><td>{{DATE}}</td></tr>{{/ORDER}}
          {{#NO_ORDERS}}<tr><td colspan="4">Sin pedidos.</td></tr>{{/NO_ORDERS}}
        </tbody>
      </table>
    </div>
  </section>

  <section class="card">
    <div class="card-head"><h2 class="card-title">Reparaciones</h2></div>
    <div class="bo-table-wrap">
      <table class="table">
        <thead><tr><th>Código</th><th>Equipo</th><th>Estado</th><th>Fecha</th></tr></thead>
        <tbody>
          {{#REPAIR}}<tr><td><a href="/admin/reparaciones/{{REPAIR_ID}}">{{CODE}}</a></td><td>{{DEVICE}}</td><td>{{STATUS}}</td><td>{{DATE}}</td></tr>{{/REPAIR}}
          {{#NO_REPAIRS}}<tr><td colspan="4">Sin reparaciones.</td></tr>{{/NO_REPAIRS}}
        </tbody>
      </table>
    </div>
  </section>
</div>
