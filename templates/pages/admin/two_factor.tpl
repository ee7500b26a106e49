{{%AUTOESCAPE context="HTML"}}
<div class="stack-6 twofa-page">
  <div class="page-head">
    <div>
      <h1 class="page-title">Seguridad 2FA (Admin)</h1>
      <p class="page-subtitle">Activá la verificación TOTP para reforzar el acceso al panel admin.</p>
    </div>
    <nav class="actions" aria-label="Accesos relacionados">
      <a class="btn-outline btn-sm" href="/admin/configuracion">Configuración</a>
      <a class="btn-ghost btn-sm" href="/admin/dashboard">Volver al panel</a>
    </nav>
  </div>

  {{#EXPORT}}
  <section class="card twofa-export" aria-labelledby="twofaExportTitle">
    <div class="card-head">
      <h2 id="twofaExportTitle" class="card-title">Guardá estos códigos de recuperación ahora</h2>
      <span class="badge-amber">Solo se muestran ahora</span>
    </div>
    <div class="card-body">
      <div class="alert-warning mb-4" role="note">
        <p class="font-semibold">Se muestran temporalmente. Cada código sirve para una sola verificación.</p>
        <p class="text-sm">Guardalos offline en un lugar seguro: después de ocultarlos no vas a poder verlos de nuevo.</p>
      </div>
      <ul class="recovery-codes" aria-label="Códigos de recuperación">
        {{#CODE}}<li><code>{{VALUE}}</code></li>
        {{/CODE}}
      </ul>
      <p class="help mt-4">Disponibles por {{TTL_MINUTES}} minutos desde su generación.</p>
      <div class="actions mt-4">
        <a class="btn-outline" href="/admin/seguridad/2fa/codigos/txt?token={{TOKEN}}">Descargar .txt</a>
        <a class="btn-outline" href="/admin/seguridad/2fa/codigos/imprimir?token={{TOKEN}}" target="_blank" rel="noopener">Imprimir / Guardar PDF</a>
        <form method="POST" action="/admin/seguridad/2fa/codigos/ocultar">
          <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
          <button class="btn-ghost" type="submit">Ocultar códigos</button>
        </form>
      </div>
    </div>
  </section>
  {{/EXPORT}}

  <section class="card" aria-labelledby="twofaStatusTitle">
    <div class="card-head">
      <div>
        <h2 id="twofaStatusTitle" class="card-title">Estado actual</h2>
        <p class="help">Cuenta: {{EMAIL}}</p>
      </div>
      {{#ENABLED}}<span class="badge-emerald">Activo</span>{{/ENABLED}}
      {{#DISABLED}}<span class="badge-zinc">Inactivo</span>{{/DISABLED}}
    </div>
    <div class="card-body">
      {{#ENABLED}}
      <div class="twofa-status">
        <p class="font-semibold">2FA está activo para esta cuenta admin.</p>
        <p class="help">Activado: {{ENABLED_AT}}</p>
        {{#RECOVERY_INFO}}
        <p class="mt-2">Códigos de recuperación restantes: <strong>{{REMAINING}}</strong></p>
        <p class="help">Última generación: {{GENERATED_AT}}</p>
        {{/RECOVERY_INFO}}
      </div>

      <div class="twofa-grid mt-6">
        <form class="form twofa-box" method="POST" action="/admin/seguridad/2fa/codigos-regenerar">
          <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
          <h3 class="font-semibold">Regenerar códigos de recuperación</h3>
          <p class="help">Los códigos anteriores dejan de funcionar.</p>
          <div class="field">
            <label class="label" for="regen_current_password">Contraseña actual</label>
            <input class="input" id="regen_current_password" type="password" name="current_password" required autocomplete="current-password">
          </div>
          <div class="field">
            <label class="label" for="regen_code">Código 2FA o código de recuperación</label>
            <input class="input input-code" id="regen_code" type="text" name="code" maxlength="64" required autocomplete="one-time-code" autocapitalize="characters" spellcheck="false" placeholder="123456 o XXXX-XXXX-XXXX">
          </div>
          <div class="actions">
            <button class="btn-primary" type="submit">Regenerar códigos</button>
          </div>
        </form>

        <form class="form twofa-box twofa-box-danger" method="POST" action="/admin/seguridad/2fa/desactivar">
          <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
          <h3 class="font-semibold">Desactivar 2FA</h3>
          <p class="help">Se borran el secreto y los códigos de recuperación.</p>
          <div class="field">
            <label class="label" for="disable_current_password">Contraseña actual</label>
            <input class="input" id="disable_current_password" type="password" name="current_password" required autocomplete="current-password">
          </div>
          <div class="field">
            <label class="label" for="disable_code">Código 2FA o código de recuperación</label>
            <input class="input input-code" id="disable_code" type="text" name="code" maxlength="64" required autocomplete="one-time-code" autocapitalize="characters" spellcheck="false" placeholder="123456 o XXXX-XXXX-XXXX">
          </div>
          <div class="actions">
            <button class="btn-danger" type="submit">Desactivar 2FA</button>
          </div>
        </form>
      </div>
      {{/ENABLED}}

      {{#DISABLED}}
      <p>Tu panel admin aún no tiene doble factor. Activalo para bloquear accesos aunque filtren tu contraseña.</p>

      {{#NO_PENDING}}
      <form class="mt-4" method="POST" action="/admin/seguridad/2fa/regenerar">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <button class="btn-primary" type="submit">Generar secreto 2FA</button>
      </form>
      {{/NO_PENDING}}

      {{#PENDING}}
      <div class="twofa-setup mt-6">
        <div class="twofa-qr" role="img" aria-label="Código QR para la app autenticadora">{{QR_SVG:none}}</div>
        <div class="twofa-setup-info">
          <div class="field">
            <span class="label">Secreto</span>
            <div class="twofa-secret-row">
              <code id="twofa-secret" class="twofa-secret">{{SECRET}}</code>
              <button class="btn-outline btn-sm" type="button" data-copy-target="#twofa-secret" data-copy-toast="Secreto copiado">Copiar</button>
            </div>
          </div>
          <div class="field mt-4">
            <label class="label" for="twofa_uri">URI OTPAuth</label>
            <textarea class="textarea twofa-uri" id="twofa_uri" rows="3" readonly>{{OTPAUTH_URI}}</textarea>
          </div>
          <p class="help mt-2">Escaneá el QR o cargá el secreto en Google Authenticator, Microsoft Authenticator, Authy u otra app TOTP. Después ingresá el código de 6 dígitos que muestra la app.</p>
        </div>
      </div>

      <form class="form mt-6" method="POST" action="/admin/seguridad/2fa/activar">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <div class="form-row">
          <div class="field">
            <label class="label" for="enable_current_password">Contraseña actual</label>
            <input class="input" id="enable_current_password" type="password" name="current_password" required autocomplete="current-password">
          </div>
          <div class="field">
            <label class="label" for="enable_code">Código de 6 dígitos</label>
            <input class="input input-code" id="enable_code" type="text" name="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" required autocomplete="one-time-code" placeholder="123456">
          </div>
        </div>
        <div class="actions">
          <button class="btn-primary" type="submit">Activar 2FA</button>
        </div>
      </form>

      <form class="twofa-regen mt-4" method="POST" action="/admin/seguridad/2fa/regenerar">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <span class="help">¿No podés escanearlo? Generá un secreto distinto (el actual deja de servir).</span>
        <button class="btn-outline btn-sm" type="submit">Regenerar secreto</button>
      </form>
      {{/PENDING}}
      {{/DISABLED}}
    </div>
  </section>
</div>
