{{%AUTOESCAPE context="HTML"}}
<div id="top">
  <section class="card hero">
    <div class="card-body">
      <h1 class="hero-title">Tienda</h1>
      <p class="muted">El catálogo estará disponible muy pronto.</p>
      <div class="actions mt-6">
        <a class="btn-primary" href="/reparacion">Consultar reparación</a>
        {{#GUEST}}<a class="btn-outline" href="/registro">Crear cuenta</a>{{/GUEST}}
      </div>
    </div>
  </section>
</div>
