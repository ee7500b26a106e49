{{%AUTOESCAPE context="HTML"}}
<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Pedido #{{ID}} — Imprimir</title>
{{#STYLESHEET}}<link rel="stylesheet" href="{{URL}}">
{{/STYLESHEET}}
{{#SCRIPT}}<script src="{{URL}}" defer></script>
{{/SCRIPT}}
</head>
<body class="print-page order-print-page"{{#AUTOPRINT}} data-autoprint="1"{{/AUTOPRINT}}>
<main class="print-sheet order-sheet">
  <header class="order-sheet-head">
    <div>
      <p class="order-sheet-company">{{COMPANY}}</p>
      {{#SHOP_ADDRESS}}<p class="text-sm">{{TEXT}}</p>{{/SHOP_ADDRESS}}
      {{#SHOP_PHONE}}<p class="text-sm">Tel: {{TEXT}}</p>{{/SHOP_PHONE}}
    </div>
    <div class="order-sheet-id">
      <h1>Pedido #{{ID}}</h1>
      <p>Estado: {{STATUS_LABEL}}</p>
      <p>Creado: {{CREATED}}</p>
      <p>Pago: {{PAYMENT}}</p>
    </div>
  </header>
  <div class="actions no-print">
    <button class="btn-primary" type="button" data-print>Imprimir</button>
    <a class="btn-outline" href="/admin/pedidos/{{ID}}">Volver</a>
  </div>
  <section class="order-sheet-customer">
    <p><span class="font-semibold">Cliente:</span> {{CUSTOMER}}</p>
    <p><span class="font-semibold">Teléfono:</span> {{PHONE}}</p>
    <p><span class="font-semibold">Email:</span> {{EMAIL}}</p>
    {{#DELEGATE}}<p><span class="font-semibold">Retira:</span> {{TEXT}}</p>{{/DELEGATE}}
    <p><span class="font-semibold">Notas:</span> {{NOTES}}</p>
  </section>
  <table class="table order-sheet-items">
    <thead><tr><th scope="col">Cant</th><th scope="col">Producto</th><th scope="col">Unit</th><th scope="col">Subtotal</th></tr></thead>
    <tbody>
      {{#ITEM}}<tr><td>{{QUANTITY}}</td><td>{{NAME}}</td><td>{{PRICE}}</td><td>{{SUBTOTAL}}</td></tr>{{/ITEM}}
    </tbody>
    <tfoot><tr><th scope="row" colspan="3">Total</th><td class="font-semibold">{{TOTAL}}</td></tr></tfoot>
  </table>
  <p class="muted text-sm order-sheet-foot">Generado desde Admin — {{APP_NAME}}</p>
</main>
</body>
</html>
