{{%AUTOESCAPE context="HTML"}}
<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}}</title>
{{#FAVICON}}<link rel="{{REL}}" href="{{URL}}" type="{{TYPE}}"{{#SIZES}} sizes="{{SIZES}}"{{/SIZES}}>
{{/FAVICON}}<link rel="manifest" href="/manifest.webmanifest">
<meta name="theme-color" content="#0ea5e9">
<meta name="application-name" content="{{APP_NAME}}">
{{#STYLESHEET}}<link rel="stylesheet" href="{{URL}}">
{{/STYLESHEET}}
{{#SCRIPT}}<script src="{{URL}}" defer></script>
{{/SCRIPT}}
</head>
<body>
<a class="skip-link" href="#main">Saltar al contenido</a>
<header class="site-header sticky">
  <div class="container-page header-bar">
    <button class="icon-btn md:hidden" data-toggle="sidebar" aria-label="Abrir menú" aria-expanded="false" aria-controls="appSidebar" type="button">
      <svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M4 6h16M4 12h16M4 18h16"/></svg>
    </button>
    <a class="brand" href="{{BRAND_HREF}}">
      <img class="brand-logo shrink-0" src="{{LOGO_URL}}" alt="NicoReparaciones" width="36" height="36">
      <span class="brand-text">
        <span class="brand-name">Nico<span class="brand-accent">Reparaciones</span></span>
        <span class="brand-tagline">Servicio Técnico Profesional y Tienda de Electrónica</span>
      </span>
    </a>
    <nav class="nav-desktop hidden md:flex" aria-label="Principal">
      <a class="nav-pill{{#NAV_STORE_ACTIVE}} nav-pill-active{{/NAV_STORE_ACTIVE}}" href="/tienda">Tienda</a>
      <a class="nav-pill" href="/reparacion">Reparación</a>
      {{#ADMIN}}<a class="nav-pill" href="/admin/dashboard">Admin</a>{{/ADMIN}}
    </nav>
    <div class="header-actions">
      {{#ALERTS_BADGE}}<a class="icon-btn cart-link" href="/admin/alertas" aria-label="Alertas: {{COUNT}} sin ver" data-alerts-badge>
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4l2-2zM10 20a2 2 0 0 0 4 0"/></svg>
        <span class="cart-badge" data-alerts-count>{{COUNT}}</span>
      </a>{{/ALERTS_BADGE}}
      <a class="icon-btn cart-link" href="/carrito" aria-label="Carrito">
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.8L20 8H6.2"/><circle cx="9" cy="19.5" r="1.5"/><circle cx="17" cy="19.5" r="1.5"/></svg>
        {{#CART_COUNT}}<span class="cart-badge" data-cart-count>{{COUNT}}</span>{{/CART_COUNT}}
      </a>
      {{#GUEST}}
      <a class="btn-outline btn-sm hidden sm:inline-flex" href="/login">Ingresar</a>
      <a class="btn-primary btn-sm sm:hidden" href="/login">Ingresar</a>
      {{/GUEST}}
      {{#USER}}
      <div class="dropdown">
        <button class="account-btn" data-menu="accountMenu" aria-expanded="false" aria-controls="accountMenu" type="button">
          <span class="avatar shrink-0" aria-hidden="true">{{USER_INITIAL}}</span>
          <span class="account-name">{{USER_NAME}}</span>
          <span aria-hidden="true">▾</span>
        </button>
        <div id="accountMenu" class="dropdown-menu hidden">
          <a class="dropdown-item" href="/mi-cuenta">Mi cuenta</a>
          <form method="POST" action="/logout">
            <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
            <button class="dropdown-item" type="submit">Cerrar sesión</button>
          </form>
        </div>
      </div>
      {{/USER}}
    </div>
  </div>
</header>

<div id="appSidebarOverlay" class="sidebar-overlay hidden" data-close="sidebar"></div>
<aside id="appSidebar" class="sidebar" aria-label="Menú">
  <div class="sidebar-head">
    <span class="sidebar-title">Menú</span>
    <button class="icon-btn" type="button" data-close="sidebar" aria-label="Cerrar menú">
      <svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18"/></svg>
    </button>
  </div>
  <div class="sidebar-body">
    {{#USER}}
    <a class="sidebar-account" href="/mi-cuenta" aria-label="Ver mi cuenta">
      <span class="avatar avatar-lg shrink-0" aria-hidden="true">{{USER_INITIAL}}</span>
      <span class="sidebar-account-text">
        <span class="sidebar-account-name">{{USER_NAME}}</span>
        <span class="sidebar-account-email">{{USER_EMAIL}}</span>
        <span class="sidebar-account-link">Ver mi cuenta</span>
      </span>
    </a>
    {{/USER}}
    <nav aria-label="Navegación">
      <p class="sidebar-section">Navegación</p>
      <a class="sidebar-link" href="/tienda">Tienda</a>
      <a class="sidebar-link" href="/reparacion">Consultar reparación</a>
      <a class="sidebar-link" href="/carrito">Carrito{{#CART_COUNT}} <span class="badge-sky" data-cart-count>{{COUNT}}</span>{{/CART_COUNT}}</a>
    </nav>
    <nav aria-label="Cuenta">
      <p class="sidebar-section">Cuenta</p>
      {{#USER}}
      <a class="sidebar-link" href="/mi-cuenta">Mi cuenta</a>
      <a class="sidebar-link" href="/mis-pedidos">Mis pedidos</a>
      <a class="sidebar-link" href="/mis-reparaciones">Mis reparaciones</a>
      {{#ADMIN}}
      <button class="sidebar-link sidebar-toggle" type="button" data-toggle-collapse="sidebar_admin_section" data-toggle-collapse-static data-toggle-collapse-no-store aria-controls="sidebarAdminLinks" aria-expanded="false">Admin</button>
      <div id="sidebarAdminLinks" class="sidebar-sub hidden" data-collapse="sidebar_admin_section"{{#ADMIN_OPEN}} data-collapse-open{{/ADMIN_OPEN}}>
        <a class="sidebar-link" href="/admin/dashboard">Panel</a>
        <a class="sidebar-link" href="/admin/alertas">Alertas</a>
        <a class="sidebar-link" href="/admin/reparaciones">Reparaciones</a>
        <a class="sidebar-link" href="/admin/garantias">Garantías</a>
        <a class="sidebar-link" href="/admin/pedidos">Pedidos</a>
        <a class="sidebar-link" href="/admin/productos">Productos</a>
        <a class="sidebar-link" href="/admin/venta-rapida">Venta rápida</a>
        <a class="sidebar-link" href="/admin/ventas">Ventas en mostrador</a>
        <a class="sidebar-link" href="/admin/stock">Movimientos de stock</a>
        <a class="sidebar-link" href="/admin/precios">Precios</a>
        <a class="sidebar-link" href="/admin/tipos-dispositivo">Tipos de dispositivo</a>
        <a class="sidebar-link" href="/admin/catalogo-dispositivos">Catálogo de dispositivos</a>
        <a class="sidebar-link" href="/admin/configuracion">Configuración</a>
        <a class="sidebar-link" href="/admin/configuracion/identidad-visual">Identidad visual</a>
        <a class="sidebar-link" href="/admin/mails">Mails</a>
        <a class="sidebar-link" href="/admin/configuracion/reportes">Reporte semanal</a>
        <a class="sidebar-link" href="/admin/seguridad/2fa">Seguridad 2FA</a>
        <a class="sidebar-link" href="/admin/usuarios">Usuarios</a>
      </div>
      {{/ADMIN}}
      <form method="POST" action="/logout">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <button class="sidebar-link sidebar-logout" type="submit">Cerrar sesión</button>
      </form>
      {{/USER}}
      {{#GUEST}}
      <a class="sidebar-link" href="/login">Iniciar sesión</a>
      <a class="sidebar-link" href="/registro">Crear cuenta</a>
      {{/GUEST}}
    </nav>
  </div>
</aside>

<main id="main">
  <div class="container-page py-6">
    {{#SHOP_SETUP}}<div class="alert-warning mb-4" role="status" data-shop-setup-banner>
      <p>Faltan datos del local: {{MISSING}}. Sin ellos, los avisos por WhatsApp y los tickets salen sin esa información. <a href="/admin/configuracion">Completalos en Configuración</a>.</p>
    </div>{{/SHOP_SETUP}}
    {{#GLOBAL_ALERTS}}
    {{#FLASH_SUCCESS}}<div class="alert-success mb-4" role="status">{{MESSAGE}}</div>{{/FLASH_SUCCESS}}
    {{#ERRORS}}<div class="alert-error mb-4" role="alert"><ul>{{#ERROR_ITEM}}<li>{{MESSAGE}}</li>{{/ERROR_ITEM}}</ul></div>{{/ERRORS}}
    {{/GLOBAL_ALERTS}}
    {{CONTENT:none}}
  </div>
</main>

<footer class="site-footer">
  <div class="container-page footer-grid">
    <div class="footer-brand">
      <img src="{{LOGO_URL}}" alt="" width="32" height="32">
      <div>
        <p class="footer-name">NicoReparaciones</p>
        <p class="muted text-sm">Tienda simple + consulta de reparaciones.</p>
      </div>
    </div>
    <nav class="footer-col" aria-label="Accesos">
      <p class="footer-heading">Accesos</p>
      <a href="/tienda">Tienda</a>
      <a href="/carrito">Carrito</a>
      <a href="/reparacion">Consultar reparación</a>
    </nav>
    <nav class="footer-col" aria-label="Cuenta (pie)">
      <p class="footer-heading">Cuenta</p>
      {{#USER}}
      <a href="/mis-pedidos">Mis pedidos</a>
      <a href="/mis-reparaciones">Mis reparaciones</a>
      <form method="POST" action="/logout">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <button class="link-btn" type="submit">Cerrar sesión</button>
      </form>
      {{/USER}}
      {{#GUEST}}<a href="/login">Ingresar</a>{{/GUEST}}
    </nav>
  </div>
  <div class="container-page footer-bottom">
    <span>© {{YEAR}} NicoReparaciones</span>
    <span>Hecho con C++</span>
  </div>
</footer>
{{#CART_ADDED}}
<div id="cartAddedOverlay" class="sheet-overlay" data-cart-added="1" aria-hidden="false">
  <div class="sheet-backdrop" data-cart-added-close></div>
  <div id="cartAddedSheet" class="sheet" role="dialog" aria-modal="true" aria-labelledby="cartAddedTitle">
    <div class="sheet-head">
      <p id="cartAddedTitle" class="sheet-title">Agregado al carrito</p>
      <button type="button" class="icon-btn" data-cart-added-close aria-label="Cerrar">✕</button>
    </div>
    <p id="cartAddedName" class="muted">{{NAME}}</p>
    <div class="actions sheet-actions">
      <a class="btn-primary" href="/carrito">Ver carrito</a>
      <button type="button" class="btn-outline" data-cart-added-close>Seguir</button>
    </div>
  </div>
</div>
{{/CART_ADDED}}
</body>
</html>
