{{%AUTOESCAPE context="HTML"}}
<div class="auth-wrap">
  <section class="card">
    <div class="card-body">
      <h1 class="page-title">Recuperar contraseña</h1>
      <p class="page-subtitle">Ingresá el email de tu cuenta y te mandamos un enlace para elegir una contraseña nueva.</p>
      {{#SUCCESS}}<div class="alert-success mt-4" role="status">{{MESSAGE}}</div>{{/SUCCESS}}
      <form class="form mt-4" method="POST" action="/recuperar-contrasena">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <label class="field">
          <span class="label">Email</span>
          <input class="input" type="email" name="email" value="{{OLD_EMAIL}}" required autofocus autocomplete="email" placeholder="tu@email.com"{{#ERROR_EMAIL}} aria-invalid="true"{{/ERROR_EMAIL}}>
          {{#ERROR_EMAIL}}<span class="field-error">{{MESSAGE}}</span>{{/ERROR_EMAIL}}
        </label>
        <button class="btn-primary w-full">Enviar enlace</button>
      </form>
      <p class="auth-foot"><a href="/login">Volver a Ingresar</a></p>
    </div>
  </section>
</div>
