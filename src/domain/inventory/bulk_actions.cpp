// Bulk product actions (see bulk_actions.hpp).
#include "domain/inventory/bulk_actions.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "core/clock.hpp"
#include "core/parse.hpp"
#include "core/strings.hpp"
#include "db/database.hpp"
#include "db/unit_of_work.hpp"
#include "domain/inventory/catalog_version.hpp"
#include "domain/inventory/products.hpp"
#include "domain/inventory/stock_ledger.hpp"
#include "db/row_values.hpp"

namespace inventory {

using db::row_int;
using db::row_str;

namespace {

BulkResult refused(std::string message, long long skipped = 0) {
  BulkResult result;
  result.status = 422;
  result.ok = false;
  result.skipped = skipped;
  result.message = std::move(message);
  return result;
}

// "-3", "+5", "7" → signed delta; nullopt otherwise.
std::optional<long long> parse_delta(const std::string& text) {
  std::string trimmed = core::trim(text);
  bool negative = !trimmed.empty() && trimmed[0] == '-';
  if (!trimmed.empty() && (trimmed[0] == '-' || trimmed[0] == '+')) trimmed.erase(0, 1);
  auto magnitude = parse_stock(trimmed);
  if (!magnitude) return std::nullopt;
  return negative ? -*magnitude : *magnitude;
}

std::string id_list(const std::vector<long long>& ids) {
  std::string list;
  for (long long id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
  return list;
}

// One product's stock change through the ledger (reason adjustment, the bulk action as its note). The rows were
// read and locked in this transaction and checked above, so a refusal is a bug: it throws, and the whole action rolls
// back rather than reporting products it did not change.
void adjust(soci::session& sql, long long product_id, long long delta, const BulkRequest& request) {
  StockMove move;
  move.product_id = product_id;
  move.delta = delta;
  move.reason = MoveReason::kAdjustment;
  move.user_id = request.user_id;
  move.note = request.action == "stock_adjust" ? "Ajuste masivo" : "Stock fijado desde la lista de productos";
  if (!move_stock(sql, move))
    throw std::logic_error("bulk stock action: the guarded update refused product " + std::to_string(product_id));
}

const std::set<std::string> kActions = {"activate", "deactivate", "feature", "unfeature", "stock_zero",
                                        "set_stock", "stock_adjust", "set_category", "delete"};

}  // namespace

BulkResult apply_bulk_action(db::Tx& tx, const BulkRequest& request) {
  if (!kActions.count(request.action)) return refused("Elegí una acción masiva válida.");
  if (request.ids.empty()) return refused("Seleccioná al menos un producto.");

  // Parse and de-duplicate; anything unparsable is skipped.
  std::set<long long> unique;
  long long invalid = 0;
  for (const auto& text : request.ids) {
    if (auto id = core::parse_id(text)) unique.insert(*id);
    else ++invalid;
  }
  long long duplicates = static_cast<long long>(request.ids.size()) - invalid - static_cast<long long>(unique.size());

  // Inputs of the actions that take one, checked before anything is written.
  long long stock_value = 0, category_id = 0;
  if (request.action == "set_stock") {
    if (core::trim(request.stock).empty()) return refused("Falta el stock para aplicar.");
    auto stock = parse_stock(request.stock);
    if (!stock) return refused("El stock debe ser un número entero mayor o igual a 0.");
    stock_value = *stock;
  } else if (request.action == "stock_adjust") {
    if (core::trim(request.stock).empty()) return refused("Falta el stock para aplicar.");
    auto delta = parse_delta(request.stock);
    if (!delta) return refused("El ajuste de stock debe ser un número entero (por ejemplo 5 o -3).");
    stock_value = *delta;
  }

  soci::session* sql = &tx.sql();
  if (request.action == "set_category") {
    auto id = core::parse_id(request.category_id);
    long long exists = 0;
    if (id) *sql << "SELECT COUNT(*) FROM categories WHERE id = :id", soci::use(*id), soci::into(exists);
    if (!id || exists == 0) return refused("Elegí una categoría válida.");
    category_id = *id;
  }

  // Which of the ids exist (and, for stock_adjust, their stock).
  std::vector<long long> existing;
  std::vector<std::pair<long long, long long>> stocks;
  std::vector<std::string> names;
  if (!unique.empty()) {
    std::vector<long long> ids(unique.begin(), unique.end());
    soci::rowset<soci::row> rows =
        (sql->prepare << "SELECT id, stock, name FROM products WHERE id IN (" + id_list(ids) + ") ORDER BY id" +
                             db::for_update(tx.dialect()));  // locked: a sale cannot move them between read and write
    for (const auto& row : rows) {
      existing.push_back(row_int(row, 0));
      stocks.emplace_back(row_int(row, 0), row_int(row, 1));
      names.push_back(row_str(row, 2));
    }
  }
  long long skipped = invalid + duplicates + static_cast<long long>(unique.size() - existing.size());
  if (existing.empty()) return refused("Ninguno de los productos seleccionados existe.", skipped);

  std::string now = core::utc_now_sql();
  std::string in = " WHERE id IN (" + id_list(existing) + ")";
  BulkResult result;
  result.affected = static_cast<long long>(existing.size());
  std::string count = std::to_string(result.affected);
  const std::string& action = request.action;
  if (action == "activate" || action == "deactivate") {
    *sql << "UPDATE products SET active = " + std::string(action == "activate" ? "1" : "0") + ", updated_at = :u" + in,
        soci::use(now);
    result.message = (action == "activate" ? "Activados: " : "Desactivados: ") + count + " ✅";
  } else if (action == "feature" || action == "unfeature") {
    *sql << "UPDATE products SET featured = " + std::string(action == "feature" ? "1" : "0") + ", updated_at = :u" + in,
        soci::use(now);
    result.message = (action == "feature" ? "Marcados como destacados: " : "Destacado quitado: ") + count + " ✅";
  } else if (action == "stock_zero" || action == "set_stock") {
    for (const auto& [id, stock] : stocks) adjust(*sql, id, stock_value - stock, request);
    result.message = (action == "stock_zero" ? "Stock en 0 para: " : "Stock seteado para: ") + count + " ✅";
  } else if (action == "stock_adjust") {
    std::vector<std::string> below;
    for (std::size_t i = 0; i < stocks.size(); ++i)
      if (stocks[i].second + stock_value < 0) below.push_back(names[i]);
    if (!below.empty()) {
      std::string list;
      for (const auto& name : below) list += (list.empty() ? "" : ", ") + name;
      return refused("El ajuste dejaría stock negativo en: " + list + ". No se aplicó ningún cambio.", skipped);
    }
    for (const auto& [id, stock] : stocks) adjust(*sql, id, stock_value, request);
    result.message = "Stock ajustado para: " + count + " ✅";
  } else if (action == "set_category") {
    *sql << "UPDATE products SET category_id = :c, updated_at = :u" + in, soci::use(category_id), soci::use(now);
    result.message = "Categoría asignada a: " + count + " ✅";
  } else {  // delete
    std::set<long long> locked;
    soci::rowset<soci::row> rows =
        (sql->prepare << "SELECT DISTINCT product_id FROM order_items WHERE product_id IN (" + id_list(existing) + ")");
    for (const auto& row : rows) locked.insert(row_int(row, 0));
    std::vector<long long> deletable;
    for (long long id : existing)
      if (!locked.count(id)) deletable.push_back(id);
    skipped += static_cast<long long>(locked.size());
    if (deletable.empty())
      return refused("No se pudo eliminar: todos los productos seleccionados tienen pedidos asociados.", skipped);
    std::string where = " WHERE id IN (" + id_list(deletable) + ")";
    soci::rowset<soci::row> images = (sql->prepare << "SELECT image_path FROM products" + where + " AND image_path IS NOT NULL");
    for (const auto& row : images) result.removed_images.push_back(row_str(row, 0));
    *sql << "DELETE FROM products" + where;
    result.affected = static_cast<long long>(deletable.size());
    result.message = "Eliminados: " + std::to_string(result.affected) + ". Omitidos: " + std::to_string(skipped) +
                     " (tienen pedidos).";
  }
  bump_catalog_version_after_commit(*sql);  // every branch above wrote products (stock ones through the ledger too)
  result.skipped = skipped;
  return result;
}

}  // namespace inventory
