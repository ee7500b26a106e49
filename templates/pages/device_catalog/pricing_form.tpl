{{%AUTOESCAPE context="HTML"}}
<div class="stack-6 catalog-page">
  <div class="page-head">
    <div>
      <h1 class="page-title">{{PAGE_TITLE}}</h1>
      <p class="page-subtitle">{{SUBTITLE}}</p>
    </div>
    <nav class="actions" aria-label="Accesos relacionados">
      <a class="btn-ghost btn-sm" href="/admin/precios">← Volver</a>
    </nav>
  </div>

  <section class="card">
    <div class="card-body">
      <form class="form pricing-form" method="POST" action="{{ACTION}}" data-pricing-form>
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        {{#EDITING}}<input type="hidden" name="_method" value="PUT">{{/EDITING}}
        <div class="form-row">
          <div class="field">
            <label class="label" for="device_type_id">{{TYPE_LABEL}}</label>
            <select class="select" id="device_type_id" name="device_type_id" required>
              {{#CREATING}}<option value=""{{#TYPE_NONE_SELECTED}} selected{{/TYPE_NONE_SELECTED}}>Elegí…</option>{{/CREATING}}
              {{#TYPE_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
              {{/TYPE_OPTION}}
            </select>
            {{#ERROR_DEVICE_TYPE_ID}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_DEVICE_TYPE_ID}}
          </div>
          <div class="field">
            <label class="label" for="repair_type_id">Reparación final *</label>
            <select class="select" id="repair_type_id" name="repair_type_id" required>
              {{#CREATING}}<option value=""{{#REPAIR_NONE_SELECTED}} selected{{/REPAIR_NONE_SELECTED}}>Elegí…</option>{{/CREATING}}
              {{#REPAIR_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
              {{/REPAIR_OPTION}}
            </select>
            {{#ERROR_REPAIR_TYPE_ID}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_REPAIR_TYPE_ID}}
          </div>
        </div>
        <div class="form-row">
          <div class="field">
            <label class="label" for="device_brand_id">Marca (opcional)</label>
            <select class="select" id="device_brand_id" name="device_brand_id">
              <option value="">—</option>
              {{#BRAND_OPTION}}<option value="{{ID}}" data-parent-id="{{PARENT_ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
              {{/BRAND_OPTION}}
            </select>
            {{#ERROR_DEVICE_BRAND_ID}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_DEVICE_BRAND_ID}}
          </div>
          <div class="field">
            <label class="label" for="device_model_group_id">Grupo (opcional)</label>
            <select class="select" id="device_model_group_id" name="device_model_group_id">
              <option value="">—</option>
              {{#GROUP_OPTION}}<option value="{{ID}}" data-parent-id="{{PARENT_ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
              {{/GROUP_OPTION}}
            </select>
            {{#ERROR_DEVICE_MODEL_GROUP_ID}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_DEVICE_MODEL_GROUP_ID}}
          </div>
        </div>
        <div class="field">
          <label class="label" for="device_model_id">Modelo (opcional)</label>
          <select class="select" id="device_model_id" name="device_model_id" aria-describedby="device_model_help">
            <option value="">—</option>
            {{#MODEL_OPTION}}<option value="{{ID}}" data-parent-id="{{PARENT_ID}}" data-group-id="{{GROUP_ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
            {{/MODEL_OPTION}}
          </select>
          <p id="device_model_help" class="help">Si elegís modelo, pisa marca/grupo.</p>
          {{#ERROR_DEVICE_MODEL_ID}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_DEVICE_MODEL_ID}}
        </div>
        <div class="form-row">
          <div class="field">
            <label class="label" for="mode">Modo *</label>
            <select class="select" id="mode" name="mode" required data-pricing-mode-select>
              <option value="margin"{{#MODE_MARGIN}} selected{{/MODE_MARGIN}}>Margen (porcentaje + mínimo)</option>
              <option value="fixed"{{#MODE_FIXED}} selected{{/MODE_FIXED}}>Fijo</option>
            </select>
            {{#ERROR_MODE}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_MODE}}
          </div>
          <div class="field">
            <label class="label" for="shipping_default">Envío sugerido</label>
            <input class="input" id="shipping_default" name="shipping_default" value="{{SHIPPING_DEFAULT}}" inputmode="decimal" aria-describedby="shipping_help">
            <p id="shipping_help" class="help">Si no hay envío, poné 0.</p>
            {{#ERROR_SHIPPING_DEFAULT}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_SHIPPING_DEFAULT}}
          </div>
        </div>
        <div class="form-row" data-pricing-mode="margin">
          <div class="field">
            <label class="label" for="multiplier">{{MULTIPLIER_LABEL}}</label>
            <input class="input" id="multiplier" name="multiplier" value="{{MULTIPLIER}}" placeholder="0.25" inputmode="decimal">
            {{#ERROR_MULTIPLIER}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_MULTIPLIER}}
          </div>
          <div class="field">
            <label class="label" for="min_profit">{{MIN_PROFIT_LABEL}}</label>
            <input class="input" id="min_profit" name="min_profit" value="{{MIN_PROFIT}}" placeholder="24000" inputmode="decimal">
            {{#ERROR_MIN_PROFIT}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_MIN_PROFIT}}
          </div>
        </div>
        <div class="field" data-pricing-mode="fixed">
          <label class="label" for="fixed_total">{{FIXED_LABEL}}</label>
          <input class="input" id="fixed_total" name="fixed_total" value="{{FIXED_TOTAL}}" placeholder="45000" inputmode="decimal">
          {{#ERROR_FIXED_TOTAL}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_FIXED_TOTAL}}
        </div>
        <div class="field">
          <label class="label" for="priority">{{PRIORITY_LABEL}}</label>
          <input class="input" id="priority" name="priority" value="{{PRIORITY}}" inputmode="numeric" aria-describedby="priority_help">
          <p id="priority_help" class="help">Si hay empate de especificidad, gana la mayor prioridad.</p>
          {{#ERROR_PRIORITY}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_PRIORITY}}
        </div>
        <label class="check"><input type="checkbox" name="active" value="1"{{#ACTIVE_CHECKED}} checked{{/ACTIVE_CHECKED}}> Activa</label>
        <div class="actions">
          <a class="btn-ghost" href="/admin/precios">Cancelar</a>
          <button class="btn-primary" type="submit">{{SUBMIT_LABEL}}</button>
        </div>
      </form>
    </div>
  </section>
</div>
