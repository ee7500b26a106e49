{{%AUTOESCAPE context="HTML"}}
<section class="page-head">
  <h1 class="page-title">Panel Admin</h1>
  <p class="page-subtitle">Accesos rápidos del panel.</p>
</section>
<section class="card">
  <div class="card-body">
    <ul class="admin-links">
      <li><a href="/tienda">Ver tienda</a></li>
      <li><a href="/admin/seguridad/2fa">Seguridad 2FA</a></li>
      <li><a href="/mi-cuenta">Mi cuenta</a></li>
    </ul>
  </div>
</section>
