// Back-office fixtures (see catalog_fixtures.hpp).
#include "catalog_fixtures.hpp"

#include <soci/soci.h>

namespace testing_support {

void note_catalog_write(AppServer& server, soci::session& sql) {
  if (server.using_server_database()) sql << "UPDATE catalog_versions SET version = version + 1 WHERE id = 1";
}

void note_catalog_write(AppServer& server) { note_catalog_write(server, *server.database().lease()); }

long long insert_category(AppServer& server, const std::string& name, const std::string& slug, bool active) {
  auto sql = server.database().lease();
  int flag = active ? 1 : 0;
  *sql << "INSERT INTO categories (name, slug, active, created_at, updated_at) "
          "VALUES (:n, :s, :a, '2026-01-01 10:00:00', '2026-01-01 10:00:00')",
      soci::use(name), soci::use(slug), soci::use(flag);
  long long id = server.database().last_insert_id(*sql, "categories");
  note_catalog_write(server, *sql);
  return id;
}

long long insert_product(AppServer& server, long long category_id, const std::string& name, const std::string& slug,
                         long long price_centavos, long long stock, bool active) {
  auto sql = server.database().lease();
  int flag = active ? 1 : 0;
  *sql << "INSERT INTO products (category_id, name, slug, price, stock, featured, active, created_at, updated_at) "
          "VALUES (:c, :n, :s, :p, :st, 0, :a, '2026-01-01 10:00:00', '2026-01-01 10:00:00')",
      soci::use(category_id), soci::use(name), soci::use(slug), soci::use(price_centavos), soci::use(stock),
      soci::use(flag);
  long long id = server.database().last_insert_id(*sql, "products");
  note_catalog_write(server, *sql);
  return id;
}

long long insert_sold_item(AppServer& server, long long user_id, long long product_id) {
  auto sql = server.database().lease();
  *sql << "INSERT INTO orders (user_id, status, payment_method, total, created_at, updated_at) "
          "VALUES (:u, 'entregado', 'local', 100000, '2026-01-02 10:00:00', '2026-01-02 10:00:00')",
      soci::use(user_id);
  long long order_id = server.database().last_insert_id(*sql, "orders");
  *sql << "INSERT INTO order_items (order_id, product_id, product_name, price, quantity, subtotal, created_at, updated_at) "
          "VALUES (:o, :p, 'Vendido', 100000, 1, 100000, '2026-01-02 10:00:00', '2026-01-02 10:00:00')",
      soci::use(order_id), soci::use(product_id);
  return order_id;
}

}  // namespace testing_support
