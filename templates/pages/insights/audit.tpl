{{%AUTOESCAPE context="HTML"}}
<div class="stack-6" data-admin-audit>
<section class="page-head">
  <div>
    <h1 class="page-title">Auditoría</h1>
    <p class="page-subtitle">Registro de acciones sensibles: quién hizo qué, sobre qué registro y desde dónde.</p>
  </div>
  <nav class="actions" aria-label="Accesos">
    <a class="btn-outline btn-sm" href="/admin/dashboard">Volver al panel</a>
  </nav>
</section>

{{#FILTER_ERRORS}}<div class="alert-error" role="alert"><ul>{{#FILTER_ERROR}}<li>{{MESSAGE}}</li>{{/FILTER_ERROR}}</ul></div>{{/FILTER_ERRORS}}

<section class="card">
  <form class="card-body audit-filters" method="GET" action="/admin/auditoria" data-audit-filters>
    <div class="field">
      <label class="label" for="auditEvent">Evento</label>
      <select class="select" id="auditEvent" name="event">
        <option value="">Todos</option>
        {{#EVENT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>
        {{/EVENT_OPTION}}
      </select>
    </div>
    <div class="field">
      <label class="label" for="auditActor">Usuario</label>
      <input class="input" id="auditActor" name="actor" type="text" value="{{ACTOR}}" placeholder="Email, nombre o #id">
    </div>
    <div class="field">
      <label class="label" for="auditSubjectType">Registro</label>
      <select class="select" id="auditSubjectType" name="subject_type">
        <option value="">Todos</option>
        {{#SUBJECT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
        {{/SUBJECT_OPTION}}
      </select>
    </div>
    <div class="field">
      <label class="label" for="auditSubjectId">ID del registro</label>
      <input class="input" id="auditSubjectId" name="subject_id" type="text" inputmode="numeric" value="{{SUBJECT_ID}}">
    </div>
    <div class="field">
      <label class="label" for="auditFrom">Desde</label>
      <input class="input" id="auditFrom" name="desde" type="date" value="{{FROM}}">
    </div>
    <div class="field">
      <label class="label" for="auditTo">Hasta</label>
      <input class="input" id="auditTo" name="hasta" type="date" value="{{TO}}">
    </div>
    <div class="actions">
      <button class="btn-primary btn-sm" type="submit">Filtrar</button>
      {{#CLEAR}}<a class="btn-ghost btn-sm" href="/admin/auditoria">Limpiar</a>{{/CLEAR}}
    </div>
  </form>
</section>

<section class="card">
  <div class="card-head">
    <h2 class="card-title">Entradas</h2>
    <p class="muted text-sm"><span data-audit-total>{{TOTAL}}</span> en total · página {{PAGE}} de {{PAGES}}</p>
  </div>
  <div class="audit-table-wrap">
    <table class="table" data-audit-table>
      <thead><tr><th scope="col">Fecha</th><th scope="col">Evento</th><th scope="col">Usuario</th><th scope="col">Registro</th><th scope="col">Detalle</th><th scope="col">Origen</th></tr></thead>
      <tbody>
        {{#ENTRY}}<tr data-audit-entry="{{ID}}">
          <td class="whitespace-nowrap">{{DATE}}<br><span class="muted text-sm">#{{ID}}</span>{{#UNSEALED}} <span class="badge-zinc" title="Anterior a la cadena de hashes">sin sellar</span>{{/UNSEALED}}</td>
          <td><span class="audit-event" data-audit-event>{{EVENT}}</span></td>
          <td>{{#ACTOR_USER}}<span class="font-semibold">{{NAME}}</span><br><span class="muted text-sm">{{EMAIL}} · #{{ACTOR_ID}}</span>{{/ACTOR_USER}}{{#ACTOR_PUBLIC}}<span class="muted">Público / sin sesión</span>{{/ACTOR_PUBLIC}}</td>
          <td>{{#SUBJECT}}{{#SUBJECT_LINK}}<a href="{{HREF}}">{{LABEL}} {{SUBJECT_ID}}</a>{{/SUBJECT_LINK}}{{#SUBJECT_TEXT}}{{LABEL}} {{SUBJECT_ID}}{{/SUBJECT_TEXT}}{{/SUBJECT}}</td>
          <td><dl class="audit-meta">{{#META}}<dt>{{KEY}}</dt><dd>{{VALUE}}</dd>{{/META}}</dl>{{#NO_META}}<span class="muted">—</span>{{/NO_META}}</td>
          <td class="text-sm"><span>{{IP}}</span><br><span class="muted">{{METHOD}} {{ROUTE}}</span><br><span class="muted" title="{{USER_AGENT}}">{{USER_AGENT}}</span></td>
        </tr>
        {{/ENTRY}}
      </tbody>
    </table>
  </div>
  {{#EMPTY}}<p class="card-body muted">No hay entradas con esos filtros.</p>{{/EMPTY}}
  {{#PAGER}}<nav class="card-body audit-pager" aria-label="Páginas">
    <span>{{#PREV}}<a class="btn-outline btn-sm" href="{{HREF}}" rel="prev">← Anteriores</a>{{/PREV}}</span>
    <span>{{#NEXT}}<a class="btn-outline btn-sm" href="{{HREF}}" rel="next">Siguientes →</a>{{/NEXT}}</span>
  </nav>{{/PAGER}}
</section>
</div>
