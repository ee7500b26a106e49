#include "domain/repairs/repair_form.hpp"

#include <gtest/gtest.h>

#include "domain/repairs/repair_intake.hpp"
#include "domain/repairs/repair_record.hpp"

namespace {
repairs::RepairFormInput valid() {
  repairs::RepairFormInput input;
  input.customer_name = "  Ana  ";
  input.customer_phone = "(0341) 155-123456";
  input.device_type_id = "1";
  input.device_brand_id = "2";
  input.device_model_id = "3";
  input.device_issue_type_id = "4";
  input.repair_type_id = "5";
  input.status = "received";
  return input;
}
}  // namespace

TEST(RepairForm, ValidInputIsTypedAndNormalised) {
  auto input = valid();
  input.parts_cost = "$ 12.345,50";
  input.final_price = "";
  input.paid_amount = "";
  input.warranty_days = "";
  core::FieldErrors errors;
  auto values = repairs::validate_repair_form(input, repairs::RepairFormMode::kCreate, errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(values.customer_name, "Ana");
  EXPECT_EQ(values.customer_phone, "+5493415123456");  // E.164, whatever the spelling (core/phone.hpp)
  EXPECT_EQ(values.parts_cost, 1234550);
  EXPECT_FALSE(values.final_price.has_value());  // nullable: "A confirmar"
  EXPECT_EQ(values.paid_amount, 0);
  EXPECT_EQ(values.warranty_days, 0);
  EXPECT_EQ(values.device_model_id, 3);
}

TEST(RepairForm, MissingCatalogAndBadNumbersAreFieldErrors) {
  repairs::RepairFormInput input;
  input.customer_phone = "12ab";
  input.labor_cost = "-1";
  input.paid_amount = "1e5";
  input.warranty_days = "2.5";
  input.payment_method = "bitcoin";
  core::FieldErrors errors;
  repairs::validate_repair_form(input, repairs::RepairFormMode::kCreate, errors);
  EXPECT_EQ(errors.first("customer_name"), "Ingresá el nombre del cliente.");
  EXPECT_EQ(errors.first("customer_phone"), "Revisá el teléfono: no parece un número válido.");
  EXPECT_EQ(errors.first("device_type_id"), "Elegí el tipo de dispositivo.");
  EXPECT_EQ(errors.first("repair_type_id"), "Elegí la reparación final.");
  EXPECT_TRUE(errors.has("labor_cost"));
  EXPECT_TRUE(errors.has("paid_amount"));
  EXPECT_TRUE(errors.has("warranty_days"));
  EXPECT_EQ(errors.first("payment_method"), "Elegí un método de pago de la lista.");
  EXPECT_EQ(errors.first("status"), "Elegí un estado válido.");
}

TEST(RepairForm, EditHasNoStatusNorRepairTypeAndALongerDetail) {
  auto input = valid();
  input.status = "";
  input.repair_type_id = "";
  input.issue_detail = std::string(1500, 'x');
  core::FieldErrors update_errors;
  repairs::validate_repair_form(input, repairs::RepairFormMode::kUpdate, update_errors);
  EXPECT_TRUE(update_errors.empty());
  core::FieldErrors create_errors;
  repairs::validate_repair_form(input, repairs::RepairFormMode::kCreate, create_errors);
  EXPECT_TRUE(create_errors.has("issue_detail"));
}

TEST(RepairForm, IssueReportedJoinsNameAndDetailWithAnEmDash) {
  repairs::RepairFormValues values;
  values.issue_name = "Pantalla";
  EXPECT_EQ(values.issue_reported(), "Pantalla");
  values.issue_detail = "no enciende";
  EXPECT_EQ(values.issue_reported(), "Pantalla — no enciende");
}

TEST(RepairCode, DateAndIdPaddedToFiveDigits) {
  EXPECT_EQ(repairs::make_repair_code("20260212", 42), "R-20260212-00042");
  EXPECT_EQ(repairs::make_repair_code("20260212", 123456), "R-20260212-123456");
}

TEST(RepairRecord, BalanceDueAndWarranty) {
  repairs::RepairRecord repair;
  repair.final_price = 4200000;
  repair.paid_amount = 5000000;
  EXPECT_EQ(repair.balance_due(), 0);
  repair.paid_amount = 1000000;
  EXPECT_EQ(repair.balance_due(), 3200000);
  EXPECT_FALSE(repairs::warranty_of(repair, "2026-02-01 12:00:00").has_value());  // not delivered
  repair.delivered_at = "2026-02-01 12:00:00";
  repair.warranty_days = 30;
  auto warranty = repairs::warranty_of(repair, "2026-03-03 12:00:00");
  ASSERT_TRUE(warranty.has_value());
  EXPECT_EQ(warranty->expires_on, "03/03/2026");
  EXPECT_TRUE(warranty->active);  // the last day counts until its end
  EXPECT_FALSE(repairs::warranty_of(repair, "2026-03-04 12:00:00")->active);
}
