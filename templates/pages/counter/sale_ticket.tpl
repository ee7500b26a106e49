{{%AUTOESCAPE context="HTML"}}
<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Ticket Venta #{{ID}}</title>
{{#STYLESHEET}}<link rel="stylesheet" href="{{URL}}">
{{/STYLESHEET}}
{{#SCRIPT}}<script src="{{URL}}" defer></script>
{{/SCRIPT}}
</head>
<body class="print-page ticket-page"{{#AUTOPRINT}} data-autoprint="1"{{/AUTOPRINT}}>
<main class="ticket" data-sale-ticket-page>
  <div class="ticket-center">
    <p class="ticket-company">{{COMPANY}}</p>
    {{#SHOP_ADDRESS}}<p>{{TEXT}}</p>{{/SHOP_ADDRESS}}
    {{#SHOP_PHONE}}<p>Tel: {{TEXT}}</p>{{/SHOP_PHONE}}
  </div>
  <hr class="ticket-rule">
  <p class="ticket-row"><span>Venta</span><span>#{{ID}}</span></p>
  <p class="ticket-row"><span>Fecha</span><span>{{CREATED}}</span></p>
  <p class="ticket-row"><span>Cliente</span><span>{{CUSTOMER}}</span></p>
  <p class="ticket-row"><span>Pago</span><span>{{PAYMENT}}</span></p>
  {{#VOIDED}}<p class="ticket-center font-semibold">ANULADA</p>{{/VOIDED}}
  <hr class="ticket-rule">
  {{#ITEM}}
  <div class="ticket-item">
    <p>{{QUANTITY}} × {{NAME}}</p>
    <p class="ticket-row"><span>Unit: {{PRICE}}</span><span>{{SUBTOTAL}}</span></p>
  </div>
  {{/ITEM}}
  <hr class="ticket-rule">
  <p class="ticket-row"><span>Subtotal</span><span>{{SUBTOTAL}}</span></p>
  {{#DISCOUNT}}<p class="ticket-row"><span>Descuento</span><span>− {{AMOUNT}}</span></p>{{/DISCOUNT}}
  <p class="ticket-row ticket-total"><span>Total</span><span>{{TOTAL}}</span></p>
  <p class="ticket-center">Gracias por tu compra 🙌</p>
  <div class="actions no-print">
    <button class="btn-primary btn-sm" type="button" data-print>Imprimir</button>
    <a class="btn-outline btn-sm" href="/admin/ventas/{{ID}}">Volver</a>
  </div>
</main>
</body>
</html>
