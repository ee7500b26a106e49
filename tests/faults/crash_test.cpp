// Fault: kill -9. `nico serve` killed in the middle of a burst of checkouts loses no acknowledged order and leaves
// no half order behind (orders, items, stock and checkout tokens agree after the restart); `queue:work` killed in
// the middle of a job leaves the job to run again (at-least-once). Runs on SQLite and MariaDB.
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "../integration/support/accounts.hpp"
#include "../integration/support/app_server.hpp"
#include "../integration/support/browser.hpp"
#include "../integration/support/catalog_fixtures.hpp"
#include "../integration/support/loopback_listener.hpp"
#include "../integration/support/smtp_receiver.hpp"
#include "../integration/support/store_steps.hpp"
#include "../integration/support/test_files.hpp"
#include "infra/queue_worker.hpp"

using namespace testing_support;

namespace {

using Env = std::map<std::string, std::string>;

// A name of our own, so a customer's session can be carried to the restarted server (a new port).
const std::string kSessionCookie = "crash_session";

constexpr int kCustomers = 40;
constexpr int kFlowsPerCustomer = 5;  // 200 checkouts
constexpr int kThreads = 8;
constexpr int kCrashAfterAcknowledged = 60;
constexpr int kInitialStock = 1000;

// One add-to-cart + checkout of one customer: what it bought and what the shop answered.
struct Flow {
  std::vector<std::pair<long long, int>> lines;  // product id, quantity
  std::string checkout_token;                    // once the checkout page was read
  long long order_id = 0;                        // acknowledged: the 302 to /pedido/{id}
  bool interrupted = false;                      // a connection error (the crash) cut it
  bool started_over = false;                     // redone after the crash: its cart may hold extra units
  std::string unexpected;                        // an answer that is neither an order nor a connection error
};

struct Customer {
  Browser browser{""};
  std::vector<Flow> flows;
};

// The order id of "302 Location: /pedido/{id}", 0 for anything else.
long long order_in(const HttpResponse& answer) {
  std::string location = answer.header("location");
  if (answer.status != 302 || location.rfind("/pedido/", 0) != 0) return 0;
  return std::stoll(location.substr(8));
}

HttpResponse confirm(Browser& browser, const std::string& checkout_token) {
  return browser.post("/checkout/confirmar",
                      {{"_token", token_for(browser)}, {"payment_method", "local"}, {"checkout_token", checkout_token}});
}

// Fills the cart, reads the checkout page, confirms. Connection errors propagate (the caller marks the flow).
void run_flow(Browser& browser, Flow& flow, std::atomic<int>& acknowledged) {
  std::string csrf = token_for(browser);
  for (const auto& [product, quantity] : flow.lines) {
    auto added = add_to_cart(browser, csrf, product, std::to_string(quantity));
    if (added.status != 302) flow.unexpected = "add to cart answered " + std::to_string(added.status);
  }
  auto page = browser.get("/checkout");
  flow.checkout_token = checkout_token_in(page.body);
  if (flow.checkout_token.empty()) {
    flow.unexpected = "checkout page answered " + std::to_string(page.status) + " " + page.header("location");
    return;
  }
  auto answer = confirm(browser, flow.checkout_token);
  flow.order_id = order_in(answer);
  if (flow.order_id != 0) ++acknowledged;
  else flow.unexpected = "confirm answered " + std::to_string(answer.status) + " " + answer.header("location");
}

// The customer's flows from the first one without an answer, until done or (before the restart) the crash.
void run_customer(Customer& customer, std::atomic<int>& acknowledged, const std::atomic<bool>& crashed) {
  for (auto& flow : customer.flows) {
    if (flow.order_id != 0 || !flow.unexpected.empty()) continue;
    if (crashed) return;
    try {
      if (flow.interrupted && !flow.checkout_token.empty()) {
        // The buyer presses "Confirmar" again with the page they had: the same token answers with its order
        // when the first confirm committed, and places it when it did not.
        flow.interrupted = false;
        flow.order_id = order_in(confirm(customer.browser, flow.checkout_token));
        if (flow.order_id != 0) ++acknowledged;
        else flow.unexpected = "retried confirm without an order";
        continue;
      }
      if (flow.interrupted) flow.started_over = true;  // cut before the checkout page: start over
      flow.interrupted = false;
      run_flow(customer.browser, flow, acknowledged);
    } catch (const std::exception&) {
      flow.interrupted = true;  // connection refused or reset: the server is gone
      return;
    }
  }
}

// Runs every customer's pending flows on kThreads threads (each customer on one thread, one Browser each).
void run_all(std::vector<Customer>& customers, std::atomic<int>& acknowledged, const std::atomic<bool>& crashed,
             const std::function<void()>& while_running = {}) {
  std::atomic<int> next{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&] {
      for (int i = next++; i < static_cast<int>(customers.size()); i = next++) run_customer(customers[i], acknowledged, crashed);
    });
  if (while_running) while_running();
  for (auto& thread : threads) thread.join();
}

