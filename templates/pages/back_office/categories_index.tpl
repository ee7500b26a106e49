{{%AUTOESCAPE context="HTML"}}
<div class="space-y-6" data-admin-categories>
  <div class="page-head">
    <div>
      <h1 class="page-title">Categorías</h1>
      <p class="page-subtitle">Organizá tu catálogo. Total: {{TOTAL}}</p>
    </div>
    <div class="actions">
      <a class="btn-outline btn-sm" href="/admin/productos">Productos</a>
      <a class="btn-primary btn-sm" href="/admin/categorias/crear">+ Nueva categoría</a>
    </div>
  </div>

  <div class="card">
    <div class="bo-table-wrap">
      <table class="table bo-cards bo-cards-categories">
        <thead>
          <tr><th>Nombre</th><th>Slug</th><th class="bo-lg">Descripción</th><th>Productos</th><th>Acciones</th></tr>
        </thead>
        <tbody>
          {{#CATEGORY}}
          <tr>
            <td class="bo-cell-main"><span aria-hidden="true">{{ICON}}</span> <span class="font-semibold">{{NAME}}</span></td>
            <td class="bo-muted bo-cell-meta" data-label="Slug">{{SLUG}}</td>
            <td class="bo-lg">{{DESCRIPTION}}</td>
            <td class="bo-cell-meta" data-label="Productos"><span class="badge-zinc">{{PRODUCTS}}</span></td>
            <td class="bo-cell-wide">
              <div class="bo-row-actions">
                <form method="POST" action="/admin/categorias/{{ID}}/toggle-active" data-admin-category-toggle data-category-id="{{ID}}">
                  <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
                  <button type="submit" class="{{ACTIVE_CLASS}} bo-toggle" data-active-btn>{{ACTIVE_LABEL}}</button>
                </form>
                <a class="btn-outline btn-sm" href="/admin/categorias/{{ID}}/editar">Editar</a>
                <form method="POST" action="/admin/categorias/{{ID}}" data-confirm="¿Eliminar categoría? Esto puede afectar el catálogo.">
                  <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
                  <input type="hidden" name="_method" value="DELETE">
                  <button class="btn-danger btn-sm" type="submit">Eliminar</button>
                </form>
              </div>
            </td>
          </tr>
          {{/CATEGORY}}
          {{#EMPTY}}<tr><td colspan="5">No hay categorías.</td></tr>{{/EMPTY}}
        </tbody>
      </table>
    </div>
  </div>
</div>
