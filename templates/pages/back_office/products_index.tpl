{{%AUTOESCAPE context="HTML"}}
<div class="space-y-6" data-admin-products>
  <div class="page-head">
    <div>
      <h1 class="page-title">Productos</h1>
      <p class="page-subtitle">Administrá tu catálogo (precio, stock, categoría e imagen).</p>
    </div>
    <div class="actions">
      <a class="btn-outline btn-sm" href="/admin/categorias">Categorías</a>
      <a class="btn-primary btn-sm" href="/admin/productos/crear">+ Nuevo producto</a>
    </div>
  </div>

  <form class="card card-body bo-filters" method="GET">
    <label class="sr-only" for="bo_q">Buscar</label>
    <input class="input" id="bo_q" name="q" value="{{Q}}" placeholder="Buscar por nombre, slug, SKU o código de barras…">
    <label class="sr-only" for="bo_category">Categoría</label>
    <select class="input" id="bo_category" name="category_id">{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}</select>
    <label class="sr-only" for="bo_active">Estado</label>
    <select class="input" id="bo_active" name="active">{{#ACTIVE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ACTIVE_OPTION}}</select>
    <label class="sr-only" for="bo_featured">Destacado</label>
    <select class="input" id="bo_featured" name="featured">{{#FEATURED_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/FEATURED_OPTION}}</select>
    <label class="sr-only" for="bo_stock">Stock</label>
    <select class="input" id="bo_stock" name="stock">{{#STOCK_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STOCK_OPTION}}</select>
    <label class="sr-only" for="bo_channel">Canal</label>
    <select class="input" id="bo_channel" name="channel">{{#CHANNEL_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CHANNEL_OPTION}}</select>
    <div class="actions">
      <button class="btn-primary btn-sm" type="submit">Filtrar</button>
      {{#CLEAR_FILTERS}}<a class="btn-outline btn-sm" href="/admin/productos">Limpiar</a>{{/CLEAR_FILTERS}}
    </div>
  </form>

  <div class="card hidden" data-products-bulk-bar>
    <div class="card-body bo-bulk">
      <span><span data-bulk-count>0</span> seleccionados</span>
      <form method="POST" action="/admin/productos/bulk" data-admin-products-bulk class="bo-bulk-form">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <label class="sr-only" for="bo_bulk_action">Acción masiva</label>
        <select class="input" id="bo_bulk_action" name="action" data-bulk-action>
          <option value="">Acción masiva…</option>
          <option value="activate">Activar</option>
          <option value="deactivate">Desactivar</option>
          <option value="feature">Marcar destacado</option>
          <option value="unfeature">Quitar destacado</option>
          <option value="stock_zero">Poner stock en 0</option>
          <option value="set_stock">Setear stock…</option>
          <option value="stock_adjust">Ajustar stock (+/-)…</option>
          <option value="set_category">Cambiar categoría…</option>
          <option value="delete" data-confirm="¿Eliminar productos seleccionados? (Se omiten los que tengan pedidos)">Eliminar (si no tiene pedidos)</option>
        </select>
        <label class="sr-only" for="bo_bulk_stock">Stock</label>
        <input class="input bo-narrow hidden" id="bo_bulk_stock" type="number" name="stock" placeholder="Stock" data-bulk-stock>
        <label class="sr-only" for="bo_bulk_category">Categoría</label>
        <select class="input hidden" id="bo_bulk_category" name="category_id" data-bulk-category>{{#BULK_CATEGORY_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/BULK_CATEGORY_OPTION}}</select>
        <button class="btn-primary btn-sm" type="submit" data-bulk-apply disabled>Aplicar</button>
        <button class="btn-outline btn-sm" type="button" data-bulk-clear>Limpiar</button>
      </form>
      <form id="bo_labels_form" method="GET" action="/admin/productos/etiquetas" target="_blank"><button class="btn-outline btn-sm" type="submit" data-products-labels>Imprimir etiquetas</button></form>
    </div>
  </div>

  <div class="card">
    <div class="bo-table-wrap">
      <table class="table bo-cards bo-cards-products">
        <thead>
          <tr>
            <th class="bo-card-select"><label class="bo-card-select-all"><input type="checkbox" data-bulk-select-all aria-label="Seleccionar todos"><span class="bo-card-only">Seleccionar todos</span></label></th>
            <th>Producto</th><th>Categoría</th><th class="bo-lg">Slug</th><th>Precio</th><th>Stock</th><th>Acciones</th>
          </tr>
        </thead>
        <tbody>
          {{#PRODUCT}}
          <tr>
            <td class="bo-cell-check"><input type="checkbox" name="ids[]" form="bo_labels_form" value="{{ID}}" data-bulk-checkbox aria-label="Seleccionar {{NAME}}"></td>
            <td class="bo-cell-main">
              <div class="bo-product">
                {{#IMAGE}}<img class="bo-thumb" src="{{URL}}" alt="" width="40" height="40" loading="lazy">{{/IMAGE}}
                {{#NO_IMAGE}}<span class="bo-thumb bo-thumb-empty">Sin imagen</span>{{/NO_IMAGE}}
                <div><div class="font-semibold">{{NAME}}</div><div class="bo-muted">ID: {{ID}}{{#SKU}} · SKU: {{VALUE}}{{/SKU}}{{#BARCODE}} · Código: {{VALUE}}{{/BARCODE}}</div>{{#COUNTER_ONLY}}<span class="badge-zinc">Solo mostrador</span>{{/COUNTER_ONLY}}{{#FOR_REPAIRS}} <span class="badge-sky">Repuesto</span>{{/FOR_REPAIRS}}</div>
              </div>
            </td>
            <td class="bo-cell-meta" data-label="Categoría">{{CATEGORY}}</td>
            <td class="bo-lg bo-muted">{{SLUG}}</td>
            <td class="bo-nowrap bo-cell-meta" data-label="Precio">{{PRICE}}</td>
            <td class="bo-cell-wide" data-label="Stock">
              <form method="POST" action="/admin/productos/{{ID}}/stock" data-admin-product-stock data-product-id="{{ID}}" class="bo-stock">
                <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
                <span class="{{STOCK_CLASS}}" data-stock-label-for="{{ID}}">{{STOCK_LABEL}}</span>
                <label class="sr-only" for="stock_{{ID}}">Stock de {{NAME}}</label>
                <input class="input bo-narrow" id="stock_{{ID}}" type="number" name="stock" min="0" value="{{STOCK}}" data-stock-input-for="{{ID}}">
                <button class="btn-outline btn-sm" type="submit">OK</button>
              </form>
            </td>
            <td class="bo-cell-wide">
              <div class="bo-row-actions">
                <form method="POST" action="/admin/productos/{{ID}}/toggle-active" data-admin-product-toggle="active">
                  <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
                  <button type="submit" class="{{ACTIVE_CLASS}} bo-toggle" data-toggle-btn>{{ACTIVE_LABEL}}</button>
                </form>
                <form method="POST" action="/admin/productos/{{ID}}/toggle-featured" data-admin-product-toggle="featured">
                  <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
                  <button type="submit" class="{{FEATURED_CLASS}} bo-toggle" data-toggle-btn>{{FEATURED_LABEL}}</button>
                </form>
                <a class="btn-outline btn-sm" href="/admin/productos/{{ID}}/editar">Editar</a>
              </div>
            </td>
          </tr>
          {{/PRODUCT}}
          {{#EMPTY}}<tr><td colspan="7">No hay productos.</td></tr>{{/EMPTY}}
        </tbody>
      </table>
    </div>
  </div>
  {{#PAGINATION}}
  <nav class="bo-pagination" aria-label="Páginas">
    {{#PREV}}<a class="btn-outline btn-sm" href="{{URL}}" rel="prev">Anterior</a>{{/PREV}}
    <span>Página {{PAGE}} de {{PAGES}}</span>
    {{#NEXT}}<a class="btn-outline btn-sm" href="{{URL}}" rel="next">Siguiente</a>{{/NEXT}}
  </nav>
  {{/PAGINATION}}
</div>
