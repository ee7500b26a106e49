{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
  <div>
    <h1 class="page-title"><span class="check-badge" aria-hidden="true">✓</span> Pedido recibido</h1>
    <p class="page-subtitle">Pedido #{{ORDER_ID}} · {{CREATED_AT}}</p>
  </div>
</div>
<div class="thankyou-grid mt-4">
  <section class="card" data-order-id="{{ORDER_ID}}">
    <div class="card-head"><h2 class="card-title">Resumen</h2><span class="badge-sky">{{TOTAL}}</span></div>
    <div class="card-body">
      <div class="alert-success">
        <p class="font-semibold">¡Listo!</p>
        <p>Estado: <span class="{{STATUS_BADGE}}">{{STATUS_LABEL}}</span> · {{STATUS_HINT}}</p>
      </div>
      <dl class="thankyou-facts mt-4">
        <div><dt>Nombre</dt><dd>{{PICKUP_NAME}}</dd></div>
        <div><dt>Teléfono</dt><dd class="phone-nowrap">{{PICKUP_PHONE}}</dd></div>
        {{#DELEGATE}}<div><dt>Retira</dt><dd>{{NAME}} ({{PHONE}})</dd></div>{{/DELEGATE}}
        <div><dt>Pago</dt><dd>{{PAYMENT}}</dd></div>
        <div><dt>Retiro</dt><dd>En el local</dd></div>
        {{#NOTES}}<div><dt>Notas</dt><dd class="pre-line">{{TEXT:pre_escape}}</dd></div>{{/NOTES}}
      </dl>
      <ul class="summary-lines mt-4">
        {{#ITEM}}<li class="summary-line"><div><div class="font-semibold">{{NAME}}</div><div class="muted text-sm">x{{QUANTITY}}</div></div><div class="font-semibold">{{SUBTOTAL}}</div></li>
        {{/ITEM}}
      </ul>
      <div class="cart-total-row mt-4"><span>Total</span><div class="cart-total">{{TOTAL}}</div></div>
      <div class="actions mt-6">
        <a class="btn-primary" href="/mis-pedidos/{{ORDER_ID}}">Ver detalle</a>
        <a class="btn-outline" href="/tienda">Seguir comprando</a>
      </div>
      {{#WHATSAPP}}
      <div class="mt-4">
        <textarea id="nrWaText" class="sr-only" readonly aria-label="Mensaje para WhatsApp">{{TEXT:pre_escape}}</textarea>
        <div class="actions">
          <a class="btn-outline" href="{{URL}}" target="_blank" rel="noopener">Consultar por WhatsApp</a>
          <button type="button" class="btn-ghost" data-copy-target="#nrWaText" data-copy-toast="Mensaje copiado ✅">Copiar mensaje</button>
        </div>
      </div>
      {{/WHATSAPP}}
      {{#NO_WHATSAPP}}<p class="muted text-sm mt-4">WhatsApp no disponible por el momento.</p>{{/NO_WHATSAPP}}
    </div>
  </section>
  <section class="card">
    <div class="card-head"><h2 class="card-title">Próximos pasos</h2></div>
    <div class="card-body">
      {{#STEPS}}<ol class="next-steps">{{#STEP}}<li class="next-step{{#DONE}} is-done{{/DONE}}"><span class="next-step-number">{{NUMBER}}</span> {{NAME}}</li>{{/STEP}}</ol>{{/STEPS}}
      {{#CANCELLED}}<p>Este pedido fue cancelado. Si necesitás ayuda, escribinos y lo resolvemos.</p>{{/CANCELLED}}
    </div>
  </section>
</div>
