{{%AUTOESCAPE context="HTML"}}
<div class="admin-orders" data-admin-orders-filter="{{FILTER_STATUS}}" data-admin-order-transitions="{{TRANSITIONS_JSON}}">
  <div class="page-head">
    <h1 class="page-title">Pedidos (Admin)</h1>
    <p class="page-subtitle">Listado y control rápido de pedidos.</p>
  </div>

  <form class="orders-filter card" method="GET" action="/admin/pedidos" role="search">
    <div class="card-body">
      {{#HIDDEN_STATUS}}<input type="hidden" name="status" value="{{VALUE}}">{{/HIDDEN_STATUS}}
      <div class="orders-filter-row">
        <label class="sr-only" for="adminOrdersQ">Buscar pedidos</label>
        <input class="input" id="adminOrdersQ" type="text" name="q" value="{{Q}}" placeholder="Buscar: #id, nombre, teléfono…">
        <button class="btn-primary" type="submit">Filtrar</button>
        {{#HAS_FILTERS}}<a class="btn-ghost" href="{{CLEAR_URL}}">Limpiar</a>{{/HAS_FILTERS}}
        <button class="btn-outline" type="button" data-toggle-collapse="orders_filters_more" data-toggle-collapse-label="filtros" aria-expanded="false">Ver filtros</button>
      </div>
      <div class="orders-filter-more{{FILTERS_HIDDEN}}" data-collapse="orders_filters_more">
        <label class="label" for="adminOrdersWa">WhatsApp</label>
        <select class="input" id="adminOrdersWa" name="wa">
          {{#WA_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/WA_OPTION}}
        </select>
      </div>
    </div>
  </form>

  <div class="orders-tabs-head mt-4">
    <span class="font-semibold">Estados</span>
    <button class="btn-ghost btn-sm" type="button" data-toggle-collapse="orders_tabs" data-toggle-collapse-label="estados" aria-expanded="false">Ver estados</button>
  </div>
  <nav class="orders-tabs{{TABS_HIDDEN}}" data-collapse="orders_tabs" aria-label="Estados">
    {{#STATUS_TAB}}<a class="{{CLASS}}" href="{{URL}}">{{LABEL}} <span data-admin-orders-count="{{KEY}}">{{COUNT}}</span></a>{{/STATUS_TAB}}
  </nav>

  <div class="orders-list mt-4" data-admin-orders-list>
    {{#EMPTY}}
    <div class="card" data-admin-orders-empty>
      <div class="card-body">
        <p class="font-semibold">No hay pedidos</p>
        <p class="muted">Probá cambiar el estado o ajustar la búsqueda.</p>
      </div>
    </div>
    {{/EMPTY}}
    {{#ORDER}}
    <div class="card admin-order-card" data-admin-order-card data-order-id="{{ID}}" data-status="{{STATUS_KEY}}" data-wa-notified="{{WA_NOTIFIED}}">
      <div class="card-body">
        <div class="admin-order-head">
          <span class="font-semibold">Pedido #{{ID}}</span>
          <span class="{{BADGE_CLASS}}" data-admin-order-status-badge>{{STATUS_LABEL}}</span>
          {{#URGENT}}<span class="badge-rose" title="Más de 24h en {{STATUS_LABEL}}">URGENTE</span>{{/URGENT}}
          <span class="badge-zinc">{{PAYMENT}}</span>
        </div>
        <p class="muted text-sm">{{CUSTOMER}} · {{DATE}} · {{AGE}}</p>
        {{#NOTES}}<p class="text-sm">Notas: {{TEXT}}</p>{{/NOTES}}
        <p class="admin-order-total"><span class="muted text-sm">Total</span> <span class="font-semibold">{{TOTAL}}</span></p>
        <div class="admin-order-actions">
          <a class="btn-outline btn-sm" href="/admin/pedidos/{{ID}}">Abrir</a>
          {{#WA_LINK}}<a class="btn-outline btn-sm" href="{{URL}}" target="_blank" rel="noopener" title="Enviar WhatsApp" data-admin-order-wa-link data-admin-order-wa-open>WhatsApp</a>{{/WA_LINK}}
          {{#WA_BADGE}}<span class="badge-amber" data-admin-order-wa-badge data-wa-state="{{STATE}}">{{LABEL}}</span>{{/WA_BADGE}}
          <div class="dropdown">
            <button class="btn-ghost btn-sm" type="button" data-menu="orderMoreMenu-{{ID}}" aria-expanded="false" aria-label="Más acciones">⋯</button>
            <div id="orderMoreMenu-{{ID}}" class="dropdown-menu hidden">
              <a class="dropdown-item" href="/admin/pedidos/{{ID}}/imprimir">Imprimir</a>
              <a class="dropdown-item" href="/admin/pedidos/{{ID}}/ticket?autoprint=1">Ticket</a>
            </div>
          </div>
          <div class="dropdown">
            <button class="btn-outline btn-sm" type="button" data-menu="orderStatusMenu-{{ID}}" data-admin-order-status-btn aria-expanded="false"{{#STATUS_BTN_DISABLED}} disabled{{/STATUS_BTN_DISABLED}}>Estado</button>
            <div id="orderStatusMenu-{{ID}}" class="dropdown-menu hidden">
              {{#STATUS_OPTION}}<button type="button" class="dropdown-item" data-admin-order-set-status data-status="{{KEY}}"{{#DISABLED}} disabled{{/DISABLED}}{{#CURRENT}} disabled{{/CURRENT}}>{{LABEL}}</button>{{/STATUS_OPTION}}
            </div>
          </div>
        </div>
        <form class="hidden" method="POST" action="/admin/pedidos/{{ID}}/estado" data-admin-order-status-form>
          <input type="hidden" name="_token" value="{{CSRF}}">
          <input type="hidden" name="status" value="">
          <input type="hidden" name="comment" value="">
        </form>
        <form class="hidden" method="POST" action="/admin/pedidos/{{ID}}/whatsapp-ajax" data-admin-order-wa-form>
          <input type="hidden" name="_token" value="{{CSRF}}">
        </form>
      </div>
    </div>
    {{/ORDER}}
    <nav class="orders-tabs orders-wa-tabs mt-4" aria-label="WhatsApp">
      {{#WA_TAB}}<a class="{{CLASS}}" href="{{URL}}">{{LABEL}} <span data-admin-orders-wa-count="{{KEY}}">{{COUNT}}</span></a>{{/WA_TAB}}
    </nav>
  </div>

  {{#PAGER}}
  <nav class="pager mt-4" aria-label="Paginación">
    {{#PREV}}<a class="btn-outline btn-sm" href="{{URL}}" rel="prev">« Anterior</a>{{/PREV}}
    <span class="muted text-sm">Página {{CURRENT}} de {{LAST}} · {{TOTAL}} pedidos</span>
    {{#NEXT}}<a class="btn-outline btn-sm" href="{{URL}}" rel="next">Siguiente »</a>{{/NEXT}}
  </nav>
  {{/PAGER}}
</div>
