{{%AUTOESCAPE context="HTML"}}
<nav class="breadcrumb text-sm" aria-label="Ruta">
  <a href="/tienda">Tienda</a> <span aria-hidden="true">/</span>
  <a href="{{CATEGORY_HREF}}">{{CATEGORY}}</a> <span aria-hidden="true">/</span>
  <span aria-current="page">{{NAME}}</span>
</nav>
<article class="product-detail card" data-product-id="{{ID}}">
  <div class="product-detail-media">
    {{#IMAGE}}<img src="{{URL}}" alt="{{NAME}}">{{/IMAGE}}
    {{#NO_IMAGE}}<div class="product-image-placeholder product-image-placeholder-lg">Sin imagen</div>{{/NO_IMAGE}}
  </div>
  <div class="product-detail-info card-body">
    <div class="page-title">{{NAME}}</div>
    <div class="product-chips">
      {{#IN_STOCK}}<span class="badge-emerald">Disponible: {{STOCK}}</span>{{/IN_STOCK}}
      {{#BRAND}}<span class="badge-zinc">Marca: {{BRAND}}</span>{{/BRAND}}
      {{#QUALITY}}<span class="badge-sky">Calidad: {{QUALITY}}</span>{{/QUALITY}}
    </div>
    <div class="product-detail-price">
      <div class="label">Precio</div>
      <div class="product-price product-price-lg">{{PRICE}}</div>
    </div>
    {{#OUT_OF_STOCK}}<div class="alert-warning">Sin stock por ahora. Podés consultar disponibilidad por WhatsApp.</div>{{/OUT_OF_STOCK}}
    {{#SHORT_DESCRIPTION}}<p class="product-short">{{TEXT}}</p>{{/SHORT_DESCRIPTION}}
    {{#DESCRIPTION}}<p class="product-description">{{TEXT:pre_escape}}</p>{{/DESCRIPTION}}
    <form method="POST" action="/carrito/agregar/{{ID}}">
      <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
      {{#IN_STOCK}}<button class="btn-primary h-11 w-full">Agregar al carrito</button>{{/IN_STOCK}}
      {{#OUT_OF_STOCK}}<button class="btn-primary h-11 w-full" disabled>Agregar al carrito</button>{{/OUT_OF_STOCK}}
    </form>
    <a class="btn-outline w-full" href="/carrito">Ver carrito</a>
    <p class="muted text-sm">¿Necesitás reparar tu equipo? Usá <a href="/reparacion">Consultar reparación</a>.</p>
  </div>
</article>
