{{%AUTOESCAPE context="HTML"}}
<div class="auth-wrap">
  <section class="card">
    <div class="card-body">
      <h1 class="page-title">Restablecer contraseña</h1>
      {{#DEAD_LINK}}
      <div class="alert-error mt-4" role="alert">{{MESSAGE}}</div>
      <p class="auth-foot"><a href="/recuperar-contrasena">Pedir un enlace nuevo</a></p>
      {{/DEAD_LINK}}
      {{#FORM}}
      <p class="page-subtitle">Elegí una contraseña nueva. Al guardarla cerramos tu sesión en todos los dispositivos.</p>
      <form class="form mt-4" method="POST" action="{{ACTION}}">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <label class="field">
          <span class="label">Nueva contraseña</span>
          <input class="input" type="password" name="password" required autofocus autocomplete="new-password" minlength="8"{{#ERROR_PASSWORD}} aria-invalid="true"{{/ERROR_PASSWORD}}>
          {{#ERROR_PASSWORD}}<span class="field-error">{{MESSAGE}}</span>{{/ERROR_PASSWORD}}
        </label>
        <label class="field">
          <span class="label">Repetí la contraseña</span>
          <input class="input" type="password" name="password_confirmation" required autocomplete="new-password" minlength="8">
        </label>
        <button class="btn-primary w-full">Guardar contraseña</button>
      </form>
      {{/FORM}}
    </div>
  </section>
</div>
