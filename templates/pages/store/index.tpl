{{%AUTOESCAPE context="HTML"}}
<div id="top" class="store">
  {{#CATEGORY_TABS}}
  <nav class="card store-tabs" aria-label="Categorías">
    <div class="store-tabs-row">
      {{#TAB}}<a class="{{CLASS}}" href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{NAME}}</a>{{/TAB}}
    </div>
  </nav>
  {{/CATEGORY_TABS}}

  <form class="card store-filters" method="GET" action="{{FORM_ACTION}}" role="search">
    <label class="field store-filter-q">
      <span class="label">Buscar</span>
      <input class="input" name="q" value="{{Q}}" placeholder="Ej: iPhone, display, batería...">
    </label>
    <label class="field store-filter-sort">
      <span class="label">Ordenar</span>
      <select class="input" name="sort">
        {{#SORT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
        {{/SORT_OPTION}}
      </select>
    </label>
    <div class="actions store-filter-actions">
      <button class="btn-primary" type="submit">Aplicar</button>
      {{#CLEAR}}<a class="btn-ghost" href="{{HREF}}">Limpiar</a>{{/CLEAR}}
    </div>
  </form>

  {{#FEATURED}}
  <section class="card store-featured" aria-labelledby="featuredTitle">
    <div class="card-head">
      <h2 id="featuredTitle" class="card-title">Destacados</h2>
      <a class="text-sm" href="#top">Top</a>
    </div>
    <div class="featured-strip">
      {{#PRODUCT}}
      <div class="product-card product-card-featured">
        <a class="product-image" href="{{HREF}}">{{#IMAGE}}<img src="{{URL}}" alt="{{NAME}}" loading="lazy">{{/IMAGE}}{{#NO_IMAGE}}<div class="product-image-placeholder">Sin imagen</div>{{/NO_IMAGE}}</a>
        <a class="product-title" href="{{HREF}}">{{NAME}}</a>
        <div class="product-stock-line">{{#IN_STOCK}}Stock disponible{{/IN_STOCK}}{{#OUT_OF_STOCK}}Sin stock{{/OUT_OF_STOCK}}</div>
        <div class="product-foot">
          <div class="product-price">{{PRICE}}</div>
          <form method="POST" action="/carrito/agregar/{{ID}}">
            <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
            <input type="hidden" name="quantity" value="1">
            {{#IN_STOCK}}<button type="submit" class="btn-cart" aria-label="Agregar al carrito" title="Agregar al carrito"><svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.8L20 8H6.2"/><path d="M13 10v4M11 12h4"/></svg></button>{{/IN_STOCK}}
            {{#OUT_OF_STOCK}}<button type="submit" class="btn-cart is-disabled" aria-label="Agregar al carrito" title="Sin stock" disabled><svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.8L20 8H6.2"/></svg></button>{{/OUT_OF_STOCK}}
          </form>
        </div>
      </div>
      {{/PRODUCT}}
    </div>
  </section>
  {{/FEATURED}}

  <div id="productos" class="store-products">
    {{#GRID}}
    <div class="product-grid">
      {{#PRODUCT}}
      <div class="product-card product-card-grid">
        <a class="product-image" href="{{HREF}}">{{#IMAGE}}<img src="{{URL}}" alt="{{NAME}}" loading="lazy">{{/IMAGE}}{{#NO_IMAGE}}<div class="product-image-placeholder">Sin imagen</div>{{/NO_IMAGE}}</a>
        <a class="product-title" href="{{HREF}}">{{NAME}}</a>
        <div class="product-meta">{{CATEGORY}}</div>
        <div class="product-price">{{PRICE}}</div>
        <div class="product-foot">
          {{#IN_STOCK}}<span class="badge-stock is-in">Stock: {{STOCK}}</span>{{/IN_STOCK}}
          {{#OUT_OF_STOCK}}<span class="badge-stock is-out">Sin stock</span>{{/OUT_OF_STOCK}}
          <form method="POST" action="/carrito/agregar/{{ID}}">
            <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
            <input type="hidden" name="quantity" value="1">
            {{#IN_STOCK}}<button type="submit" class="btn-cart" aria-label="Agregar al carrito" title="Agregar al carrito"><svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.8L20 8H6.2"/><path d="M13 10v4M11 12h4"/></svg></button>{{/IN_STOCK}}
            {{#OUT_OF_STOCK}}<button type="submit" class="btn-cart is-disabled" aria-label="Agregar al carrito" title="Sin stock" disabled><svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.8L20 8H6.2"/></svg></button>{{/OUT_OF_STOCK}}
          </form>
        </div>
      </div>
      {{/PRODUCT}}
    </div>
    <div class="store-pager">
      <p class="muted text-sm" data-store-range>Mostrando {{FIRST}}–{{LAST}} de {{TOTAL}}</p>
      {{#PAGINATION}}
      <nav class="pagination" aria-label="Páginas">
        {{#PREV}}<a class="page-link" href="{{HREF}}" rel="prev">« Anterior</a>{{/PREV}}{{#PREV_DISABLED}}<span class="page-link is-disabled">« Anterior</span>{{/PREV_DISABLED}}
        {{#PAGE}}{{#CURRENT_PAGE}}<span class="page-link is-current" aria-current="page">{{NUMBER}}</span>{{/CURRENT_PAGE}}{{#OTHER_PAGE}}<a class="page-link" href="{{HREF}}">{{NUMBER}}</a>{{/OTHER_PAGE}}{{#GAP}}<span class="page-gap">…</span>{{/GAP}}{{/PAGE}}
        {{#NEXT}}<a class="page-link" href="{{HREF}}" rel="next">Siguiente »</a>{{/NEXT}}{{#NEXT_DISABLED}}<span class="page-link is-disabled">Siguiente »</span>{{/NEXT_DISABLED}}
      </nav>
      {{/PAGINATION}}
    </div>
    {{/GRID}}

    {{#EMPTY_SEARCH}}
    <section class="card store-empty"><div class="card-body">
      <p class="card-title">Sin resultados</p>
      <p class="muted">No encontramos productos para “{{Q}}”{{#IN_CATEGORY}} en “{{CATEGORY}}”{{/IN_CATEGORY}}.</p>
      <div class="actions mt-4">
        <a class="btn-outline" href="{{CLEAR_HREF}}">Limpiar búsqueda</a>
        {{#SEE_ALL}}<a class="btn-ghost" href="/tienda">Ver todas</a>{{/SEE_ALL}}
      </div>
    </div></section>
    {{/EMPTY_SEARCH}}
    {{#EMPTY_CATEGORY}}
    <section class="card store-empty"><div class="card-body">
      <p class="card-title">Categoría sin productos</p>
      <p class="muted">Todavía no hay productos en “{{CATEGORY}}”.</p>
      <div class="actions mt-4"><a class="btn-outline" href="/tienda">Ver todas</a></div>
    </div></section>
    {{/EMPTY_CATEGORY}}
    {{#EMPTY_STORE}}
    <section class="card store-empty"><div class="card-body">
      <p class="card-title">No hay productos</p>
      <p class="muted">Todavía no hay productos para mostrar.</p>
    </div></section>
    {{/EMPTY_STORE}}
  </div>
</div>
