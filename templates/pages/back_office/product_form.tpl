{{%AUTOESCAPE context="HTML"}}
<div class="space-y-6">
  <div class="page-head">
    <div>
      {{#CREATE}}<h1 class="page-title">Nuevo producto</h1>
      <p class="page-subtitle">Creá un producto con nombre, precio, stock, categoría e imagen.</p>{{/CREATE}}
      {{#EDIT}}<h1 class="page-title">Editar producto</h1>
      <p class="page-subtitle">Actualizá precio, stock, categoría e imagen.</p>{{/EDIT}}
    </div>
    <div class="actions">
      {{#EDIT}}<a class="btn-outline btn-sm" href="/admin/productos/{{ID}}/etiqueta" data-product-label-link>Imprimir etiqueta</a>{{/EDIT}}
      {{#EDIT}}<a class="btn-outline btn-sm" href="/admin/garantias/crear?producto={{ID}}" data-warranty-link>Registrar garantía</a>{{/EDIT}}
      <a class="btn-outline btn-sm" href="/admin/productos">Volver</a>
    </div>
  </div>

  <section class="card">
    <div class="card-head">
      <h2 class="card-title">Datos del producto</h2>
      {{#CREATE}}<span class="badge-sky">Catálogo</span>{{/CREATE}}{{#EDIT}}<span class="badge-zinc">ID #{{ID}}</span>{{/EDIT}}
    </div>
    <div class="card-body">
      <form id="productForm" class="form" method="POST" action="{{ACTION}}" enctype="multipart/form-data">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        {{#EDIT}}<input type="hidden" name="_method" value="PUT">{{/EDIT}}
        <div class="field">
          <label class="label" for="p_name">Nombre *</label>
          <input class="input" id="p_name" name="name" value="{{NAME}}" required maxlength="120" placeholder="Ej: Funda iPhone 13"{{#ERROR_NAME}} aria-invalid="true"{{/ERROR_NAME}}>
          {{#ERROR_NAME}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_NAME}}
        </div>
        <div class="field">
          <label class="label" for="p_slug">Slug (opcional)</label>
          <input class="input" id="p_slug" name="slug" value="{{SLUG}}" maxlength="255" placeholder="Se genera si lo dejás vacío"{{#ERROR_SLUG}} aria-invalid="true"{{/ERROR_SLUG}}>
          {{#ERROR_SLUG}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_SLUG}}
        </div>
        <div class="field">
          <label class="label" for="p_category">Categoría *</label>
          <select class="input" id="p_category" name="category_id" required>{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}</select>
          {{#ERROR_CATEGORY_ID}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_CATEGORY_ID}}
        </div>
        <div class="form-row bo-two">
          <div class="field">
            <label class="label" for="p_price">Precio *</label>
            <input class="input" id="p_price" name="price" value="{{PRICE}}" required inputmode="decimal" placeholder="0"{{#ERROR_PRICE}} aria-invalid="true"{{/ERROR_PRICE}}>
            {{#ERROR_PRICE}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_PRICE}}
          </div>
          <div class="field">
            <label class="label" for="p_stock">Stock *</label>
            <input class="input" id="p_stock" name="stock" value="{{STOCK}}" required inputmode="numeric"{{#ERROR_STOCK}} aria-invalid="true"{{/ERROR_STOCK}}>
            {{#ERROR_STOCK}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_STOCK}}
          </div>
        </div>
        <div class="form-row bo-two">
          <div class="field">
            <label class="label" for="p_sku">SKU (opcional)</label>
            <input class="input" id="p_sku" name="sku" value="{{SKU}}" maxlength="64" autocomplete="off" placeholder="Ej: FUN-IP13-NEG"{{#ERROR_SKU}} aria-invalid="true"{{/ERROR_SKU}}>
            {{#ERROR_SKU}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_SKU}}
          </div>
          <div class="field">
            <label class="label" for="p_barcode">Código de barras (opcional)</label>
            <input class="input" id="p_barcode" name="barcode" value="{{BARCODE}}" maxlength="64" autocomplete="off" placeholder="EAN/UPC o propio"{{#ERROR_BARCODE}} aria-invalid="true"{{/ERROR_BARCODE}}>
            {{#ERROR_BARCODE}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_BARCODE}}
          </div>
        </div>
        <div class="form-row bo-two">
          <div class="field">
            <label class="label" for="p_cost">Costo (opcional)</label>
            <input class="input" id="p_cost" name="cost_price" value="{{COST_PRICE}}" inputmode="decimal" placeholder="0"{{#ERROR_COST_PRICE}} aria-invalid="true"{{/ERROR_COST_PRICE}}>
            <p class="help">Lo que te cuesta a vos; avisa cuando una venta queda por debajo del costo.</p>
            {{#ERROR_COST_PRICE}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_COST_PRICE}}
          </div>
          {{#EDIT}}<div class="field">
            <label class="label" for="p_stock_note">Motivo del cambio de stock (opcional)</label>
            <input class="input" id="p_stock_note" name="stock_note" value="{{STOCK_NOTE}}" maxlength="255" placeholder="Ej: conteo físico, rotura"{{#ERROR_STOCK_NOTE}} aria-invalid="true"{{/ERROR_STOCK_NOTE}}>
            {{#ERROR_STOCK_NOTE}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_STOCK_NOTE}}
          </div>{{/EDIT}}
        </div>
        <input type="hidden" name="inventory_flags" value="1">
        <label class="check"><input type="checkbox" name="sellable_in_store" value="1"{{#SELLABLE_CHECKED}} checked{{/SELLABLE_CHECKED}}> Se vende en la tienda online</label>
        <label class="check"><input type="checkbox" name="usable_in_repairs" value="1"{{#REPAIRS_CHECKED}} checked{{/REPAIRS_CHECKED}}> Se usa como repuesto en reparaciones</label>
        <div class="field">
          <label class="label" for="p_description">Descripción (opcional)</label>
          <textarea class="input" id="p_description" name="description" rows="4" maxlength="2000">{{DESCRIPTION}}</textarea>
          {{#ERROR_DESCRIPTION}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_DESCRIPTION}}
        </div>
        <div class="field">
          <label class="label" for="p_image">Imagen (opcional)</label>
          <input class="input" id="p_image" name="image" type="file" accept="image/png,image/jpeg,image/webp">
          <p class="help">JPG, PNG o WebP, hasta 4 MB.{{#EDIT}} Si subís una nueva, reemplaza la actual.{{/EDIT}}</p>
          {{#ERROR_IMAGE}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_IMAGE}}
        </div>
        {{#CURRENT_IMAGE}}
        <label class="check"><input type="checkbox" name="remove_image" value="1"> Quitar imagen actual</label>
        {{/CURRENT_IMAGE}}
        {{#EDIT}}
        <div class="field">
          <span class="label">Vista previa</span>
          {{#CURRENT_IMAGE}}<img class="bo-preview" src="{{URL}}" alt="Imagen actual del producto">{{/CURRENT_IMAGE}}
          {{#NO_CURRENT_IMAGE}}<span class="bo-thumb-empty">Sin imagen</span>{{/NO_CURRENT_IMAGE}}
        </div>
        {{/EDIT}}
        {{#CREATE}}
        <div class="actions">
          <a class="btn-outline" href="/admin/productos">Cancelar</a>
          <button class="btn-primary" type="submit">Crear producto</button>
        </div>
        {{/CREATE}}
      </form>
      {{#EDIT}}
      <div class="actions bo-form-foot">
        <form method="POST" action="/admin/productos/{{ID}}" data-confirm="¿Eliminar producto?">
          <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
          <input type="hidden" name="_method" value="DELETE">
          <button class="btn-danger" type="submit">Eliminar producto</button>
        </form>
        <button class="btn-primary" form="productForm" type="submit">Guardar cambios</button>
      </div>
      {{/EDIT}}
    </div>
  </section>
</div>
