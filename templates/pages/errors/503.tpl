{{%AUTOESCAPE context="HTML"}}
<div class="error-page stack-6">
  <div class="page-head">
    <div>
      <h1 class="page-title">Estamos en mantenimiento</h1>
      <p class="page-subtitle">Volvemos en breve. Estamos mejorando el sistema para que funcione aún mejor.</p>
    </div>
  </div>
  <div class="error-grid">
    <section class="card">
      <div class="card-body">
        <p class="error-big" aria-hidden="true">503</p>
        <p class="font-semibold">Servicio temporalmente no disponible.</p>
        <p class="muted">Probá nuevamente en unos minutos.</p>
        <div class="actions mt-6">
          <a class="btn-primary" href="" data-reload role="button">Reintentar</a>
          {{#WHATSAPP}}<a class="btn-outline" href="{{WHATSAPP_URL}}" target="_blank" rel="noopener">Escribinos por WhatsApp</a>{{/WHATSAPP}}
          <a class="btn-outline" href="/reparacion">Consultar reparación</a>
          <a class="btn-outline" href="{{PRIMARY_HREF}}">{{PRIMARY_LABEL}}</a>
          <a class="btn-ghost" href="{{BACK_HREF}}" data-back>Volver</a>
        </div>
        {{#REQUEST_REF}}<p class="muted text-sm mt-6">Código de referencia: <code>{{REQUEST_ID}}</code></p>{{/REQUEST_REF}}
      </div>
    </section>
    <aside class="card hidden md:block" aria-label="Mientras tanto">
      <div class="card-head"><h2 class="card-title">Mientras tanto</h2></div>
      <div class="card-body">
        <ul class="bullets">
          <li>Tus pedidos y reparaciones están guardados.</li>
          <li>No hace falta que vuelvas a cargar tus datos.</li>
          {{#WHATSAPP}}<li>Si es urgente, <a href="{{WHATSAPP_URL}}" target="_blank" rel="noopener">escribinos por WhatsApp</a>.</li>{{/WHATSAPP}}
        </ul>
        <p class="muted text-sm mt-4"><strong>Tip técnico:</strong> si esta pantalla no se va, recargá la página o probá más tarde.</p>
      </div>
    </aside>
  </div>
</div>
