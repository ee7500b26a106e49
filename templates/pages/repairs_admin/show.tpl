{{%AUTOESCAPE context="HTML"}}
<div class="stack-6 repairs-admin" data-repair-page="{{ID}}">
  <div class="page-head">
    <div>
      <div class="flex gap-2 repair-title-row">
        <h1 class="page-title">{{CODE}}</h1>
        <span class="{{BADGE_CLASS}}" data-repair-status-badge>{{STATUS_LABEL}}</span>
        {{#WARRANTY}}<span class="{{CLASS}}">Garantía {{STATE}} ({{DATE}})</span>{{/WARRANTY}}
      </div>
      <p class="page-subtitle">{{CUSTOMER_NAME}} · {{CUSTOMER_PHONE}} · {{DEVICE}}</p>
    </div>
    <div class="flex gap-2 header-actions">
      <a class="btn-outline" href="/admin/reparaciones">Volver</a>
      <a class="btn-outline" href="/admin/reparaciones/{{ID}}/imprimir">Imprimir</a>
      <a class="btn-outline" href="/admin/reparaciones/{{ID}}/ticket">Ticket</a>
      <a class="btn-outline" href="/admin/garantias/crear?reparacion={{ID}}" data-warranty-link>Registrar garantía</a>
      {{#WA}}<a href="{{URL}}" class="btn-primary" target="_blank" rel="noopener" data-wa-open data-wa-ajax="/admin/reparaciones/{{ID}}/whatsapp-ajax">WhatsApp</a>{{/WA}}
    </div>
  </div>
  <nav class="flex gap-2 repair-anchors" aria-label="Secciones">
    <a class="nav-pill" href="#repair_actions">Acciones</a>
    <a class="nav-pill" href="#repair_summary">Resumen</a>
    <a class="nav-pill" href="#repair_status">Estado</a>
    <a class="nav-pill" href="#repair_parts">Repuestos</a>
    <a class="nav-pill" href="#repair_edit">Editar</a>
  </nav>
  <div id="waToast" class="toast hidden" role="status" aria-live="polite">Listo.</div>
  {{#WA_AFTER}}<div class="alert-info flex gap-2 repair-wa-after" data-wa-after>
    <p>¿Avisar al cliente del nuevo estado por WhatsApp?</p>
    <a class="btn-primary btn-sm" href="{{URL}}" target="_blank" rel="noopener" data-wa-open data-wa-ajax="/admin/reparaciones/{{ID}}/whatsapp-ajax">Enviar WhatsApp</a>
  </div>{{/WA_AFTER}}

  <div class="repair-grid">
    <section id="repair_actions" class="card" aria-labelledby="actionsTitle">
      <div class="card-head"><h2 id="actionsTitle" class="card-title">Acciones rápidas</h2><span class="badge-zinc">{{CODE}}</span></div>
      <div class="card-body stack-6">
        <div class="flex gap-2">
          <a class="btn-outline btn-sm" href="/admin/reparaciones/{{ID}}/imprimir">Imprimir</a>
          <a class="btn-outline btn-sm" href="/admin/reparaciones/{{ID}}/ticket?autoprint=1">Ticket</a>
          {{#WA}}<a class="btn-primary btn-sm" href="{{URL}}" target="_blank" rel="noopener" data-wa-open data-wa-ajax="/admin/reparaciones/{{ID}}/whatsapp-ajax">Abrir WhatsApp</a>{{/WA}}
          {{#NO_WA}}<button type="button" class="btn-outline btn-sm" disabled>WhatsApp (sin teléfono)</button>{{/NO_WA}}
        </div>
        {{#APPROVAL}}
        <div class="alert-info repair-approval">
          <p class="font-semibold">Aprobación cliente</p>
          <p class="text-sm">Link firmado válido por 7 días.</p>
          <div class="flex gap-2">
            <input class="input" type="text" readonly value="{{URL}}" aria-label="Link de aprobación" data-approval-url>
            <a class="btn-outline btn-sm" href="{{URL}}" target="_blank" rel="noopener">Abrir</a>
          </div>
        </div>
        {{/APPROVAL}}
        {{#BALANCE_DUE_WARNING}}
        <div class="alert-warning repair-balance-due" data-repair-balance-warning>
          <p class="font-semibold">Debe {{AMOUNT}}</p>
          <p class="text-sm">Cobrá el saldo al entregar: se registra el pago y se marca entregada en un solo paso.</p>
          <form class="actions" method="POST" action="/admin/reparaciones/{{ID}}/cobrar-y-entregar" data-confirm="{{CONFIRM}}" data-collect-deliver>
            <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
            <input type="hidden" name="current_status" value="{{STATUS_KEY}}">
            <input type="hidden" name="balance_due" value="{{CENTS}}">
            <label class="sr-only" for="collect_payment_method">Método de pago</label>
            <select class="input" id="collect_payment_method" name="payment_method">
              {{#METHOD_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
              {{/METHOD_OPTION}}
            </select>
            <button type="submit" class="btn-primary btn-sm">Cobrar y entregar</button>
          </form>
        </div>
        {{/BALANCE_DUE_WARNING}}
        <button type="button" class="btn-ghost btn-sm" data-toggle-collapse="repair_quick_status" data-toggle-collapse-label="acciones de estado">Ver acciones de estado</button>
        <div class="flex gap-2" data-collapse="repair_quick_status">
          {{#NOT_FINAL}}
          <form method="POST" action="/admin/reparaciones/{{ID}}/estado" data-confirm="{{DELIVER_CONFIRM}}">
            <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
            <input type="hidden" name="status" value="delivered">
            <input type="hidden" name="current_status" value="{{STATUS_KEY}}">
            <input type="hidden" name="comment" value="Acción rápida: marcada como entregada">
            <button type="submit" class="btn-primary btn-sm"{{#CANNOT_DELIVER}} disabled{{/CANNOT_DELIVER}}>Marcar entregada</button>
          </form>
          <form method="POST" action="/admin/reparaciones/{{ID}}/estado" data-confirm="¿Cancelar la reparación {{CODE}}?">
            <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
            <input type="hidden" name="status" value="cancelled">
            <input type="hidden" name="current_status" value="{{STATUS_KEY}}">
            <input type="hidden" name="comment" value="Acción rápida: reparación cancelada">
            {{#HAS_PARTS}}<label class="check text-sm"><input type="checkbox" name="return_parts" value="1" checked> Devolver los repuestos al stock</label>{{/HAS_PARTS}}
            <button type="submit" class="btn-danger btn-sm"{{#CANNOT_CANCEL}} disabled{{/CANNOT_CANCEL}}>Cancelar</button>
          </form>
          {{/NOT_FINAL}}
          {{#FINAL}}<p class="muted text-sm">Esta reparación ya está en un estado final (entregada/cancelada).</p>{{/FINAL}}
        </div>
      </div>
    </section>

    <section id="repair_summary" class="card" aria-labelledby="summaryTitle">
      <div class="card-head"><h2 id="summaryTitle" class="card-title">Resumen</h2><span class="badge-zinc">Código: {{CODE}}</span></div>
      <div class="card-body">
        <dl class="repair-facts">
          <dt>Recibido</dt><dd>{{RECEIVED_AT}}</dd>
          <dt>Entregado</dt><dd>{{DELIVERED_AT}}</dd>
          <dt>Falla</dt><dd>{{ISSUE_REPORTED}}</dd>
          <dt>Reparación</dt><dd>{{REPAIR_TYPE}}</dd>
          <dt>Precio final</dt><dd>{{FINAL_PRICE}}</dd>
          <dt>Pagado</dt><dd>{{PAID}}</dd>
          <dt>Debe</dt><dd data-repair-balance>{{BALANCE_DUE}}</dd>
          <dt>Usuario asociado</dt><dd>{{USER_EMAIL}}</dd>
          {{#NOTES}}<dt>Notas internas</dt><dd>{{TEXT}}</dd>{{/NOTES}}
          {{#QUOTE}}<dt>Cotización al ingreso</dt><dd>{{RULE}} · Ganancia {{PROFIT}} · Envío {{SHIPPING}} · Total {{TOTAL}}</dd>{{/QUOTE}}
        </dl>
      </div>
    </section>

    <section id="repair_status" class="card" aria-labelledby="statusTitle">
      <div class="card-head"><h2 id="statusTitle" class="card-title">Cambiar estado</h2></div>
      <div class="card-body">
        <form class="form" method="POST" action="/admin/reparaciones/{{ID}}/estado">
          <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
          <input type="hidden" name="current_status" value="{{STATUS_KEY}}">
          <div class="field">
            <label class="label" for="status">Nuevo estado</label>
            <select class="input" id="status" name="status"{{#FINAL}} disabled{{/FINAL}}>
              {{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}{{#DISABLED}} disabled{{/DISABLED}}>{{LABEL}}</option>
              {{/STATUS_OPTION}}
            </select>
            {{#ERROR_STATUS}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_STATUS}}
          </div>
          <div class="field">
            <label class="label" for="status_comment">Comentario (opcional)</label>
            <input class="input" id="status_comment" name="comment" maxlength="500"{{#FINAL}} disabled{{/FINAL}}>
            {{#ERROR_COMMENT}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_COMMENT}}
          </div>
          {{#NOT_FINAL}}{{#HAS_PARTS}}<label class="check text-sm"><input type="checkbox" name="return_parts" value="1" checked> Si la cancelás, devolver los repuestos al stock</label>{{/HAS_PARTS}}{{/NOT_FINAL}}
          <button class="btn-primary"{{#FINAL}} disabled{{/FINAL}}>Guardar estado</button>
          {{#FINAL}}<p class="help">Este estado es final y no puede modificarse.</p>{{/FINAL}}
          {{#NOT_FINAL}}<p class="help">Si marcás “Entregado”, la garantía (si tiene días) se calcula desde la fecha de entrega.</p>{{/NOT_FINAL}}
          {{#BALANCE_DUE_WARNING}}<p class="help" data-status-balance-hint>Debe {{AMOUNT}}: para entregarla registrando el pago, usá “Cobrar y entregar” en Acciones rápidas.</p>{{/BALANCE_DUE_WARNING}}
        </form>
      </div>
    </section>

    <section id="repair_parts" class="card" aria-labelledby="partsTitle">
      <div class="card-head"><h2 id="partsTitle" class="card-title">Repuestos</h2><span class="badge-zinc" data-parts-total>Costo: {{PARTS_TOTAL}}</span></div>
      <div class="card-body stack-6">
        {{#NO_PARTS}}<p class="muted">Todavía no se usaron repuestos del stock.</p>{{/NO_PARTS}}
        {{#HAS_PARTS}}<ul class="repair-history">
          {{#PART}}<li data-part-row="{{ID}}">
            <p><span class="font-semibold">{{QUANTITY}} × {{NAME}}</span> <span class="muted text-sm">{{COST}} · {{ADDED_AT}}</span></p>
            {{#CAN_REMOVE}}<form method="POST" action="/admin/reparaciones/{{REPAIR_ID}}/repuestos/{{ID}}/quitar" data-confirm="¿Quitar {{NAME}}? El stock vuelve al inventario.">
              <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
              <button type="submit" class="btn-ghost btn-sm">Quitar</button>
            </form>{{/CAN_REMOVE}}
          </li>{{/PART}}
        </ul>{{/HAS_PARTS}}
        {{#CAN_ADD_PARTS}}<form class="form" method="POST" action="/admin/reparaciones/{{ID}}/repuestos" data-add-part>
          <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
          <div class="field">
            <label class="label" for="part_product">Agregar repuesto</label>
            <select class="input" id="part_product" name="product_id" required>
              <option value="">Elegí un repuesto en stock…</option>
              {{#PART_CHOICE}}<option value="{{ID}}">{{LABEL}}</option>
              {{/PART_CHOICE}}
            </select>
          </div>
          <div class="field">
            <label class="label" for="part_quantity">Cantidad</label>
            <input class="input" id="part_quantity" name="quantity" type="number" min="1" max="99" value="1" inputmode="numeric">
          </div>
          {{#ERROR_PART}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_PART}}
          <button type="submit" class="btn-primary btn-sm">Agregar repuesto</button>
          <p class="help">Se descuenta del stock y su costo se suma al costo de repuestos. ★ = coincide con el modelo del equipo.</p>
        </form>{{/CAN_ADD_PARTS}}
        {{#NO_PART_CHOICES}}<p class="muted text-sm">No hay productos en stock marcados como repuesto (se marcan en Productos → “Se usa como repuesto en reparaciones”).</p>{{/NO_PART_CHOICES}}
      </div>
    </section>

    <section class="card" aria-labelledby="historyTitle">
      <div class="card-head">
        <h2 id="historyTitle" class="card-title">Historial</h2>
        <span class="badge-zinc">{{HISTORY_LABEL}}</span>
        <button type="button" class="btn-ghost btn-sm" data-toggle-collapse="repair_history">Ver historial</button>
      </div>
      <div class="card-body" data-collapse="repair_history">
        {{#HISTORY_EMPTY}}<p class="muted">Sin historial aún.</p>{{/HISTORY_EMPTY}}
        <ol class="repair-history">
          {{#HISTORY}}
          <li data-history-entry>
            <p><span class="font-semibold">{{TO_LABEL}}</span>{{#FROM}} <span class="muted">(desde {{LABEL}})</span>{{/FROM}}</p>
            <p class="muted text-sm">{{CHANGED_AT}} · {{WHO}}</p>
            {{#COMMENT}}<p class="text-sm">{{TEXT}}</p>{{/COMMENT}}
          </li>
          {{/HISTORY}}
        </ol>
      </div>
    </section>

    <section class="card" aria-labelledby="waLogsTitle">
      <div class="card-head">
        <h2 id="waLogsTitle" class="card-title">Logs WhatsApp</h2>
        <span class="badge-zinc">{{WA_LOG_COUNT}}</span>
        <button type="button" class="btn-ghost btn-sm" data-toggle-collapse="repair_wa_logs">Ver logs</button>
      </div>
      <div class="card-body" data-collapse="repair_wa_logs">
        {{#WA_LOGS_EMPTY}}<p class="muted">Aún no se registraron envíos.</p>{{/WA_LOGS_EMPTY}}
        <ul class="repair-history">
          {{#WA_LOG}}<li><span class="font-semibold">{{STATUS_LABEL}}</span> <span class="muted text-sm">{{SENT_AT}}{{#WHO}} · {{NAME}}{{/WHO}}</span> <span class="badge-emerald">OK</span></li>
          {{/WA_LOG}}
        </ul>
      </div>
    </section>
  </div>

  <section id="repair_edit" class="card" aria-labelledby="editTitle">
    <div class="card-head"><h2 id="editTitle" class="card-title">Editar reparación</h2><span class="badge-sky">Se guarda en el momento</span></div>
    <div class="card-body">
      <form class="form stack-6" method="POST" action="/admin/reparaciones/{{ID}}" novalidate>
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <input type="hidden" name="_method" value="PUT">
        <div class="stack-6" data-repair-issue-catalog data-catalog-mode="edit">
          <div class="field">
            <label class="label" for="device_issue_type_id">Falla principal *</label>
            <input class="input hidden" type="text" placeholder="Buscar falla…" data-issue-search disabled aria-label="Buscar falla">
            <select class="input" id="device_issue_type_id" name="device_issue_type_id" required data-issue-select data-selected="{{SELECTED_ISSUE}}">
              <option value="">Elegí una falla…</option>
              {{#ISSUE_GROUP}}<optgroup label="{{LABEL}}" data-parent="{{PARENT}}">{{#OPTION}}<option value="{{ID}}" data-parent="{{PARENT}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/OPTION}}</optgroup>
              {{/ISSUE_GROUP}}
            </select>
            {{#ERROR_DEVICE_ISSUE_TYPE_ID}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_DEVICE_ISSUE_TYPE_ID}}
            <button type="button" class="link-btn hidden" data-add-issue>+ Agregar falla</button>
            <div class="quick-add hidden" data-issue-create-row>
              <input class="input" type="text" placeholder="Nueva falla…" data-issue-create-input aria-label="Nueva falla">
              <button type="button" class="btn-primary btn-sm" data-issue-create-save>Guardar</button>
              <button type="button" class="btn-ghost btn-sm" data-issue-create-cancel>Cancelar</button>
            </div>
          </div>
          <div class="field">
            <label class="label" for="issue_detail">Detalle (opcional)</label>
            <textarea class="input" id="issue_detail" name="issue_detail" rows="3">{{EDIT_ISSUE_DETAIL}}</textarea>
            {{#ERROR_ISSUE_DETAIL}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_ISSUE_DETAIL}}
          </div>
        </div>
        <div class="field">
          <label class="label" for="diagnosis">Diagnóstico</label>
          <textarea class="input" id="diagnosis" name="diagnosis" rows="4">{{EDIT_DIAGNOSIS}}</textarea>
          {{#ERROR_DIAGNOSIS}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_DIAGNOSIS}}
        </div>
        <div class="form-row">
          <div class="field">
            <label class="label" for="customer_name">Nombre cliente</label>
            <input class="input" id="customer_name" name="customer_name" value="{{EDIT_CUSTOMER_NAME}}">
            {{#ERROR_CUSTOMER_NAME}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_CUSTOMER_NAME}}
          </div>
          <div class="field">
            <label class="label" for="customer_phone">Teléfono cliente</label>
            <input class="input" id="customer_phone" name="customer_phone" value="{{EDIT_CUSTOMER_PHONE}}" inputmode="tel">
            {{#ERROR_CUSTOMER_PHONE}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_CUSTOMER_PHONE}}
          </div>
        </div>
        <div class="field">
          <label class="label" for="user_email">Asociar a la cuenta (email)</label>
          <input class="input" id="user_email" name="user_email" type="email" value="{{EDIT_USER_EMAIL}}" placeholder="cliente@email.com">
          {{#LINKED_USER}}<label class="check"><input type="checkbox" name="unlink_user" value="1"> Desvincular de {{EMAIL}}</label>{{/LINKED_USER}}
          {{#ERROR_USER_EMAIL}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_USER_EMAIL}}
        </div>
        <div class="stack-6">
          <p><span class="label">Equipo</span> {{EDIT_DEVICE_SUMMARY}}</p>
          <div class="stack-6" data-repair-device-catalog data-catalog-mode="edit">
            <div class="field">
              <label class="label" for="device_type_id">Tipo de dispositivo</label>
              <select class="input" id="device_type_id" name="device_type_id" data-device-type>
                <option value="">— Elegí un tipo —</option>
                {{#TYPE_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
                {{/TYPE_OPTION}}
              </select>
              {{#ERROR_DEVICE_TYPE_ID}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_DEVICE_TYPE_ID}}
            </div>
            <div class="form-row">
              <div class="field">
                <label class="label" for="device_brand_id">Marca</label>
                <input class="input hidden" type="text" placeholder="Buscar marca… (Enter)" data-brand-search disabled aria-label="Buscar marca">
                <select class="input" id="device_brand_id" name="device_brand_id" data-device-brand data-selected="{{SELECTED_BRAND}}">
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
                <label class="label" for="device_model_id">Modelo</label>
                <input class="input hidden" type="text" placeholder="Buscar modelo… (Enter)" data-model-search disabled aria-label="Buscar modelo">
                <select class="input" id="device_model_id" name="device_model_id" data-device-model data-selected="{{SELECTED_MODEL}}">
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
        <div class="form-row" data-repair-pricing-auto data-pricing-create-base="/admin/precios/crear" data-pricing-edit-base="/admin/precios">
          <div class="field">
            <label class="label" for="parts_cost">Costo repuesto</label>
            <input class="input" id="parts_cost" name="parts_cost" value="{{EDIT_PARTS_COST}}" inputmode="decimal" data-parts-cost>
            <input type="hidden" name="parts_cost_shown" value="{{EDIT_PARTS_COST_SHOWN}}">
            {{#ERROR_PARTS_COST}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_PARTS_COST}}
          </div>
          <div class="field">
            <label class="label" for="labor_cost">Mano de obra</label>
            <input class="input" id="labor_cost" name="labor_cost" value="{{EDIT_LABOR_COST}}" inputmode="decimal" data-labor-cost>
            {{#ERROR_LABOR_COST}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_LABOR_COST}}
          </div>
          <div class="field">
            <label class="label" for="final_price">Precio final</label>
            <input class="input" id="final_price" name="final_price" value="{{EDIT_FINAL_PRICE}}" inputmode="decimal" data-final-price>
            {{#ERROR_FINAL_PRICE}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_FINAL_PRICE}}
          </div>
        </div>
        <div class="form-row">
          <div class="field">
            <label class="label" for="paid_amount">Pagado</label>
            <input class="input" id="paid_amount" name="paid_amount" value="{{EDIT_PAID_AMOUNT}}" inputmode="decimal">
            {{#ERROR_PAID_AMOUNT}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_PAID_AMOUNT}}
          </div>
          <div class="field">
            <label class="label" for="payment_method">Método</label>
            <select class="input" id="payment_method" name="payment_method">
              <option value="">—</option>
              {{#PAYMENT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
              {{/PAYMENT_OPTION}}
            </select>
            {{#ERROR_PAYMENT_METHOD}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_PAYMENT_METHOD}}
          </div>
          <div class="field">
            <label class="label" for="warranty_days">Garantía (días)</label>
            <input class="input" id="warranty_days" name="warranty_days" value="{{EDIT_WARRANTY_DAYS}}" inputmode="numeric">
            {{#ERROR_WARRANTY_DAYS}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_WARRANTY_DAYS}}
          </div>
        </div>
        <div class="field">
          <label class="label" for="payment_notes">Notas de pago</label>
          <textarea class="input" id="payment_notes" name="payment_notes" rows="2">{{EDIT_PAYMENT_NOTES}}</textarea>
          {{#ERROR_PAYMENT_NOTES}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_PAYMENT_NOTES}}
        </div>
        <div class="field">
          <label class="label" for="notes">Notas internas</label>
          <textarea class="input" id="notes" name="notes" rows="3">{{EDIT_NOTES}}</textarea>
        </div>
        <div class="actions">
          <button class="btn-primary">Guardar cambios</button>
          <a class="btn-outline" href="/admin/reparaciones/{{ID}}">Cancelar</a>
        </div>
      </form>
    </div>
  </section>
</div>
