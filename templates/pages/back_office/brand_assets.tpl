{{%AUTOESCAPE context="HTML"}}
<div class="space-y-6" data-admin-brand-assets>
  <div class="page-head">
    <div>
      <h1 class="page-title">Identidad visual</h1>
      <p class="page-subtitle">Subí y administrá logos, íconos y favicons del sitio.</p>
    </div>
    <div class="actions">
      <a class="btn-outline btn-sm" href="/admin/configuracion">Configuración</a>
      <a class="btn-outline btn-sm" href="/admin/dashboard">Volver</a>
    </div>
  </div>

  <section class="card">
    <div class="card-head">
      <div>
        <h2 class="card-title">Recursos visuales</h2>
        <p class="help">Podés subir con click o arrastrando desde el escritorio.</p>
      </div>
      <span class="badge-sky">Identidad</span>
    </div>
    <div class="card-body space-y-6">
      <p class="help">Nota: las imágenes de productos se gestionan desde Admin &gt; Productos. Por seguridad no se aceptan archivos SVG.</p>
      {{#ERROR_FILE}}<p class="field-error" role="alert">{{MESSAGE}}</p>{{/ERROR_FILE}}
      {{#GROUP}}
      <div>
        <h3 class="card-title">{{GROUP_TITLE}}</h3>
        <div class="bo-assets">
          {{#ASSET}}
          <div class="card card-body bo-asset" data-asset-key="{{KEY}}">
            <div class="bo-asset-head">
              <div>
                <div class="font-semibold">{{LABEL}}</div>
                <div class="bo-muted bo-break">{{PATH}}</div>
              </div>
              <span class="{{STATE_CLASS}}">{{STATE_LABEL}}</span>
            </div>
            <img class="bo-asset-preview" src="{{URL}}" alt="{{LABEL}}">
            <form method="POST" action="/admin/configuracion/identidad-visual/{{KEY}}" enctype="multipart/form-data" data-asset-upload-form>
              <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
              <label class="sr-only" for="asset_{{KEY}}">Archivo para {{LABEL}}</label>
              <input id="asset_{{KEY}}" type="file" name="file" accept="{{ACCEPT}}" class="bo-file" data-asset-file-input required>
              <button type="button" class="bo-dropzone hidden" data-asset-dropzone>Arrastra un archivo o haz click para elegir</button>
              <div class="hidden bo-muted" data-asset-file-name></div>
              <p class="help">Formatos: {{FORMATS}} | Max: {{MAX_KB}} KB</p>
              <button type="submit" class="btn-primary btn-sm" data-asset-submit>Subir archivo</button>
            </form>
            {{#CUSTOM}}
            <form method="POST" action="/admin/configuracion/identidad-visual/{{KEY}}" data-confirm="Restaurar recurso por defecto?">
              <input type="hidden" name="_token" value="{{CSRF_TOKEN}}">
              <input type="hidden" name="_method" value="DELETE">
              <button type="submit" class="btn-outline btn-sm">Restaurar por defecto</button>
            </form>
            {{/CUSTOM}}
          </div>
          {{/ASSET}}
        </div>
      </div>
      {{/GROUP}}
    </div>
  </section>
</div>
