{{%AUTOESCAPE context="HTML"}}
<section class="error-page card">
  <div class="card-body">
    <p class="error-code">Error {{STATUS}}</p>
    <h1 class="page-title">No pudimos procesar la solicitud</h1>
    <p class="page-subtitle">{{REASON}}</p>
    <div class="actions mt-6">
      <a class="btn-primary" href="{{BACK_HREF}}">Volver</a>
      <a class="btn-outline" href="/tienda">Ir a la tienda</a>
    </div>
  </div>
</section>
