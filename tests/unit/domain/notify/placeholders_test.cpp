#include "domain/notify/placeholders.hpp"

#include <gtest/gtest.h>

#include <string>

#include "domain/notify/default_templates.hpp"
#include "domain/notify/message_template.hpp"
#include "core/signed_link.hpp"

using notify::render_template;

namespace {
const std::string kKey(32, 'k');

notify::RepairFacts sample_repair(const std::string& status) {
  notify::RepairFacts facts;
  facts.id = 42;
  facts.code = "R-20260101-00042";
  facts.status_key = status;
  facts.customer_name = "Ana Pérez";
  facts.phone_digits = "3415550000";
  facts.device_brand = "Samsung";
  facts.device_model = "A52";
  facts.final_price_cents = 4200050;  // $ 42.000,50 → "42.001" (whole pesos, half up)
  facts.warranty_days = 90;
  facts.shop_address = "Av. San Martín 123";
  facts.shop_hours = "Lun a Vie 9-13";
  return facts;
}

// The path + query of an absolute URL under http://taller.test.
std::string target_of(const std::string& url) { return url.substr(std::string("http://taller.test").size()); }
}  // namespace

TEST(MessageTemplate, ReplacesKnownTokensOnceAndKeepsUnknownOnes) {
  notify::Placeholders values = {{"name", "{code}"}, {"code", "R-1"}};
  EXPECT_EQ(render_template("Hola {name}, código {code}. {unknown} {} {Code} {code", values),
            "Hola {code}, código R-1. {unknown} {} {Code} {code");
  EXPECT_EQ(render_template("", values), "");
}

TEST(RepairMessage, EveryPlaceholderIsFilled) {
  auto values = notify::repair_placeholders(sample_repair("waiting_approval"), "http://taller.test/", kKey);
  std::string text = render_template(
      "{customer_name}|{code}|{status}|{status_label}|{lookup_url}|{phone}|{device_brand}|{device_model}|{device}|"
      "{final_price}|{warranty_days}|{shop_address}|{shop_hours}",
      values);
  EXPECT_EQ(text,
            "Ana Pérez|R-20260101-00042|waiting_approval|Esperando aprobación|http://taller.test/reparacion|"
            "0341 15-555-0000|Samsung|A52|Samsung A52|42.001|90|Av. San Martín 123|Lun a Vie 9-13");

  std::string approval = render_template("{approval_url}", values);
  ASSERT_EQ(approval.rfind("http://taller.test/reparacion/42/presupuesto?expires=", 0), 0u) << approval;
  EXPECT_EQ(core::check_signed_url(target_of(approval), kKey, 0), core::SignedUrlCheck::kValid);

  std::string status = render_template("{status_url}", values);
  ASSERT_EQ(status.rfind("http://taller.test/reparacion/estado/42?expires=", 0), 0u) << status;
  EXPECT_EQ(core::check_signed_url(target_of(status), kKey, 0), core::SignedUrlCheck::kValid);
}

TEST(RepairMessage, ApprovalLinkOnlyWhileWaitingAndPriceEmptyWhenNotQuoted) {
  auto facts = sample_repair("repairing");
  facts.final_price_cents.reset();
  facts.device_brand = "";
  auto values = notify::repair_placeholders(facts, "http://taller.test", kKey);
  EXPECT_EQ(render_template("[{approval_url}][{final_price}][{device}]", values), "[][][A52]");
}

