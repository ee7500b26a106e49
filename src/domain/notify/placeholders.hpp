// The values of every placeholder (docs/domain/whatsapp.md "Placeholders"), built from plain facts (no SQL), so the
// same code serves the messages, the unit tests and the templates page.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/notify/message_template.hpp"

namespace notify {

// What a repair message may use (read by repair_whatsapp.cpp).
struct RepairFacts {
  long long id = 0;
  std::string code;
  std::string status_key;
  std::string customer_name;
  std::string phone_digits;                    // customer_phone as stored (digits)
  std::string device_brand;
  std::string device_model;
  std::optional<long long> final_price_cents;  // nullopt: not quoted yet
  long long warranty_days = 0;
  std::string shop_address;
  std::string shop_hours;
};

// {customer_name} {code} {status} {status_label} {lookup_url} {status_url} {phone} {device_brand} {device_model}
// {device} {final_price} {warranty_days} {approval_url} {shop_address} {shop_hours}.
// Links are absolute under `base_url`; {status_url} and {approval_url} (the latter only while waiting_approval)
// are signed with `app_key` and left empty when it is empty.
Placeholders repair_placeholders(const RepairFacts& facts, const std::string& base_url, const std::string& app_key);

struct OrderItemFact {
  std::string name;
  long long quantity = 0;
};

struct OrderFacts {
  long long id = 0;
  std::string status_key;
  long long total_cents = 0;
  std::string pickup_name;   // as stored ("" when null)
  std::string pickup_phone;  // as stored ("" when null)
  std::string notes;
  std::string user_name;     // buyer's "name last_name"
  std::string user_phone;    // buyer's phone as stored
  std::vector<OrderItemFact> items;
  std::string shop_phone;
  std::string shop_address;
  std::string shop_hours;
  std::string shop_name;     // company_name setting, else the app name
};

// The phone a message goes to before normalisation: pickup_phone, else the buyer's phone.
std::string order_contact_phone(const OrderFacts& facts);

// {order_id} {customer_name} {status} {status_label} {items_summary} {items_count} {total} {total_raw}
// {pickup_name} {pickup_phone} {phone} {notes} {my_orders_url} {store_url} {shop_phone} {shop_address}
// {shop_hours} {shop_name}.
Placeholders order_placeholders(const OrderFacts& facts, const std::string& base_url);

}  // namespace notify
