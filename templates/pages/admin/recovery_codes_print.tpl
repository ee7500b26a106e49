{{%AUTOESCAPE context="HTML"}}
<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Códigos de recuperación 2FA</title>
{{#STYLESHEET}}<link rel="stylesheet" href="{{URL}}">
{{/STYLESHEET}}
{{#SCRIPT}}<script src="{{URL}}" defer></script>
{{/SCRIPT}}
</head>
<body class="print-page">
<main class="print-sheet">
  <p class="print-brand">NicoReparaciones</p>
  <h1>Códigos de recuperación 2FA (Admin)</h1>
  <p>Cuenta: {{EMAIL}}</p>
  <p>Generado: {{GENERATED_AT}}</p>

  <section class="print-important" aria-labelledby="importantTitle">
    <p id="importantTitle" class="font-semibold">IMPORTANTE:</p>
    <ul>
      <li>Cada código se puede usar una sola vez.</li>
      <li>Guardalos offline en un lugar seguro.</li>
    </ul>
  </section>

  <p class="font-semibold">Códigos:</p>
  <ul class="recovery-codes" aria-label="Códigos de recuperación">
    {{#CODE}}<li><code>{{VALUE}}</code></li>
    {{/CODE}}
  </ul>

  <div class="actions no-print">
    <button class="btn-primary" type="button" data-print>Imprimir / Guardar PDF</button>
    <a class="btn-outline" href="/admin/seguridad/2fa">Volver a seguridad 2FA</a>
  </div>
</main>
</body>
</html>
