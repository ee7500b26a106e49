{{%AUTOESCAPE context="HTML"}}
<div class="space-y-6" data-admin-alerts>
  <div class="page-head">
    <div>
      <h1 class="page-title">Alertas</h1>
      <p class="page-subtitle">Lo que necesita tu atención hoy: reparaciones demoradas, pedidos y presupuestos esperando, stock bajo y avisos de WhatsApp pendientes.</p>
    </div>
    <div class="actions">
      <a class="btn-outline btn-sm" href="/admin/dashboard">Volver</a>
      <a class="btn-outline btn-sm" href="/admin/configuracion/reportes">Reporte semanal</a>
    </div>
  </div>

  {{#EMPTY}}
  <div class="card"><div class="card-body"><p class="muted" data-alerts-empty>Todo en orden ✅ No hay nada pendiente.</p></div></div>
  {{/EMPTY}}

  {{#HAS_UNSEEN}}
  <form class="card" method="POST" action="/admin/alertas/vistas" data-alerts-mark-all>
    <div class="card-body alert-summary">
      <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
      {{#UNSEEN_KEY}}<input type="hidden" name="keys" value="{{KEY}}">{{/UNSEEN_KEY}}
      <p><span class="badge-amber" data-alerts-unseen>{{UNSEEN}} sin ver</span> <span class="muted text-sm">de {{TOTAL}} alertas</span></p>
      <button class="btn-primary btn-sm" type="submit">Marcar todo como visto</button>
    </div>
  </form>
  {{/HAS_UNSEEN}}

  {{#SECTION}}
  <section class="card" data-alerts-section="{{KIND}}">
    <div class="card-head">
      <h2 class="card-title">{{HEADING}}</h2>
      <span class="badge-zinc">{{COUNT}}</span>
    </div>
    <div class="card-body">
      <ul class="alert-list">
        {{#ITEM}}
        <li class="alert-item alert-item-{{STATE}}" data-alert-item="{{KEY}}" data-alert-state="{{STATE}}">
          <div class="alert-item-head">
            <a class="alert-item-title" href="{{PATH}}">{{TITLE}}</a>
            {{#NEW}}<span class="badge-amber">Nuevo</span>{{/NEW}}
          </div>
          <p class="muted text-sm">{{DETAIL}}</p>
          {{#NEW}}
          <form method="POST" action="/admin/alertas/vistas">
            <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
            <input type="hidden" name="keys" value="{{KEY}}">
            <button class="btn-outline btn-sm" type="submit">Marcar como vista</button>
          </form>
          {{/NEW}}
        </li>
        {{/ITEM}}
      </ul>
    </div>
  </section>
  {{/SECTION}}
</div>
