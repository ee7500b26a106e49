// Counter sale recording and voiding (see counter_sale.hpp).
#include "domain/sales/counter_sale.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <map>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/money.hpp"
#include "core/parse.hpp"
#include "core/phone.hpp"
#include "core/strings.hpp"
#include "db/row_values.hpp"
#include "db/unit_of_work.hpp"
#include "domain/inventory/stock_ledger.hpp"

namespace sales {

namespace {

constexpr long long kMaxQuantity = 999;
constexpr std::size_t kMaxLines = 100;

soci::indicator null_if_empty(const std::string& text) { return text.empty() ? soci::i_null : soci::i_ok; }

struct PricedLine {
  long long product_id = 0, quantity = 0, price = 0, cost = 0, stock = 0;
  std::string name;
};

}  // namespace

const std::vector<PaymentChoice>& counter_payment_methods() {
  static const std::vector<PaymentChoice> kMethods = {
      {"efectivo", "Efectivo"}, {"transferencia", "Transferencia"}, {"debito", "Débito"}, {"credito", "Crédito"}};
  return kMethods;
}

std::optional<std::string> parse_payment_method(std::string_view posted) {
  std::string key = core::trim(std::string(posted));
  // The repair payment keys name the same four ways to pay: accepted for integrations that already send them.
  static const std::map<std::string, std::string, std::less<>> kAliases = {
      {"cash", "efectivo"}, {"transfer", "transferencia"}, {"debit", "debito"}, {"credit", "credito"},
      {"débito", "debito"}, {"crédito", "credito"}};
  if (auto alias = kAliases.find(key); alias != kAliases.end()) key = alias->second;
  for (const auto& method : counter_payment_methods())
    if (method.key == key) return key;
  return std::nullopt;
}

std::string payment_label(std::string_view key) {
  for (const auto& method : counter_payment_methods())
    if (method.key == key) return method.label;
  return std::string(key);
}

core::FieldErrors validate_sale(const SaleForm& form, ValidSale& out) {
  core::FieldErrors errors;
  std::map<long long, long long> quantities;
  bool bad_line = false;
  for (const auto& line : form.lines) {
    auto id = core::parse_id(core::trim(line.product_id));
    std::string quantity_text = core::trim(line.quantity.empty() ? std::string("1") : line.quantity);
    std::optional<long long> quantity;
    if (!quantity_text.empty() && quantity_text.size() <= 4 && core::digits_only(quantity_text) == quantity_text)
      quantity = std::stoll(quantity_text);
    if (!id || !quantity || *quantity < 1 || *quantity > kMaxQuantity) {
      bad_line = true;
      continue;
    }
    quantities[*id] += *quantity;
  }
  if (bad_line) errors.add("quantity", "Revisá las cantidades: cada una debe ser un número entero entre 1 y 999.");
  else if (quantities.empty()) errors.add("product_id", "Agregá al menos un producto a la venta.");
  else if (quantities.size() > kMaxLines) errors.add("product_id", "Una venta puede tener hasta 100 productos distintos.");
  for (const auto& [id, quantity] : quantities) {
    if (quantity > kMaxQuantity) {
      errors.add("quantity", "Revisá las cantidades: cada una debe ser un número entero entre 1 y 999.");
      break;
    }
    out.lines.push_back({id, quantity});
  }

  auto method = parse_payment_method(form.payment_method);
  if (core::trim(form.payment_method).empty()) errors.add("payment_method", "Elegí cómo paga el cliente.");
  else if (!method) errors.add("payment_method", "El medio de pago elegido no es válido.");
  else out.payment_method = *method;

  out.customer_name = core::trim(form.customer_name);
  if (core::exceeds_length(out.customer_name, 255))
    errors.add("customer_name", "El nombre del cliente no puede superar 255 caracteres.");
  std::string phone = core::trim(form.customer_phone);
  if (!phone.empty()) {
    if (core::exceeds_length(phone, 30) || !core::phone::is_valid(phone))
      errors.add("customer_phone", core::phone::kInvalidMessage);
    else out.customer_phone = core::phone::stored_form(phone);
  }

  std::string discount = core::trim(form.discount);
  out.discount_reason = core::trim(form.discount_reason);
  if (!discount.empty()) {
    auto amount = core::parse_ars(discount);
    if (!amount) errors.add("discount", "El descuento debe ser un monto mayor o igual a 0 (por ejemplo 500 o 1.500,50).");
    else out.discount = *amount;
  }
  if (out.discount > 0 && out.discount_reason.empty())
    errors.add("discount_reason", "Contá el motivo del descuento.");
  if (core::exceeds_length(out.discount_reason, 255))
    errors.add("discount_reason", "El motivo del descuento no puede superar 255 caracteres.");

  out.sale_token = core::trim(form.sale_token);
  if (out.sale_token.size() > 64) errors.add("sale_token", "La venta venció. Recargá la página y volvé a confirmar.");
  return errors;
}

RecordedSale record_counter_sale(db::Tx& tx, const ValidSale& sale, std::optional<long long> seller_id) {
  soci::session& sql = tx.sql();
  const std::string now = core::utc_now_sql();

  // 1. Current prices, costs and stock, in id order (lines are sorted: a fixed lock order on the server engines).
  std::vector<PricedLine> priced;
  long long subtotal = 0, cost_total = 0;
  for (const auto& line : sale.lines) {
    PricedLine row;
    row.product_id = line.product_id;
    row.quantity = line.quantity;
    sql << std::string("SELECT name, price, cost_price, stock FROM products WHERE id = :id") +
               db::for_update(tx.dialect()),
        soci::use(row.product_id), soci::into(row.name), soci::into(row.price), soci::into(row.cost),
        soci::into(row.stock);
    if (!sql.got_data())
      throw SaleRefused("Uno de los productos ya no existe. Quitalo de la venta y volvé a confirmar.");
    if (row.quantity > row.stock)
      throw SaleRefused("Stock insuficiente para \"" + row.name + "\". Disponible: " +
                        std::to_string(std::max<long long>(row.stock, 0)) + ". No se registró la venta.");
    subtotal += row.price * row.quantity;
    cost_total += row.cost * row.quantity;
    priced.push_back(std::move(row));
  }
  if (sale.discount > subtotal)
    throw SaleRefused("El descuento (" + core::format_ars(sale.discount) + ") supera el total de la venta (" +
                      core::format_ars(subtotal) + ").");
  long long total = subtotal - sale.discount;

  // 2. The sale row claims the one-time token: a second submit of the same form finds the first sale.
  std::string token_hash = sale.sale_token.empty() ? std::string() : core::sha256_hex(sale.sale_token);
  long long seller = seller_id.value_or(0);
  soci::indicator seller_ind = seller_id ? soci::i_ok : soci::i_null;
  std::string customer = sale.customer_name, phone = sale.customer_phone, reason = sale.discount_reason;
  std::string method = sale.payment_method;
  long long discount = sale.discount;
  soci::indicator customer_ind = null_if_empty(customer), phone_ind = null_if_empty(phone),
                  reason_ind = null_if_empty(reason), token_ind = null_if_empty(token_hash);
  soci::statement insert =
      (sql.prepare << db::insert_ignore(
           tx.dialect(),
           "INTO counter_sales (user_id, customer_name, customer_phone, payment_method, subtotal, discount, "
           "discount_reason, total, cost_total, status, sale_token_hash, created_at, updated_at) VALUES (:user, "
           ":customer, :phone, :method, :subtotal, :discount, :reason, :total, :cost, 'completed', :token, :c, :u)"),
       soci::use(seller, seller_ind), soci::use(customer, customer_ind),
       soci::use(phone, phone_ind), soci::use(method), soci::use(subtotal), soci::use(discount),
       soci::use(reason, reason_ind), soci::use(total), soci::use(cost_total),
       soci::use(token_hash, token_ind), soci::use(now), soci::use(now));
  insert.execute(true);
  if (insert.get_affected_rows() == 0) {
    long long existing = 0;
    sql << "SELECT id FROM counter_sales WHERE sale_token_hash = :hash", soci::use(token_hash), soci::into(existing);
    if (!sql.got_data()) throw SaleRefused("Ya estamos registrando esta venta. Esperá unos segundos.");
    return {existing, true};
  }
  long long sale_id = tx.last_insert_id("counter_sales");

  // 3. Items and stock through the ledger (guarded: a concurrent sale of the last unit makes this refuse).
  for (const auto& line : priced) {
    long long product_id = line.product_id, quantity = line.quantity, price = line.price, cost = line.cost;
    long long line_total = line.price * line.quantity;
    std::string name = line.name;
    sql << "INSERT INTO counter_sale_items (counter_sale_id, product_id, product_name, unit_price, unit_cost, quantity, "
           "subtotal) VALUES (:sale, :product, :name, :price, :cost, :quantity, :subtotal)",
        soci::use(sale_id), soci::use(product_id), soci::use(name), soci::use(price), soci::use(cost),
        soci::use(quantity), soci::use(line_total);
    inventory::StockMove move;
    move.product_id = product_id;
    move.delta = -quantity;
    move.reason = inventory::MoveReason::kCounterSale;
    move.reference_type = "counter_sale";
    move.reference_id = sale_id;
    move.user_id = seller_id;
    if (!inventory::move_stock(sql, move))
      throw SaleRefused("Otra venta se llevó el stock de \"" + name + "\" recién. No se registró la venta.");
  }
  return {sale_id, false};
}

VoidOutcome void_counter_sale(db::Tx& tx, long long sale_id, const std::string& reason,
                              std::optional<long long> user_id) {
  soci::session& sql = tx.sql();
  const std::string now = core::utc_now_sql();
  long long by = user_id.value_or(0);
  soci::indicator by_ind = user_id ? soci::i_ok : soci::i_null;
  std::string why = reason;
  soci::statement update =
      (sql.prepare << "UPDATE counter_sales SET status = 'voided', voided_at = :at, voided_by = :by, void_reason = :why, "
                      "updated_at = :u WHERE id = :id AND status = 'completed'",
       soci::use(now), soci::use(by, by_ind), soci::use(why), soci::use(now), soci::use(sale_id));
  update.execute(true);
  if (update.get_affected_rows() != 1) {
    long long exists = 0;
    sql << "SELECT COUNT(*) FROM counter_sales WHERE id = :id", soci::use(sale_id), soci::into(exists);
    return exists ? VoidOutcome::kAlreadyVoided : VoidOutcome::kNotFound;
  }
  std::vector<std::pair<long long, long long>> items;  // product id, quantity (product ids in lock order)
  {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT product_id, quantity FROM counter_sale_items WHERE counter_sale_id = :id AND "
                        "product_id IS NOT NULL ORDER BY product_id",
         soci::use(sale_id));
    for (const auto& row : rows) {
      items.emplace_back(db::row_int(row, 0), db::row_int(row, 1));
    }
  }
  for (const auto& [product_id, quantity] : items) {
    inventory::StockMove move;
    move.product_id = product_id;
    move.delta = quantity;
    move.reason = inventory::MoveReason::kSaleVoid;
    move.reference_type = "counter_sale";
    move.reference_id = sale_id;
    move.user_id = user_id;
    move.note = reason;
    inventory::move_stock(sql, move);
  }
  return VoidOutcome::kVoided;
}

std::string new_sale_token() { return core::random_token(43); }

}  // namespace sales
