// WhatsApp texts leave out the lines whose placeholders are all empty, and the quote carries amount and link.
#include "domain/notify/default_templates.hpp"
#include "domain/notify/message_template.hpp"
#include "domain/notify/placeholders.hpp"

#include <gtest/gtest.h>

namespace {

TEST(MessageLines, ALineWhosePlaceholderIsEmptyIsLeftOut) {
  notify::Placeholders values{{"name", "Ana"}, {"shop_address", ""}, {"shop_hours", "9 a 18"}};
  EXPECT_EQ(notify::render_template("Hola {name}\n\n📍 Dirección: {shop_address}\n🕒 Horarios: {shop_hours}\n\nChau",
                                    values),
            "Hola Ana\n\n🕒 Horarios: 9 a 18\n\nChau");
}

TEST(MessageLines, DroppedLinesLeaveNoDoubledBlankLinesNorATrailingOne) {
  notify::Placeholders values{{"a", ""}, {"b", ""}};
  EXPECT_EQ(notify::render_template("Listo ✅\n\nDirección: {a}\nHorarios: {b}\n\nGracias\nLink: {a}\n", values),
            "Listo ✅\n\nGracias");
}

TEST(MessageLines, ALineWithOnePlaceholderFilledIsKept) {
  notify::Placeholders values{{"a", ""}, {"b", "x"}};
  EXPECT_EQ(notify::render_template("{a} y {b}\nfin", values), " y x\nfin");
  EXPECT_EQ(notify::render_template("sin placeholders\n\n\nfin", values), "sin placeholders\n\n\nfin");
}

TEST(MessageLines, ReadyForPickupWithoutShopDataHasNoEmptyAddressOrHoursLines) {
  notify::RepairFacts facts;
  facts.id = 7;
  facts.code = "R-1";
  facts.status_key = "ready_pickup";
  facts.customer_name = "Ana";
  std::string text = notify::render_template(notify::default_template(notify::TemplateKind::kRepair, "ready_pickup"),
                                             notify::repair_placeholders(facts, "https://taller.test", "key"));
  EXPECT_EQ(text.find("Dirección"), std::string::npos) << text;
  EXPECT_EQ(text.find("Horarios"), std::string::npos) << text;
  EXPECT_NE(text.find("lista para retirar"), std::string::npos) << text;
}

TEST(MessageLines, TheQuoteMessageCarriesTheAmountAndTheSignedApprovalLink) {
  notify::RepairFacts facts;
  facts.id = 7;
  facts.code = "R-1";
  facts.status_key = "waiting_approval";
  facts.customer_name = "Ana";
  facts.final_price_cents = 4500000;
  std::string text =
      notify::render_template(notify::default_template(notify::TemplateKind::kRepair, "waiting_approval"),
                              notify::repair_placeholders(facts, "https://taller.test", "base64:a2V5a2V5a2V5"));
  EXPECT_NE(text.find("Presupuesto: $ 45.000"), std::string::npos) << text;
  EXPECT_NE(text.find("Aprobá o rechazá acá: https://taller.test/"), std::string::npos) << text;
  EXPECT_NE(text.find("signature="), std::string::npos) << text;
}

}  // namespace