std::string id_list(const std::vector<long long>& ids) {
  std::string text;
  for (long long id : ids) text += (text.empty() ? "" : ",") + std::to_string(id);
  return text.empty() ? "0" : text;
}

std::vector<long long> acknowledged_orders(const std::vector<Customer>& customers) {
  std::vector<long long> ids;
  for (const auto& customer : customers)
    for (const auto& flow : customer.flows)
      if (flow.order_id != 0) ids.push_back(flow.order_id);
  return ids;
}

// The consistency SQL. Every acknowledged order exists with its items; no order lacks items; per product, stock =
// initial − the units of the orders that still count; every order came from exactly one checkout token and no
// token made two. Orders nobody was told about (committed, answer lost) must pass the same checks. Returns how
// many orders are not among the acknowledged ones.
long long expect_consistent(AppServer& server, const std::vector<long long>& products,
                            const std::vector<long long>& acknowledged) {
  std::string ids = id_list(acknowledged);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM orders o WHERE o.id IN (" + ids +
                               ") AND EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id)"),
            static_cast<long long>(acknowledged.size()));
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM orders o WHERE NOT EXISTS "
                           "(SELECT 1 FROM order_items i WHERE i.order_id = o.id)"),
            0);
  for (long long product : products) {
    std::string id = std::to_string(product);
    long long sold = scalar(server, "SELECT COALESCE(SUM(i.quantity), 0) FROM order_items i JOIN orders o ON o.id = "
                                    "i.order_id WHERE i.product_id = " + id + " AND o.status <> 'cancelado'");
    EXPECT_EQ(scalar(server, "SELECT stock FROM products WHERE id = " + id), kInitialStock - sold) << "product " << id;
  }
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM orders o WHERE "
                           "(SELECT COUNT(*) FROM checkout_tokens t WHERE t.order_id = o.id) <> 1"),
            0);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) - COUNT(DISTINCT token_hash) FROM checkout_tokens"), 0);
  return scalar(server, "SELECT COUNT(*) FROM orders WHERE id NOT IN (" + ids + ")");
}

}  // namespace

