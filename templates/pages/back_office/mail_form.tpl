{{%AUTOESCAPE context="HTML"}}
<div class="space-y-6" data-admin-mail-form data-mail-key="{{KEY}}">
  <div class="page-head">
    <div>
      <h1 class="page-title">Mail: {{LABEL}}</h1>
      <p class="page-subtitle">{{PURPOSE}}</p>
    </div>
    <div class="actions">
      <a class="btn-outline btn-sm" href="/admin/mails">Volver a mails</a>
    </div>
  </div>

  <section class="card">
    <div class="card-head">
      <div>
        <h2 class="card-title">Asunto y texto</h2>
        <p class="help">Escribí el texto como un mensaje común: una línea en blanco separa párrafos y los enlaces se convierten en links en la versión HTML. Si todos los datos de una línea quedan vacíos, esa línea no se envía.</p>
        {{#UPDATED}}<p class="help">Última modificación: {{AT}}</p>{{/UPDATED}}
      </div>
      {{#CUSTOMIZED}}<span class="badge-indigo" data-mail-origin>Personalizado</span>{{/CUSTOMIZED}}
      {{#DEFAULT}}<span class="badge-sky" data-mail-origin>Predeterminado</span>{{/DEFAULT}}
    </div>
    <div class="card-body">
      <form class="form" id="mailForm" method="POST" action="/admin/mails/{{KEY}}">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <div class="field">
          <label class="label" for="m_subject">Asunto</label>
          <input class="input" id="m_subject" name="subject" value="{{SUBJECT}}" maxlength="{{MAX_SUBJECT}}" required>
          {{#ERROR_SUBJECT}}<p class="field-error" role="alert">{{MESSAGE}}</p>{{/ERROR_SUBJECT}}
        </div>
        <div class="field">
          <label class="label" for="m_body">Texto</label>
          <textarea class="input bo-mail-body" id="m_body" name="body" rows="16" maxlength="{{MAX_BODY}}" required>{{BODY:pre_escape}}</textarea>
          {{#ERROR_BODY}}<p class="field-error" role="alert">{{MESSAGE}}</p>{{/ERROR_BODY}}
        </div>
        {{#CAN_DISABLE}}
        <div class="field">
          <label class="check"><input type="checkbox" name="enabled" value="1"{{#ENABLED_CHECKED}} checked{{/ENABLED_CHECKED}}> Enviar este mail</label>
          <p class="help">Si lo desactivás, el sistema no lo envía (queda registrado en el log).</p>
          {{#ERROR_ENABLED}}<p class="field-error" role="alert">{{MESSAGE}}</p>{{/ERROR_ENABLED}}
        </div>
        {{/CAN_DISABLE}}
        {{#ALWAYS_SENT}}
        <div class="field">
          <input type="hidden" name="enabled" value="1">
          <p class="help" data-mail-always-sent>Este mail siempre se envía: sin él, nadie puede recuperar el acceso a su cuenta.</p>
          {{#ERROR_ENABLED}}<p class="field-error" role="alert">{{MESSAGE}}</p>{{/ERROR_ENABLED}}
        </div>
        {{/ALWAYS_SENT}}
        <div class="actions">
          <button class="btn-outline" type="submit" formaction="/admin/mails/{{KEY}}/vista-previa" data-mail-preview-button>Vista previa</button>
          <button class="btn-primary" type="submit">Guardar</button>
        </div>
      </form>
      {{#CUSTOMIZED}}
      <div class="actions bo-form-foot">
        <form method="POST" action="/admin/mails/{{KEY}}" data-confirm="¿Restaurar el texto predeterminado? Se pierde el texto personalizado.">
          <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
          <input type="hidden" name="_method" value="DELETE">
          <button class="btn-danger" type="submit">Restaurar predeterminado</button>
        </form>
      </div>
      {{/CUSTOMIZED}}
    </div>
  </section>

  <section class="card">
    <div class="card-head"><h2 class="card-title">Datos que podés usar</h2></div>
    <div class="card-body">
      <p class="help">Escribilos tal cual, con las llaves dobles. Cualquier otro dato entre llaves no se acepta al guardar.</p>
      <dl class="bo-mail-placeholders" data-mail-placeholders>
        {{#PLACEHOLDER}}<dt><code>{{NAME}}</code></dt><dd>{{DESCRIPTION}}</dd>{{/PLACEHOLDER}}
      </dl>
    </div>
  </section>

  {{#PREVIEW}}
  <section class="card" id="vista-previa" data-mail-preview>
    <div class="card-head">
      <div>
        <h2 class="card-title">Vista previa</h2>
        <p class="help">Con datos de ejemplo. Todavía no se guardó nada.</p>
      </div>
    </div>
    <div class="card-body space-y-6">
      <p><span class="font-semibold">Asunto:</span> <span data-mail-preview-subject>{{PREVIEW_SUBJECT}}</span></p>
      <div>
        <h3 class="card-title">Versión HTML</h3>
        <iframe class="bo-mail-frame" title="Vista previa del mail en HTML" sandbox="" srcdoc="{{PREVIEW_HTML}}" data-mail-preview-html></iframe>
      </div>
      <div>
        <h3 class="card-title">Versión de texto</h3>
        <pre class="bo-mail-text" data-mail-preview-text>{{PREVIEW_TEXT:pre_escape}}</pre>
      </div>
    </div>
  </section>
  {{/PREVIEW}}
</div>
