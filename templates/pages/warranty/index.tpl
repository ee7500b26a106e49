{{%AUTOESCAPE context="HTML"}}
<div class="space-y-6" data-warranty-index>
  <div class="page-head">
    <div>
      <h1 class="page-title">Garantías</h1>
      <p class="page-subtitle">Repuestos y productos que volvieron por garantía: cuánto costaron, cuánto recuperaste y qué proveedor falla más.</p>
    </div>
    <div class="actions">
      <a class="btn-outline btn-sm" href="{{EXPORT_URL}}" data-warranty-export>Exportar CSV</a>
      <a class="btn-primary btn-sm" href="/admin/garantias/crear">+ Nueva garantía</a>
    </div>
  </div>

  <form class="card card-body bo-filters wr-filters" method="GET" action="/admin/garantias">
    <label class="sr-only" for="wr_q">Buscar</label>
    <input class="input" id="wr_q" name="q" value="{{Q}}" placeholder="Buscar por motivo, reparación, producto o proveedor…">
    <label class="sr-only" for="wr_status">Estado</label>
    <select class="input" id="wr_status" name="status">{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}</select>
    <label class="sr-only" for="wr_source">Origen</label>
    <select class="input" id="wr_source" name="source_type">{{#SOURCE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SOURCE_OPTION}}</select>
    <label class="sr-only" for="wr_supplier">Proveedor</label>
    <select class="input" id="wr_supplier" name="supplier_id">{{#SUPPLIER_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SUPPLIER_OPTION}}</select>
    <div class="wr-dates">
      <div class="wr-date">
        <label class="label" for="wr_from">Desde</label>
        <input class="input" type="date" id="wr_from" name="desde" value="{{FROM}}">
      </div>
      <div class="wr-date">
        <label class="label" for="wr_to">Hasta</label>
        <input class="input" type="date" id="wr_to" name="hasta" value="{{TO}}">
      </div>
    </div>
    <div class="actions">
      <button class="btn-primary btn-sm" type="submit">Filtrar</button>
      {{#CLEAR_FILTERS}}<a class="btn-outline btn-sm" href="/admin/garantias">Limpiar</a>{{/CLEAR_FILTERS}}
    </div>
    {{#DATE_ERROR}}<p class="field-error wr-wide" role="alert">{{MESSAGE}}</p>{{/DATE_ERROR}}
  </form>

  <nav class="flex gap-2 wr-periods" aria-label="Período">
    {{#PERIOD}}<a class="nav-pill{{#ACTIVE}} nav-pill-active{{/ACTIVE}}" href="{{URL}}"{{#ACTIVE}} aria-current="page"{{/ACTIVE}}>{{LABEL}}</a>
    {{/PERIOD}}
  </nav>

  <section class="wr-totals" aria-label="Totales del período" data-warranty-totals>
    <article class="card wr-total">
      <p class="wr-total-title">Incidencias</p>
      <p class="wr-total-value" data-warranty-total="incidents">{{TOTAL_INCIDENTS}}</p>
      <p class="muted text-sm">Abiertas: <span data-warranty-total="open">{{TOTAL_OPEN}}</span></p>
    </article>
    <article class="card wr-total">
      <p class="wr-total-title">Costo</p>
      <p class="wr-total-value" data-warranty-total="cost">{{TOTAL_COST}}</p>
      <p class="muted text-sm">Cantidad × costo unitario + extras</p>
    </article>
    <article class="card wr-total">
      <p class="wr-total-title">Recuperado</p>
      <p class="wr-total-value" data-warranty-total="recovered">{{TOTAL_RECOVERED}}</p>
      <p class="muted text-sm">Lo que devolvió o acreditó el proveedor</p>
    </article>
    <article class="card wr-total wr-total-loss">
      <p class="wr-total-title">Pérdida</p>
      <p class="wr-total-value" data-warranty-total="loss">{{TOTAL_LOSS}}</p>
      <p class="muted text-sm">{{PERIOD_LABEL}}</p>
    </article>
  </section>

  <section class="card" aria-labelledby="wrTopTitle" data-warranty-top-suppliers>
    <div class="card-head">
      <h2 id="wrTopTitle" class="card-title">Proveedores con más pérdida</h2>
      <span class="badge-zinc">{{PERIOD_LABEL}}</span>
    </div>
    <div class="card-body">
      {{#NO_TOP_SUPPLIERS}}<p class="muted">Todavía no hay garantías con proveedor en este período.</p>{{/NO_TOP_SUPPLIERS}}
      <ol class="wr-top">
        {{#TOP_SUPPLIER}}<li class="wr-top-row" data-top-supplier="{{RANK}}">
          <span class="wr-top-name">{{#FILTER}}<a href="{{URL}}">{{/FILTER}}{{NAME}}{{#FILTER}}</a>{{/FILTER}}</span>
          <span class="muted text-sm wr-top-count">{{INCIDENTS}}</span>
          <span class="wr-top-loss">{{LOSS}}</span>
        </li>{{/TOP_SUPPLIER}}
      </ol>
    </div>
  </section>

  <div class="card">
    <div class="bo-table-wrap">
      <table class="table bo-cards wr-cards">
        <thead>
          <tr>
            <th>Fecha</th><th>Origen</th><th>Motivo</th><th>Proveedor</th><th>Costo</th><th>Recuperado</th><th>Pérdida</th><th>Estado</th><th>Acciones</th>
          </tr>
        </thead>
        <tbody>
          {{#INCIDENT}}
          <tr data-warranty-row="{{ID}}">
            <td class="bo-cell-meta" data-label="Fecha">{{DATE}}</td>
            <td class="bo-cell-main"><span class="badge-sky">{{SOURCE_TYPE_LABEL}}</span>
              {{#SOURCE_LINK}}<a class="wr-source" href="{{URL}}">{{LABEL}}</a>{{/SOURCE_LINK}}{{#SOURCE_TEXT}}<span class="wr-source">{{LABEL}}</span>{{/SOURCE_TEXT}}</td>
            <td class="wr-reason">{{REASON}}</td>
            <td class="bo-cell-meta" data-label="Proveedor">{{SUPPLIER}}</td>
            <td class="bo-cell-meta bo-nowrap" data-label="Costo"><span class="wr-cost">{{COST}}<span class="wr-unit" data-warranty-quantity>{{QUANTITY}} × {{UNIT_COST}}</span></span></td>
            <td class="bo-cell-meta bo-nowrap" data-label="Recuperado">{{RECOVERED}}</td>
            <td class="bo-cell-meta bo-nowrap wr-loss" data-label="Pérdida">{{LOSS}}</td>
            <td class="bo-cell-meta" data-label="Estado"><span class="{{STATUS_CLASS}}" data-warranty-status>{{STATUS_LABEL}}</span></td>
            <td>
              <div class="bo-row-actions">
                <a class="btn-outline btn-sm" href="/admin/garantias/{{ID}}/editar">Editar</a>
                {{#OPEN}}<form method="POST" action="/admin/garantias/{{ID}}/cerrar">
                  <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
                  <button class="btn-outline btn-sm" type="submit">Cerrar</button>
                </form>{{/OPEN}}
                {{#CLOSED}}<form method="POST" action="/admin/garantias/{{ID}}/reabrir">
                  <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
                  <button class="btn-outline btn-sm" type="submit">Reabrir</button>
                </form>{{/CLOSED}}
              </div>
            </td>
          </tr>
          {{/INCIDENT}}
          {{#EMPTY}}<tr><td colspan="9">No hay garantías para mostrar.</td></tr>{{/EMPTY}}
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
