{{%AUTOESCAPE context="HTML"}}
<div class="stack-6" data-my-repair-detail>
  <div class="page-head">
    <div>
      <h1 class="page-title">Reparación</h1>
      <p class="page-subtitle">Código: {{CODE}}</p>
    </div>
    <span class="{{BADGE_CLASS}}" data-repair-status="{{STATUS_KEY}}">{{STATUS_LABEL}}</span>
  </div>

  <div class="alert-info">Estado: {{HINT}}{{#CANCELLED}} Si necesitás ayuda, escribinos y lo resolvemos.{{/CANCELLED}}</div>
  {{#STEPPER}}
  <ol class="stepper" aria-label="Progreso de la reparación">
    {{STEPS:none}}
  </ol>
  {{/STEPPER}}

  {{#QUOTE}}
  <section class="card" aria-labelledby="repairQuoteTitle" data-repair-pending-quote>
    <div class="card-head">
      <h2 id="repairQuoteTitle" class="card-title">Presupuesto</h2>
      <span class="font-semibold text-lg" data-quote-price>{{PRICE}}</span>
    </div>
    <div class="card-body">
      <div class="actions">
        <form method="POST" action="{{APPROVE_ACTION}}" data-quote-approve>
          <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
          <button class="btn-primary" type="submit">Aprobar presupuesto</button>
        </form>
        <form method="POST" action="{{REJECT_ACTION}}" data-quote-reject data-confirm="¿Rechazar el presupuesto? La reparación se cancela.">
          <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
          <button class="btn-danger" type="submit">Rechazar presupuesto</button>
        </form>
      </div>
      <p class="muted text-sm mt-4">Si aprobás, el estado pasa a “En reparación”. Si rechazás, la reparación se cancela.</p>
    </div>
  </section>
  {{/QUOTE}}

  <section class="card" aria-labelledby="repairDetailTitle">
    <div class="card-head">
      <h2 id="repairDetailTitle" class="card-title">Detalle</h2>
      <span class="badge-zinc">{{CREATED}}</span>
    </div>
    <div class="card-body">
      <dl class="repair-facts">
        <div><dt class="label">Equipo</dt><dd>{{DEVICE}}</dd></div>
        <div><dt class="label">Falla reportada</dt><dd>{{ISSUE}}</dd></div>
        {{#DIAGNOSIS}}<div><dt class="label">Diagnóstico</dt><dd>{{TEXT}}</dd></div>{{/DIAGNOSIS}}
      </dl>
      <h3 class="font-semibold mt-4">Pagos</h3>
      <dl class="repair-facts mt-2" data-repair-payments>
        <div><dt class="label">Total</dt><dd>{{TOTAL}}</dd></div>
        <div><dt class="label">Pagado</dt><dd>{{PAID}}</dd></div>
        <div><dt class="label">Debe</dt><dd>{{DUE}}</dd></div>
        <div><dt class="label">Método</dt><dd>{{METHOD}}</dd></div>
        {{#PAYMENT_NOTES}}<div><dt class="label">Nota</dt><dd>{{TEXT}}</dd></div>{{/PAYMENT_NOTES}}
      </dl>
      <h3 class="font-semibold mt-4">Garantía</h3>
      <dl class="repair-facts mt-2" data-repair-warranty>
        <div><dt class="label">Días</dt><dd>{{WARRANTY_DAYS}}</dd></div>
        <div><dt class="label">Entregado</dt><dd>{{DELIVERED}}</dd></div>
        <div><dt class="label">Vence</dt><dd>{{EXPIRES}}</dd></div>
        {{#WARRANTY_BADGE}}<div><dd><span class="{{CLASS}}">{{TEXT}}</span></dd></div>{{/WARRANTY_BADGE}}
      </dl>
    </div>
  </section>

  <section class="card" aria-labelledby="repairActionsTitle">
    <div class="card-head">
      <h2 id="repairActionsTitle" class="card-title">Acciones</h2>
      <span class="badge-sky">Consulta</span>
    </div>
    <div class="card-body">
      <p class="muted text-sm">Si no usás cuenta, también podés consultar con el código.</p>
      <div class="actions mt-4">
        <a class="btn-outline" href="/reparacion">Consultar por código</a>
        <a class="btn-ghost" href="/mis-reparaciones">Volver</a>
        <a class="btn-ghost" href="/tienda">Ir a la tienda</a>
      </div>
    </div>
  </section>
</div>
