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
<body class="repair-print-page">
<main class="repair-sheet">
  <header class="repair-sheet-head">
    <div>
      <h1>{{COMPANY_NAME}}</h1>
      <p>Orden de reparación{{#SHOP_ADDRESS}} · {{TEXT}}{{/SHOP_ADDRESS}}{{#SHOP_HOURS}} · {{TEXT}}{{/SHOP_HOURS}}</p>
      {{#SHOP_PHONE}}<p>Tel: {{TEXT}}</p>{{/SHOP_PHONE}}
    </div>
    <div class="repair-sheet-code">
      <p>Código: <strong>{{CODE}}</strong></p>
      <p>Fecha: {{NOW}}</p>
      {{#QR}}<div class="repair-qr" role="img" aria-label="Código QR para consultar el estado">{{SVG:none}}</div>
      <p class="repair-qr-caption">Escaneá para ver el estado</p>{{/QR}}
    </div>
  </header>

  <section>
    <h2>Cliente</h2>
    <dl class="repair-sheet-grid">
      <dt>Nombre</dt><dd>{{CUSTOMER_NAME}}</dd>
      <dt>Teléfono</dt><dd>{{CUSTOMER_PHONE}}</dd>
      <dt>Equipo</dt><dd>{{DEVICE}}</dd>
    </dl>
  </section>
  <section>
    <h2>Estado</h2>
    <dl class="repair-sheet-grid">
      <dt>Estado actual</dt><dd>{{STATUS_LABEL}}</dd>
      <dt>Recibido</dt><dd>{{RECEIVED_AT}}</dd>
      <dt>Entregado</dt><dd>{{DELIVERED_AT}}</dd>
      <dt>Garantía (días)</dt><dd>{{WARRANTY_DAYS}}</dd>
    </dl>
  </section>
  <section>
    <h2>Problema reportado</h2>
    <p>{{ISSUE_REPORTED}}</p>
  </section>
  <section>
    <h2>Diagnóstico</h2>
    <p>{{DIAGNOSIS}}</p>
  </section>
  <section>
    <h2>Pago</h2>
    <dl class="repair-sheet-grid">
      <dt>Precio final</dt><dd>{{FINAL_PRICE}}</dd>
      <dt>Pagado</dt><dd>{{PAID}}</dd>
      <dt>Debe</dt><dd>{{BALANCE_DUE}}</dd>
      <dt>Método</dt><dd>{{PAYMENT_METHOD}}</dd>
      <dt>Notas de pago</dt><dd>{{PAYMENT_NOTES}}</dd>
    </dl>
  </section>
  <p class="repair-sheet-note">Aclaraciones: Este comprobante acredita el ingreso del equipo. El presupuesto puede requerir aprobación del cliente. Se recomienda retirar el equipo dentro de un plazo razonable una vez notificado.</p>
  <div class="repair-signatures">
    <p>Firma cliente</p>
    <p>Firma / sello del local</p>
  </div>
  <div class="repair-print-actions no-print">
    <button type="button" class="btn-primary" data-print>Imprimir</button>
    <a class="btn-outline" href="/admin/reparaciones/{{ID}}">Volver</a>
  </div>
</main>
</body>
</html>
