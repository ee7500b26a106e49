{{%AUTOESCAPE context="HTML"}}
<section class="error-page card">
  <div class="card-body">
    <p class="error-code">Error 403</p>
    <h1 class="page-title">Acceso restringido</h1>
    <p class="page-subtitle">{{MESSAGE}}</p>
    <div class="actions mt-6">
      <a class="btn-outline" href="{{BACK_HREF}}" data-back>Volver</a>
      <a class="btn-primary" href="/tienda">Ir a la tienda</a>
    </div>
  </div>
</section>
