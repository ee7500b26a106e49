{{%AUTOESCAPE context="HTML"}}
<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>{{TITLE}}</title>
{{#STYLESHEET}}<link rel="stylesheet" href="{{URL}}">
{{/STYLESHEET}}
{{#SCRIPT}}<script src="{{URL}}" defer></script>
{{/SCRIPT}}
</head>
<body class="labels-page labels-{{FORMAT}}">
<header class="labels-toolbar no-print">
  <div class="labels-toolbar-head">
    <div>
      <h1 class="page-title">{{TITLE}}</h1>
      <p class="page-subtitle" data-labels-count="{{COUNT}}">{{COUNT_LABEL}} para imprimir.</p>
    </div>
    <div class="labels-toolbar-actions">
      <button type="button" class="btn-primary" data-print>Imprimir</button>
      <a class="btn-outline" href="{{BACK_URL}}">{{BACK_LABEL}}</a>
    </div>
  </div>
  {{#MISSING}}<p class="alert-warning" role="alert" data-label-missing><strong>{{NAME}}</strong>: {{MESSAGE}} <a href="{{EDIT_URL}}">Editar producto</a></p>
  {{/MISSING}}
  {{#TRUNCATED}}<p class="alert-info">Se muestran las primeras {{MAX_LABELS}} etiquetas: imprimí por partes si necesitás más.</p>{{/TRUNCATED}}
  <form class="labels-options" method="GET" action="{{ACTION}}">
    {{#ID_FIELD}}<input type="hidden" name="ids[]" value="{{ID}}">
    {{/ID_FIELD}}
    <div class="field">
      <label class="label" for="labels_format">Papel</label>
      <select class="input" id="labels_format" name="formato">{{#FORMAT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/FORMAT_OPTION}}</select>
    </div>
    <div class="field">
      <label class="label" for="labels_copies">Copias de cada etiqueta</label>
      <input class="input" id="labels_copies" name="copias" type="number" min="1" max="50" value="{{COPIES}}" inputmode="numeric">
    </div>
    <button class="btn-outline" type="submit">Actualizar vista</button>
  </form>
  <p class="help">En el diálogo de impresión elegí escala 100 % (tamaño real) y sin márgenes, así cada etiqueta cae en su lugar.</p>
</header>
<main class="labels-sheet" aria-label="Etiquetas">
  {{#LABEL}}<article class="product-label" data-product-label="{{ID}}">
    <p class="product-label-name">{{NAME}}</p>
    <div class="product-label-row">
      <p class="product-label-price">{{PRICE}}</p>
      {{#SKU}}<p class="product-label-sku">SKU: {{VALUE}}</p>{{/SKU}}
    </div>
    {{#BARCODE}}<div class="product-label-barcode" data-symbology="{{SYMBOLOGY}}">{{SVG:none}}</div>
    <p class="product-label-code">{{TEXT}}</p>{{/BARCODE}}
    {{#NO_BARCODE}}<p class="product-label-missing" data-label-no-barcode>{{MESSAGE}}</p>{{/NO_BARCODE}}
  </article>
  {{/LABEL}}
</main>
</body>
</html>