TEST(Crash, KillNineOfServeDuringACheckoutBurstLosesNoAcknowledgedOrderAndLeavesNoHalfOrder) {
  // Many customers buy from 127.0.0.1 at once: the limiters are not under test here.
  AppServer server(Env{{"SESSION_COOKIE", kSessionCookie},
                       {"RATE_LIMIT_AUTH_REGISTER_PER_MINUTE", "100000"},
                       {"RATE_LIMIT_CART_WRITE_PER_MINUTE", "100000"},
                       {"RATE_LIMIT_CHECKOUT_CONFIRM_PER_MINUTE", "100000"},
                       {"RATE_LIMIT_CART_WRITE_PER_IP_PER_MINUTE", "1000000"},
                       {"RATE_LIMIT_CHECKOUT_CONFIRM_PER_IP_PER_MINUTE", "1000000"}});
  server.start();
  long long category = insert_category(server, "Repuestos", "repuestos");
  std::vector<long long> products;
  for (const char* name : {"Módulo A52", "Batería iPhone 12", "Pin de carga"})
    products.push_back(insert_product(server, category, name, "crash-" + std::to_string(products.size()), 1500000,
                                      kInitialStock));

  std::vector<Customer> customers(kCustomers);
  {
    std::vector<std::thread> threads;
    std::atomic<int> next{0};
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&] {
        for (int c = next++; c < kCustomers; c = next++)
          customers[c].browser = registered_customer(server, "crash" + std::to_string(c) + "@example.com");
      });
    for (auto& thread : threads) thread.join();
  }
  for (int c = 0; c < kCustomers; ++c) {
    ASSERT_FALSE(customers[c].browser.cookie(kSessionCookie).empty()) << c;
    for (int f = 0; f < kFlowsPerCustomer; ++f) {
      Flow flow;
      flow.lines.emplace_back(products[(c + f) % 3], 1);
      if (f % 2 == 1) flow.lines.emplace_back(products[(c + f + 1) % 3], 2);
      customers[c].flows.push_back(flow);
    }
  }

  // The burst, and kill -9 once enough orders were acknowledged: requests in flight are cut mid-transaction.
  std::atomic<int> acknowledged{0};
  std::atomic<bool> crashed{false};
  int acknowledged_before_crash = 0;
  run_all(customers, acknowledged, crashed, [&] {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (acknowledged < kCrashAfterAcknowledged && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    crashed = true;  // no new customer starts; the requests in flight are the ones cut
    server.kill_hard();
    acknowledged_before_crash = acknowledged;
  });
  int interrupted = 0;
  for (const auto& customer : customers)
    for (const auto& flow : customer.flows) interrupted += flow.interrupted ? 1 : 0;
  ASSERT_GE(acknowledged_before_crash, kCrashAfterAcknowledged) << server.log_contents();

  // Restart on the same database: what the crash left must already be consistent.
  server.start();
  long long unanswered;
  {
    SCOPED_TRACE("right after the restart");
    unanswered = expect_consistent(server, products, acknowledged_orders(customers));
  }
  EXPECT_LE(unanswered, interrupted);

  // Every customer comes back with their session (the browser keeps its cookie) and finishes.
  for (auto& customer : customers) {
    Browser again(server.base_url());
    again.set_cookie(kSessionCookie, customer.browser.cookie(kSessionCookie));
    customer.browser = again;
  }
  crashed = false;
  run_all(customers, acknowledged, crashed);

  int started_over = 0;
  for (const auto& customer : customers)
    for (const auto& flow : customer.flows) {
      EXPECT_TRUE(flow.unexpected.empty()) << flow.unexpected;
      EXPECT_FALSE(flow.interrupted);
      started_over += flow.started_over ? 1 : 0;
      if (flow.order_id == 0) continue;
      // The order holds what this checkout put in the cart (an add cut by the crash may have counted too).
      int units = 0;
      for (const auto& line : flow.lines) units += line.second;
      long long stored = scalar(server, "SELECT COALESCE(SUM(quantity), 0) FROM order_items WHERE order_id = " +
                                            std::to_string(flow.order_id));
      if (flow.started_over) EXPECT_GE(stored, units) << "order " << flow.order_id;
      else EXPECT_EQ(stored, units) << "order " << flow.order_id;
    }
  auto acknowledged_ids = acknowledged_orders(customers);
  std::set<long long> distinct(acknowledged_ids.begin(), acknowledged_ids.end());
  std::cout << "[crash] kill -9 after " << acknowledged_before_crash << " acknowledged checkouts: " << interrupted
            << " cut (" << started_over << " before the checkout page), " << unanswered
            << " committed but unanswered; " << acknowledged_ids.size() << " of "
            << kCustomers * kFlowsPerCustomer << " acknowledged in the end, " << scalar(server, "SELECT COUNT(*) FROM orders")
            << " orders" << std::endl;
  EXPECT_GE(acknowledged_ids.size(), 150u);
  EXPECT_EQ(distinct.size(), acknowledged_ids.size()) << "two checkouts were answered with the same order";
  SCOPED_TRACE("after the remaining checkouts");
  EXPECT_EQ(expect_consistent(server, products, acknowledged_ids), 0);  // every retried confirm found its order
}

