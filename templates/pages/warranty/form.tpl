{{%AUTOESCAPE context="HTML"}}
<div class="space-y-6" data-warranty-form-page>
  <div class="page-head">
    <div>
      {{#CREATE}}<h1 class="page-title">Nueva garantía</h1>
      <p class="page-subtitle">Registrá un repuesto o producto que volvió: contra qué reparación, producto o venta, por qué y cuánto te costó.</p>{{/CREATE}}
      {{#EDIT}}<h1 class="page-title">Garantía #{{ID}} <span class="{{STATUS_CLASS}}" data-warranty-status>{{STATUS_LABEL}}</span></h1>
      <p class="page-subtitle">Registrada el {{CREATED}} por {{CREATED_BY}}.{{#CLOSED}} Cerrada el {{CLOSED_AT}}.{{/CLOSED}}</p>{{/EDIT}}
    </div>
    <div class="actions">
      {{#EDIT}}{{#SOURCE_LINK}}<a class="btn-outline btn-sm" href="{{URL}}">Ver origen</a>{{/SOURCE_LINK}}{{/EDIT}}
      <a class="btn-outline btn-sm" href="/admin/garantias">Volver</a>
    </div>
  </div>

  {{#EDIT}}
  <section class="card" aria-labelledby="wrStatusTitle">
    <div class="card-head">
      <h2 id="wrStatusTitle" class="card-title">Resultado</h2>
    </div>
    <div class="card-body wr-result">
      <p>Costo: <span class="font-semibold" data-warranty-cost>{{COST}}</span></p>
      <p>Recuperado: <span class="font-semibold" data-warranty-recovered>{{RECOVERED}}</span></p>
      <p>Pérdida: <span class="font-semibold" data-warranty-loss>{{LOSS}}</span></p>
      {{#OPEN}}<form method="POST" action="/admin/garantias/{{ID}}/cerrar" data-confirm="¿Cerrar la garantía? Podés reabrirla después.">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <button class="btn-primary btn-sm" type="submit">Cerrar garantía</button>
      </form>{{/OPEN}}
      {{#CLOSED}}<form method="POST" action="/admin/garantias/{{ID}}/reabrir">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <button class="btn-outline btn-sm" type="submit">Reabrir garantía</button>
      </form>{{/CLOSED}}
    </div>
  </section>
  {{/EDIT}}

  <section class="card">
    <div class="card-head">
      <h2 class="card-title">Datos de la garantía</h2>
    </div>
    <div class="card-body">
      <form id="warrantyForm" class="form" method="POST" action="{{ACTION}}" data-warranty-form>
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        {{#EDIT}}<input type="hidden" name="_method" value="PUT">{{/EDIT}}

        <fieldset class="field wr-source-picker">
          <legend class="label">Origen *</legend>
          <div class="flex gap-2 wr-source-types">
            {{#SOURCE_TYPE}}<label class="check wr-source-type"><input type="radio" name="source_type" value="{{KEY}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>
            {{/SOURCE_TYPE}}
          </div>
          {{#ERROR_SOURCE_TYPE}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_SOURCE_TYPE}}
          {{#SOURCE_PREVIEW}}<p class="help" data-warranty-source-preview>{{TEXT}}</p>{{/SOURCE_PREVIEW}}
          <div class="field wr-ref wr-ref-repair">
            <label class="label" for="wr_repair_ref">Reparación (código o número)</label>
            <input class="input" id="wr_repair_ref" name="repair_ref" value="{{REPAIR_REF}}" maxlength="40" placeholder="Ej: R-20261207-00001"{{#ERROR_REPAIR_REF}} aria-invalid="true"{{/ERROR_REPAIR_REF}}>
            {{#ERROR_REPAIR_REF}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_REPAIR_REF}}
          </div>
          <div class="field wr-ref wr-ref-product">
            <label class="label" for="wr_product_ref">Producto (número o nombre exacto)</label>
            <input class="input" id="wr_product_ref" name="product_ref" value="{{PRODUCT_REF}}" maxlength="255" placeholder="Ej: 12 o Cable USB-C 1 m"{{#ERROR_PRODUCT_REF}} aria-invalid="true"{{/ERROR_PRODUCT_REF}}>
            <p class="help">¿No sabés el número? Usá “Buscar producto” más abajo antes de completar el resto: la búsqueda recarga la página.</p>
            {{#ERROR_PRODUCT_REF}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_PRODUCT_REF}}
          </div>
          <div class="field wr-ref wr-ref-sale">
            <label class="label" for="wr_sale_ref">Venta en mostrador (número)</label>
            <input class="input" id="wr_sale_ref" name="sale_ref" value="{{SALE_REF}}" inputmode="numeric" maxlength="18" placeholder="Ej: 154"{{#ERROR_SALE_REF}} aria-invalid="true"{{/ERROR_SALE_REF}}>
            {{#ERROR_SALE_REF}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_SALE_REF}}
          </div>
        </fieldset>

        <div class="field">
          <label class="label" for="wr_reason">Motivo *</label>
          <input class="input" id="wr_reason" name="reason" value="{{REASON}}" required maxlength="500" placeholder="Ej: El módulo dejó de dar imagen"{{#ERROR_REASON}} aria-invalid="true"{{/ERROR_REASON}}>
          {{#ERROR_REASON}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_REASON}}
        </div>

        <fieldset class="field wr-supplier">
          <legend class="label">Proveedor</legend>
          <div class="bo-two form-row">
            <div class="field">
              <label class="label" for="wr_supplier_id">De la lista</label>
              <select class="input" id="wr_supplier_id" name="supplier_id"{{#ERROR_SUPPLIER_ID}} aria-invalid="true"{{/ERROR_SUPPLIER_ID}}>{{#SUPPLIER_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SUPPLIER_OPTION}}</select>
              {{#ERROR_SUPPLIER_ID}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_SUPPLIER_ID}}
            </div>
            <div class="field">
              <label class="label" for="wr_supplier_name">O escribilo</label>
              <input class="input" id="wr_supplier_name" name="supplier_name" value="{{SUPPLIER_NAME}}" maxlength="255" placeholder="Ej: Distribuidora Centro"{{#ERROR_SUPPLIER_NAME}} aria-invalid="true"{{/ERROR_SUPPLIER_NAME}}>
              {{#ERROR_SUPPLIER_NAME}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_SUPPLIER_NAME}}
            </div>
          </div>
          <label class="check"><input type="checkbox" name="save_supplier" value="1"{{#SAVE_SUPPLIER_CHECKED}} checked{{/SAVE_SUPPLIER_CHECKED}}> Agregarlo a la lista de proveedores</label>
          <div class="field">
            <label class="label" for="wr_supplier_contact">Contacto del proveedor nuevo (opcional)</label>
            <input class="input" id="wr_supplier_contact" name="supplier_contact" value="{{SUPPLIER_CONTACT}}" maxlength="255" placeholder="Ej: Marta, 351 555-1234">
            {{#ERROR_SUPPLIER_CONTACT}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_SUPPLIER_CONTACT}}
          </div>
          <p class="help">Si elegís uno de la lista, se usa ese. Si escribís un nombre que ya está en la lista, se vincula solo.</p>
        </fieldset>

        <div class="wr-amounts">
          <div class="field">
            <label class="label" for="wr_quantity">Cantidad *</label>
            <input class="input" id="wr_quantity" name="quantity" value="{{QUANTITY}}" type="number" min="1" max="10000" step="1" required{{#ERROR_QUANTITY}} aria-invalid="true"{{/ERROR_QUANTITY}}>
            {{#ERROR_QUANTITY}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_QUANTITY}}
          </div>
          <div class="field">
            <label class="label" for="wr_unit_cost">Costo unitario ($) *</label>
            <input class="input" id="wr_unit_cost" name="unit_cost" value="{{UNIT_COST}}" inputmode="decimal" required placeholder="Ej: 15000"{{#ERROR_UNIT_COST}} aria-invalid="true"{{/ERROR_UNIT_COST}}>
            {{#ERROR_UNIT_COST}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_UNIT_COST}}
          </div>
          <div class="field">
            <label class="label" for="wr_extra_cost">Costo extra ($)</label>
            <input class="input" id="wr_extra_cost" name="extra_cost" value="{{EXTRA_COST}}" inputmode="decimal" placeholder="Ej: 2000"{{#ERROR_EXTRA_COST}} aria-invalid="true"{{/ERROR_EXTRA_COST}}>
            {{#ERROR_EXTRA_COST}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_EXTRA_COST}}
          </div>
          <div class="field">
            <label class="label" for="wr_recovered_amount">Recuperado ($)</label>
            <input class="input" id="wr_recovered_amount" name="recovered_amount" value="{{RECOVERED_AMOUNT}}" inputmode="decimal" placeholder="Ej: 5000"{{#ERROR_RECOVERED_AMOUNT}} aria-invalid="true"{{/ERROR_RECOVERED_AMOUNT}}>
            {{#ERROR_RECOVERED_AMOUNT}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_RECOVERED_AMOUNT}}
          </div>
        </div>
        <p class="help">Costo extra: envío, mano de obra, etc. Recuperado: lo que devolvió o acreditó el proveedor. Pérdida = cantidad × costo unitario + costo extra − recuperado.</p>

        <div class="field">
          <label class="label" for="wr_notes">Notas</label>
          <textarea class="input" id="wr_notes" name="notes" rows="3" maxlength="5000"{{#ERROR_NOTES}} aria-invalid="true"{{/ERROR_NOTES}}>{{NOTES}}</textarea>
          {{#ERROR_NOTES}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_NOTES}}
        </div>

        <div class="actions">
          <a class="btn-outline" href="/admin/garantias">Cancelar</a>
          {{#CREATE}}<button class="btn-primary" type="submit">Registrar garantía</button>{{/CREATE}}
          {{#EDIT}}<button class="btn-primary" type="submit">Guardar cambios</button>{{/EDIT}}
        </div>
      </form>
    </div>
  </section>

  <section class="card" aria-labelledby="wrSearchTitle" data-warranty-product-search>
    <div class="card-head"><h2 id="wrSearchTitle" class="card-title">Buscar producto</h2></div>
    <div class="card-body">
      <form class="flex gap-2 wr-search" method="GET" action="{{PAGE_PATH}}">
        <label class="sr-only" for="wr_product_search">Nombre del producto</label>
        <input class="input" id="wr_product_search" name="buscar_producto" value="{{PRODUCT_SEARCH}}" placeholder="Ej: módulo, cable, batería…">
        <button class="btn-outline btn-sm" type="submit">Buscar</button>
      </form>
      {{#PRODUCT_RESULTS}}
      {{#NO_PRODUCT_HITS}}<p class="muted mt-2">No encontramos productos con ese nombre.</p>{{/NO_PRODUCT_HITS}}
      <ul class="wr-hits">
        {{#PRODUCT_HIT}}<li><a href="{{URL}}" data-product-hit="{{ID}}">#{{ID}} · {{NAME}}</a> <span class="muted text-sm">{{PRICE}} · stock {{STOCK}}</span></li>
        {{/PRODUCT_HIT}}
      </ul>
      {{/PRODUCT_RESULTS}}
    </div>
  </section>
</div>
