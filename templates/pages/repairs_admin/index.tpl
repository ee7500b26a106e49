{{%AUTOESCAPE context="HTML"}}
<div class="stack-6 repairs-admin">
  <div class="page-head">
    <div>
      <h1 class="page-title">Reparaciones</h1>
      <p class="page-subtitle">Listado y control rápido de reparaciones.</p>
    </div>
    <div class="flex gap-2">
      <a class="btn-primary" href="/admin/reparaciones/crear">+ Nueva reparación</a>
    </div>
  </div>

  <section class="card">
    <div class="card-head">
      <h2 class="card-title">Estados</h2>
      <button type="button" class="btn-outline btn-sm" data-toggle-collapse="repairs_tabs" data-toggle-collapse-label="estados" aria-expanded="{{#TABS_OPEN}}true{{/TABS_OPEN}}{{#TABS_CLOSED}}false{{/TABS_CLOSED}}">Ver estados</button>
    </div>
    <nav class="card-body repair-tabs{{#TABS_CLOSED}} hidden{{/TABS_CLOSED}}" data-collapse="repairs_tabs" aria-label="Estados">
      {{#TAB}}<a class="nav-pill{{#ACTIVE}} nav-pill-active{{/ACTIVE}}" href="{{HREF}}">{{LABEL}} <span data-admin-repairs-count="{{KEY}}">{{COUNT}}</span></a>
      {{/TAB}}
    </nav>
  </section>

  <form class="card card-body repair-filters" method="GET" action="/admin/reparaciones">
    <div class="form-row">
      <div class="field">
        <label class="label" for="q">Buscar</label>
        <input class="input" id="q" name="q" type="search" value="{{Q}}" placeholder="Código, nombre, teléfono…">
      </div>
      <div class="field">
        <label class="label" for="status_filter">Estado</label>
        <select class="input" id="status_filter" name="status">
          <option value="">Todos</option>
          {{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
          {{/STATUS_OPTION}}
        </select>
      </div>
      <div class="field" data-collapse="repairs_filters_more">
        <label class="label" for="wa">WhatsApp</label>
        <select class="input" id="wa" name="wa">
          <option value="">Todos</option>
          {{#WA_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
          {{/WA_OPTION}}
        </select>
      </div>
    </div>
    <div class="actions">
      <button class="btn-primary" type="submit">Aplicar</button>
      {{#HAS_FILTERS}}<a class="btn-outline" href="/admin/reparaciones">Limpiar</a>{{/HAS_FILTERS}}
      <button type="button" class="btn-ghost" data-toggle-collapse="repairs_filters_more" data-toggle-collapse-label="filtros">Ver filtros</button>
    </div>
  </form>

  <div class="repair-cards" aria-label="Reparaciones">
    {{#ROW}}
    <article class="card card-body repair-card" data-repair-card="{{ID}}">
      <p class="muted text-sm">Código</p>
      <p><a class="font-semibold" href="/admin/reparaciones/{{ID}}">{{CODE}}</a></p>
      <p class="muted text-sm">Recibido: {{RECEIVED}} · {{AGE}}</p>
      <p>{{CUSTOMER_NAME}} · {{CUSTOMER_PHONE}}</p>
      <p>{{DEVICE}}</p>
      <p class="flex gap-2 repair-card-badges">
        <span class="{{BADGE_CLASS}}">{{STATUS_LABEL}}</span>
        {{#URGENT}}<span class="badge-rose" title="Más de 72h sin cerrar">URGENTE</span>{{/URGENT}}
        {{#NO_PHONE}}<span class="badge-zinc">Sin teléfono</span>{{/NO_PHONE}}
        {{#WA_PENDING}}<span class="badge-amber">WA pendiente</span>{{/WA_PENDING}}
      </p>
      <p>Precio final: <span class="font-semibold">{{FINAL_PRICE}}</span></p>
      <div class="repair-row-actions">
        <a class="btn-outline btn-sm" href="/admin/reparaciones/{{ID}}">Ver</a>
        {{#WA}}<a class="btn-ghost btn-sm" href="{{URL}}" target="_blank" rel="noopener">WhatsApp</a>{{/WA}}
        <div class="dropdown">
          <button type="button" class="btn-ghost btn-sm" data-menu="repairMoreDesk-{{ID}}" aria-expanded="false">Más acciones</button>
          <div class="dropdown-menu hidden" id="repairMoreDesk-{{ID}}">
            <a class="dropdown-item" href="/admin/reparaciones/{{ID}}/imprimir">Imprimir</a>
            <a class="dropdown-item" href="/admin/reparaciones/{{ID}}/ticket?autoprint=1">Ticket</a>
          </div>
        </div>
      </div>
    </article>
    {{/ROW}}
    {{#EMPTY}}<div class="card card-body muted">No hay reparaciones.</div>{{/EMPTY}}
  </div>

  <div class="card repair-table-wrap">
    <table class="table">
      <thead>
        <tr><th>Código</th><th>Cliente</th><th>Equipo</th><th>Estado</th><th>Final</th><th>Acciones</th></tr>
      </thead>
      <tbody>
        {{#ROW}}
        <tr data-repair-row="{{ID}}">
          <td><a class="font-semibold" href="/admin/reparaciones/{{ID}}">{{CODE}}</a><div class="muted text-sm">Recibido: {{RECEIVED}} · {{AGE}}</div></td>
          <td>{{CUSTOMER_NAME}}<div class="muted text-sm">{{CUSTOMER_PHONE}}</div></td>
          <td>{{DEVICE}}</td>
          <td>
            <span class="{{BADGE_CLASS}}">{{STATUS_LABEL}}</span>
            {{#URGENT}}<span class="badge-rose" title="Más de 72h sin cerrar">URGENTE</span>{{/URGENT}}
            {{#NO_PHONE}}<span class="badge-zinc">Sin teléfono</span>{{/NO_PHONE}}
            {{#WA_PENDING}}<span class="badge-amber">WA pendiente</span>{{/WA_PENDING}}
          </td>
          <td class="whitespace-nowrap">{{FINAL_PRICE}}</td>
          <td class="repair-row-actions">
            <a class="btn-outline btn-sm" href="/admin/reparaciones/{{ID}}">Ver</a>
            {{#WA}}<a class="btn-ghost btn-sm" href="{{URL}}" target="_blank" rel="noopener">WhatsApp</a>{{/WA}}
            <div class="dropdown">
              <button type="button" class="btn-ghost btn-sm" data-menu="repairMoreDeskTable-{{ID}}" aria-expanded="false">Más</button>
              <div class="dropdown-menu hidden" id="repairMoreDeskTable-{{ID}}">
                <a class="dropdown-item" href="/admin/reparaciones/{{ID}}/imprimir">Imprimir</a>
                <a class="dropdown-item" href="/admin/reparaciones/{{ID}}/ticket?autoprint=1">Ticket</a>
              </div>
            </div>
          </td>
        </tr>
        {{/ROW}}
        {{#EMPTY}}<tr><td colspan="6" class="muted">No hay reparaciones.</td></tr>{{/EMPTY}}
      </tbody>
    </table>
  </div>

  {{#PAGER}}
  <nav class="pager" aria-label="Páginas">
    {{#PREV}}<a class="btn-outline btn-sm" href="{{HREF}}" rel="prev">← Anterior</a>{{/PREV}}
    <span class="muted">Página {{PAGE}} de {{LAST_PAGE}}</span>
    {{#NEXT}}<a class="btn-outline btn-sm" href="{{HREF}}" rel="next">Siguiente →</a>{{/NEXT}}
  </nav>
  {{/PAGER}}
</div>