TEST(Crash, KillNineOfQueueWorkMidJobLeavesTheJobToRunAgain) {
  // A mail server that accepts the connection and never says a word: the worker sits inside the job.
  int stalled_port = 0;
  int stalled = listen_on_loopback(stalled_port, "stalled SMTP");
  SmtpReceiver smtp;
  AppServer server(Env{{"MAIL_MAILER", "smtp"}, {"MAIL_HOST", "127.0.0.1"}, {"MAIL_PORT", std::to_string(stalled_port)},
                       {"MAIL_FROM_ADDRESS", "tienda@example.com"}});
  server.start();
  long long product = insert_product(server, insert_category(server, "Cables", "cables"), "Cable USB-C", "cable-usb-c");
  Browser buyer = registered_customer_without_mail(server, "ana.crash@example.com");
  add_to_cart(buyer, token_for(buyer), product);
  std::string checkout_token = checkout_token_in(buyer.get("/checkout").body);
  long long order = order_in(confirm(buyer, checkout_token));
  ASSERT_NE(order, 0);
  server.stop();
  const std::string mail_job = "SELECT COUNT(*) FROM jobs WHERE payload LIKE '%mail.order_confirmation%'";
  ASSERT_EQ(scalar(server, mail_job), 1);

  int worker = server.spawn_command({"queue:work", "--timeout", "60"});
  pollfd waiting{stalled, POLLIN, 0};
  ASSERT_EQ(poll(&waiting, 1, 20000), 1) << "the worker never connected to the mail server";
  int connection = accept(stalled, nullptr, nullptr);
  ASSERT_GE(connection, 0);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs WHERE reserved_at IS NOT NULL AND attempts = 1"), 1);
  kill(worker, SIGKILL);
  int status = 0;
  waitpid(worker, &status, 0);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  close(connection);
  close(stalled);

  // Right away another worker leaves the job alone: it cannot tell a dead worker from a slow one until the
  // reservation turns stale (--timeout + kReservationGraceSeconds after it was taken).
  const Env working{{"MAIL_PORT", std::to_string(smtp.port())}};
  auto early = server.run({"queue:work", "--stop-when-empty", "--timeout", "60"}, working);
  EXPECT_EQ(early.exit_code, 0) << early.output;
  EXPECT_EQ(smtp.messages().size(), 0u);
  EXPECT_EQ(scalar(server, mail_job), 1);

  // The clock is moved instead of waited for: the reservation is as old as a dead worker's turns stale.
  long long age = 60 + infra::kReservationGraceSeconds + 1;
  server.database().lease()->once << "UPDATE jobs SET reserved_at = reserved_at - " + std::to_string(age);
  auto recovered = server.run({"queue:work", "--stop-when-empty", "--timeout", "60"}, working);
  EXPECT_EQ(recovered.exit_code, 0) << recovered.output;
  ASSERT_EQ(smtp.wait_for(1), 1u) << recovered.output << read_text(server.base_path() / "storage/logs/spawned.log");
  auto mail = smtp.messages().front();
  ASSERT_EQ(mail.recipients.size(), 1u);
  EXPECT_EQ(mail.recipients[0], "<ana.crash@example.com>");
  EXPECT_NE(decode_header_words(mail_header(mail.data, "Subject")).find("#" + std::to_string(order)), std::string::npos);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM jobs"), 0);
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM failed_jobs"), 0);
  std::cout << "[crash] queue:work killed mid-job: the job ran again once its reservation turned stale; mails "
               "delivered: " << smtp.messages().size() << std::endl;
  EXPECT_EQ(smtp.messages().size(), 1u);  // the killed attempt never reached DATA
}
