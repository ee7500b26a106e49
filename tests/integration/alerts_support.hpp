// Rows for the alerts tests (digest, KPI report, alert centre), inserted as the app leaves them, with times relative
// to now so the rules (days without a status change, 48 h, local-day ranges) apply whenever the suite runs.
#pragma once

#include <chrono>
#include <string>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "support/app_server.hpp"

namespace alerts_support {

using testing_support::AppServer;

inline std::string hours_ago(int hours) {
  return core::to_sql_utc(std::chrono::system_clock::now() - std::chrono::hours(hours));
}

// A repair whose last status change (history row) was `changed_hours` ago.
inline long long add_repair(AppServer& server, const std::string& code, const std::string& customer, const std::string& status,
                     int changed_hours) {
  std::string created = hours_ago(changed_hours + 24), changed = hours_ago(changed_hours);
  auto sql = server.database().lease();
  *sql << "INSERT INTO repairs (code, customer_name, customer_phone, device_brand, device_model, issue_reported, "
          "status, received_at, created_at, updated_at) VALUES (:c, :n, '3415550000', 'Samsung', 'A52', 'No carga', "
          ":s, :r, :a, :u)",
      soci::use(code), soci::use(customer), soci::use(status), soci::use(created), soci::use(created),
      soci::use(changed);
  long long id = 0;
  *sql << "SELECT MAX(id) FROM repairs", soci::into(id);
  *sql << "INSERT INTO repair_status_histories (repair_id, from_status, to_status, changed_at) "
          "VALUES (:r, 'received', :s, :c)",
      soci::use(id), soci::use(status), soci::use(changed);
  return id;
}

inline long long add_order(AppServer& server, const std::string& status, const std::string& pickup, int age_hours,
                           long long total = 150000) {
  std::string created = hours_ago(age_hours);
  auto sql = server.database().lease();
  long long users = 0, user_id = 0;
  *sql << "SELECT COUNT(*) FROM users", soci::into(users);
  std::string email = "cliente" + std::to_string(users) + "@example.com";
  *sql << "INSERT INTO users (name, last_name, phone, email, password, role, created_at, updated_at) "
          "VALUES ('Cliente', 'Prueba', '3415550000', :e, 'x', 'user', :c, :u)",
      soci::use(email), soci::use(created), soci::use(created);
  *sql << "SELECT id FROM users WHERE email = :e", soci::use(email), soci::into(user_id);
  *sql << "INSERT INTO orders (user_id, status, payment_method, total, pickup_name, pickup_phone, created_at, "
          "updated_at) VALUES (:i, :s, 'local', :t, :p, '3415550000', :c, :u)",
      soci::use(user_id), soci::use(status), soci::use(total), soci::use(pickup), soci::use(created), soci::use(created);
  long long id = 0;
  *sql << "SELECT MAX(id) FROM orders", soci::into(id);
  return id;
}

inline long long add_product(AppServer& server, const std::string& name, int stock) {
  auto sql = server.database().lease();
  std::string slug = "p-" + name, category_slug = "c-" + name;
  *sql << "INSERT INTO categories (name, slug, active) VALUES ('Accesorios', :s, 1)", soci::use(category_slug);
  long long category = 0, id = 0;
  *sql << "SELECT MAX(id) FROM categories", soci::into(category);
  *sql << "INSERT INTO products (category_id, name, slug, price, stock) VALUES (:c, :n, :s, 100000, :k)",
      soci::use(category), soci::use(name), soci::use(slug), soci::use(stock);
  *sql << "SELECT MAX(id) FROM products", soci::into(id);
  return id;
}

// One order item (subtotal in centavos).
inline void add_item(AppServer& server, long long order_id, long long product_id, const std::string& name, int quantity,
                     long long subtotal) {
  auto sql = server.database().lease();
  long long price = subtotal / quantity;
  *sql << "INSERT INTO order_items (order_id, product_id, product_name, price, quantity, subtotal) "
          "VALUES (:o, :p, :n, :c, :q, :s)",
      soci::use(order_id), soci::use(product_id), soci::use(name), soci::use(price), soci::use(quantity),
      soci::use(subtotal);
}

}  // namespace alerts_support
