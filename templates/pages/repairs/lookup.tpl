{{%AUTOESCAPE context="HTML"}}
<div class="auth-wrap">
  <section class="card">
    <div class="card-body">
      <h1 class="page-title">Consultar reparación</h1>
      <p class="page-subtitle">Ingresá el código y el teléfono que dejaste en el local.</p>
      <div class="alert-info mt-4">Tip: el teléfono puede ir con espacios o guiones, lo normalizamos automáticamente.</div>
      <form class="form mt-4" method="POST" action="/reparacion" data-repair-lookup-form>
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <div class="field">
          <label class="label" for="code">Código</label>
          <input class="input" id="code" name="code" value="{{OLD_CODE}}" placeholder="Ej: NR-8F2K1" autocomplete="off" maxlength="50" required aria-describedby="code_help"{{#ERROR_CODE}} aria-invalid="true"{{/ERROR_CODE}}>
          <span class="help" id="code_help">Te lo damos en el comprobante / WhatsApp.</span>
        </div>
        <div class="field">
          <label class="label" for="phone">Teléfono</label>
          <input class="input" id="phone" name="phone" value="{{OLD_PHONE}}" placeholder="Ej: 341 555-0000" inputmode="tel" autocomplete="tel" maxlength="30" required aria-describedby="phone_help"{{#ERROR_PHONE}} aria-invalid="true"{{/ERROR_PHONE}}>
          <span class="help" id="phone_help">Debe coincidir con el que registramos en el ingreso.</span>
        </div>
        <button class="btn-primary w-full" type="submit">Buscar</button>
      </form>
      <div class="actions mt-4">
        <a class="btn-ghost" href="/tienda">Ir a la tienda</a>
        {{#LOGGED_IN}}<a class="btn-ghost" href="/mis-reparaciones">Mis reparaciones</a>{{/LOGGED_IN}}
      </div>
    </div>
  </section>
</div>
