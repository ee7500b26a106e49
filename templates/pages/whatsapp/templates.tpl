{{%AUTOESCAPE context="HTML"}}
<div class="stack-6" data-whatsapp-templates="{{KIND}}">
  <div class="page-head">
    <div>
      <h1 class="page-title">{{HEADING}}</h1>
      <p class="page-subtitle">Editá mensajes por estado. Si dejás vacío, se usa el texto predeterminado del sistema.</p>
    </div>
    <nav class="flex gap-2" aria-label="Accesos">
      {{#ORDERS}}<a class="btn-outline btn-sm" href="/admin/whatsapp">WhatsApp Reparaciones</a>{{/ORDERS}}
      <a class="btn-outline btn-sm" href="/admin/configuracion">Configuración</a>
      <a class="btn-ghost btn-sm" href="/admin/dashboard">Volver</a>
    </nav>
  </div>

  <section class="card" aria-labelledby="waVarsTitle">
    <div class="card-head">
      <h2 id="waVarsTitle" class="card-title">Variables disponibles</h2>
    </div>
    <div class="card-body">
      <p class="muted text-sm">Podés combinarlos como quieras en cada plantilla.</p>
      <dl class="wa-vars mt-2">
        {{#PLACEHOLDER}}<div class="wa-var"><dt><code>{{NAME}}</code></dt><dd>{{DESCRIPTION}}</dd></div>{{/PLACEHOLDER}}
      </dl>
    </div>
  </section>

  <form class="form stack-6" method="POST" action="{{ACTION}}">
    <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
    {{#STATUS}}
    <section class="card" data-wa-template="{{KEY}}">
      <div class="card-head">
        <h2 class="card-title"><label for="tpl_{{KEY}}">{{LABEL}}</label></h2>
        <span class="badge-zinc">{{KEY}}</span>
      </div>
      <div class="card-body">
        <textarea class="input wa-template-text" id="tpl_{{KEY}}" name="templates[{{KEY}}]" rows="8">{{TEXT}}</textarea>
      </div>
    </section>
    {{/STATUS}}
    <div class="actions">
      <a class="btn-ghost" href="/admin/configuracion">Cancelar</a>
      <button class="btn-primary" type="submit">Guardar plantillas</button>
    </div>
  </form>
</div>
