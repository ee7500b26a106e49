{{%AUTOESCAPE context="HTML"}}
<div class="error-page stack-6">
  <div class="page-head">
    <div>
      <h1 class="page-title">Sesión expirada</h1>
      <p class="page-subtitle">Tu sesión caducó o la página estuvo abierta mucho tiempo. Probá recargar o iniciar sesión de nuevo.</p>
    </div>
  </div>
  <section class="card">
    <div class="card-body">
      <p class="error-big" aria-hidden="true">419</p>
      <p>Esto suele pasar por inactividad o por recargar un formulario viejo.</p>
      <p class="mt-2 font-semibold">Solución rápida: recargá la página e intentá de nuevo.</p>
      {{#SESSION}}<p class="muted text-sm mt-2">Sesión: {{SESSION_EMAIL}}</p>{{/SESSION}}
      <div class="actions mt-6">
        {{#PRIMARY}}<a class="btn-primary" href="{{PRIMARY_HREF}}">{{PRIMARY_LABEL}}</a>{{/PRIMARY}}
        <a class="btn-outline" href="/reparacion">Consultar reparación</a>
        <a class="btn-outline" href="" data-reload role="button">Recargar página</a>
        <a class="btn-ghost" href="{{BACK_HREF}}" data-back>Volver</a>
      </div>
    </div>
  </section>
</div>
