{{%AUTOESCAPE context="HTML"}}
<div class="stack-6" data-repair-quote data-status="{{STATUS_KEY}}">
  <div class="page-head">
    <div>
      <h1 class="page-title">Presupuesto de reparación</h1>
      <p class="page-subtitle">Código {{CODE}}</p>
    </div>
    <span class="badge-zinc" data-repair-status="{{STATUS_KEY}}">{{STATUS_LABEL}}</span>
  </div>

  <section class="card" aria-labelledby="quoteTitle">
    <div class="card-head">
      <h2 id="quoteTitle" class="card-title">Detalle</h2>
    </div>
    <div class="card-body">
      {{#FLASH_SUCCESS}}<div class="alert-success mb-4" role="status">{{MESSAGE}}</div>{{/FLASH_SUCCESS}}
      {{#FLASH_NOTICE}}<div class="alert-warning mb-4" role="status">{{MESSAGE}}</div>{{/FLASH_NOTICE}}
      <dl class="quote-facts">
        <div><dt class="label">Cliente</dt><dd>{{CUSTOMER_NAME}}</dd></div>
        <div><dt class="label">Equipo</dt><dd>{{DEVICE}}</dd></div>
        <div><dt class="label">Falla</dt><dd>{{ISSUE}}</dd></div>
        <div><dt class="label">Presupuesto</dt><dd class="font-semibold text-lg" data-quote-price>{{PRICE}}</dd></div>
        {{#DIAGNOSIS}}<div><dt class="label">Diagnóstico</dt><dd>{{TEXT}}</dd></div>{{/DIAGNOSIS}}
      </dl>
    </div>
  </section>

  {{#WAITING}}
  <section class="card" aria-labelledby="quoteDecisionTitle">
    <div class="card-head">
      <h2 id="quoteDecisionTitle" class="card-title">¿Cómo querés continuar?</h2>
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
  {{/WAITING}}
  {{#NOT_WAITING}}
  <section class="card" data-quote-closed>
    <div class="card-body">
      <p class="font-semibold">Esta reparación ya no está esperando aprobación.</p>
      <p class="muted">Estado actual: {{STATUS_LABEL}}</p>
      {{#DECISION}}<p class="muted text-sm mt-2" data-quote-decision>{{TEXT}} el {{AT}}.</p>{{/DECISION}}
    </div>
  </section>
  {{/NOT_WAITING}}
  <div class="actions">
    <a class="btn-ghost" href="/reparacion">Consultar reparación</a>
  </div>
</div>
