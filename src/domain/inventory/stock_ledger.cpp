// The stock ledger: guarded stock update + movement row (see stock_ledger.hpp).
#include "domain/inventory/stock_ledger.hpp"

#include <soci/soci.h>

#include <array>
#include <utility>

#include "core/clock.hpp"
#include "core/strings.hpp"
#include "domain/inventory/catalog_version.hpp"

namespace inventory {

namespace {

struct ReasonInfo {
  MoveReason reason;
  std::string_view key;
  const char* label;
};

constexpr std::array<ReasonInfo, 10> kReasons{{
    {MoveReason::kCheckout, "checkout", "Venta online"},
    {MoveReason::kOrderCancel, "order_cancel", "Pedido cancelado (devolución)"},
    {MoveReason::kCounterSale, "counter_sale", "Venta en mostrador"},
    {MoveReason::kSaleVoid, "sale_void", "Venta anulada (devolución)"},
    {MoveReason::kRepairPartUsed, "repair_part_used", "Repuesto usado en reparación"},
    {MoveReason::kRepairPartReturned, "repair_part_returned", "Repuesto devuelto de reparación"},
    {MoveReason::kAdjustment, "adjustment", "Ajuste manual"},
    {MoveReason::kProductCreated, "product_created", "Alta de producto"},
    {MoveReason::kImport, "import", "Importación"},
    {MoveReason::kOpeningBalance, "opening_balance", "Saldo inicial"},
}};

// The guard: never below zero. The delta is bound twice (SOCI binds a name once per occurrence on some backends).
constexpr const char* kGuardedUpdate =
    "UPDATE products SET stock = stock + :d, updated_at = :now WHERE id = :id AND stock + :d2 >= 0";
constexpr const char* kOnSaleGuard =
    " AND active = 1 AND sellable_in_store = 1 AND category_id IN (SELECT id FROM categories WHERE active = 1)";

constexpr std::size_t kMaxNoteBytes = 255;  // VARCHAR(255): bytes are a safe bound for characters too

// Cut to at most `limit` bytes without splitting a UTF-8 sequence.
std::string cut_utf8(std::string text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
  return text;
}

}  // namespace

std::string_view reason_key(MoveReason reason) {
  for (const auto& info : kReasons)
    if (info.reason == reason) return info.key;
  return "adjustment";
}

std::optional<MoveReason> parse_reason(std::string_view key) {
  for (const auto& info : kReasons)
    if (info.key == key) return info.reason;
  return std::nullopt;
}

std::string movement_reason_label(std::string_view key) {
  for (const auto& info : kReasons)
    if (info.key == key) return info.label;
  return std::string(key);
}

const std::vector<MoveReason>& all_reasons() {
  static const std::vector<MoveReason> reasons = [] {
    std::vector<MoveReason> list;
    for (const auto& info : kReasons) list.push_back(info.reason);
    return list;
  }();
  return reasons;
}

std::optional<long long> move_stock(soci::session& sql, const StockMove& move) {
  long long product_id = move.product_id;
  if (move.delta == 0) {
    long long stock = 0;
    sql << "SELECT stock FROM products WHERE id = :id", soci::use(product_id), soci::into(stock);
    if (!sql.got_data()) return std::nullopt;
    return stock;
  }
  const std::string now = core::utc_now_sql();
  long long delta = move.delta, delta_again = move.delta;
  std::string query = kGuardedUpdate;
  if (move.require_on_sale) query += kOnSaleGuard;
  soci::statement update = (sql.prepare << query, soci::use(delta, "d"), soci::use(now, "now"),
                            soci::use(product_id, "id"), soci::use(delta_again, "d2"));
  update.execute(true);
  if (update.get_affected_rows() != 1) return std::nullopt;
  // The store shows stock ("Sin stock", "Últimas unidades"): its cached pages must follow, after the caller commits.
  bump_catalog_version_after_commit(sql);

  // Same transaction, row just written (and locked by the UPDATE on the server engines): this is our stock.
  long long stock_after = 0;
  sql << "SELECT stock FROM products WHERE id = :id", soci::use(product_id), soci::into(stock_after);

  std::string reason(reason_key(move.reason));
  std::string reference_type = move.reference_type;
  long long reference_id = move.reference_id;
  long long user_id = move.user_id.value_or(0);
  std::string note = cut_utf8(core::trim(move.note), kMaxNoteBytes);
  soci::indicator reference_type_ind = reference_type.empty() ? soci::i_null : soci::i_ok;
  soci::indicator reference_id_ind = reference_type.empty() ? soci::i_null : soci::i_ok;
  soci::indicator user_ind = move.user_id ? soci::i_ok : soci::i_null;
  soci::indicator note_ind = note.empty() ? soci::i_null : soci::i_ok;
  sql << "INSERT INTO stock_movements (product_id, delta, stock_after, reason, reference_type, reference_id, user_id, "
         "note, created_at) VALUES (:product, :delta, :after, :reason, :rtype, :rid, :user, :note, :created)",
      soci::use(product_id), soci::use(delta), soci::use(stock_after), soci::use(reason),
      soci::use(reference_type, reference_type_ind), soci::use(reference_id, reference_id_ind),
      soci::use(user_id, user_ind), soci::use(note, note_ind), soci::use(now);
  return stock_after;
}

}  // namespace inventory
