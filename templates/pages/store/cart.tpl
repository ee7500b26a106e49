{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
  <div>
    <h1 class="page-title">Carrito</h1>
    <p class="page-subtitle">Revisá productos, cantidades y stock antes de confirmar.</p>
  </div>
</div>
{{#EMPTY}}
<section class="card mt-4" data-cart-empty><div class="card-body">
  <p class="card-title">Tu carrito está vacío.</p>
  <p class="muted">Agregá productos desde la tienda.</p>
  <div class="actions mt-4"><a class="btn-primary" href="/tienda">Ir a la tienda</a></div>
</div></section>
{{/EMPTY}}
{{#CART}}
<div class="cart-grid mt-4" data-cart-grid data-store-url="/tienda">
  <div class="cart-items" data-cart-items-wrap>
    {{#ITEM}}
    <div class="card cart-item" data-cart-item data-item-id="{{ID}}" data-unit-price="{{UNIT_PRICE}}">
      <div class="card-body cart-item-body">
        <div class="cart-item-head">
          <a class="cart-item-name" href="{{HREF}}">{{NAME}}</a>
          <form method="POST" action="/carrito/eliminar/{{ID}}" data-cart-remove>
            <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
            <button type="submit" class="btn-ghost btn-sm" aria-label="Eliminar del carrito">Quitar</button>
          </form>
        </div>
        <p class="muted text-sm">Precio unitario: {{PRICE}} | Stock: <span data-stock-available>{{STOCK}}</span>{{#OUT_OF_STOCK}} <span class="badge-rose">Sin stock</span>{{/OUT_OF_STOCK}}</p>
        <div class="cart-item-foot">
          <form class="qty-form" method="POST" action="/carrito/actualizar/{{ID}}" data-cart-qty data-preserve-scroll="1">
            <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
            <button type="button" class="qty-btn" data-qty-minus aria-label="Restar"{{#MINUS_DISABLED}} disabled{{/MINUS_DISABLED}}>-</button>
            <label class="sr-only" for="qty_{{ID}}">Cantidad</label>
            <input id="qty_{{ID}}" class="input qty-input" type="number" name="quantity" min="1" inputmode="numeric" value="{{QUANTITY}}" data-qty-input max="{{MAX}}"{{#INPUT_DISABLED}} disabled{{/INPUT_DISABLED}}>
            <button type="button" class="qty-btn" data-qty-plus aria-label="Sumar"{{#PLUS_DISABLED}} disabled{{/PLUS_DISABLED}}>+</button>
            <noscript><button type="submit" class="btn-outline btn-sm">Actualizar</button></noscript>
          </form>
          <div class="cart-line-total">
            <div class="muted text-sm">Subtotal</div>
            <div class="font-semibold" data-line-subtotal>{{SUBTOTAL}}</div>
          </div>
        </div>
      </div>
    </div>
    {{/ITEM}}
  </div>
  <div class="cart-summary" data-cart-summary-wrap>
    <section class="card">
      <div class="card-head">
        <div>
          <h2 class="card-title">Resumen</h2>
          <p class="muted text-sm">Pago y retiro en el local</p>
        </div>
        <span class="badge-sky" data-cart-items-count>{{ITEMS_LABEL}}</span>
      </div>
      <div class="card-body cart-summary-body">
        <div class="cart-total-row"><span>Total</span><div class="cart-total" data-cart-total>{{TOTAL}}</div></div>
        <p class="muted text-sm">Cuando confirmes, el pedido queda pendiente y luego coordinamos el retiro.</p>
        {{#STOCK_OK}}<a href="/checkout" data-checkout-btn class="btn-primary w-full" aria-disabled="false" tabindex="0">Finalizar compra</a>
        <div class="alert-warning hidden" data-stock-warning>Hay productos sin stock o con cantidad mayor al stock. Ajustá el carrito para continuar.</div>{{/STOCK_OK}}
        {{#STOCK_ISSUE}}<a href="/checkout" data-checkout-btn class="btn-primary w-full opacity-50 pointer-events-none" aria-disabled="true" tabindex="-1">Finalizar compra</a>
        <div class="alert-warning" data-stock-warning>Hay productos sin stock o con cantidad mayor al stock. Ajustá el carrito para continuar.</div>{{/STOCK_ISSUE}}
        <form method="POST" action="/carrito/vaciar" data-cart-clear>
          <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
          <button type="submit" class="btn-outline w-full">Vaciar carrito</button>
        </form>
        <a class="btn-ghost w-full" href="/tienda">Seguir comprando</a>
        <p class="muted text-sm">Al confirmar, el pedido queda asociado a tu cuenta y lo ves en "Mis pedidos".</p>
      </div>
    </section>
  </div>
</div>
{{/CART}}
