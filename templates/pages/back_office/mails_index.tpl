{{%AUTOESCAPE context="HTML"}}
<div class="space-y-6" data-admin-mails>
  <div class="page-head">
    <div>
      <h1 class="page-title">Mails</h1>
      <p class="page-subtitle">Editá el asunto y el texto de los mails que el sistema envía a tus clientes.</p>
    </div>
    <div class="actions">
      <a class="btn-outline btn-sm" href="/admin/configuracion">Configuración</a>
      <a class="btn-outline btn-sm" href="/admin/dashboard">Volver</a>
    </div>
  </div>

  <div class="card">
    <div class="bo-table-wrap">
      <table class="table bo-cards">
        <thead>
          <tr><th>Mail</th><th>Asunto</th><th>Estado</th><th>Texto</th><th>Acciones</th></tr>
        </thead>
        <tbody>
          {{#MAIL}}
          <tr data-mail-key="{{KEY}}">
            <td class="bo-cell-main"><span class="font-semibold">{{LABEL}}</span><div class="bo-muted">{{PURPOSE}}</div></td>
            <td class="bo-cell-wide bo-break" data-label="Asunto">{{SUBJECT}}</td>
            <td class="bo-cell-meta" data-label="Estado"><span class="{{ENABLED_CLASS}}" data-mail-enabled>{{ENABLED_LABEL}}</span></td>
            <td class="bo-cell-meta" data-label="Texto"><span class="{{ORIGIN_CLASS}}" data-mail-origin>{{ORIGIN_LABEL}}</span></td>
            <td class="bo-cell-wide"><a class="btn-outline btn-sm" href="/admin/mails/{{KEY}}">Editar</a></td>
          </tr>
          {{/MAIL}}
        </tbody>
      </table>
    </div>
  </div>
</div>
