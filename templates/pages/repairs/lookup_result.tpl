{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
  <h1 class="page-title">Resultado</h1>
  <p class="page-subtitle">Estado actual de tu reparación.</p>
</div>
{{#REPAIR}}
<section class="card" data-repair-lookup-result>
  <div class="card-head">
    <h2 class="card-title">{{DEVICE}}</h2>
    <span class="{{BADGE_CLASS}}" data-repair-status="{{STATUS_KEY}}">{{STATUS_LABEL}}</span>
  </div>
  <div class="card-body">
    <p class="muted text-sm">Código: <span class="font-semibold" data-repair-code>{{CODE}}</span>{{#UPDATED}} · Actualizado: {{UPDATED_AT}}{{/UPDATED}}</p>
    <div class="alert-info mt-4">Estado: {{STATUS_HINT}}</div>
    {{#QUOTE}}
    <div class="repair-pending-quote mt-4" data-repair-pending-quote>
      <div class="label">Presupuesto</div>
      <p class="font-semibold text-lg" data-quote-price>{{PRICE}}</p>
      <div class="actions mt-4">
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
    {{/QUOTE}}
    {{#STEPPER}}
    <ol class="stepper mt-4" aria-label="Progreso de la reparación">
      {{STEPS:none}}
    </ol>
    {{/STEPPER}}
    <div class="mt-4">
      <div class="label">Falla reportada</div>
      <p>{{ISSUE_REPORTED}}</p>
    </div>
    {{#DIAGNOSIS}}
    <div class="mt-4">
      <div class="label">Diagnóstico</div>
      <p>{{TEXT}}</p>
    </div>
    {{/DIAGNOSIS}}
  </div>
</section>
{{/REPAIR}}
{{#NO_REPAIR}}
<section class="card">
  <div class="card-body">
    <p class="font-semibold">No encontramos una reparación con esos datos.</p>
    <p class="muted">Revisá que el código y el teléfono estén bien escritos.</p>
    <p class="muted">Si el problema sigue, escribinos y lo vemos rápido desde el sistema.</p>
  </div>
</section>
{{/NO_REPAIR}}
<div class="actions mt-6">
  <a class="btn-primary" href="/reparacion">Nueva consulta</a>
  {{#LOGGED_IN}}<a class="btn-outline" href="/mis-reparaciones">Mis reparaciones</a>{{/LOGGED_IN}}
  <a class="btn-ghost" href="/tienda">Ir a la tienda</a>
</div>
