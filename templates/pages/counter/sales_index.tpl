{{%AUTOESCAPE context="HTML"}}
<div class="space-y-6">
  <div class="page-head">
    <div>
      <h1 class="page-title">Ventas en mostrador</h1>
      <p class="page-subtitle">Historial de ventas rápidas, con totales por medio de pago (las anuladas no suman).</p>
    </div>
    <a class="btn-primary btn-sm" href="/admin/venta-rapida">Nueva venta</a>
  </div>
  <form class="card card-body counter-filters" method="GET">
    <div class="field"><label class="label" for="sf_from">Desde</label>
      <input class="input" id="sf_from" name="from" type="date" value="{{FROM}}"></div>
    <div class="field"><label class="label" for="sf_to">Hasta</label>
      <input class="input" id="sf_to" name="to" type="date" value="{{TO}}"></div>
    <label class="sr-only" for="sf_payment">Medio de pago</label>
    <select class="input" id="sf_payment" name="payment_method">{{#PAYMENT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PAYMENT_OPTION}}</select>
    <label class="sr-only" for="sf_status">Estado</label>
    <select class="input" id="sf_status" name="status">{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}</select>
    <div class="actions"><button class="btn-primary btn-sm" type="submit">Filtrar</button>
      <a class="btn-outline btn-sm" href="/admin/ventas">Limpiar</a></div>
  </form>
  <section class="card" data-sales-totals>
    <div class="card-head"><h2 class="card-title">Totales</h2></div>
    <div class="card-body">
      {{#METHOD_TOTAL}}<p class="ticket-row" data-method-total="{{KEY}}"><span>{{LABEL}} ({{COUNT}})</span><span>{{TOTAL}}</span></p>{{/METHOD_TOTAL}}
      <p class="ticket-row ticket-total"><span>Total ({{COMPLETED_COUNT}} ventas)</span><span data-grand-total>{{GRAND_TOTAL}}</span></p>
    </div>
  </section>
  <div class="card">
    <div class="bo-table-wrap">
      <table class="table counter-lines">
        <thead><tr><th>Venta</th><th>Cliente</th><th>Pago</th><th>Total</th><th>Estado</th></tr></thead>
        <tbody>
        {{#SALE}}<tr data-sale-row="{{ID}}"><td><a class="font-semibold" href="/admin/ventas/{{ID}}">Venta #{{ID}}</a> <span class="bo-muted">{{CREATED}}</span></td><td data-label="Cliente">{{CUSTOMER}}</td>
          <td data-label="Pago">{{PAYMENT}}</td><td class="bo-nowrap" data-label="Total">{{TOTAL}}</td><td data-label="Estado"><span class="{{STATUS_CLASS}}">{{STATUS_LABEL}}</span></td></tr>{{/SALE}}
        {{#EMPTY}}<tr><td colspan="5" class="bo-muted">No hay ventas con estos filtros.</td></tr>{{/EMPTY}}
        </tbody>
      </table>
    </div>
  </div>
  {{#PAGINATION}}
  <nav class="bo-pagination" aria-label="Páginas">
    {{#PREV}}<a class="btn-outline btn-sm" href="{{URL}}" rel="prev">Anterior</a>{{/PREV}}
    <span>Página {{PAGE}} de {{PAGES}}</span>
    {{#NEXT}}<a class="btn-outline btn-sm" href="{{URL}}" rel="next">Siguiente</a>{{/NEXT}}
  </nav>
  {{/PAGINATION}}
</div>
