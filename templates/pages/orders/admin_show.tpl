{{%AUTOESCAPE context="HTML"}}
<div class="admin-order" data-admin-order-card data-order-id="{{ID}}" data-status="{{STATUS_KEY}}" data-admin-order-transitions="{{TRANSITIONS_JSON}}">
  <a class="btn-ghost btn-sm" href="/admin/pedidos">← Volver</a>
  <div class="admin-order-top mt-2">
    <div>
      <div class="admin-order-title">Pedido #{{ID}}</div>
      <p class="muted text-sm">Creado {{CREATED}} · Usuario: {{USER_EMAIL}}</p>
    </div>
    <div class="admin-order-actions">
      <a class="btn-outline btn-sm" href="/admin/pedidos/{{ID}}/imprimir">Imprimir</a>
      <a class="btn-outline btn-sm" href="/admin/pedidos/{{ID}}/ticket?autoprint=1">Ticket</a>
      <span class="{{BADGE_CLASS}}" data-admin-order-status-badge>{{STATUS_LABEL}}</span>
      <div class="dropdown">
        <button class="btn-outline btn-sm" type="button" data-menu="orderStatusMenu-{{ID}}" data-admin-order-status-btn aria-expanded="false"{{#STATUS_BTN_DISABLED}} disabled{{/STATUS_BTN_DISABLED}}>Estado</button>
        <div id="orderStatusMenu-{{ID}}" class="dropdown-menu hidden">
          {{#STATUS_OPTION}}<button type="button" class="dropdown-item" data-admin-order-set-status data-status="{{KEY}}"{{#DISABLED}} disabled{{/DISABLED}}{{#CURRENT}} disabled{{/CURRENT}}>{{LABEL}}</button>{{/STATUS_OPTION}}
        </div>
      </div>
      <span class="admin-order-total-top"><span class="muted text-sm">Total</span> <span class="font-semibold">{{TOTAL}}</span></span>
    </div>
    <form class="hidden" method="POST" action="/admin/pedidos/{{ID}}/estado" data-admin-order-status-form>
      <input type="hidden" name="_token" value="{{CSRF}}">
      <input type="hidden" name="status" value="">
      <input type="hidden" name="comment" value="">
    </form>
    <form class="hidden" method="POST" action="/admin/pedidos/{{ID}}/whatsapp-ajax" data-admin-order-wa-form>
      <input type="hidden" name="_token" value="{{CSRF}}">
    </form>
  </div>
  <nav class="orders-tabs admin-order-anchors mt-2" aria-label="Secciones">
    <a class="nav-pill" href="#order_actions">Acciones</a>
    <a class="nav-pill" href="#order_customer">Cliente</a>
    <a class="nav-pill" href="#order_items">Ítems</a>
    <a class="nav-pill" href="#order_whatsapp">WhatsApp</a>
  </nav>

  <div class="admin-order-grid mt-4">
    <section class="card" id="order_actions">
      <div class="card-head"><h2 class="card-title">Acciones rápidas</h2><span class="badge-zinc">Pedido #{{ID}}</span></div>
      <div class="card-body">
        <div class="actions">
          <a class="btn-outline btn-sm" href="/admin/pedidos/{{ID}}/imprimir">Imprimir</a>
          <a class="btn-outline btn-sm" href="/admin/pedidos/{{ID}}/ticket?autoprint=1">Ticket</a>
          {{#WA_QUICK}}<a class="btn-outline btn-sm" href="{{URL}}" target="_blank" rel="noopener" data-admin-order-wa-open>Abrir WhatsApp</a>{{/WA_QUICK}}
          {{#WA_QUICK_NO_PHONE}}<button class="btn-outline btn-sm" type="button" disabled>WhatsApp (sin teléfono)</button>{{/WA_QUICK_NO_PHONE}}
        </div>
        <div class="actions mt-4">
          <form method="POST" action="/admin/pedidos/{{ID}}/estado" data-confirm="¿Marcar como ENTREGADO el pedido #{{ID}}?">
            <input type="hidden" name="_token" value="{{CSRF}}">
            <input type="hidden" name="status" value="entregado">
            <input type="hidden" name="comment" value="Acción rápida: marcado como entregado">
            <button class="btn-primary btn-sm" type="submit"{{#DELIVER_DISABLED}} disabled{{/DELIVER_DISABLED}}>Marcar entregado</button>
          </form>
          <form method="POST" action="/admin/pedidos/{{ID}}/estado" data-confirm="¿Cancelar el pedido #{{ID}}? Esto devuelve stock.">
            <input type="hidden" name="_token" value="{{CSRF}}">
            <input type="hidden" name="status" value="cancelado">
            <input type="hidden" name="comment" value="Acción rápida: pedido cancelado">
            <button class="btn-danger btn-sm" type="submit"{{#CANCEL_DISABLED}} disabled{{/CANCEL_DISABLED}}>Cancelar pedido</button>
          </form>
        </div>
        {{#FINAL_NOTE}}<p class="muted text-sm mt-2">Este pedido ya está en un estado final (entregado/cancelado).</p>{{/FINAL_NOTE}}
      </div>
    </section>

    <section class="card" id="order_customer">
      <div class="card-head"><h2 class="card-title">Cliente</h2><span class="badge-zinc">{{PAYMENT}}</span></div>
      <div class="card-body">
        <dl class="order-facts">
          <dt>Nombre</dt><dd>{{CUSTOMER_NAME}}</dd>
          <dt>Teléfono</dt><dd>{{CUSTOMER_PHONE}}</dd>
          <dt>Pago</dt><dd>{{PAYMENT_LABEL}}</dd>
          {{#DELEGATE}}<dt>Retira otra persona</dt><dd>Nombre: {{NAME}} · Teléfono: {{PHONE}}</dd>{{/DELEGATE}}
          {{#NOTES}}<dt>Notas</dt><dd>{{TEXT}}</dd>{{/NOTES}}
        </dl>
      </div>
    </section>

    <section class="card" id="order_status">
      <div class="card-head"><h2 class="card-title">Actualizar estado</h2><span class="{{BADGE_CLASS}}" data-admin-order-status-badge>{{STATUS_LABEL}}</span></div>
      <div class="card-body">
        <form class="form" method="POST" action="/admin/pedidos/{{ID}}/estado">
          <input type="hidden" name="_token" value="{{CSRF}}">
          <div class="field">
            <label class="label" for="orderStatusSelect">Estado</label>
            <select class="input" id="orderStatusSelect" name="status">
              {{#SELECT_OPTION}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}{{#DISABLED}} disabled{{/DISABLED}}>{{LABEL}}</option>{{/SELECT_OPTION}}
            </select>
          </div>
          <div class="field">
            <label class="label" for="orderStatusComment">Comentario (opcional)</label>
            <input class="input" id="orderStatusComment" type="text" name="comment" maxlength="500" placeholder="Ej: listo para retirar">
          </div>
          <button class="btn-primary" type="submit">Guardar estado</button>
        </form>
      </div>
    </section>

    <section class="card" id="order_whatsapp">
      <div class="card-head"><h2 class="card-title">WhatsApp</h2><span class="badge-zinc">{{WA_PHONE_BADGE}}</span></div>
      <div class="card-body">
        <div class="label">Mensaje</div>
        <pre class="wa-message" data-admin-order-wa-message>{{WA_MESSAGE:pre_escape}}</pre>
        <div class="actions mt-2">
          {{#WA_OPEN}}<a class="btn-primary btn-sm" href="{{URL}}" target="_blank" rel="noopener" data-admin-order-wa-open>Abrir WhatsApp</a>{{/WA_OPEN}}
          {{#WA_NO_PHONE}}<button class="btn-outline btn-sm" type="button" disabled>Sin teléfono</button>{{/WA_NO_PHONE}}
          <form method="POST" action="/admin/pedidos/{{ID}}/whatsapp" data-admin-order-wa-log data-wa-log-url="/admin/pedidos/{{ID}}/whatsapp-ajax" data-wa-phone="{{WA_PHONE}}" data-wa-message="{{WA_MESSAGE}}">
            <input type="hidden" name="_token" value="{{CSRF}}">
            <button class="btn-outline btn-sm" type="submit"{{#WA_LOG_DISABLED}} disabled{{/WA_LOG_DISABLED}}>Marcar como enviado</button>
          </form>
        </div>
        <h3 class="font-semibold mt-4">Historial de envíos</h3>
        {{#WA_NO_LOGS}}<p class="muted text-sm">Sin envíos registrados para este pedido.</p>{{/WA_NO_LOGS}}
        <ul class="wa-logs">
          {{#WA_LOG}}<li class="wa-log"><span class="font-semibold">{{STATUS_LABEL}}</span> · <span class="muted text-sm">{{SENT_AT}}</span> · Tel: {{PHONE}}{{#BY}} · Por: {{NAME}}{{/BY}}<pre class="wa-message">{{MESSAGE:pre_escape}}</pre></li>{{/WA_LOG}}
        </ul>
      </div>
    </section>

    <section class="card admin-order-items" id="order_history">
      <div class="card-head"><h2 class="card-title">Historial de estados</h2></div>
      <div class="card-body">
        <ol class="order-history" data-admin-order-history>
          {{#HISTORY}}<li><span class="font-semibold">{{#FROM}}{{LABEL}} → {{/FROM}}{{TO}}</span> · <span class="muted text-sm">{{AT}}{{#BY}} · {{NAME}}{{/BY}}</span>{{#COMMENT}}<p class="text-sm">{{TEXT}}</p>{{/COMMENT}}</li>{{/HISTORY}}
        </ol>
      </div>
    </section>

    <section class="card admin-order-items" id="order_items">
      <div class="card-head"><h2 class="card-title">Ítems del pedido</h2><span class="font-semibold">{{TOTAL}}</span></div>
      <div class="card-body">
        {{#NO_ITEMS}}<p class="muted">Pedido sin ítems.</p>{{/NO_ITEMS}}
        <table class="table">
          <thead><tr><th scope="col">Producto</th><th scope="col">Precio</th><th scope="col">Cant.</th><th scope="col">Subtotal</th></tr></thead>
          <tbody>
            {{#ITEM}}<tr><td>{{NAME}}</td><td>{{PRICE}}</td><td>{{QUANTITY}}</td><td>{{SUBTOTAL}}</td></tr>{{/ITEM}}
          </tbody>
        </table>
        <p class="order-total">Total <span class="font-semibold">{{TOTAL}}</span></p>
      </div>
    </section>
  </div>
</div>
