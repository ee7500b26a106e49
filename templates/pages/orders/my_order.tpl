{{%AUTOESCAPE context="HTML"}}
<div class="page-head order-head">
  <div>
    <h1 class="page-title">Pedido #{{ID}}</h1>
    <p class="page-subtitle">{{DATE}}</p>
  </div>
  <div class="actions">
    <span class="{{BADGE_CLASS}}" data-order-status="{{STATUS_KEY}}">{{STATUS_LABEL}}</span>
    <a class="btn-outline btn-sm" href="/mis-pedidos">Volver</a>
  </div>
</div>
<section class="card">
  <div class="card-body">
    <div class="alert-info">Estado: {{HINT}}</div>
    {{#STEPPER}}
    <ol class="stepper mt-4" aria-label="Progreso del pedido">
      {{#STEP}}<li class="step{{#DONE}} is-done{{/DONE}}{{#CURRENT}} is-current{{/CURRENT}}"{{#CURRENT}} aria-current="step"{{/CURRENT}}>{{NAME}}</li>{{/STEP}}
    </ol>
    {{/STEPPER}}
    {{#CANCELLED}}<p class="muted mt-2">Si necesitás ayuda, escribinos y lo resolvemos.</p>{{/CANCELLED}}
  </div>
</section>
<div class="order-grid mt-4">
  <section class="card">
    <div class="card-head">
      <h2 class="card-title">Ítems</h2>
      <span class="badge-zinc">{{PRODUCT_COUNT}} producto(s)</span>
    </div>
    <div class="card-body">
      <table class="table" data-order-items>
        <thead><tr><th scope="col">Producto</th><th scope="col">Precio</th><th scope="col">Cant.</th><th scope="col">Subtotal</th></tr></thead>
        <tbody>
          {{#ITEM}}<tr><td>{{NAME}}</td><td>{{PRICE}}</td><td>{{QUANTITY}}</td><td>{{SUBTOTAL}}</td></tr>{{/ITEM}}
        </tbody>
      </table>
      <p class="order-total">Total <span class="font-semibold" data-order-total>{{TOTAL}}</span></p>
    </div>
  </section>
  <section class="card">
    <div class="card-head">
      <h2 class="card-title">Detalles</h2>
      <span class="badge-sky">Retiro</span>
    </div>
    <div class="card-body">
      <dl class="order-facts">
        <dt>Nombre</dt><dd>{{PICKUP_NAME}}</dd>
        <dt>Teléfono</dt><dd>{{PICKUP_PHONE}}</dd>
        {{#DELEGATE}}<dt>Retira</dt><dd>{{TEXT}}</dd>{{/DELEGATE}}
        <dt>Método de pago</dt><dd>{{PAYMENT_LABEL}}</dd>
        {{#NOTES}}<dt>Notas</dt><dd>{{TEXT}}</dd>{{/NOTES}}
      </dl>
      {{#SHOP_WHATSAPP}}
      <textarea id="nrOrderWaText" class="hidden" readonly aria-hidden="true">{{TEXT:pre_escape}}</textarea>
      <div class="actions mt-4">
        <a class="btn-primary" href="{{URL}}" target="_blank" rel="noopener">Consultar por WhatsApp</a>
        <button class="btn-outline" type="button" data-copy-target="#nrOrderWaText" data-copy-toast="Mensaje copiado">Copiar mensaje</button>
      </div>
      {{/SHOP_WHATSAPP}}
      <div class="actions mt-4">
        <a class="btn-ghost" href="/tienda">Ir a la tienda</a>
        <a class="btn-ghost" href="/mis-pedidos">Volver a pedidos</a>
      </div>
    </div>
  </section>
</div>
