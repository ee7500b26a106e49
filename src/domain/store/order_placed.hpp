// What happens right after a checkout committed a new order (outside its transaction).
//
// Hook for the orders area: the confirmation email (spec issue 6 item 5) is enqueued from here, e.g.
// `mail::enqueue_order_confirmation(database, order_id)`. It must not throw for a mail problem: the order is
// already placed and the customer is on their way to the thank-you page (failures belong to the queue's retries).
#pragma once

namespace db {
class Database;
}

namespace store {

// Called once per new order, after commit, on the worker thread of the checkout request.
void after_order_placed(db::Database& database, long long order_id);

}  // namespace store
