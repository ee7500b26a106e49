{{%AUTOESCAPE context="HTML"}}
<div class="stack-6 catalog-page">
  <div class="page-head">
    <div>
      <h1 class="page-title">Reglas de precios (auto)</h1>
      <p class="page-subtitle">Configurá porcentaje, mínimos y precios fijos por tipo/marca/grupo/modelo.</p>
    </div>
    <nav class="actions" aria-label="Accesos relacionados">
      <a class="btn-outline btn-sm" href="/admin/tipos-dispositivo">Dispositivos</a>
      <a class="btn-outline btn-sm" href="/admin/catalogo-dispositivos">Catálogo</a>
      <a class="btn-outline btn-sm" href="/admin/grupos-modelos">Grupos</a>
      <a class="btn-outline btn-sm" href="/admin/tipos-reparacion">Tipos</a>
      <a class="btn-primary btn-sm" href="/admin/precios/crear">+ Nueva regla</a>
    </nav>
  </div>

  <section class="card" aria-labelledby="rulesTitle">
    <div class="card-head">
      <h2 id="rulesTitle" class="card-title">Reglas</h2>
      <span class="badge-zinc">{{COUNT}}</span>
    </div>
    <div class="card-body">
      {{#EMPTY}}<p class="muted">No hay reglas cargadas todavía.</p>{{/EMPTY}}
      <div class="pricing-table-wrap">
        <table class="table pricing-table">
          <thead>
            <tr>
              <th scope="col">Activo</th><th scope="col">Tipo</th><th scope="col">Marca</th><th scope="col">Grupo</th>
              <th scope="col">Modelo</th><th scope="col">Reparación</th><th scope="col">Modo</th><th scope="col">%</th>
              <th scope="col">Mín</th><th scope="col">Fijo</th><th scope="col">Envío</th><th scope="col">Prioridad</th>
              <th scope="col">Acciones</th>
            </tr>
          </thead>
          <tbody>
            {{#RULE}}
            <tr data-pricing-rule="{{ID}}">
              <td>{{#IS_ACTIVE}}<span title="Activa">✅</span>{{/IS_ACTIVE}}{{#IS_INACTIVE}}<span title="Inactiva">—</span>{{/IS_INACTIVE}}</td>
              <td>{{TYPE}}</td><td>{{BRAND}}</td><td>{{GROUP}}</td><td>{{MODEL}}</td><td>{{REPAIR}}</td>
              <td>{{MODE}}</td><td>{{MULTIPLIER}}</td><td>{{MIN_PROFIT}}</td><td>{{FIXED_TOTAL}}</td><td>{{SHIPPING}}</td>
              <td>{{PRIORITY}}</td>
              <td>
                <div class="pricing-actions">
                  <a class="btn-outline btn-sm" href="/admin/precios/{{ID}}/editar">Editar</a>
                  <form method="POST" action="/admin/precios/{{ID}}/toggle">
                    <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
                    <button class="btn-ghost btn-sm" type="submit">{{#IS_ACTIVE}}Desactivar{{/IS_ACTIVE}}{{#IS_INACTIVE}}Activar{{/IS_INACTIVE}}</button>
                  </form>
                  <form method="POST" action="/admin/precios/{{ID}}" data-confirm="¿Eliminar esta regla? Las reparaciones ya cargadas conservan su precio.">
                    <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
                    <input type="hidden" name="_method" value="DELETE">
                    <button class="btn-danger btn-sm" type="submit">Eliminar</button>
                  </form>
                </div>
              </td>
            </tr>
            {{/RULE}}
          </tbody>
        </table>
      </div>
      <ul class="pricing-cards">
        {{#RULE}}
        <li class="card pricing-card">
          <div class="card-body">
            <p class="font-semibold">{{REPAIR}} {{#IS_ACTIVE}}<span class="badge-emerald">Activa</span>{{/IS_ACTIVE}}{{#IS_INACTIVE}}<span class="badge-zinc">Inactiva</span>{{/IS_INACTIVE}}</p>
            <p class="help">{{TYPE}} · {{BRAND_OR_DASH}} · {{NARROWEST}}</p>
            <dl class="pricing-figures">
              <div><dt>Modo</dt><dd>{{MODE}}</dd></div>
              <div><dt>%</dt><dd>{{MULTIPLIER}}</dd></div>
              <div><dt>Mín</dt><dd>{{MIN_PROFIT}}</dd></div>
              <div><dt>Fijo</dt><dd>{{FIXED_TOTAL}}</dd></div>
              <div><dt>Envío</dt><dd>{{SHIPPING}}</dd></div>
              <div><dt>Prioridad</dt><dd>{{PRIORITY}}</dd></div>
            </dl>
            <a class="btn-outline btn-sm" href="/admin/precios/{{ID}}/editar">Editar</a>
          </div>
        </li>
        {{/RULE}}
      </ul>
    </div>
  </section>
</div>
