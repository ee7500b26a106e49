{{%AUTOESCAPE context="HTML"}}
<div class="space-y-6">
  <div class="page-head">
    <div>
      <h1 class="page-title">Movimientos de stock</h1>
      <p class="page-subtitle">Cada cambio de stock con su motivo: ventas online y en mostrador, cancelaciones, anulaciones, repuestos y ajustes.</p>
    </div>
    <a class="btn-outline btn-sm" href="/admin/productos">Productos</a>
  </div>
  <form class="card card-body counter-filters" method="GET">
    {{#PRODUCT_ID}}<input type="hidden" name="product_id" value="{{VALUE}}">{{/PRODUCT_ID}}
    <label class="sr-only" for="sm_product">Producto</label>
    <input class="input" id="sm_product" name="product" value="{{PRODUCT}}" placeholder="Producto, SKU o código…">
    <label class="sr-only" for="sm_reason">Motivo</label>
    <select class="input" id="sm_reason" name="reason">{{#REASON_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/REASON_OPTION}}</select>
    <div class="field"><label class="label" for="sm_from">Desde</label>
      <input class="input" id="sm_from" name="from" type="date" value="{{FROM}}"></div>
    <div class="field"><label class="label" for="sm_to">Hasta</label>
      <input class="input" id="sm_to" name="to" type="date" value="{{TO}}"></div>
    <div class="actions"><button class="btn-primary btn-sm" type="submit">Filtrar</button>
      <a class="btn-outline btn-sm" href="/admin/stock">Limpiar</a></div>
  </form>
  <div class="card">
    <div class="bo-table-wrap">
      <table class="table counter-lines" data-stock-movements>
        <thead><tr><th>Producto y fecha</th><th>Cambio</th><th>Stock</th><th>Motivo</th><th>Referencia</th><th>Usuario</th><th>Nota</th></tr></thead>
        <tbody>
        {{#MOVEMENT}}<tr data-movement="{{ID}}"><td><a class="font-semibold" href="/admin/stock?product_id={{PRODUCT_ID}}">{{PRODUCT}}</a> <span class="bo-muted bo-nowrap">{{DATE}}</span></td>
          <td data-label="Cambio"><span class="{{DELTA_CLASS}}">{{DELTA}}</span></td><td data-label="Stock">{{STOCK_AFTER}}</td><td data-label="Motivo">{{REASON}}</td>
          <td data-label="Referencia">{{#REFERENCE_LINK}}<a href="{{URL}}">{{LABEL}}</a>{{/REFERENCE_LINK}}{{#REFERENCE_TEXT}}{{LABEL}}{{/REFERENCE_TEXT}}</td>
          <td data-label="Usuario">{{USER}}</td><td data-label="Nota">{{NOTE}}</td></tr>{{/MOVEMENT}}
        {{#EMPTY}}<tr><td colspan="7" class="bo-muted">No hay movimientos con estos filtros.</td></tr>{{/EMPTY}}
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
