{{%AUTOESCAPE context="HTML"}}
<div class="space-y-6">
  <div class="page-head">
    <div>
      {{#CREATE}}<h1 class="page-title">Nueva categoría</h1>
      <p class="page-subtitle">Creá una categoría para ordenar el catálogo.</p>{{/CREATE}}
      {{#EDIT}}<h1 class="page-title">Editar categoría</h1>
      <p class="page-subtitle">Actualizá nombre, slug, icono y descripción.</p>{{/EDIT}}
    </div>
    <a class="btn-outline btn-sm" href="/admin/categorias">Volver</a>
  </div>

  <section class="card">
    <div class="card-head">
      <h2 class="card-title">Datos de la categoría</h2>
      {{#CREATE}}<span class="badge-sky">Catálogo</span>{{/CREATE}}{{#EDIT}}<span class="badge-zinc">ID #{{ID}}</span>{{/EDIT}}
    </div>
    <div class="card-body">
      <form id="categoryForm" class="form" method="POST" action="{{ACTION}}">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        {{#EDIT}}<input type="hidden" name="_method" value="PUT">{{/EDIT}}
        <div class="field">
          <label class="label" for="cat_name">Nombre *</label>
          <input class="input" id="cat_name" name="name" value="{{NAME}}" required maxlength="255" placeholder="Ej: Fundas"{{#ERROR_NAME}} aria-invalid="true"{{/ERROR_NAME}}>
          {{#ERROR_NAME}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_NAME}}
        </div>
        <div class="field">
          <label class="label" for="cat_slug">Slug (opcional)</label>
          <input class="input" id="cat_slug" name="slug" value="{{SLUG}}" maxlength="255" placeholder="Ej: fundas-iphone"{{#ERROR_SLUG}} aria-invalid="true"{{/ERROR_SLUG}}>
          <p class="help">{{#CREATE}}Si lo dejás vacío, se genera automáticamente.{{/CREATE}}{{#EDIT}}Si lo dejás vacío, se genera desde el nombre.{{/EDIT}}</p>
          {{#ERROR_SLUG}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_SLUG}}
        </div>
        <div class="field">
          <label class="label" for="cat_icon">Icono (opcional)</label>
          <input class="input" id="cat_icon" name="icon" value="{{ICON}}" maxlength="50" placeholder="Ej: 📱">
          {{#ERROR_ICON}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_ICON}}
        </div>
        <div class="field">
          <label class="label" for="cat_description">Descripción (opcional)</label>
          <input class="input" id="cat_description" name="description" value="{{DESCRIPTION}}" maxlength="255" placeholder="Ej: Fundas, templados, cargadores…">
          {{#ERROR_DESCRIPTION}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_DESCRIPTION}}
        </div>
        {{#CREATE}}
        <div class="actions">
          <a class="btn-outline" href="/admin/categorias">Cancelar</a>
          <button class="btn-primary" type="submit">Crear categoría</button>
        </div>
        {{/CREATE}}
      </form>
      {{#EDIT}}
      <div class="actions bo-form-foot">
        <form method="POST" action="/admin/categorias/{{ID}}" data-confirm="¿Eliminar categoría? Esto puede afectar el catálogo.">
          <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
          <input type="hidden" name="_method" value="DELETE">
          <button class="btn-danger" type="submit">Eliminar categoría</button>
        </form>
        <button class="btn-primary" form="categoryForm" type="submit">Guardar cambios</button>
      </div>
      {{/EDIT}}
    </div>
  </section>
</div>
