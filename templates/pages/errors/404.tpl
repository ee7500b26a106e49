{{%AUTOESCAPE context="HTML"}}
<section class="error-page card">
  <div class="card-body">
    <p class="error-code">Error 404</p>
    <h1 class="page-title">No encontramos esa página</h1>
    <p class="page-subtitle">Puede que el enlace esté mal o que la página se haya movido.</p>
    <div class="actions mt-6">
      <a class="btn-primary" href="/tienda">Ir a la tienda</a>
      <a class="btn-outline" href="/reparacion">Consultar reparación</a>
    </div>
  </div>
</section>
