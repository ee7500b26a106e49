// Reading an order for the thank-you page (see receipt.hpp).
#include "domain/store/receipt.hpp"

#include <soci/soci.h>

#include "core/money.hpp"
#include "db/database.hpp"

namespace store {

std::optional<OrderReceipt> load_order_receipt(db::Database& database, long long order_id) {
  auto sql = database.lease();
  OrderReceipt order;
  long long total = 0;
  std::string pickup_name, pickup_phone, delegate_name, delegate_phone, notes, created_at;
  soci::indicator name_ind = soci::i_null, phone_ind = soci::i_null, delegate_name_ind = soci::i_null,
                  delegate_phone_ind = soci::i_null, notes_ind = soci::i_null, created_ind = soci::i_null;
  *sql << "SELECT id, user_id, status, payment_method, total, pickup_name, pickup_phone, pickup_delegate_name, "
          "pickup_delegate_phone, notes, created_at FROM orders WHERE id = :id",
      soci::use(order_id), soci::into(order.id), soci::into(order.user_id), soci::into(order.status),
      soci::into(order.payment_method), soci::into(total), soci::into(pickup_name, name_ind),
      soci::into(pickup_phone, phone_ind), soci::into(delegate_name, delegate_name_ind),
      soci::into(delegate_phone, delegate_phone_ind), soci::into(notes, notes_ind), soci::into(created_at, created_ind);
  if (!sql->got_data()) return std::nullopt;
  order.total_cents = total;
  order.pickup_name = name_ind == soci::i_ok ? pickup_name : "";
  order.pickup_phone = phone_ind == soci::i_ok ? pickup_phone : "";
  order.pickup_delegate_name = delegate_name_ind == soci::i_ok ? delegate_name : "";
  order.pickup_delegate_phone = delegate_phone_ind == soci::i_ok ? delegate_phone : "";
  order.notes = notes_ind == soci::i_ok ? notes : "";
  order.created_at = created_ind == soci::i_ok ? created_at : "";

  ReceiptItem row;
  long long price = 0, subtotal = 0;
  soci::statement items = (sql->prepare << "SELECT product_name, price, quantity, subtotal FROM order_items "
                                           "WHERE order_id = :id ORDER BY id",
                           soci::use(order_id), soci::into(row.product_name), soci::into(price),
                           soci::into(row.quantity), soci::into(subtotal));
  items.execute();
  while (items.fetch()) {
    ReceiptItem item = row;
    item.price_cents = price;
    item.subtotal_cents = subtotal;
    order.items.push_back(std::move(item));
  }
  return order;
}

std::string customer_whatsapp_text(const OrderReceipt& order) {
  std::string text = "¡Hola! Soy " + order.pickup_name + ".\nHice el pedido #" + std::to_string(order.id) +
                     ".\n¿Me confirmás cuando esté listo para retirar?\n\nÍtems:\n";
  for (const auto& item : order.items) text += "- " + std::to_string(item.quantity) + "x " + item.product_name + "\n";
  text += "Total: $" + core::format_pesos_plain(order.total_cents) + "\n¡Gracias!";
  return text;
}

}  // namespace store
