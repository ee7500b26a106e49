{{%AUTOESCAPE context="HTML"}}
<div class="space-y-6" data-counter-sale>
  <div class="page-head">
    <div>
      <h1 class="page-title">Venta rápida</h1>
      <p class="page-subtitle">Escaneá o escribí el SKU o código de barras y tocá Enter. También podés buscar por nombre.</p>
    </div>
    <a class="btn-outline btn-sm" href="/admin/ventas">Ver ventas</a>
  </div>
  {{#NOTICE}}<div class="alert-warning" role="status">{{MESSAGE}}</div>{{/NOTICE}}
  {{#SALE_ERRORS}}<div class="alert-error" role="alert" data-sale-error><ul>{{#ERROR_ITEM}}<li>{{MESSAGE}}</li>{{/ERROR_ITEM}}</ul></div>{{/SALE_ERRORS}}
  <form class="form" method="POST" action="/admin/venta-rapida" id="counterSaleForm">
    <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="sale_token" value="{{SALE_TOKEN}}">
    <section class="card">
      <div class="card-body">
        <div class="field">
          <label class="label" for="cs_code">Código (SKU o código de barras)</label>
          <div class="counter-scan">
            <input class="input" id="cs_code" name="code" autocomplete="off" autofocus inputmode="text" placeholder="Escaneá o escribí y tocá Enter" data-counter-code>
            <button class="btn-primary btn-sm" type="submit" name="intent" value="add">Agregar</button>
          </div>
        </div>
        <div class="field">
          <label class="label" for="cs_search">Buscar por nombre</label>
          <div class="counter-scan">
            <input class="input" id="cs_search" name="search" value="{{SEARCH}}" autocomplete="off" placeholder="Ej: cargador">
            <button class="btn-outline btn-sm" type="submit" name="intent" value="search">Buscar</button>
          </div>
        </div>
        {{#RESULTS}}
        <ul class="counter-results" data-counter-results>
          {{#NO_RESULTS}}<li class="bo-muted">No hay productos que coincidan.</li>{{/NO_RESULTS}}
          {{#RESULT}}<li><span>{{NAME}} <span class="bo-muted">{{CODE}} · Stock: {{STOCK}}</span> · {{PRICE}}</span>
            <button class="btn-outline btn-sm" type="submit" name="add_product" value="{{ID}}">Agregar</button></li>{{/RESULT}}
        </ul>
        {{/RESULTS}}
      </div>
    </section>

    <section class="card">
      <div class="card-head"><h2 class="card-title">Productos</h2></div>
      <div class="bo-table-wrap">
        {{#NO_LINES}}<p class="card-body bo-muted" data-counter-empty>Todavía no agregaste productos.</p>{{/NO_LINES}}
        {{#HAS_LINES}}
        <table class="table counter-lines" data-counter-lines>
          <thead><tr><th>Producto</th><th>Precio</th><th>Cantidad</th><th>Subtotal</th></tr></thead>
          <tbody>
          {{/HAS_LINES}}
          {{#LINE}}
            <tr data-counter-line data-product-id="{{PRODUCT_ID}}">
              <td><div class="font-semibold">{{NAME}}</div><div class="bo-muted">{{CODE}} · Stock: {{STOCK}}</div>
                {{#LOW_STOCK}}<span class="badge-rose">Solo hay {{STOCK}} en stock</span>{{/LOW_STOCK}}
                {{#LINE_LOSS}}<span class="badge-amber">Precio por debajo del costo ({{COST}})</span>{{/LINE_LOSS}}
                <input type="hidden" name="product_id[]" value="{{PRODUCT_ID}}"></td>
              <td class="bo-nowrap" data-label="Precio">{{PRICE}}</td>
              <td data-label="Cantidad"><label class="sr-only" for="cs_qty_{{INDEX}}">Cantidad de {{NAME}}</label>
                <input class="input bo-narrow" id="cs_qty_{{INDEX}}" name="quantity[]" value="{{QUANTITY}}" inputmode="numeric" min="0" type="number" data-counter-quantity></td>
              <td class="bo-nowrap" data-label="Subtotal">{{SUBTOTAL}}</td>
            </tr>
          {{/LINE}}
          {{#HAS_LINES}}
          </tbody>
        </table>
        <div class="card-body">
          <p class="bo-muted">Poné 0 en la cantidad para quitar un producto.</p>
          <button class="btn-outline btn-sm" type="submit" name="intent" value="update">Actualizar cantidades</button>
        </div>
        {{/HAS_LINES}}
      </div>
    </section>

    <section class="card">
      <div class="card-head"><h2 class="card-title">Cobro</h2></div>
      <div class="card-body">
        <div class="form-row bo-two">
          <div class="field">
            <label class="label" for="cs_customer">Cliente (opcional)</label>
            <input class="input" id="cs_customer" name="customer_name" value="{{CUSTOMER_NAME}}" maxlength="255" placeholder="Consumidor final">
          </div>
          <div class="field">
            <label class="label" for="cs_phone">WhatsApp del cliente (opcional)</label>
            <input class="input" id="cs_phone" name="customer_phone" value="{{CUSTOMER_PHONE}}" maxlength="30" inputmode="tel" placeholder="Para mandarle el comprobante">
          </div>
        </div>
        <fieldset class="field counter-pay">
          <legend class="label">Medio de pago</legend>
          {{#PAYMENT_OPTION}}<label class="check"><input type="radio" name="payment_method" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>
          {{/PAYMENT_OPTION}}
        </fieldset>
        <div class="form-row bo-two">
          <div class="field">
            <label class="label" for="cs_discount">Descuento (opcional)</label>
            <input class="input" id="cs_discount" name="discount" value="{{DISCOUNT}}" inputmode="decimal" placeholder="0">
          </div>
          <div class="field">
            <label class="label" for="cs_discount_reason">Motivo del descuento</label>
            <input class="input" id="cs_discount_reason" name="discount_reason" value="{{DISCOUNT_REASON}}" maxlength="255" placeholder="Ej: cliente frecuente">
          </div>
        </div>
        <div class="counter-totals">
        <p class="ticket-row"><span>Subtotal</span><span data-counter-subtotal>{{SUBTOTAL}}</span></p>
        {{#HAS_DISCOUNT}}<p class="ticket-row"><span>Descuento</span><span>− {{AMOUNT}}</span></p>{{/HAS_DISCOUNT}}
        <p class="ticket-row ticket-total"><span>Total</span><span data-counter-total>{{TOTAL}}</span></p>
        </div>
        {{#NEGATIVE_MARGIN}}<div class="alert-warning" role="status" data-negative-margin>Atención: esta venta queda por debajo del costo ({{COST}}). Perdés {{LOSS}}.</div>{{/NEGATIVE_MARGIN}}
        <div class="actions">
          <button class="btn-primary" type="submit" name="intent" value="confirm" data-counter-confirm>Confirmar venta</button>
        </div>
      </div>
    </section>
  </form>
</div>
