{{%AUTOESCAPE context="HTML"}}
<div class="auth-wrap">
  <section class="card" aria-labelledby="twofaChallengeTitle">
    <div class="card-body">
      <div class="twofa-challenge-head">
        <h1 id="twofaChallengeTitle" class="page-title">Verificación 2FA requerida</h1>
        <span class="badge-indigo">Admin</span>
      </div>
      <p class="page-subtitle">Ingresá tu código de autenticador o un código de recuperación para acceder al panel admin.</p>
      {{#SUCCESS}}<div class="alert-success mt-4" role="status">{{MESSAGE}}</div>{{/SUCCESS}}
      <form class="form mt-4" method="POST" action="/admin/two-factor/challenge">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <div class="field">
          <label class="label" for="code">Código 2FA o código de recuperación</label>
          <input class="input input-code" id="code" name="code" type="text" maxlength="64" autocomplete="one-time-code" autocapitalize="characters" spellcheck="false" placeholder="123456 o XXXX-XXXX-XXXX" required autofocus aria-describedby="code_help{{#ERROR_CODE}} code_error{{/ERROR_CODE}}"{{#ERROR_CODE}} aria-invalid="true"{{/ERROR_CODE}}>
          <p id="code_help" class="help">Código de 6 dígitos de tu app o un código de recuperación (XXXX-XXXX-XXXX).</p>
          {{#ERROR_CODE}}<div id="code_error" class="alert-error" role="alert"><ul><li>{{MESSAGE}}</li></ul></div>{{/ERROR_CODE}}
        </div>
        <button class="btn-primary w-full" type="submit">Validar y continuar</button>
      </form>
      <form class="auth-foot" method="POST" action="/logout">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <button class="btn-outline w-full" type="submit">Cerrar sesión</button>
      </form>
    </div>
  </section>
</div>
