{{%AUTOESCAPE context="HTML"}}
<section class="error-page card">
  <div class="card-head">
    <h1 class="card-title">Error 429</h1>
    <span class="badge-amber">Rate limit</span>
  </div>
  <div class="card-body">
    <p>Estás haciendo muchas solicitudes en poco tiempo. Esperá unos segundos y volvé a intentar.</p>
    <div class="actions mt-6">
      <a class="btn-outline" href="{{BACK_HREF}}" data-back>← Volver</a>
      <a class="btn-primary" href="/">Ir al inicio</a>
    </div>
    <p class="muted text-sm mt-6">Si el problema persiste, podría ser un bloqueo temporal del servidor o un límite de seguridad.</p>
  </div>
</section>
