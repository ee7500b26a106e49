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
<body class="repair-ticket-page"{{#AUTOPRINT}} data-autoprint="1"{{/AUTOPRINT}}>
<main class="repair-ticket">
  <header class="repair-ticket-head">
    <p class="repair-ticket-company">{{COMPANY_NAME}}</p>
    {{#SHOP_ADDRESS}}<p>{{TEXT}}</p>{{/SHOP_ADDRESS}}
    {{#SHOP_HOURS}}<p>{{TEXT}}</p>{{/SHOP_HOURS}}
    {{#SHOP_PHONE}}<p>Tel: {{TEXT}}</p>{{/SHOP_PHONE}}
  </header>
  <hr>
  <p class="repair-ticket-code">Reparación {{CODE}}</p>
  <dl class="repair-ticket-rows">
    <dt>Recibido</dt><dd>{{RECEIVED_AT}}</dd>
    <dt>Estado</dt><dd>{{STATUS_LABEL}}</dd>
    {{#HAS_WARRANTY}}<dt>Garantía</dt><dd>{{WARRANTY_DAYS}} días</dd>{{/HAS_WARRANTY}}
  </dl>
  <hr>
  <dl class="repair-ticket-rows">
    <dt>Cliente</dt><dd>{{CUSTOMER_NAME}}</dd>
    <dt>Tel</dt><dd>{{CUSTOMER_PHONE}}</dd>
    <dt>Equipo</dt><dd>{{DEVICE}}</dd>
  </dl>
  <p class="repair-ticket-label">Falla reportada</p>
  <p>{{ISSUE_REPORTED}}</p>
  <p class="repair-ticket-label">Diagnóstico</p>
  <p>{{DIAGNOSIS}}</p>
  <hr>
  <dl class="repair-ticket-rows">
    <dt>Final</dt><dd>{{FINAL_PRICE}}</dd>
    <dt>Pagado</dt><dd>{{PAID}}</dd>
    <dt>Debe</dt><dd>{{BALANCE_DUE}}</dd>
    <dt>Método</dt><dd>{{PAYMENT_METHOD}}</dd>
    <dt>Notas de pago</dt><dd>{{PAYMENT_NOTES}}</dd>
  </dl>
  <hr>
  {{#QR}}<div class="repair-qr repair-ticket-qr" role="img" aria-label="Código QR para consultar el estado">{{SVG:none}}</div>
  <p class="repair-ticket-small">Escaneá para ver el estado de tu reparación.</p>{{/QR}}
  <p class="repair-ticket-small">Con este comprobante retirás tu equipo. Conservá el código: {{CODE}}</p>
  <div class="repair-print-actions no-print">
    <button type="button" class="btn-primary" data-print>Imprimir</button>
    <a class="btn-outline" href="/admin/reparaciones/{{ID}}">Volver</a>
  </div>
</main>
</body>
</html>