TEST(RepairMessage, DefaultTemplatesRenderWithoutLeftoverTokens) {
  for (const auto& status : notify::template_statuses(notify::TemplateKind::kRepair)) {
    std::string key(status.key);
    auto text = render_template(notify::default_template(notify::TemplateKind::kRepair, key),
                                notify::repair_placeholders(sample_repair(key), "http://taller.test", kKey));
    EXPECT_EQ(text.find('{'), std::string::npos) << key << ": " << text;
    EXPECT_NE(text.find("Hola Ana Pérez 👋"), std::string::npos) << key;
    EXPECT_NE(text.find("Código: R-20260101-00042"), std::string::npos) << key;
    EXPECT_NE(text.find("http://taller.test/reparacion/estado/42?expires="), std::string::npos) << key;
  }
  auto waiting = render_template(notify::default_template(notify::TemplateKind::kRepair, "waiting_approval"),
                                 notify::repair_placeholders(sample_repair("waiting_approval"), "http://t", kKey));
  EXPECT_NE(waiting.find("Aprobá o rechazá acá: http://t/reparacion/42/presupuesto?expires="), std::string::npos);
  auto ready = render_template(notify::default_template(notify::TemplateKind::kRepair, "ready_pickup"),
                               notify::repair_placeholders(sample_repair("ready_pickup"), "http://t", kKey));
  EXPECT_NE(ready.find("📍 Dirección: Av. San Martín 123\n🕒 Horarios: Lun a Vie 9-13"), std::string::npos);
  EXPECT_EQ(notify::default_template(notify::TemplateKind::kRepair, "nope"), "");
}

namespace {
notify::OrderFacts sample_order() {
  notify::OrderFacts facts;
  facts.id = 7;
  facts.status_key = "pendiente";
  facts.total_cents = 1234500;
  facts.pickup_name = "Juan Perez";
  facts.pickup_phone = "1176543210";
  facts.notes = "  Llamar antes de entregar ";
  facts.user_name = "Juan Usuario";
  facts.user_phone = "3410000000";
  facts.items = {{"Cable USB-C", 2}, {"Cargador 20W", 1}};
  facts.shop_phone = "3415551111";
  facts.shop_address = "Av. Siempreviva 742";
  facts.shop_hours = "9 a 18";
  facts.shop_name = "NicoReparaciones";
  return facts;
}
}  // namespace

TEST(OrderMessage, EveryPlaceholderIsFilled) {
  std::string text = render_template(
      "Pedido {order_id}|Cliente {customer_name}|Estado {status_label} ({status})|{total}|{total_raw}|"
      "Items {items_count}|{items_summary}|Retira {pickup_name} - {pickup_phone} - {phone}|Notas {notes}|"
      "{my_orders_url}|{store_url}|{shop_phone}|{shop_address}|{shop_hours}|{shop_name}",
      notify::order_placeholders(sample_order(), "http://taller.test"));
  EXPECT_EQ(text,
            "Pedido 7|Cliente Juan Perez|Estado Pendiente (pendiente)|$ 12.345|12345|Items 3|2x Cable USB-C\n"
            "1x Cargador 20W|Retira Juan Perez - 011 15-7654-3210 - 011 15-7654-3210|Notas Llamar antes de entregar|"
            "http://taller.test/mis-pedidos|http://taller.test/tienda|0341 15-555-1111|Av. Siempreviva 742|9 a 18|"
            "NicoReparaciones");
}

TEST(OrderMessage, FallsBackToTheBuyerWhenThereIsNoPickupData) {
  auto facts = sample_order();
  facts.pickup_name = "";
  facts.pickup_phone = "";
  EXPECT_EQ(notify::order_contact_phone(facts), "3410000000");
  EXPECT_EQ(render_template("{customer_name}/{pickup_name}/{phone}", notify::order_placeholders(facts, "")),
            "Juan Usuario/Juan Usuario/3410000000");
}

TEST(OrderMessage, DefaultTemplatesRenderWithoutLeftoverTokens) {
  for (const auto& status : notify::template_statuses(notify::TemplateKind::kOrder)) {
    auto facts = sample_order();
    facts.status_key = std::string(status.key);
    auto text = render_template(notify::default_template(notify::TemplateKind::kOrder, status.key),
                                notify::order_placeholders(facts, "http://taller.test"));
    EXPECT_EQ(text.find('{'), std::string::npos) << status.key << ": " << text;
    EXPECT_NE(text.find("Tu pedido *#7* está en estado: *" + std::string(status.label) + "*."), std::string::npos);
    EXPECT_NE(text.find("Ver tus pedidos: http://taller.test/mis-pedidos"), std::string::npos);
  }
}
