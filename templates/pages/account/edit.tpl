{{%AUTOESCAPE context="HTML"}}
<div class="stack-6">
  <div class="page-head">
    <div>
      <h1 class="page-title">Mi cuenta</h1>
      <p class="page-subtitle">Actualizá tus datos. Se usan para asociar pedidos y contactarte.</p>
    </div>
    <nav class="flex gap-2" aria-label="Secciones">
      <a class="nav-pill" href="#profile">Perfil</a>
      <a class="nav-pill" href="#security">Seguridad</a>
    </nav>
  </div>

  {{#VERIFICATION_SENT}}<div class="alert-success" role="status">{{MESSAGE}}</div>{{/VERIFICATION_SENT}}
  {{#VERIFICATION_REFUSED}}<div class="alert-error" role="alert">{{MESSAGE}}</div>{{/VERIFICATION_REFUSED}}
  {{#EMAIL_UNVERIFIED}}
  <div class="alert-warning" role="status" data-email-verification-banner>
    <p class="font-semibold">Verificá tu email</p>
    {{#LINK_SENT}}
    <p>Te enviamos un enlace a {{EMAIL}} para confirmar que es tuyo.{{#REQUIRED}} Lo necesitás para finalizar compras.{{/REQUIRED}} ¿No te llegó?</p>
    <form class="mt-2" method="POST" action="/verificar-email/reenviar">
      <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
      <input type="hidden" name="from" value="mi-cuenta">
      <button class="btn-outline" type="submit">Reenviar enlace</button>
    </form>
    {{/LINK_SENT}}
    {{#NO_REAL_EMAIL}}<p>Tu cuenta todavía no tiene un email propio. Cargalo abajo y te mandamos un enlace para verificarlo.{{#REQUIRED}} Lo necesitás para finalizar compras.{{/REQUIRED}}</p>{{/NO_REAL_EMAIL}}
  </div>
  {{/EMAIL_UNVERIFIED}}

  <section id="profile" class="card" aria-labelledby="profileTitle">
    <div class="card-head">
      <h2 id="profileTitle" class="card-title">Datos del perfil</h2>
      <span class="badge-sky">Obligatorio para comprar</span>
    </div>
    <div class="card-body">
      {{#PROFILE_SUCCESS}}<div class="alert-success mb-4" role="status">{{MESSAGE}}</div>{{/PROFILE_SUCCESS}}
      {{#PROFILE_MISSING}}
      <div class="alert-warning mb-4">
        <p class="font-semibold">Completá tus datos</p>
        <p>Te falta: {{MISSING_TEXT}}.</p>
        <p class="text-sm">Es necesario para asociar compras y recibir avisos por WhatsApp.</p>
      </div>
      {{/PROFILE_MISSING}}
      {{#PROFILE_ERROR}}<div class="alert-warning mb-4" role="alert">{{MESSAGE}}</div>{{/PROFILE_ERROR}}
      {{#PROFILE_HAS_ERRORS}}<div class="alert-error mb-4" role="alert">Revisá los campos marcados.</div>{{/PROFILE_HAS_ERRORS}}
      <form class="form" method="POST" action="/mi-cuenta">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <input type="hidden" name="_method" value="PUT">
        <div class="form-row">
          <div class="field">
            <label class="label" for="name">Nombre</label>
            <input class="input" id="name" name="name" type="text" value="{{NAME}}" required autocomplete="given-name"{{#ERROR_NAME}} aria-invalid="true" aria-describedby="name_error"{{/ERROR_NAME}}>
            {{#ERROR_NAME}}<p id="name_error" class="field-error">{{MESSAGE}}</p>{{/ERROR_NAME}}
          </div>
          <div class="field">
            <label class="label" for="last_name">Apellido</label>
            <input class="input" id="last_name" name="last_name" type="text" value="{{LAST_NAME}}" required autocomplete="family-name"{{#ERROR_LAST_NAME}} aria-invalid="true" aria-describedby="last_name_error"{{/ERROR_LAST_NAME}}>
            {{#ERROR_LAST_NAME}}<p id="last_name_error" class="field-error">{{MESSAGE}}</p>{{/ERROR_LAST_NAME}}
          </div>
        </div>
        <div class="field">
          <label class="label" for="phone">Teléfono / WhatsApp</label>
          <input class="input" id="phone" name="phone" type="tel" value="{{PHONE}}" placeholder="Ej: 341 555-0000" required autocomplete="tel" aria-describedby="phone_help{{#ERROR_PHONE}} phone_error{{/ERROR_PHONE}}"{{#ERROR_PHONE}} aria-invalid="true"{{/ERROR_PHONE}}>
          <p id="phone_help" class="help">Lo usamos para WhatsApp y para asociar el pedido.</p>
          {{#ERROR_PHONE}}<p id="phone_error" class="field-error">{{MESSAGE}}</p>{{/ERROR_PHONE}}
        </div>
        <div class="field">
          <label class="label" for="email">Email</label>
          <input class="input" id="email" name="email" type="email" value="{{EMAIL}}" required autocomplete="email"{{#ERROR_EMAIL}} aria-invalid="true" aria-describedby="email_error"{{/ERROR_EMAIL}}>
          {{#ERROR_EMAIL}}<p id="email_error" class="field-error">{{MESSAGE}}</p>{{/ERROR_EMAIL}}
        </div>
        <div class="actions">
          <button class="btn-primary" type="submit">Guardar cambios</button>
          <a class="btn-outline" href="/mis-pedidos">Mis pedidos</a>
        </div>
      </form>
    </div>
  </section>

  <section id="security" class="card" aria-labelledby="securityTitle">
    <div class="card-head">
      <h2 id="securityTitle" class="card-title">Seguridad</h2>
      <span class="badge-zinc">Contraseña</span>
    </div>
    <div class="card-body">
      {{#PASSWORD_SUCCESS}}<div class="alert-success mb-4" role="status">{{MESSAGE}}</div>{{/PASSWORD_SUCCESS}}
      {{#PASSWORD_HAS_ERRORS}}<div class="alert-error mb-4" role="alert">Revisá los campos marcados.</div>{{/PASSWORD_HAS_ERRORS}}
      <form class="form" method="POST" action="/mi-cuenta/password">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <input type="hidden" name="_method" value="PUT">
        {{#CURRENT_PASSWORD_FIELD}}
        <div class="field">
          <label class="label" for="current_password">Contraseña actual</label>
          <input class="input" id="current_password" name="current_password" type="password" required placeholder="********" autocomplete="current-password"{{#ERROR_CURRENT_PASSWORD}} aria-invalid="true" aria-describedby="current_password_error"{{/ERROR_CURRENT_PASSWORD}}>
          {{#ERROR_CURRENT_PASSWORD}}<p id="current_password_error" class="field-error">{{MESSAGE}}</p>{{/ERROR_CURRENT_PASSWORD}}
        </div>
        {{/CURRENT_PASSWORD_FIELD}}
        {{#GOOGLE_NOTE}}<p class="alert-info">Estás ingresando con Google. Podés establecer una contraseña nueva sin ingresar la actual.</p>{{/GOOGLE_NOTE}}
        <div class="form-row">
          <div class="field">
            <label class="label" for="password">Nueva contraseña</label>
            <input class="input" id="password" name="password" type="password" required autocomplete="new-password" aria-describedby="password_help{{#ERROR_PASSWORD}} password_error{{/ERROR_PASSWORD}}"{{#ERROR_PASSWORD}} aria-invalid="true"{{/ERROR_PASSWORD}}>
            <p id="password_help" class="help">Mínimo 8 caracteres.</p>
            {{#ERROR_PASSWORD}}<p id="password_error" class="field-error">{{MESSAGE}}</p>{{/ERROR_PASSWORD}}
          </div>
          <div class="field">
            <label class="label" for="password_confirmation">Repetir nueva contraseña</label>
            <input class="input" id="password_confirmation" name="password_confirmation" type="password" required autocomplete="new-password"{{#ERROR_PASSWORD_CONFIRMATION}} aria-invalid="true" aria-describedby="password_confirmation_error"{{/ERROR_PASSWORD_CONFIRMATION}}>
            {{#ERROR_PASSWORD_CONFIRMATION}}<p id="password_confirmation_error" class="field-error">{{MESSAGE}}</p>{{/ERROR_PASSWORD_CONFIRMATION}}
          </div>
        </div>
        <div class="actions">
          <button class="btn-primary" type="submit">Actualizar contraseña</button>
        </div>
      </form>
      <form class="form mt-4" method="POST" action="/mi-cuenta/cerrar-otras-sesiones">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <p class="help">¿Usaste tu cuenta en otro celular o computadora? Cerrá esas sesiones; esta sigue abierta.</p>
        <div class="actions">
          <button class="btn-outline" type="submit">Cerrar sesión en los otros dispositivos</button>
        </div>
      </form>
    </div>
  </section>
</div>
