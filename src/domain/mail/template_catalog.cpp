// The editable mails and their built-in defaults (see template_catalog.hpp). The defaults of the password reset
// and the order confirmation are the texts those mails had before they became editable, word for word.
#include "domain/mail/template_catalog.hpp"

#include <stdexcept>

namespace mail {

namespace {

const char* const kPasswordResetBody =
    "Hola {{nombre}},\n"
    "\n"
    "Recibimos un pedido para restablecer la contraseña de tu cuenta en {{negocio}}.\n"
    "Para elegir una nueva, abrí este enlace:\n"
    "\n"
    "{{enlace}}\n"
    "\n"
    "El enlace vence en {{vencimiento}} y sirve una sola vez.\n"
    "Si no lo pediste vos, ignorá este mensaje: tu contraseña sigue siendo la misma.\n"
    "\n"
    "{{negocio}}\n";

const char* const kOrderConfirmationBody =
    "Hola {{nombre}},\n"
    "\n"
    "¡Gracias por tu compra! Recibimos tu pedido #{{pedido}} el {{fecha}}.\n"
    "\n"
    "Detalle del pedido:\n"
    "{{detalle}}\n"
    "\n"
    "Total: {{total}}\n"
    "Pago: {{pago}}\n"
    "Retira: {{retira}}\n"
    "Retira otra persona: {{otra_persona}}\n"
    "Notas: {{notas}}\n"
    "\n"
    "El retiro es en el local. Te avisamos por WhatsApp cuando esté listo para retirar.\n"
    "Podés seguir el estado en: {{enlace}}\n"
    "\n"
    "{{negocio}}\n"
    "📍 {{direccion}}\n"
    "🕒 {{horarios}}\n"
    "Tel: {{telefono}}\n";

const char* const kEmailVerificationBody =
    "Hola {{nombre}},\n"
    "\n"
    "Para confirmar tu email en {{negocio}}, abrí este enlace:\n"
    "\n"
    "{{enlace}}\n"
    "\n"
    "El enlace vence en {{vencimiento}}. Si venció, pedí uno nuevo desde Mi cuenta.\n"
    "Así nos aseguramos de que los avisos de tus pedidos te lleguen.\n"
    "Si no creaste una cuenta ni cambiaste tu email, ignorá este mensaje.\n"
    "\n"
    "{{negocio}}\n";

const PlaceholderInfo kName{"nombre", "Nombre del cliente."};
const PlaceholderInfo kShop{"negocio", "Nombre del negocio (Configuración)."};

std::vector<TemplateInfo> build_catalog() {
  std::vector<TemplateInfo> catalog;
  catalog.push_back(
      {TemplateKey::kPasswordReset,
       "password_reset",
       "Restablecer contraseña",
       "Se envía cuando un cliente pide un enlace en «¿Olvidaste tu contraseña?».",
       "Restablecé tu contraseña — {{negocio}}",
       kPasswordResetBody,
       {kName, kShop, {"enlace", "Enlace para elegir la contraseña nueva.", true},
        {"vencimiento", "Cuánto dura el enlace (por ejemplo, «60 minutos»)."}},
       {{"nombre", "Ana"},
        {"negocio", "NicoReparaciones"},
        {"enlace", "https://tienda.example.com/restablecer-contrasena/ejemplo"},
        {"vencimiento", "60 minutos"}},
       false});
  catalog.push_back(
      {TemplateKey::kOrderConfirmation,
       "order_confirmation",
       "Confirmación de pedido",
       "Se envía al cliente cuando confirma un pedido en la tienda.",
       "Recibimos tu pedido #{{pedido}} — {{negocio}}",
       kOrderConfirmationBody,
       {kName,
        kShop,
        {"pedido", "Número del pedido."},
        {"fecha", "Fecha y hora del pedido."},
        {"detalle", "Una línea por producto: cantidad, nombre y subtotal."},
        {"total", "Total del pedido."},
        {"pago", "Medio de pago elegido."},
        {"retira", "Quién retira el pedido."},
        {"otra_persona", "Otra persona autorizada a retirar (vacío si no hay)."},
        {"notas", "Notas del cliente (vacío si no dejó)."},
        {"enlace", "Enlace al pedido en «Mis pedidos».", true},
        {"direccion", "Dirección del local (Configuración)."},
        {"horarios", "Horarios del local (Configuración)."},
        {"telefono", "Teléfono del local (Configuración)."}},
       {{"nombre", "Ana"},
        {"negocio", "NicoReparaciones"},
        {"pedido", "123"},
        {"fecha", "07/12/2026 10:30"},
        {"detalle", "- 2 × Cable USB-C: $ 6.000\n- 1 × Cargador 20W: $ 6.345"},
        {"total", "$ 12.345"},
        {"pago", "Transferencia"},
        {"retira", "Ana Pérez"},
        {"otra_persona", ""},
        {"notas", "Paso después de las 18."},
        {"enlace", "https://tienda.example.com/mis-pedidos/123"},
        {"direccion", "Av. San Martín 123"},
        {"horarios", "Lun a Vie 9-13 / 16-20"},
        {"telefono", "0341 15-555-0000"}}});
  catalog.push_back(
      {TemplateKey::kEmailVerification,
       "email_verification",
       "Verificación de e-mail",
       "Se envía al registrarse y al cambiar el e-mail, con el enlace para confirmarlo.",
       "Verificá tu email — {{negocio}}",
       kEmailVerificationBody,
       {kName, kShop, {"enlace", "Enlace para confirmar el e-mail.", true},
        {"vencimiento", "Cuánto dura el enlace (por ejemplo, «24 horas»)."}},
       {{"nombre", "Ana"},
        {"negocio", "NicoReparaciones"},
        {"enlace", "https://tienda.example.com/verificar-email/7/ejemplo"},
        {"vencimiento", "24 horas"}},
       false});
  return catalog;
}

}  // namespace

const std::vector<TemplateInfo>& template_catalog() {
  static const std::vector<TemplateInfo> catalog = build_catalog();
  return catalog;
}

const TemplateInfo& template_info(TemplateKey key) {
  for (const auto& info : template_catalog())
    if (info.key == key) return info;
  throw std::logic_error("mail template without a catalog row");
}

std::optional<TemplateKey> parse_template_key(std::string_view slug) {
  for (const auto& info : template_catalog())
    if (slug == info.slug) return info.key;
  return std::nullopt;
}

std::vector<std::string> placeholder_names(const TemplateInfo& info) {
  std::vector<std::string> names;
  for (const auto& placeholder : info.placeholders) names.emplace_back(placeholder.name);
  return names;
}

std::vector<std::string> link_placeholder_names(const TemplateInfo& info) {
  std::vector<std::string> names;
  for (const auto& placeholder : info.placeholders)
    if (placeholder.link) names.emplace_back(placeholder.name);
  return names;
}

}  // namespace mail
