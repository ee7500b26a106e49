{{%AUTOESCAPE context="HTML"}}
<div class="space-y-6" data-sale-id="{{ID}}">
  <div class="page-head">
    <div>
      <h1 class="page-title">Venta #{{ID}}</h1>
      <p class="page-subtitle">{{CREATED}} · {{CUSTOMER}} · {{PAYMENT}}</p>
    </div>
    <div class="actions">
      <a class="btn-primary btn-sm" href="/admin/ventas/{{ID}}/ticket?autoprint=1" target="_blank" rel="noopener" data-sale-ticket>Imprimir ticket</a>
      {{#WHATSAPP}}<a class="btn-outline btn-sm" href="{{URL}}" target="_blank" rel="noopener" data-sale-whatsapp>Enviar comprobante por WhatsApp</a>{{/WHATSAPP}}
      <a class="btn-outline btn-sm" href="/admin/garantias/crear?venta={{ID}}" data-warranty-link>Registrar garantía</a>
      <a class="btn-outline btn-sm" href="/admin/venta-rapida">Nueva venta</a>
    </div>
  </div>
  {{#VOIDED}}<div class="alert-error" role="status" data-sale-voided>Venta anulada el {{AT}} por {{BY}}. Motivo: {{REASON}}</div>{{/VOIDED}}
  {{#NEGATIVE_MARGIN}}<div class="alert-warning" role="status">Esta venta quedó por debajo del costo: se perdieron {{LOSS}}.</div>{{/NEGATIVE_MARGIN}}
  <section class="card">
    <div class="bo-table-wrap">
      <table class="table counter-lines">
        <thead><tr><th>Producto</th><th>Cantidad</th><th>Precio</th><th>Subtotal</th></tr></thead>
        <tbody>
        {{#ITEM}}<tr data-sale-item><td class="font-semibold">{{NAME}}</td><td data-label="Cantidad">{{QUANTITY}}</td><td class="bo-nowrap" data-label="Precio">{{PRICE}}</td><td class="bo-nowrap" data-label="Subtotal">{{SUBTOTAL}}</td></tr>{{/ITEM}}
        </tbody>
      </table>
    </div>
    <div class="card-body">
      <div class="counter-totals">
      <p class="ticket-row"><span>Subtotal</span><span>{{SUBTOTAL}}</span></p>
      {{#DISCOUNT}}<p class="ticket-row"><span>Descuento ({{REASON}})</span><span>− {{AMOUNT}}</span></p>{{/DISCOUNT}}
      <p class="ticket-row ticket-total"><span>Total</span><span data-sale-total>{{TOTAL}}</span></p>
      </div>
      <p class="bo-muted">Vendió: {{SELLER}}{{#CUSTOMER_PHONE}} · Tel. cliente: {{TEXT}}{{/CUSTOMER_PHONE}}</p>
    </div>
  </section>
  {{#CAN_VOID}}
  <section class="card">
    <div class="card-head"><h2 class="card-title">Anular venta</h2></div>
    <form class="card-body form" method="POST" action="/admin/ventas/{{ID}}/anular" data-confirm="¿Anular la venta? El stock vuelve al inventario.">
      <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
      <div class="field">
        <label class="label" for="sv_reason">Motivo *</label>
        <input class="input" id="sv_reason" name="reason" required maxlength="255" placeholder="Ej: el cliente devolvió el producto">
      </div>
      <div class="actions"><button class="btn-danger" type="submit">Anular venta</button></div>
    </form>
  </section>
  {{/CAN_VOID}}
</div>
