{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
  <div>
    <h1 class="page-title">Finalizar compra</h1>
    <p class="page-subtitle">Último paso: confirmá tu pedido para retiro en local.</p>
  </div>
</div>
<ol class="stepper mt-4" aria-label="Pasos de la compra">
  <li class="step is-done">Paso 1 Carrito</li>
  <li class="step is-current" aria-current="step">Paso 2 Finalizar compra</li>
  <li class="step">Paso 3 Pedido</li>
</ol>
{{#PAGE_ERRORS}}
<div class="alert-error mt-4" role="alert">
  <p class="font-semibold">Revisá estos datos:</p>
  <ul>{{#ERROR}}<li>{{MESSAGE}}</li>{{/ERROR}}</ul>
</div>
{{/PAGE_ERRORS}}
<div class="checkout-grid mt-4">
  <form class="checkout-form stack-6" method="POST" action="/checkout/confirmar" data-checkout-form>
    <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="checkout_token" value="{{CHECKOUT_TOKEN}}">
    <section class="card">
      <div class="card-head"><h2 class="card-title">Método de pago</h2></div>
      <div class="card-body pay-options">
        <label class="pay-option">
          <input class="sr-only peer" type="radio" name="payment_method" value="local" required{{#CHECKED_local}} checked{{/CHECKED_local}}>
          <span class="pay-option-box"><span class="font-semibold">Pago en el local</span><span class="muted text-sm">Pagás al retirar.</span></span>
        </label>
        <label class="pay-option">
          <input class="sr-only peer" type="radio" name="payment_method" value="mercado_pago" required{{#CHECKED_mercado_pago}} checked{{/CHECKED_mercado_pago}}>
          <span class="pay-option-box"><span class="font-semibold">Mercado Pago</span><span class="muted text-sm">Coordinamos el link de pago.</span></span>
        </label>
        <label class="pay-option">
          <input class="sr-only peer" type="radio" name="payment_method" value="transferencia" required{{#CHECKED_transferencia}} checked{{/CHECKED_transferencia}}>
          <span class="pay-option-box"><span class="font-semibold">Transferencia</span><span class="muted text-sm">Te enviamos los datos por WhatsApp.</span></span>
        </label>
        <p class="muted text-sm">El pedido queda pendiente hasta que lo confirmemos.</p>
      </div>
    </section>
    <section class="card">
      <div class="card-head"><h2 class="card-title">Tus datos</h2><a class="text-sm" href="/mi-cuenta">Editar datos</a></div>
      <div class="card-body">
        <p>Nombre: <span class="font-semibold">{{BUYER_NAME}}</span></p>
        <p>Teléfono: <span class="font-semibold">{{BUYER_PHONE}}</span></p>
        <p>Email: <span class="font-semibold break-anywhere">{{BUYER_EMAIL}}</span></p>
        <p class="muted text-sm mt-2">Se usan para asociar el pedido y contactarte.</p>
      </div>
    </section>
    <section class="card">
      <div class="card-body">
        <details class="delegate"{{#DELEGATE_OPEN}} open{{/DELEGATE_OPEN}}>
          <summary class="font-semibold">¿Retira otra persona? (opcional)</summary>
          <div class="form mt-4">
            <div class="field">
              <label class="label" for="pickup_delegate_name">Nombre de quien retira</label>
              <input class="input" id="pickup_delegate_name" name="pickup_delegate_name" value="{{DELEGATE_NAME}}" placeholder="Ej: Juan Pérez" maxlength="255">
            </div>
            <div class="field">
              <label class="label" for="pickup_delegate_phone">Teléfono de quien retira</label>
              <input class="input" id="pickup_delegate_phone" name="pickup_delegate_phone" value="{{DELEGATE_PHONE}}" placeholder="Ej: 341 555-0000" maxlength="30" inputmode="tel">
            </div>
            <p class="muted text-sm">El pedido sigue asociado a tu cuenta (tu teléfono). Esto solo es para identificar quién retira.</p>
          </div>
        </details>
        <div class="field mt-4">
          <label class="label" for="notes">Notas (opcional)</label>
          <textarea class="input" id="notes" name="notes" rows="3" maxlength="2000" placeholder="Ej: paso a retirar a la tarde">{{NOTES}}</textarea>
        </div>
      </div>
    </section>
    <div class="actions">
      <button type="submit" class="btn-primary" data-checkout-submit><span data-checkout-label>Confirmar pedido</span><span data-checkout-loading class="hidden">Procesando…</span></button>
      <a class="btn-ghost" href="/carrito">Volver al carrito</a>
    </div>
    <p class="muted text-sm">Al confirmar, el pedido queda registrado y vas a poder seguir su estado desde “Mis pedidos”.</p>
  </form>
  <aside class="checkout-summary">
    <section class="card">
      <button type="button" class="summary-toggle hidden" data-summary-toggle aria-expanded="true" aria-controls="checkoutSummaryBody">
        <span><span class="font-semibold">Resumen</span> <span class="muted text-sm">{{ITEMS_LABEL}} | Total {{TOTAL}}</span></span>
        <span data-summary-icon aria-hidden="true">▾</span>
      </button>
      <div class="card-head" data-summary-head>
        <div>
          <h2 class="card-title">Resumen</h2>
          <p class="muted text-sm">{{ITEMS_LABEL}} | Retiro en el local</p>
        </div>
        <span class="badge-sky">{{TOTAL}}</span>
        <a class="text-sm" href="/carrito">Editar</a>
      </div>
      <div id="checkoutSummaryBody" class="card-body" data-summary-body>
        <ul class="summary-lines">
          {{#ITEM}}<li class="summary-line"><div><div class="font-semibold">{{NAME}}</div><div class="muted text-sm">x{{QUANTITY}} · {{PRICE}}</div></div><div class="font-semibold">{{SUBTOTAL}}</div></li>
          {{/ITEM}}
        </ul>
        <div class="cart-total-row mt-4"><span>Total</span><div class="cart-total">{{TOTAL}}</div></div>
        <p class="muted text-sm mt-2">Retiro en el local. Si hay algún detalle de stock, te avisamos antes de confirmar.</p>
      </div>
    </section>
  </aside>
</div>
