{{%AUTOESCAPE context="HTML"}}
<div class="auth-wrap">
  <section class="card" data-email-verification>
    <div class="card-body">
      {{#NOTICE}}
      <h1 class="page-title">Verificá tu email</h1>
      {{#FOR_CHECKOUT}}<div class="alert-warning mt-4" role="alert" data-verification-required>Para finalizar la compra, primero verificá tu email. Tu carrito queda guardado.</div>{{/FOR_CHECKOUT}}
      {{/NOTICE}}
      {{#VERIFIED}}<h1 class="page-title">Email verificado</h1>{{/VERIFIED}}
      {{#DEAD_LINK}}<h1 class="page-title">Verificar email</h1>{{/DEAD_LINK}}
      {{#VERIFICATION_SENT}}<div class="alert-success mt-4" role="status">{{MESSAGE}}</div>{{/VERIFICATION_SENT}}
      {{#VERIFICATION_REFUSED}}<div class="alert-error mt-4" role="alert">{{MESSAGE}}</div>{{/VERIFICATION_REFUSED}}
      {{#NOTICE}}
      {{#LINK_SENT}}
      <p class="mt-4">Te enviamos un enlace a <strong>{{EMAIL}}</strong>. Abrilo para confirmar que el email es tuyo (vence en {{HOURS}} horas).</p>
      <form class="form mt-4" method="POST" action="/verificar-email/reenviar">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <p class="help">¿No te llegó? Revisá la carpeta de correo no deseado o pedí otro enlace.</p>
        <button class="btn-primary w-full" type="submit">Reenviar enlace</button>
      </form>
      <p class="auth-foot">¿El email está mal? <a href="/mi-cuenta">Corregilo en Mi cuenta</a></p>
      {{/LINK_SENT}}
      {{#NO_REAL_EMAIL}}
      <p class="mt-4">Tu cuenta todavía no tiene un email propio. Cargalo en Mi cuenta y te mandamos un enlace para verificarlo.</p>
      <p class="auth-foot"><a class="btn-primary" href="/mi-cuenta">Ir a Mi cuenta</a></p>
      {{/NO_REAL_EMAIL}}
      {{/NOTICE}}
      {{#VERIFIED}}
      <p class="mt-4">Tu email ya está verificado.</p>
      <p class="auth-foot"><a class="btn-primary" href="{{NEXT}}">Continuar</a></p>
      {{/VERIFIED}}
      {{#DEAD_LINK}}
      <div class="alert-error mt-4" role="alert">{{MESSAGE}}</div>
      {{#RESEND}}
      <form class="form mt-4" method="POST" action="/verificar-email/reenviar">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <button class="btn-primary w-full" type="submit">Pedir un enlace nuevo</button>
      </form>
      {{/RESEND}}
      {{#SIGN_IN_HINT}}<p class="auth-foot"><a href="/login">Ingresá a tu cuenta</a> para pedir un enlace nuevo desde Mi cuenta.</p>{{/SIGN_IN_HINT}}
      {{/DEAD_LINK}}
    </div>
  </section>
</div>
