{{%AUTOESCAPE context="HTML"}}
<section class="error-page card">
  <div class="card-body">
    <p class="error-code">Error 422</p>
    <h1 class="page-title">No pudimos aceptar los datos</h1>
    <p class="page-subtitle">{{MESSAGE}}</p>
    <div class="actions mt-6">
      <a class="btn-primary" href="{{BACK_HREF}}" data-back>Volver y corregir</a>
      {{#PRIMARY}}<a class="btn-outline" href="{{PRIMARY_HREF}}">{{PRIMARY_LABEL}}</a>{{/PRIMARY}}
    </div>
  </div>
</section>
