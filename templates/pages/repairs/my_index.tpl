{{%AUTOESCAPE context="HTML"}}
<div class="stack-6">
  <div class="page-head">
    <div>
      <h1 class="page-title">Mis reparaciones</h1>
      <p class="page-subtitle">Seguimiento del estado de tu equipo.</p>
    </div>
    <nav class="flex gap-2" aria-label="Accesos">
      <a class="btn-outline btn-sm" href="/reparacion">Consultar por código</a>
      <a class="btn-ghost btn-sm" href="/mis-pedidos">Mis pedidos</a>
      <a class="btn-ghost btn-sm" href="/tienda">Ir a la tienda</a>
    </nav>
  </div>
  {{#EMPTY}}
  <section class="card" data-my-repairs-empty>
    <div class="card-body">
      <p class="font-semibold">No tenés reparaciones asociadas.</p>
      <p class="muted">Si te pasamos un código, también podés consultarla sin cuenta.</p>
      <div class="actions mt-4"><a class="btn-primary" href="/reparacion">Consultar por código</a></div>
    </div>
  </section>
  {{/EMPTY}}
  <div class="repair-list" data-my-repairs>
    {{#REPAIR}}
    <a href="/mis-reparaciones/{{ID}}" class="card group repair-item" data-my-repair="{{ID}}">
      <div class="card-body">
        <div class="repair-item-head">
          <span class="font-semibold">{{DEVICE}}</span>
          <span class="{{BADGE_CLASS}}" data-repair-status="{{STATUS_KEY}}">{{STATUS_LABEL}}</span>
        </div>
        <p class="muted text-sm">Código: {{CODE}} · {{DATE}}</p>
        <p class="text-sm">{{HINT}} <span aria-hidden="true">→</span></p>
      </div>
    </a>
    {{/REPAIR}}
  </div>
  {{#PAGER}}
  <nav class="pager" aria-label="Páginas">
    {{#PREV}}<a class="btn-outline btn-sm" href="{{URL}}" rel="prev">Anterior</a>{{/PREV}}
    <span class="muted text-sm">Página {{PAGE}} de {{LAST}}</span>
    {{#NEXT}}<a class="btn-outline btn-sm" href="{{URL}}" rel="next">Siguiente</a>{{/NEXT}}
  </nav>
  {{/PAGER}}
</div>
