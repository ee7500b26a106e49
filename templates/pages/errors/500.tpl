{{%AUTOESCAPE context="HTML"}}
<section class="error-page card">
  <div class="card-body">
    <p class="error-code">Error 500</p>
    <h1 class="page-title">Algo salió mal</h1>
    <p class="page-subtitle">Hubo un problema interno. Probá recargar la página o volver al inicio.</p>
    <div class="actions mt-6">
      <a class="btn-primary" href="/tienda">Volver al inicio</a>
      <a class="btn-outline" href="{{BACK_HREF}}" data-back>Volver atrás</a>
    </div>
    {{#REQUEST_REF}}<p class="muted text-sm mt-6">Código de referencia: <code>{{REQUEST_ID}}</code></p>{{/REQUEST_REF}}
    {{#DEBUG}}<pre class="debug-pre mt-4">{{DETAIL}}</pre>{{/DEBUG}}
  </div>
</section>
