{{%AUTOESCAPE context="HTML"}}
<div class="space-y-6" data-admin-settings>
  <div class="page-head">
    <div>
      <h1 class="page-title">Configuración</h1>
      <p class="page-subtitle">Administra los datos del local usados en mensajes y comprobantes.</p>
    </div>
    <div class="actions">
      <a class="btn-outline btn-sm" href="/admin/dashboard">Volver</a>
      <a class="btn-outline btn-sm" href="/admin/configuracion/identidad-visual">Identidad visual</a>
      <a class="btn-outline btn-sm" href="/admin/seguridad/2fa">Seguridad 2FA</a>
      <a class="btn-outline btn-sm" href="/admin/whatsapp">Plantillas WhatsApp</a>
      <a class="btn-outline btn-sm" href="/admin/mails">Mails</a>
    </div>
  </div>

  <section class="card">
    <div class="card-head">
      <div>
        <h2 class="card-title">Datos del local</h2>
        <p class="help">Se usan en WhatsApp, tickets y mensajes del sistema.</p>
      </div>
      <span class="badge-sky">Negocio</span>
    </div>
    <div class="card-body">
      <form class="form" method="POST" action="/admin/configuracion">
        <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
        <div class="field">
          <label class="label" for="s_company">Nombre del negocio</label>
          <input class="input" id="s_company" name="company_name" value="{{COMPANY_NAME}}" maxlength="255" placeholder="Ej: NicoReparaciones">
          <p class="help">Placeholder: {shop_name}. Se imprime en tickets y mensajes.</p>
          {{#ERROR_COMPANY_NAME}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_COMPANY_NAME}}
        </div>
        <div class="field">
          <label class="label" for="s_phone">WhatsApp del local (opcional)</label>
          <input class="input" id="s_phone" name="shop_phone" value="{{SHOP_PHONE}}" maxlength="50" inputmode="tel" autocomplete="tel" placeholder="Ej: 341 15-555-0000">
          <p class="help">Se usa para el botón "Escribir por WhatsApp".</p>
          {{#ERROR_SHOP_PHONE}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_SHOP_PHONE}}
        </div>
        <div class="field">
          <label class="label" for="s_address">Dirección del local (opcional)</label>
          <textarea class="input" id="s_address" name="shop_address" rows="3" maxlength="1000" placeholder="Ej: Av. San Martin 123">{{SHOP_ADDRESS}}</textarea>
          <p class="help">Placeholder: {shop_address}</p>
          {{#ERROR_SHOP_ADDRESS}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_SHOP_ADDRESS}}
        </div>
        <div class="field">
          <label class="label" for="s_hours">Horarios (opcional)</label>
          <textarea class="input" id="s_hours" name="shop_hours" rows="3" maxlength="1000" placeholder="Ej: Lun a Vie 9-13 / 16-20">{{SHOP_HOURS}}</textarea>
          <p class="help">Placeholder: {shop_hours}</p>
          {{#ERROR_SHOP_HOURS}}<p class="field-error">{{MESSAGE}}</p>{{/ERROR_SHOP_HOURS}}
        </div>
        <div class="actions">
          <a class="btn-outline" href="/admin/configuracion">Cancelar</a>
          <button class="btn-primary" type="submit">Guardar</button>
        </div>
      </form>
    </div>
  </section>

  <section class="card">
    <div class="card-head">
      <div>
        <h2 class="card-title">Identidad visual</h2>
        <p class="help">Gestiona logos, íconos y favicons en una vista separada.</p>
      </div>
    </div>
    <div class="card-body"><a class="btn-outline btn-sm" href="/admin/configuracion/identidad-visual">Abrir identidad visual</a></div>
  </section>

  <section class="card">
    <div class="card-head"><h2 class="card-title">Links rápidos</h2></div>
    <div class="card-body actions">
      <a class="btn-outline btn-sm" href="/admin/reparaciones">Reparaciones</a>
      <a class="btn-outline btn-sm" href="/admin/pedidos">Pedidos</a>
      <a class="btn-outline btn-sm" href="/admin/productos">Productos</a>
      <a class="btn-outline btn-sm" href="/admin/categorias">Categorías</a>
    </div>
  </section>
</div>
