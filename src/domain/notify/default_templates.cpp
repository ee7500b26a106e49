// Default WhatsApp texts and status lists (see default_templates.hpp).
#include "domain/notify/default_templates.hpp"

#include <vector>

#include "domain/orders/status.hpp"
#include "domain/repairs/status.hpp"

namespace notify {

std::vector<StatusOption> template_statuses(TemplateKind kind) {
  std::vector<StatusOption> result;
  if (kind == TemplateKind::kOrder) {
    for (auto status : orders::kAllOrderStatuses)
      result.push_back({orders::status_key(status), orders::status_label(status)});
    return result;
  }
  for (auto status : repairs::kAllRepairStatuses)
    result.push_back({repairs::status_key(status), repairs::status_label(status)});
  return result;
}

std::optional<std::string_view> order_status_label(std::string_view key) {
  auto status = orders::parse_status(key);
  if (!status) return std::nullopt;
  return orders::status_label(*status);
}

std::string default_template(TemplateKind kind, std::string_view key) {
  if (kind == TemplateKind::kRepair) {
    if (!repairs::parse_status(key)) return "";
    std::string text = "Hola {customer_name} 👋\nTu reparación ({code}) está en estado: *{status_label}*.\n";
    if (key == "waiting_approval")
      text += "💲 Presupuesto: $ {final_price}\nNecesitamos tu aprobación para continuar.\n"
              "Aprobá o rechazá acá: {approval_url}\n";
    else if (key == "ready_pickup")
      text += "¡Ya está lista para retirar! ✅\n\n📍 Dirección: {shop_address}\n🕒 Horarios: {shop_hours}\n";
    else if (key == "delivered")
      text += "¡Gracias por tu visita! 🙌\n";
    return text + "\nPodés consultar el estado en: {status_url}\nCódigo: {code}\nEquipo: {device}\nNicoReparaciones";
  }
  if (!order_status_label(key)) return "";
  std::string text =
      "Hola {customer_name} 👋\nTu pedido *#{order_id}* está en estado: *{status_label}*.\nTotal: {total}\n"
      "Ítems: {items_count}\n\n{items_summary}\n";
  if (key == "listo_retirar")
    text += "\n📍 Dirección: {shop_address}\n🕒 Horarios: {shop_hours}\n"
            "Podés pasar a retirarlo cuando quieras dentro del horario. ✅\n";
  else if (key == "entregado")
    text += "\n¡Gracias por tu compra! 🙌\n";
  else if (key == "cancelado")
    text += "\nSi querés, lo revisamos por WhatsApp.\n";
  return text + "\nVer tus pedidos: {my_orders_url}\nTienda: {store_url}\nNicoReparaciones";
}

std::vector<StatusOption> placeholder_reference(TemplateKind kind) {
  if (kind == TemplateKind::kRepair)
    return {{"customer_name", "Nombre del cliente"},
            {"code", "Código de reparación"},
            {"status", "Clave del estado (ej: ready_pickup)"},
            {"status_label", "Nombre lindo del estado (ej: Listo para retirar)"},
            {"status_url", "Link firmado al estado de la reparación (sin código ni teléfono; vence a los 30 días)"},
            {"lookup_url", "Link a la página /reparacion"},
            {"phone", "Teléfono del cliente"},
            {"device_brand", "Marca del equipo"},
            {"device_model", "Modelo del equipo"},
            {"device", "Marca + Modelo"},
            {"final_price", "Precio final (si existe)"},
            {"warranty_days", "Garantía en días"},
            {"approval_url", "Link firmado para que el cliente apruebe/rechace presupuesto"},
            {"shop_address", "Dirección del local (Admin > Configuración)"},
            {"shop_hours", "Horarios (Admin > Configuración)"}};
  return {{"customer_name", "Nombre del cliente"},
          {"order_id", "ID del pedido"},
          {"status", "Clave del estado (ej: preparando)"},
          {"status_label", "Nombre lindo del estado (ej: Preparando)"},
          {"total", "Total del pedido formateado"},
          {"total_raw", "Total numérico sin formato"},
          {"items_count", "Cantidad de ítems"},
          {"items_summary", "Listado simple de ítems (líneas)"},
          {"pickup_name", "Nombre de retiro"},
          {"pickup_phone", "Teléfono de retiro"},
          {"phone", "Teléfono (alias de pickup_phone)"},
          {"notes", "Notas del cliente"},
          {"my_orders_url", "Link a /mis-pedidos"},
          {"store_url", "Link a /tienda"},
          {"shop_address", "Dirección del local (Admin > Configuración)"},
          {"shop_hours", "Horarios (Admin > Configuración)"},
          {"shop_phone", "Teléfono del local"},
          {"shop_name", "Nombre del negocio"}};
}

}  // namespace notify
