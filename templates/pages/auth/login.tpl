{{%AUTOESCAPE context="HTML"}}
<div class="auth-wrap">
  <section class="card">
    <div class="card-body">
      <h1 class="page-title">Ingresar</h1>
      <p class="page-subtitle">Accedé para ver pedidos y reparaciones.</p>
      {{#SUCCESS}}<div class="alert-success mt-4" role="status">{{MESSAGE}}</div>{{/SUCCESS}}
      {{#HAS_ERRORS}}<div class="alert-error mt-4" role="alert">Revisá los campos marcados.</div>{{/HAS_ERRORS}}
      {{#GOOGLE}}
      <a class="btn-outline w-full mt-4" href="/auth/google">Continuar con Google</a>
      <p class="separator"><span>o</span></p>
      {{/GOOGLE}}
      <form class="form mt-4" method="POST" action="/login">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <label class="field">
          <span class="label">Email</span>
          <input class="input" type="email" name="email" value="{{OLD_EMAIL}}" required autofocus autocomplete="email" placeholder="tu@email.com"{{#ERROR_EMAIL}} aria-invalid="true"{{/ERROR_EMAIL}}>
          {{#ERROR_EMAIL}}<span class="field-error">{{MESSAGE}}</span>{{/ERROR_EMAIL}}
        </label>
        <label class="field">
          <span class="label">Contraseña</span>
          <input class="input" type="password" name="password" required autocomplete="current-password" placeholder="••••••••"{{#ERROR_PASSWORD}} aria-invalid="true"{{/ERROR_PASSWORD}}>
          {{#ERROR_PASSWORD}}<span class="field-error">{{MESSAGE}}</span>{{/ERROR_PASSWORD}}
        </label>
        <label class="check">
          <input type="checkbox" name="remember" value="1">
          <span>Recordarme</span>
        </label>
        <button class="btn-primary w-full">Ingresar</button>
      </form>
      <p class="auth-foot"><a href="/recuperar-contrasena">¿Olvidaste tu contraseña?</a></p>
      <p class="auth-foot">¿No tenés cuenta? <a href="/registro">Crear cuenta</a></p>
      <p class="muted text-sm mt-2">Tip: si solo querés ver el estado de una reparación, usá “Consultar reparación” desde el menú.</p>
    </div>
  </section>
</div>
