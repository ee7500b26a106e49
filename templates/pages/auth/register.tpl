{{%AUTOESCAPE context="HTML"}}
<div class="auth-wrap">
  <section class="card">
    <div class="card-body">
      <h1 class="page-title">Crear cuenta</h1>
      <p class="page-subtitle">En 30 segundos para comprar y seguir reparaciones.</p>
      {{#HAS_ERRORS}}<div class="alert-error mt-4" role="alert">Revisá los campos marcados.</div>{{/HAS_ERRORS}}
      <form class="form mt-4" method="POST" action="/registro">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <div class="form-row">
          <label class="field">
            <span class="label">Nombre</span>
            <input class="input" type="text" name="name" value="{{OLD_NAME}}" required autocomplete="given-name" placeholder="Juan"{{#ERROR_NAME}} aria-invalid="true"{{/ERROR_NAME}}>
            {{#ERROR_NAME}}<span class="field-error">{{MESSAGE}}</span>{{/ERROR_NAME}}
          </label>
          <label class="field">
            <span class="label">Apellido</span>
            <input class="input" type="text" name="last_name" value="{{OLD_LAST_NAME}}" required autocomplete="family-name" placeholder="Fernandez"{{#ERROR_LAST_NAME}} aria-invalid="true"{{/ERROR_LAST_NAME}}>
            {{#ERROR_LAST_NAME}}<span class="field-error">{{MESSAGE}}</span>{{/ERROR_LAST_NAME}}
          </label>
        </div>
        <label class="field">
          <span class="label">Teléfono / WhatsApp</span>
          <input class="input" type="tel" name="phone" value="{{OLD_PHONE}}" required autocomplete="tel" placeholder="Ej: 341 555-0000"{{#ERROR_PHONE}} aria-invalid="true"{{/ERROR_PHONE}}>
          {{#ERROR_PHONE}}<span class="field-error">{{MESSAGE}}</span>{{/ERROR_PHONE}}
        </label>
        <label class="field">
          <span class="label">Email</span>
          <input class="input" type="email" name="email" value="{{OLD_EMAIL}}" required autocomplete="email" placeholder="tu@email.com"{{#ERROR_EMAIL}} aria-invalid="true"{{/ERROR_EMAIL}}>
          {{#ERROR_EMAIL}}<span class="field-error">{{MESSAGE}}</span>{{/ERROR_EMAIL}}
        </label>
        <label class="field">
          <span class="label">Contraseña</span>
          <input class="input" type="password" name="password" required autocomplete="new-password"{{#ERROR_PASSWORD}} aria-invalid="true"{{/ERROR_PASSWORD}}>
          <span class="help">Mínimo 8 caracteres.</span>
          {{#ERROR_PASSWORD}}<span class="field-error">{{MESSAGE}}</span>{{/ERROR_PASSWORD}}
        </label>
        <label class="field">
          <span class="label">Repetir contraseña</span>
          <input class="input" type="password" name="password_confirmation" required autocomplete="new-password">
        </label>
        <button class="btn-primary w-full">Crear cuenta</button>
      </form>
      <p class="auth-foot">¿Ya tenés cuenta? <a href="/login">Ingresar</a></p>
      <p class="muted text-sm mt-2">Al registrarte vas a poder ver “Mis pedidos” y “Mis reparaciones”.</p>
    </div>
  </section>
</div>
