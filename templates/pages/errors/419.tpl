{{%AUTOESCAPE context="HTML"}}
<div class="error-page stack-6">
  <div class="page-head">
    <div>
      <h1 class="page-title">La página venció</h1>
      <p class="page-subtitle">La página estuvo abierta mucho tiempo; revisá y volvé a enviar.</p>
    </div>
  </div>
  <section class="card">
    <div class="card-body">
      <p class="error-big" aria-hidden="true">419</p>
      <p>Por seguridad, un formulario vence si queda abierto mucho tiempo. No enviamos nada.</p>
      <p class="mt-2 font-semibold">Guardamos lo que escribiste (menos las contraseñas): al volver al formulario lo vas a ver cargado de nuevo.</p>
      {{#SESSION}}<p class="muted text-sm mt-2">Sesión: {{SESSION_EMAIL}}</p>{{/SESSION}}
      <div class="actions mt-6">
        <a class="btn-primary" href="{{BACK_HREF}}">Volver al formulario</a>
        {{#PRIMARY}}<a class="btn-outline" href="{{PRIMARY_HREF}}">{{PRIMARY_LABEL}}</a>{{/PRIMARY}}
        <a class="btn-ghost" href="/reparacion">Consultar reparación</a>
      </div>
    </div>
  </section>
</div>
