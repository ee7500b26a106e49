{{%AUTOESCAPE context="HTML"}}
<div class="dash stack-6" data-admin-dashboard data-range="{{RANGE}}">
<section class="page-head">
  <div>
    <h1 class="page-title">Panel Admin</h1>
    <p class="page-subtitle">Panel inteligente · rango actual: {{RANGE}} días</p>
  </div>
  <nav class="actions" aria-label="Accesos rápidos">
    <a class="btn-outline btn-sm" href="/tienda">Ver tienda</a>
    <a class="btn-outline btn-sm" href="/admin/pedidos">Pedidos</a>
    <a class="btn-outline btn-sm" href="/admin/reparaciones">Reparaciones</a>
    <a class="btn-outline btn-sm" href="/admin/productos">Productos</a>
    <a class="btn-outline btn-sm" href="/admin/configuracion">Configuración</a>
    <a class="btn-outline btn-sm" href="/admin/auditoria">Auditoría</a>
    <a class="btn-outline btn-sm" href="/admin/venta-rapida">Venta rápida</a>
    <a class="btn-primary btn-sm" href="/admin/reparaciones/crear">+ Nueva reparación</a>
  </nav>
</section>

<section class="card dash-range">
  <div class="card-body dash-range-body">
    <div>
      <p class="font-semibold">Rango de análisis</p>
      <p class="muted text-sm">Afecta KPIs y top productos.</p>
    </div>
    <nav class="actions" aria-label="Rango de análisis">
      {{#RANGE_LINK}}<a class="nav-pill{{#ACTIVE}} dash-range-active{{/ACTIVE}}" href="/admin/dashboard?range={{DAYS}}"{{#ACTIVE}} aria-current="page"{{/ACTIVE}} data-range-link="{{DAYS}}">{{DAYS}} días</a>
      {{/RANGE_LINK}}
    </nav>
  </div>
</section>

<section class="dash-kpis" aria-label="Indicadores">
  <article class="card dash-kpi">
    <div class="card-body">
      <p class="dash-kpi-title">Pedidos · últimos {{RANGE}} días</p>
      <p class="dash-kpi-value"><span data-kpi="orders_in_range">{{ORDERS_IN_RANGE}}</span>
        <span class="{{ORDERS_DELTA_CLASS}}" data-kpi="orders_delta">{{ORDERS_DELTA}}</span></p>
      <p class="muted text-sm">Activos: <span data-kpi="orders_active">{{ORDERS_ACTIVE}}</span> · Pendientes: <span data-kpi="orders_pending">{{ORDERS_PENDING}}</span></p>
    </div>
  </article>
  <article class="card dash-kpi">
    <div class="card-body">
      <p class="dash-kpi-title">Ventas entregadas · últimos {{RANGE}} días</p>
      <p class="dash-kpi-value"><span data-kpi="sales_in_range">{{SALES_IN_RANGE}}</span>
        <span class="{{SALES_DELTA_CLASS}}" data-kpi="sales_delta">{{SALES_DELTA}}</span></p>
      <p class="muted text-sm">Basado en pedidos con estado entregado.</p>
      <p class="text-sm">Mostrador: <a href="/admin/ventas"><span data-kpi="counter_sales_in_range">{{COUNTER_SALES_IN_RANGE}}</span></a>
        (<span data-kpi="counter_sales_count">{{COUNTER_SALES_COUNT}}</span> ventas)
        <span class="{{COUNTER_SALES_DELTA_CLASS}}" data-kpi="counter_sales_delta">{{COUNTER_SALES_DELTA}}</span></p>
    </div>
  </article>
  <article class="card dash-kpi">
    <div class="card-body">
      <p class="dash-kpi-title">Reparaciones · últimos {{RANGE}} días</p>
      <p class="dash-kpi-value"><span data-kpi="repairs_in_range">{{REPAIRS_IN_RANGE}}</span>
        <span class="{{REPAIRS_DELTA_CLASS}}" data-kpi="repairs_delta">{{REPAIRS_DELTA}}</span></p>
      <p class="muted text-sm">Activas: <span data-kpi="repairs_active">{{REPAIRS_ACTIVE}}</span> · Total: <span data-kpi="repairs_total">{{REPAIRS_TOTAL}}</span></p>
    </div>
  </article>
  <article class="card dash-kpi">
    <div class="card-body">
      <p class="dash-kpi-title">WhatsApp pendientes (estado actual)</p>
      <p class="dash-kpi-value"><span data-kpi="wa_pending_total">{{WA_PENDING_TOTAL}}</span></p>
      <p class="text-sm"><a href="/admin/pedidos?wa=pending">Pedidos: <span data-kpi="orders_wa_pending">{{ORDERS_WA_PENDING}}</span></a>
        · <a href="/admin/reparaciones?wa=pending">Reparaciones: <span data-kpi="repairs_wa_pending">{{REPAIRS_WA_PENDING}}</span></a></p>
      <p class="muted text-sm">Enviados (actual): Pedidos <span data-kpi="orders_wa_sent">{{ORDERS_WA_SENT}}</span> · Reparaciones <span data-kpi="repairs_wa_sent">{{REPAIRS_WA_SENT}}</span></p>
    </div>
  </article>
</section>

<section class="card" aria-labelledby="dashTodayTitle" data-dash-today>
  <div class="card-head">
    <h2 class="card-title" id="dashTodayTitle">Hoy</h2>
    <p class="muted text-sm">Lo que conviene mirar antes de abrir.</p>
  </div>
  <div class="card-body dash-today">
    <div class="dash-today-col">
      <h3 class="font-semibold">Listas para retirar <span class="badge-emerald" data-kpi="ready_pickup_total">{{READY_PICKUP_TOTAL}}</span></h3>
      <ul class="dash-list">
        {{#READY_PICKUP}}<li><a href="/admin/reparaciones/{{ID}}">Reparación {{CODE}}</a> <span class="muted text-sm">{{DEVICE}} · {{CUSTOMER}} · {{AGO}}</span></li>
        {{/READY_PICKUP}}
      </ul>
      {{#READY_PICKUP_EMPTY}}<p class="muted text-sm">Ninguna reparación esperando retiro.</p>{{/READY_PICKUP_EMPTY}}
    </div>
    <div class="dash-today-col">
      <h3 class="font-semibold">Sin cambios hace más de {{STALE_DAYS}} días <span class="badge-amber" data-kpi="stale_repairs_total">{{STALE_REPAIRS_TOTAL}}</span></h3>
      <ul class="dash-list">
        {{#STALE_REPAIR}}<li><a href="/admin/reparaciones/{{ID}}">Reparación {{CODE}}</a> <span class="{{BADGE}}">{{STATUS_LABEL}}</span> <span class="muted text-sm">{{CUSTOMER}} · último cambio {{AGO}}</span></li>
        {{/STALE_REPAIR}}
      </ul>
      {{#STALE_REPAIRS_EMPTY}}<p class="muted text-sm">Todas las reparaciones activas se movieron esta semana.</p>{{/STALE_REPAIRS_EMPTY}}
    </div>
    <div class="dash-today-col">
      <h3 class="font-semibold">Pedidos pendientes hace más de {{STALE_ORDER_HOURS}} h <span class="badge-rose" data-kpi="stale_orders_total">{{STALE_ORDERS_TOTAL}}</span></h3>
      <ul class="dash-list">
        {{#STALE_ORDER}}<li><a href="/admin/pedidos/{{ID}}">Pedido #{{ID}}</a> <span class="muted text-sm">{{DATE}} · {{CUSTOMER}} · {{TOTAL}}</span></li>
        {{/STALE_ORDER}}
      </ul>
      {{#STALE_ORDERS_EMPTY}}<p class="muted text-sm">No hay pedidos demorados.</p>{{/STALE_ORDERS_EMPTY}}
    </div>
  </div>
</section>

<section class="card">
  <div class="card-head">
    <div>
      <h2 class="card-title">Gráficos</h2>
      <p class="muted text-sm">Opcional.</p>
    </div>
    <button class="btn-outline btn-sm" type="button" data-toggle-collapse="dash_charts" aria-expanded="false">Ver</button>
  </div>
  <div class="card-body dash-charts hidden" data-collapse="dash_charts">
    <figure class="dash-chart">
      <figcaption class="dash-chart-head"><span class="font-semibold">Ventas (entregado) · últimos 6 meses</span>
        <a class="text-sm" href="/admin/pedidos?status=entregado">Ver entregados</a></figcaption>
      {{#SALES_CHART}}
      <svg class="dash-svg" viewBox="0 0 600 220" role="img" aria-label="Ventas entregadas por mes">
        <line class="dash-axis" x1="10" y1="180" x2="590" y2="180"/>
        {{#SALES_BAR}}<rect class="dash-bar-sales" x="{{X}}" y="{{Y}}" width="{{W}}" height="{{H}}"><title>{{LABEL}}: {{VALUE}}</title></rect>
        <text class="dash-svg-value" x="{{LABEL_X}}" y="{{VALUE_Y}}" text-anchor="middle">{{VALUE}}</text>
        <text class="dash-svg-label" x="{{LABEL_X}}" y="200" text-anchor="middle">{{LABEL}}</text>
        {{/SALES_BAR}}
      </svg>
      {{/SALES_CHART}}
      {{#SALES_EMPTY}}<p class="muted text-sm">No hay datos todavía.</p>{{/SALES_EMPTY}}
    </figure>
    <figure class="dash-chart">
      <figcaption class="dash-chart-head"><span class="font-semibold">Actividad · Pedidos vs Reparaciones</span>
        <span class="dash-legend text-sm"><span class="dash-swatch dash-swatch-orders"></span>Pedidos
          <span class="dash-swatch dash-swatch-repairs"></span>Reparaciones <span class="muted">Últimos 6 meses</span></span></figcaption>
      {{#ACTIVITY_CHART}}
      <svg class="dash-svg" viewBox="0 0 600 220" role="img" aria-label="Pedidos y reparaciones por mes">
        <line class="dash-axis" x1="10" y1="180" x2="590" y2="180"/>
        {{#ACTIVITY_BAR}}<rect class="dash-bar-orders" x="{{OX}}" y="{{OY}}" width="30" height="{{OH}}"><title>{{LABEL}}: {{ORDERS}} pedidos</title></rect>
        <rect class="dash-bar-repairs" x="{{RX}}" y="{{RY}}" width="30" height="{{RH}}"><title>{{LABEL}}: {{REPAIRS}} reparaciones</title></rect>
        <text class="dash-svg-label" x="{{LABEL_X}}" y="200" text-anchor="middle">{{LABEL}}</text>
        {{/ACTIVITY_BAR}}
      </svg>
      {{/ACTIVITY_CHART}}
      {{#ACTIVITY_EMPTY}}<p class="muted text-sm">No hay datos todavía.</p>{{/ACTIVITY_EMPTY}}
    </figure>
  </div>
</section>

<div class="dash-grid">
  <section class="card">
    <div class="card-head"><h2 class="card-title">Pedidos por estado</h2><a class="text-sm" href="/admin/pedidos">Ver</a></div>
    <ul class="card-body dash-status-list">
      {{#ORDER_STATUS}}<li><a href="/admin/pedidos?status={{KEY}}"><span class="{{BADGE}}">{{LABEL}}</span></a> <span class="font-semibold" data-order-status-count="{{KEY}}">{{COUNT}}</span></li>
      {{/ORDER_STATUS}}
    </ul>
  </section>
  <section class="card">
    <div class="card-head"><h2 class="card-title">Reparaciones por estado</h2><a class="text-sm" href="/admin/reparaciones">Ver</a></div>
    <ul class="card-body dash-status-list">
      {{#REPAIR_STATUS}}<li><a href="/admin/reparaciones?status={{KEY}}"><span class="{{BADGE}}">{{LABEL}}</span></a> <span class="font-semibold" data-repair-status-count="{{KEY}}">{{COUNT}}</span></li>
      {{/REPAIR_STATUS}}
    </ul>
  </section>
  <section class="card">
    <div class="card-head">
      <div><h2 class="card-title">Stock bajo</h2><p class="muted text-sm">Productos con stock ≤ {{LOW_STOCK_THRESHOLD}}</p></div>
      <a class="text-sm" href="/admin/productos">Productos</a>
    </div>
    <div class="card-body">
      <p class="text-sm">Total productos: <span data-kpi="products_total">{{PRODUCTS_TOTAL}}</span> · Bajo stock: <span data-kpi="low_stock_total">{{LOW_STOCK_TOTAL}}</span></p>
      <ul class="dash-list mt-2">
        {{#LOW_STOCK}}<li data-low-stock-product="{{ID}}"><span class="font-semibold">{{NAME}}</span> <span class="muted text-sm">ID: {{ID}}</span> <span class="badge-amber">Stock: {{STOCK}}</span></li>
        {{/LOW_STOCK}}
      </ul>
      {{#LOW_STOCK_EMPTY}}<p class="muted text-sm">Todo ok ✅ No hay productos en bajo stock.</p>{{/LOW_STOCK_EMPTY}}
    </div>
  </section>
  <section class="card">
    <div class="card-head">
      <div><h2 class="card-title">Top productos (últimos {{RANGE}} días)</h2><p class="muted text-sm">Por cantidad vendida (excluye cancelados).</p></div>
      <a class="text-sm" href="/admin/pedidos">Ver pedidos</a>
    </div>
    <div class="card-body">
      <table class="table" data-top-products>
        <thead><tr><th scope="col">Producto</th><th scope="col">Cant.</th><th scope="col">Facturación</th></tr></thead>
        <tbody>
          {{#TOP_PRODUCT}}<tr data-top-product="{{ID}}"><td>{{NAME}}</td><td>{{QUANTITY}}</td><td>{{REVENUE}}</td></tr>
          {{/TOP_PRODUCT}}
        </tbody>
      </table>
      {{#TOP_EMPTY}}<p class="muted text-sm mt-2">Aún no hay ventas en este rango.</p>{{/TOP_EMPTY}}
    </div>
  </section>
</div>

<section class="card">
  <div class="card-head">
    <div><h2 class="card-title">Exportar CSV</h2><p class="muted text-sm">Descargá pedidos, reparaciones o productos creados entre dos fechas (vacías = todo).</p></div>
  </div>
  <form class="card-body dash-export" method="GET" action="/admin/exportar/pedidos">
    <div class="field">
      <label class="label" for="exportFrom">Desde</label>
      <input class="input" type="date" id="exportFrom" name="desde" value="{{EXPORT_FROM}}">
    </div>
    <div class="field">
      <label class="label" for="exportTo">Hasta</label>
      <input class="input" type="date" id="exportTo" name="hasta" value="{{EXPORT_TO}}">
    </div>
    <div class="actions dash-export-buttons">
      <button class="btn-outline btn-sm" type="submit" formaction="/admin/exportar/pedidos">Pedidos (CSV)</button>
      <button class="btn-outline btn-sm" type="submit" formaction="/admin/exportar/reparaciones">Reparaciones (CSV)</button>
      <button class="btn-outline btn-sm" type="submit" formaction="/admin/exportar/productos">Productos (CSV)</button>
    </div>
  </form>
</section>

<section class="card">
  <div class="card-head">
    <div><h2 class="card-title">Actividad reciente</h2><p class="muted text-sm">Últimos movimientos (opcional).</p></div>
    <button class="btn-outline btn-sm" type="button" data-toggle-collapse="dash_activity" data-toggle-collapse-label="actividad" aria-expanded="false">Ver actividad</button>
  </div>
  <div class="card-body dash-grid hidden" data-collapse="dash_activity">
    <div>
      <h3 class="font-semibold">Últimos pedidos</h3>
      <ul class="dash-list">
        {{#RECENT_ORDER}}<li><a href="/admin/pedidos/{{ID}}">Pedido #{{ID}}</a> <span class="{{BADGE}}">{{STATUS_LABEL}}</span> <span class="muted text-sm">{{DATE}} · {{CUSTOMER}} · {{TOTAL}}</span></li>
        {{/RECENT_ORDER}}
      </ul>
      {{#RECENT_ORDERS_EMPTY}}<p class="muted text-sm">No hay pedidos todavía.</p>{{/RECENT_ORDERS_EMPTY}}
    </div>
    <div>
      <h3 class="font-semibold">Últimas reparaciones</h3>
      <ul class="dash-list">
        {{#RECENT_REPAIR}}<li><a href="/admin/reparaciones/{{ID}}">Reparación {{CODE}}</a> <span class="{{BADGE}}">{{STATUS_LABEL}}</span> <span class="muted text-sm">{{DATE}} · {{CUSTOMER}} · {{DEVICE}}</span></li>
        {{/RECENT_REPAIR}}
      </ul>
      {{#RECENT_REPAIRS_EMPTY}}<p class="muted text-sm">No hay reparaciones todavía.</p>{{/RECENT_REPAIRS_EMPTY}}
    </div>
  </div>
</section>
<p class="muted text-sm">Cifras calculadas a las {{COMPUTED_AT}} (se recalculan solas cuando cambian pedidos, reparaciones o WhatsApp).</p>
</div>
