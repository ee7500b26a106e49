{{%AUTOESCAPE context="HTML"}}
<section class="error-page card">
  <div class="card-body">
    <p class="error-code">Error 409</p>
    <h1 class="page-title">Estos datos cambiaron</h1>
    <p class="page-subtitle">{{MESSAGE}}</p>
    <div class="actions mt-6">
      <a class="btn-primary" href="{{BACK_HREF}}" data-back>Volver</a>
      <a class="btn-outline" href="" data-reload role="button">Recargar página</a>
      {{#PRIMARY}}<a class="btn-ghost" href="{{PRIMARY_HREF}}">{{PRIMARY_LABEL}}</a>{{/PRIMARY}}
    </div>
  </div>
</section>
