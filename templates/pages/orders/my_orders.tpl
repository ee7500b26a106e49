{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
  <h1 class="page-title">Mis pedidos</h1>
  <p class="page-subtitle">Acá podés ver el estado y el detalle de cada pedido.</p>
</div>
<div class="orders-toolbar">
  <nav class="orders-tabs" aria-label="Pedidos">
    <a class="{{ACTIVE_CLASS}}" href="{{ACTIVE_URL}}">Activos</a>
    <a class="{{HISTORY_CLASS}}" href="{{HISTORY_URL}}">Historial</a>
  </nav>
  <form class="orders-search" method="GET" action="/mis-pedidos" role="search">
    <input type="hidden" name="tab" value="{{TAB}}">
    <label class="sr-only" for="ordersQ">Buscar pedidos</label>
    <input class="input" id="ordersQ" type="search" name="q" value="{{Q}}" placeholder="Buscar #pedido, nombre o teléfono...">
    <button class="btn-outline" type="submit">Buscar</button>
    {{#HAS_Q}}<a class="btn-ghost" href="/mis-pedidos?tab={{TAB}}">Limpiar</a>{{/HAS_Q}}
  </form>
  <div class="actions">
    <a class="btn-ghost btn-sm" href="/tienda">Ir a la tienda</a>
    <a class="btn-ghost btn-sm" href="/mis-reparaciones">Mis reparaciones</a>
  </div>
</div>
{{#EMPTY}}
<section class="card mt-4">
  <div class="card-body">
    <p class="font-semibold">Todavía no tenés pedidos.</p>
    <p class="muted">Cuando compres algo, van a aparecer acá con su estado.</p>
    <a class="btn-primary mt-4" href="/tienda">Ir a la tienda</a>
  </div>
</section>
{{/EMPTY}}
<div class="orders-list mt-4" data-my-orders>
  {{#ORDER}}
  <a href="/mis-pedidos/{{ID}}" class="card group order-card" data-order-id="{{ID}}">
    <div class="card-body">
      <div class="order-card-head">
        <span class="font-semibold">Pedido #{{ID}}</span>
        <span class="{{BADGE_CLASS}}" data-order-status="{{STATUS_KEY}}">{{STATUS_LABEL}}</span>
      </div>
      <p class="muted text-sm">{{DATE}} · {{ITEMS_COUNT}} · <span class="badge-zinc">{{PAYMENT_LABEL}}</span></p>
      <ul class="order-preview text-sm">
        {{#PREVIEW}}<li>{{LINE}}</li>{{/PREVIEW}}
        {{#MORE}}<li class="muted">+{{COUNT}} más</li>{{/MORE}}
      </ul>
      <div class="order-card-foot">
        <span><span class="muted text-sm">Total</span> <span class="font-semibold">{{TOTAL}}</span></span>
        <span class="order-card-link">Ver detalle &gt;</span>
      </div>
    </div>
  </a>
  {{/ORDER}}
</div>
{{#PAGER}}
<nav class="pager mt-4" aria-label="Paginación">
  {{#PREV}}<a class="btn-outline btn-sm" href="{{URL}}" rel="prev">« Anterior</a>{{/PREV}}
  <span class="muted text-sm">Página {{CURRENT}} de {{LAST}}</span>
  {{#NEXT}}<a class="btn-outline btn-sm" href="{{URL}}" rel="next">Siguiente »</a>{{/NEXT}}
</nav>
{{/PAGER}}
