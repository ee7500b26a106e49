// The operational digest (docs/domain/alerts.md): the things the shop should act on today, computed live from the
// repairs, orders, products and WhatsApp log tables. The same list feeds `nico ops:digest`, the daily e-mail and
// the alert centre (/admin/alertas).
//
//   kind             item                                                             link
//   ───────────────  ───────────────────────────────────────────────────────────────  ─────────────────────────────
//   stale_repair     active repair (not waiting approval) whose last status change     /admin/reparaciones/{id}
//                    (status history, else its intake) is older than
//                    OPS_STALE_REPAIR_DAYS
//   pending_order    order still "pendiente" more than 48 h after it was placed       /admin/pedidos/{id}
//   waiting_quote    repair in "waiting_approval" for more than 48 h                   /admin/reparaciones/{id}
//   low_stock        product with stock ≤ STORE_LOW_STOCK_THRESHOLD (0 included)      /admin/productos/{id}/editar
//   repair_whatsapp  repair "ready_pickup" with no WhatsApp logged for that status     /admin/reparaciones/{id}
//   order_whatsapp   order "listo_retirar" with no WhatsApp logged for that status     /admin/pedidos/{id}
//
// An item's key is "<kind>:<id>": it names the thing, not its figures, so a product going from 2 to 1 unit is the
// same item (no new mail, still seen in the alert centre). Blocking (SQL): worker threads and commands only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace db {
class Database;
}

namespace alerts {

struct DigestItem {
  std::string kind;    // see the table above
  std::int64_t id = 0; // repair, order or product id
  std::string title;   // "Reparación R-20261201-00003 — Ana Pérez"
  std::string detail;  // "Sin cambios de estado hace 9 días (En reparación)"
  std::string path;    // admin page of the item, "/admin/reparaciones/3"
  std::string since;   // UTC SQL time the clock started (last change, order date); "" for stock

  std::string key() const { return kind + ":" + std::to_string(id); }
};

struct DigestRules {
  int stale_repair_days = 7;   // OPS_STALE_REPAIR_DAYS
  int low_stock_threshold = 3; // STORE_LOW_STOCK_THRESHOLD
  int pending_hours = 48;      // orders and quotes
};

struct DigestSection {
  std::string kind;
  std::string heading;  // "Reparaciones demoradas"
  std::vector<DigestItem> items;
};

// Every item now, grouped in the order of the table above (empty sections included). Each section holds at most
// kSectionLimit items, oldest first (stock: lowest first); `total` counts them all.
struct Digest {
  std::vector<DigestSection> sections;
  std::size_t total = 0;
  bool empty() const { return total == 0; }
  std::vector<DigestItem> items() const;  // all sections, in order
};

inline constexpr std::size_t kSectionLimit = 50;

Digest compute_digest(db::Database& database, const DigestRules& rules, core::SystemTime now);

// SHA-256 (hex) of the sorted item keys: equal exactly when the two digests list the same things.
std::string signature(const std::vector<DigestItem>& items);

// "Reparaciones demoradas" for "stale_repair".
std::string section_heading(const std::string& kind);

}  // namespace alerts
