{{%AUTOESCAPE context="HTML"}}
<div class="space-y-6" data-admin-report-settings>
  <div class="page-head">
    <div>
      <h1 class="page-title">Reporte semanal de indicadores</h1>
      <p class="page-subtitle">Ventas, pedidos, reparaciones y presupuestos comparados con el período anterior, por mail con el CSV adjunto.</p>
    </div>
    <div class="actions">
      <a class="btn-outline btn-sm" href="/admin/configuracion">Configuración</a>
      <a class="btn-outline btn-sm" href="/admin/alertas">Alertas</a>
    </div>
  </div>

  <section class="card" data-report-last-run>
    <div class="card-head">
      <h2 class="card-title">Último envío</h2>
    </div>
    <div class="card-body space-y-3">
      {{#LAST_RUN}}
      <p><span class="{{BADGE}}" data-report-outcome="{{OUTCOME_KEY}}">{{OUTCOME}}</span> <span class="text-sm">{{WHEN}} · {{SOURCE}} · últimos {{RANGE}} días</span></p>
      <p class="muted text-sm bo-break" data-report-detail>{{DETAIL}}</p>
      {{/LAST_RUN}}
      {{#NO_RUN}}<p class="muted text-sm">Todavía no se envió ningún reporte.</p>{{/NO_RUN}}
      <form method="POST" action="/admin/configuracion/reportes/enviar" data-report-send-now>
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <button class="btn-outline" type="submit">Enviar ahora</button>
        <p class="help">Usa el período y los destinatarios guardados.</p>
      </form>
    </div>
  </section>

  <section class="card">
    <div class="card-head">
      <h2 class="card-title">Programación</h2>
    </div>
    <div class="card-body">
      <form class="form" method="POST" action="/admin/configuracion/reportes">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <div class="field">
          <label class="label" for="r_enabled"><input type="checkbox" id="r_enabled" name="enabled" value="1"{{#ENABLED}} checked{{/ENABLED}}> Enviar el reporte automáticamente</label>
        </div>
        <div class="field">
          <label class="label" for="r_day">Día</label>
          <select class="input" id="r_day" name="weekday">{{#DAY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/DAY_OPTION}}</select>
          {{#ERROR_WEEKDAY}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_WEEKDAY}}
        </div>
        <div class="field">
          <label class="label" for="r_time">Hora</label>
          <input class="input" id="r_time" name="time" type="time" value="{{TIME}}" required>
          {{#ERROR_TIME}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_TIME}}
        </div>
        <div class="field">
          <label class="label" for="r_range">Período</label>
          <select class="input" id="r_range" name="range">{{#RANGE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/RANGE_OPTION}}</select>
          {{#ERROR_RANGE}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_RANGE}}
        </div>
        <div class="field">
          <label class="label" for="r_to">Destinatarios (opcional)</label>
          <input class="input" id="r_to" name="recipients" value="{{RECIPIENTS}}" maxlength="2000" placeholder="Ej: vos@tunegocio.com, socio@tunegocio.com">
          <p class="help">Separalos con comas. Si lo dejás vacío, lo reciben todos los administradores.</p>
          {{#ERROR_RECIPIENTS}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_RECIPIENTS}}
        </div>
        <div class="actions">
          <button class="btn-primary" type="submit">Guardar</button>
        </div>
      </form>
    </div>
  </section>
</div>
