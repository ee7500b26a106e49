{{%AUTOESCAPE context="HTML"}}
<section class="error-page card" data-error="unavailable">
  <div class="card-body">
    <p class="error-code">Error 503</p>
    <h1 class="page-title">{{MESSAGE}}</h1>
    <p class="page-subtitle">No se perdió nada de lo que ya estaba guardado. Si estabas enviando un formulario, volvé a enviarlo en unos segundos.</p>
    <div class="actions mt-6">
      <a class="btn-primary" href="" data-reload role="button">Reintentar</a>
      <a class="btn-outline" href="{{BACK_HREF}}" data-back>Volver atrás</a>
    </div>
    {{#REQUEST_REF}}<p class="muted text-sm mt-6">Código de referencia: <code>{{REQUEST_ID}}</code></p>{{/REQUEST_REF}}
  </div>
</section>
