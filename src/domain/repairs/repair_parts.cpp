// Repair parts: apply, remove, return on cancel, and the lists the repair page shows (see repair_parts.hpp).
#include "domain/repairs/repair_parts.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <cctype>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "db/row_values.hpp"
#include "db/unit_of_work.hpp"
#include "domain/inventory/stock_ledger.hpp"
#include "domain/repairs/status.hpp"

namespace repairs {

namespace {

constexpr long long kMaxQuantity = 99;

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Parts cost moves with the parts; never below 0 (an admin may have typed a lower figure by hand since).
void add_parts_cost(soci::session& sql, long long repair_id, long long amount) {
  std::string now = core::utc_now_sql();
  long long add = amount;
  sql << "UPDATE repairs SET parts_cost = CASE WHEN parts_cost + :a >= 0 THEN parts_cost + :a2 ELSE 0 END, "
         "updated_at = :u WHERE id = :id",
      soci::use(add, "a"), soci::use(add, "a2"), soci::use(now, "u"), soci::use(repair_id, "id");
}

inventory::StockMove part_move(long long repair_id, long long product_id, long long delta,
                               std::optional<long long> user_id) {
  inventory::StockMove move;
  move.product_id = product_id;
  move.delta = delta;
  move.reason = delta < 0 ? inventory::MoveReason::kRepairPartUsed : inventory::MoveReason::kRepairPartReturned;
  move.reference_type = "repair";
  move.reference_id = repair_id;
  move.user_id = user_id;
  return move;
}

// Deletes the part (guarded: only one caller gets the row) and reverses its stock and cost.
bool return_part(soci::session& sql, long long repair_id, const RepairPart& part, std::optional<long long> user_id) {
  long long part_id = part.id, repair = repair_id;
  soci::statement erase = (sql.prepare << "DELETE FROM repair_parts WHERE id = :id AND repair_id = :r",
                           soci::use(part_id), soci::use(repair));
  erase.execute(true);
  if (erase.get_affected_rows() != 1) return false;
  // A product deleted since has no stock to return to; the cost still leaves the repair.
  if (part.product_id) inventory::move_stock(sql, part_move(repair_id, *part.product_id, part.quantity, user_id));
  add_parts_cost(sql, repair_id, -(part.unit_cost * part.quantity));
  return true;
}

std::vector<RepairPart> read_parts(soci::session& sql, long long repair_id, const std::string& where = "") {
  std::vector<RepairPart> parts;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT id, product_id, product_name, unit_cost, quantity, created_at FROM repair_parts "
                      "WHERE repair_id = :r" + where + " ORDER BY id",
       soci::use(repair_id));
  for (const auto& row : rows) {
    RepairPart part;
    part.id = db::row_int(row, 0);
    if (row.get_indicator(1) != soci::i_null) part.product_id = db::row_int(row, 1);
    part.product_name = db::row_str(row, 2);
    part.unit_cost = db::row_int(row, 3);
    part.quantity = db::row_int(row, 4);
    part.created_at = db::row_str(row, 5);
    parts.push_back(std::move(part));
  }
  return parts;
}

}  // namespace

std::vector<RepairPart> repair_parts(db::Database& database, long long repair_id) {
  auto sql = database.lease();
  return read_parts(*sql, repair_id);
}

std::vector<PartChoice> part_choices(db::Database& database, const std::string& device_model) {
  auto sql = database.lease();
  std::vector<PartChoice> choices;
  soci::rowset<soci::row> rows =
      (sql->prepare << "SELECT id, name, sku, stock, cost_price FROM products WHERE usable_in_repairs = 1 AND "
                       "stock > 0 ORDER BY name, id");
  std::string model = lower(device_model);
  for (const auto& row : rows) {
    PartChoice choice;
    choice.product_id = db::row_int(row, 0);
    choice.name = db::row_str(row, 1);
    choice.sku = db::row_str(row, 2);
    choice.stock = db::row_int(row, 3);
    choice.cost_price = db::row_int(row, 4);
    choice.matches_device = !model.empty() && lower(choice.name).find(model) != std::string::npos;
    choices.push_back(std::move(choice));
  }
  std::stable_partition(choices.begin(), choices.end(), [](const PartChoice& c) { return c.matches_device; });
  return choices;
}

long long apply_part(db::Tx& tx, long long repair_id, long long product_id, long long quantity,
                     std::optional<long long> user_id) {
  soci::session& sql = tx.sql();
  if (quantity < 1 || quantity > kMaxQuantity) throw PartRefused("La cantidad debe ser un número entre 1 y 99.");
  std::string status_key;
  sql << std::string("SELECT status FROM repairs WHERE id = :id") + db::for_update(tx.dialect()), soci::use(repair_id),
      soci::into(status_key);
  if (!sql.got_data()) throw PartRefused("No encontramos esa reparación.");
  auto status = parse_status(status_key);
  if (status && is_final(*status))
    throw PartRefused("La reparación ya está entregada o cancelada: no se le pueden agregar repuestos.");

  std::string name;
  long long cost = 0, stock = 0;
  int usable = 0;
  sql << "SELECT name, cost_price, stock, usable_in_repairs FROM products WHERE id = :id", soci::use(product_id),
      soci::into(name), soci::into(cost), soci::into(stock), soci::into(usable);
  if (!sql.got_data()) throw PartRefused("Ese producto ya no existe.");
  if (!usable) throw PartRefused("\"" + name + "\" no está marcado como repuesto.");

  std::string now = core::utc_now_sql();
  long long by = user_id.value_or(0);
  soci::indicator by_ind = user_id ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO repair_parts (repair_id, product_id, product_name, unit_cost, quantity, user_id, created_at) "
         "VALUES (:r, :p, :n, :c, :q, :u, :at)",
      soci::use(repair_id), soci::use(product_id), soci::use(name), soci::use(cost), soci::use(quantity),
      soci::use(by, by_ind), soci::use(now);
  long long part_id = tx.last_insert_id("repair_parts");
  // The guarded decrement decides, not the read above: a concurrent taker of the last unit makes this refuse.
  if (!inventory::move_stock(sql, part_move(repair_id, product_id, -quantity, user_id)))
    throw PartRefused("No hay stock suficiente de \"" + name + "\" (quedan " + std::to_string(std::max(stock, 0LL)) +
                      "). No se agregó el repuesto.");
  add_parts_cost(sql, repair_id, cost * quantity);
  return part_id;
}

bool remove_part(db::Tx& tx, long long repair_id, long long part_id, std::optional<long long> user_id) {
  soci::session& sql = tx.sql();
  for (const auto& part : read_parts(sql, repair_id, " AND id = " + std::to_string(part_id)))
    return return_part(sql, repair_id, part, user_id);
  return false;
}

int return_all_parts(db::Tx& tx, long long repair_id, std::optional<long long> user_id) {
  soci::session& sql = tx.sql();
  int returned = 0;
  for (const auto& part : read_parts(sql, repair_id))
    if (return_part(sql, repair_id, part, user_id)) ++returned;
  return returned;
}

}  // namespace repairs
