{{%AUTOESCAPE context="HTML"}}
<div class="stack-6 repairs-admin">
  <div class="page-head">
    <div>
      <h1 class="page-title">Nueva reparación</h1>
      <p class="page-subtitle">Cargá lo básico. Después podés editar todo desde el detalle.</p>
    </div>
    <a class="btn-outline" href="/admin/reparaciones">Volver</a>
  </div>
  <nav class="flex gap-2 repair-anchors" aria-label="Secciones">
    <a class="nav-pill" href="#repair_create_client">Cliente</a>
    <a class="nav-pill" href="#repair_create_issue">Falla</a>
    <a class="nav-pill" href="#repair_create_finance">Costos</a>
    <a class="nav-pill" href="#repair_create_optional">Opcionales</a>
  </nav>

  <form class="form stack-6" method="POST" action="/admin/reparaciones" data-repair-create-form novalidate>
    <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">

    <section class="card" data-repair-create-summary>
      <div class="card-head">
        <h2 class="card-title">Resumen</h2>
        <span class="badge-amber" data-sum-state>Incompleto</span>
        <button type="button" class="btn-ghost btn-sm" data-toggle-collapse="repair_create_summary">Ver</button>
      </div>
      <div class="card-body hidden" data-collapse="repair_create_summary">
        <p data-sum-customer>—</p>
        <p data-sum-phone>—</p>
        <p data-sum-device>—</p>
        <p data-sum-issue>Falla: —</p>
        <p data-sum-status>Estado: —</p>
        <a class="btn-outline btn-sm hidden" data-sum-wa href="#" target="_blank" rel="noopener">Abrir WhatsApp</a>
        <p class="help">El código se genera al crear.</p>
      </div>
    </section>

    <section id="repair_create_client" class="card" aria-labelledby="clientTitle">
      <div class="card-head"><h2 id="clientTitle" class="card-title">Cliente y equipo</h2></div>
      <div class="card-body stack-6">
        <div class="form-row">
          <div class="field">
            <label class="label" for="customer_name">Nombre del cliente *</label>
            <input class="input" id="customer_name" name="customer_name" value="{{OLD_CUSTOMER_NAME}}" data-repair-customer-name required placeholder="Nombre y apellido" autocomplete="off"{{#ERROR_CUSTOMER_NAME}} aria-invalid="true"{{/ERROR_CUSTOMER_NAME}}>
            {{#ERROR_CUSTOMER_NAME}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_CUSTOMER_NAME}}
          </div>
          <div class="field">
            <label class="label" for="customer_phone">Teléfono (WhatsApp) *</label>
            <input class="input" id="customer_phone" name="customer_phone" value="{{OLD_CUSTOMER_PHONE}}" data-repair-customer-phone data-phone-normalize required inputmode="tel" autocomplete="tel" placeholder="Ej: 341 15-555-0000"{{#ERROR_CUSTOMER_PHONE}} aria-invalid="true"{{/ERROR_CUSTOMER_PHONE}}>
            {{#ERROR_CUSTOMER_PHONE}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_CUSTOMER_PHONE}}
          </div>
        </div>
        <div class="stack-6" data-repair-device-catalog data-catalog-mode="create">
          <div class="field">
            <label class="label" for="device_type_id">Tipo de dispositivo *</label>
            <select class="input" id="device_type_id" name="device_type_id" data-device-type required{{#ERROR_DEVICE_TYPE_ID}} aria-invalid="true"{{/ERROR_DEVICE_TYPE_ID}}>
              <option value="">— Elegí un tipo —</option>
              {{#TYPE_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
              {{/TYPE_OPTION}}
            </select>
            {{#ERROR_DEVICE_TYPE_ID}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_DEVICE_TYPE_ID}}
          </div>
          <div class="form-row">
            <div class="field">
              <label class="label" for="device_brand_id">Marca *</label>
              <input class="input hidden" type="text" placeholder="Buscar marca… (Enter)" data-brand-search disabled aria-label="Buscar marca">
              <select class="input" id="device_brand_id" name="device_brand_id" data-device-brand required data-selected="{{SELECTED_BRAND}}"{{#ERROR_DEVICE_BRAND_ID}} aria-invalid="true"{{/ERROR_DEVICE_BRAND_ID}}>
                <option value="">— Elegí una marca —</option>
                {{#BRAND_GROUP}}<optgroup label="{{LABEL}}" data-parent="{{PARENT}}">{{#OPTION}}<option value="{{ID}}" data-parent="{{PARENT}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/OPTION}}</optgroup>
                {{/BRAND_GROUP}}
              </select>
              {{#ERROR_DEVICE_BRAND_ID}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_DEVICE_BRAND_ID}}
              <button type="button" class="link-btn hidden" data-add-brand disabled>+ Agregar marca</button>
              <div class="quick-add hidden" data-add-brand-form>
                <input class="input" type="text" placeholder="Nueva marca…" data-add-brand-input aria-label="Nueva marca">
                <button type="button" class="btn-primary btn-sm" data-save-brand>Guardar</button>
                <button type="button" class="btn-ghost btn-sm" data-cancel-brand>Cancelar</button>
              </div>
            </div>
            <div class="field">
              <label class="label" for="device_model_id">Modelo *</label>
              <input class="input hidden" type="text" placeholder="Buscar modelo… (Enter)" data-model-search disabled aria-label="Buscar modelo">
              <select class="input" id="device_model_id" name="device_model_id" data-device-model required data-selected="{{SELECTED_MODEL}}"{{#ERROR_DEVICE_MODEL_ID}} aria-invalid="true"{{/ERROR_DEVICE_MODEL_ID}}>
                <option value="">— Elegí un modelo —</option>
                {{#MODEL_GROUP}}<optgroup label="{{LABEL}}" data-parent="{{PARENT}}">{{#OPTION}}<option value="{{ID}}" data-parent="{{PARENT}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/OPTION}}</optgroup>
                {{/MODEL_GROUP}}
              </select>
              {{#ERROR_DEVICE_MODEL_ID}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_DEVICE_MODEL_ID}}
              <button type="button" class="link-btn hidden" data-add-model disabled>+ Agregar modelo</button>
              <div class="quick-add hidden" data-add-model-form>
                <input class="input" type="text" placeholder="Nuevo modelo…" data-add-model-input aria-label="Nuevo modelo">
                <button type="button" class="btn-primary btn-sm" data-save-model>Guardar</button>
                <button type="button" class="btn-ghost btn-sm" data-cancel-model>Cancelar</button>
              </div>
            </div>
          </div>
        </div>
      </div>
    </section>

    <section id="repair_create_issue" class="card" aria-labelledby="issueTitle">
      <div class="card-head"><h2 id="issueTitle" class="card-title">Falla y diagnóstico</h2></div>
      <div class="card-body stack-6" data-repair-issue-catalog data-catalog-mode="create">
        <div class="field">
          <label class="label" for="device_issue_type_id">Falla principal *</label>
          <input class="input hidden" type="text" placeholder="Buscar falla… (Enter para crear)" data-issue-search disabled aria-label="Buscar falla">
          <select class="input" id="device_issue_type_id" name="device_issue_type_id" required data-issue-select data-selected="{{SELECTED_ISSUE}}"{{#ERROR_DEVICE_ISSUE_TYPE_ID}} aria-invalid="true"{{/ERROR_DEVICE_ISSUE_TYPE_ID}}>
            <option value="">—</option>
            {{#ISSUE_GROUP}}<optgroup label="{{LABEL}}" data-parent="{{PARENT}}">{{#OPTION}}<option value="{{ID}}" data-parent="{{PARENT}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/OPTION}}</optgroup>
            {{/ISSUE_GROUP}}
          </select>
          {{#ERROR_DEVICE_ISSUE_TYPE_ID}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_DEVICE_ISSUE_TYPE_ID}}
          <div class="quick-add hidden" data-issue-create-row>
            <input class="input" type="text" placeholder="Nueva falla…" data-issue-create-input aria-label="Nueva falla">
            <button type="button" class="btn-primary btn-sm" data-issue-create-save>Guardar</button>
            <button type="button" class="btn-ghost btn-sm" data-issue-create-cancel>Cancelar</button>
          </div>
        </div>
        <div class="field">
          <label class="label" for="repair_type_id">Reparación final *</label>
          <select class="input" id="repair_type_id" name="repair_type_id" required data-repair-type-final{{#ERROR_REPAIR_TYPE_ID}} aria-invalid="true"{{/ERROR_REPAIR_TYPE_ID}}>
            <option value="">Elegí una reparación…</option>
            {{#REPAIR_TYPE_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
            {{/REPAIR_TYPE_OPTION}}
          </select>
          <p class="help">Esto dispara el cálculo automático (módulo, batería, mantenimiento, etc).</p>
          {{#ERROR_REPAIR_TYPE_ID}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_REPAIR_TYPE_ID}}
        </div>
        <div class="field">
          <label class="label" for="issue_detail">Detalle (opcional)</label>
          <textarea class="input" id="issue_detail" name="issue_detail" rows="3">{{OLD_ISSUE_DETAIL}}</textarea>
          <p class="help">Tip: anotá lo que cuenta el cliente (golpe, mojado, desde cuándo falla).</p>
          {{#ERROR_ISSUE_DETAIL}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_ISSUE_DETAIL}}
        </div>
      </div>
    </section>

    <section id="repair_create_finance" class="card" aria-labelledby="financeTitle">
      <div class="card-head"><h2 id="financeTitle" class="card-title">Costos, cobro y estado</h2></div>
      <div class="card-body stack-6" data-repair-pricing-auto data-pricing-create-base="/admin/precios/crear" data-pricing-edit-base="/admin/precios">
        <div class="form-row">
          <div class="field">
            <label class="label" for="parts_cost">Costo repuesto</label>
            <input class="input" id="parts_cost" name="parts_cost" value="{{OLD_PARTS_COST}}" inputmode="numeric" placeholder="0" data-parts-cost{{#ERROR_PARTS_COST}} aria-invalid="true"{{/ERROR_PARTS_COST}}>
            {{#ERROR_PARTS_COST}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_PARTS_COST}}
          </div>
          <div class="field">
            <label class="label" for="final_price">Precio final al cliente</label>
            <label class="check"><input type="checkbox" name="final_auto" value="1" data-final-auto{{#FINAL_AUTO}} checked{{/FINAL_AUTO}}> Auto</label>
            <input class="input" id="final_price" name="final_price" value="{{OLD_FINAL_PRICE}}" inputmode="decimal" data-final-price{{#ERROR_FINAL_PRICE}} aria-invalid="true"{{/ERROR_FINAL_PRICE}}>
            <p class="help">Con “Auto” y sin precio escrito, se guarda el total sugerido por la regla de precios.</p>
            <p class="alert-warning hidden" data-pricing-no-rule role="status">No hay una regla de precios para esta reparación: escribí el precio final con “Auto” destildado (a costo, la ganancia sería $ 0), o creá la regla.</p>
            {{#ERROR_FINAL_PRICE}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_FINAL_PRICE}}
          </div>
        </div>
        <div class="field">
          <label class="label" for="status">Estado *</label>
          <select class="input" id="status" name="status" data-repair-status required>
            {{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
            {{/STATUS_OPTION}}
          </select>
          <p class="help">Si marcás Entregado, se guarda la fecha de entrega.</p>
          {{#ERROR_STATUS}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_STATUS}}
        </div>
        <button type="button" class="btn-ghost btn-sm hidden" data-toggle-finance>Ver detalle de cálculo</button>
        <div class="stack-6" data-finance-advanced>
          <div class="field">
            <span class="label">Envío</span>
            <label class="check"><input type="checkbox" name="shipping_enabled" value="1" data-shipping-enabled{{#SHIPPING_ENABLED}} checked{{/SHIPPING_ENABLED}}> Sumar</label>
            <input class="input" name="shipping_amount" value="{{OLD_SHIPPING_AMOUNT}}" inputmode="numeric" data-shipping-amount aria-label="Monto de envío">
            {{#ERROR_SHIPPING_AMOUNT}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_SHIPPING_AMOUNT}}
          </div>
          <p data-pricing-rule-label>Regla: —</p>
          <a class="link-btn" href="/admin/precios/crear" data-pricing-rule-action>Crear regla</a>
          <div class="form-row">
            <div class="field">
              <label class="label" for="profit_display">Ganancia sugerida</label>
              <input class="input" id="profit_display" readonly data-profit-display>
            </div>
            <div class="field">
              <label class="label" for="labor_cost">Mano de obra (opcional)</label>
              <input class="input" id="labor_cost" name="labor_cost" value="{{OLD_LABOR_COST}}" inputmode="numeric" data-labor-cost{{#ERROR_LABOR_COST}} aria-invalid="true"{{/ERROR_LABOR_COST}}>
              {{#ERROR_LABOR_COST}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_LABOR_COST}}
            </div>
            <div class="field">
              <label class="label" for="total_display">Total sugerido</label>
              <input class="input" id="total_display" readonly data-total-display>
              <p class="help">Repuesto + ganancia + (mano de obra) + (envío).</p>
            </div>
          </div>
        </div>
      </div>
    </section>

    <section id="repair_create_optional" class="card" data-advanced-fields{{#OPTIONAL_OPEN}} data-open="1"{{/OPTIONAL_OPEN}} aria-labelledby="optionalTitle">
      <div class="card-head"><h2 id="optionalTitle" class="card-title">Campos opcionales</h2><span class="muted text-sm">Podés ignorarlos</span></div>
      <div class="card-body stack-6">
        <div class="field">
          <label class="label" for="user_email">Email de usuario (opcional, para asociar)</label>
          <input class="input" id="user_email" name="user_email" type="email" value="{{OLD_USER_EMAIL}}" placeholder="cliente@email.com"{{#ERROR_USER_EMAIL}} aria-invalid="true"{{/ERROR_USER_EMAIL}}>
          {{#ERROR_USER_EMAIL}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_USER_EMAIL}}
        </div>
        <div class="field">
          <label class="label" for="diagnosis">Diagnóstico (opcional)</label>
          <textarea class="input" id="diagnosis" name="diagnosis" rows="5">{{OLD_DIAGNOSIS}}</textarea>
        </div>
        <div class="form-row">
          <div class="field">
            <label class="label" for="paid_amount">Pagado</label>
            <input class="input" id="paid_amount" name="paid_amount" value="{{OLD_PAID_AMOUNT}}" inputmode="decimal"{{#ERROR_PAID_AMOUNT}} aria-invalid="true"{{/ERROR_PAID_AMOUNT}}>
            {{#ERROR_PAID_AMOUNT}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_PAID_AMOUNT}}
          </div>
          <div class="field">
            <label class="label" for="payment_method">Método de pago</label>
            <select class="input" id="payment_method" name="payment_method">
              <option value="">—</option>
              {{#PAYMENT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
              {{/PAYMENT_OPTION}}
            </select>
            {{#ERROR_PAYMENT_METHOD}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_PAYMENT_METHOD}}
          </div>
          <div class="field">
            <label class="label" for="warranty_days">Garantía (días)</label>
            <input class="input" id="warranty_days" name="warranty_days" value="{{OLD_WARRANTY_DAYS}}" inputmode="numeric"{{#ERROR_WARRANTY_DAYS}} aria-invalid="true"{{/ERROR_WARRANTY_DAYS}}>
            {{#ERROR_WARRANTY_DAYS}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_WARRANTY_DAYS}}
          </div>
        </div>
        <div class="field">
          <label class="label" for="payment_notes">Notas de pago</label>
          <input class="input" id="payment_notes" name="payment_notes" value="{{OLD_PAYMENT_NOTES}}" placeholder="Ej: señal, transferencia, etc.">
          {{#ERROR_PAYMENT_NOTES}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_PAYMENT_NOTES}}
        </div>
        <div class="field">
          <label class="label" for="notes">Notas internas (opcional)</label>
          <textarea class="input" id="notes" name="notes" rows="3">{{OLD_NOTES}}</textarea>
        </div>
      </div>
    </section>

    <div class="actions">
      <button type="button" class="btn-ghost hidden" data-toggle-advanced>Ocultar campos opcionales</button>
      <a class="btn-outline" href="/admin/reparaciones">Cancelar</a>
      <button class="btn-primary" type="submit" data-repair-submit>Crear reparación</button>
    </div>
  </form>
</div>
