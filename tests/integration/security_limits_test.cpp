// Limiters that must hold under parallel requests and across sessions (issue 16, items 3 and 6): a sign-in
// attempt is counted before its password is checked, so N parallel wrong passwords never verify more than the
// limit; the repair lookup and the admin 2FA challenge likewise; cart writes and checkout confirmations are
// counted per IP as well as per session.
#include <algorithm>
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "core/crypto.hpp"
#include "core/strings.hpp"
#include "core/clock.hpp"
#include "core/totp.hpp"
#include "store_support.hpp"
#include "support/accounts.hpp"

using namespace store_support;
using testing_support::scalar;

namespace {

using Env = std::map<std::string, std::string>;

// What a person sees after a POST that answers with a redirect back to the form (or the page itself).
std::string seen_after(Browser& browser, const HttpResponse& response) {
  if (response.status == 302) return browser.follow(response).body;
  return response.body;
}

// Runs `count` copies of `attempt` at once (each thread waits until all are ready, then fires).
template <typename Attempt>
void all_at_once(int count, Attempt attempt) {
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < count; ++i) {
    threads.emplace_back([&, i] {
      ready.fetch_add(1);
      while (ready.load() < count) std::this_thread::yield();
      attempt(i);
    });
  }
  for (auto& thread : threads) thread.join();
}

// `count` guests who each opened the form at `page`: their browsers (the form as Referer) and form tokens.
struct FormGuests {
  std::vector<Browser> browsers;
  std::vector<std::string> tokens;
};
FormGuests guests_on_form(const AppServer& server, const std::string& page, int count) {
  FormGuests guests;
  for (int i = 0; i < count; ++i) {
    guests.browsers.emplace_back(server.base_url());
    guests.tokens.push_back(testing_support::csrf_token_in(guests.browsers.back().get(page).body));
    guests.browsers.back().referer = server.base_url() + page;
  }
  return guests;
}

// `count` guests, each with the lookup form's token, post a code that does not exist all at once; their statuses
// (302 back to the form: the code was looked up).
std::vector<int> parallel_lookup_statuses(const AppServer& server, int count) {
  auto guests = guests_on_form(server, "/reparacion", count);
  std::vector<int> statuses(count);
  all_at_once(count, [&](int i) {
    statuses[i] = guests.browsers[i]
                      .post("/reparacion", {{"_token", guests.tokens[i]}, {"code", "R-NOEXISTE"}, {"phone", "3415550000"}})
                      .status;
  });
  return statuses;
}

}  // namespace

TEST(SecurityLimits, TwelveParallelWrongPasswordsForOneEmailCheckAtMostFivePasswords) {
  // The per-email and per-IP request limiters are out of the way: only the failed-attempt lockout is under test.
  AppServer server(
      Env{{"RATE_LIMIT_AUTH_LOGIN_PER_MINUTE", "100000"}, {"RATE_LIMIT_AUTH_REGISTER_PER_MINUTE", "1000"}});
  server.start();
  std::string email = "carrera-" + core::to_lower(core::random_token(6)) + "@example.com";
  testing_support::registered_customer(server, email);

  constexpr int kAttempts = 12;
  auto guests = guests_on_form(server, "/login", kAttempts);
  auto& browsers = guests.browsers;
  auto& tokens = guests.tokens;
  std::vector<std::string> seen(kAttempts);
  std::vector<int> statuses(kAttempts);
  all_at_once(kAttempts, [&](int i) {
    auto response = browsers[i].post("/login", {{"_token", tokens[i]}, {"email", email}, {"password", "equivocada1"}});
    statuses[i] = response.status;
    seen[i] = seen_after(browsers[i], response);
  });

  int wrong = 0, locked = 0, busy = 0;
  for (int i = 0; i < kAttempts; ++i) {
    if (seen[i].find("Las credenciales no coinciden con nuestros registros.") != std::string::npos) ++wrong;
    else if (seen[i].find("Demasiados intentos") != std::string::npos || statuses[i] == 429) ++locked;
    else if (statuses[i] == 503) ++busy;  // the database was busy: refused without a password check
    else ADD_FAILURE() << "attempt " << i << " answered " << statuses[i];
  }
  EXPECT_LE(wrong, 5);
  EXPECT_GE(wrong, 1);
  EXPECT_EQ(wrong + locked + busy, kAttempts);
  // Every verified wrong password leaves one audit row: never more than the limit.
  EXPECT_LE(scalar(server, "SELECT COUNT(*) FROM audit_logs WHERE event = 'auth.login.failed'"), 5);

  // Even the right password is refused for the rest of the window.
  Browser owner(server.base_url());
  auto response = owner.submit("/login", "/login", {{"email", email}, {"password", "secreto123"}});
  EXPECT_NE(seen_after(owner, response).find("Demasiados intentos"), std::string::npos);
  EXPECT_EQ(owner.get("/mi-cuenta").status, 302);  // still signed out
}

TEST(SecurityLimits, ParallelRepairLookupsNeverCheckMoreCodesThanTheBudget) {
  AppServer server(Env{{"RATE_LIMIT_REPAIR_LOOKUP_PER_MINUTE", "3"}});
  server.start();
  constexpr int kAttempts = 10;
  std::vector<int> statuses = parallel_lookup_statuses(server, kAttempts);
  int checked = 0, refused = 0;
  for (int status : statuses) {
    if (status == 302) ++checked;  // back to the form: "no encontramos…" (the code was looked up)
    else if (status == 429 || status == 503) ++refused;
    else ADD_FAILURE() << "answered " << status;
  }
  EXPECT_LE(checked, 3);
  EXPECT_EQ(checked + refused, kAttempts);
}

TEST(SecurityLimits, FourSessionsFromOneIpShareTheCartWriteBudgetOfThatIp) {
  // Per session 5, per IP 8: four sessions writing 3 times each never spend their own budget, but together they
  // pass the IP's.
  AppServer server(Env{{"RATE_LIMIT_CART_WRITE_PER_MINUTE", "5"}, {"RATE_LIMIT_CART_WRITE_PER_IP_PER_MINUTE", "8"}});
  server.start();
  long long category = insert_category(server, "Accesorios", "accesorios");
  long long product = insert_product(server, category, {"Cable USB-C", "cable-usb-c", 300000, 50});

  std::vector<Browser> browsers;
  std::vector<std::string> tokens;
  for (int i = 0; i < 4; ++i) {
    browsers.emplace_back(server.base_url());
    tokens.push_back(token_for(browsers.back()));
  }
  int accepted = 0, refused = 0;
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 4; ++i) {
      auto response = add_to_cart(browsers[i], tokens[i], product, "1", kJson);
      if (response.status == 200) {
        ++accepted;
      } else {
        EXPECT_EQ(response.status, 429);
        EXPECT_TRUE(response.contains("Demasiadas acciones en carrito. Esperá ")) << response.body;
        EXPECT_FALSE(response.header("retry-after").empty());
        ++refused;
      }
    }
  }
  EXPECT_EQ(accepted, 8);
  EXPECT_EQ(refused, 4);
}

TEST(SecurityLimits, ParallelWrongTwoFactorCodesCheckAtMostTheBudget) {
  // admin-2fa budget 4 per admin + IP; enabling 2FA below spends one, so three codes may still be checked.
  AppServer server(Env{{"RATE_LIMIT_ADMIN_2FA_PER_MINUTE", "4"}, {"RATE_LIMIT_AUTH_LOGIN_PER_MINUTE", "100000"}});
  server.start();
  Browser admin = testing_support::signed_in_admin(server);
  ASSERT_EQ(admin.submit("/admin/seguridad/2fa", "/admin/seguridad/2fa/regenerar", {}).status, 302);
  std::string settings = admin.get("/admin/seguridad/2fa").body;
  const std::string marker = "id=\"twofa-secret\" class=\"twofa-secret\">";
  auto at = settings.find(marker);
  ASSERT_NE(at, std::string::npos);
  at += marker.size();
  std::string secret = settings.substr(at, settings.find('<', at) - at);
  std::string code = core::totp_at(core::base32_decode(secret), core::unix_now());
  ASSERT_EQ(admin
                .submit("/admin/seguridad/2fa", "/admin/seguridad/2fa/activar",
                        {{"current_password", testing_support::kTestAdminPassword}, {"code", code}})
                .header("location"),
            "/admin/seguridad/2fa");

  // Ten sessions signed in with the password, each waiting at the challenge, send a wrong code at once.
  constexpr int kAttempts = 10;
  std::vector<Browser> browsers;
  std::vector<std::string> tokens;
  for (int i = 0; i < kAttempts; ++i) {
    browsers.push_back(testing_support::signed_in_admin(server));
    auto challenge = browsers.back().get("/admin/two-factor/challenge");
    ASSERT_EQ(challenge.status, 200);
    tokens.push_back(testing_support::csrf_token_in(challenge.body));
    browsers.back().referer = server.base_url() + "/admin/two-factor/challenge";
  }
  std::vector<std::string> seen(kAttempts);
  std::vector<int> statuses(kAttempts);
  all_at_once(kAttempts, [&](int i) {
    auto response = browsers[i].post("/admin/two-factor/challenge", {{"_token", tokens[i]}, {"code", "000000"}});
    statuses[i] = response.status;
    seen[i] = seen_after(browsers[i], response);
  });
  int wrong = 0, locked = 0, busy = 0;
  for (int i = 0; i < kAttempts; ++i) {
    if (seen[i].find("Código 2FA o código de recuperación inválido.") != std::string::npos) ++wrong;
    else if (seen[i].find("Demasiados intentos de código 2FA.") != std::string::npos) ++locked;
    else if (statuses[i] == 503) ++busy;
    else ADD_FAILURE() << "attempt " << i << " answered " << statuses[i];
  }
  EXPECT_LE(wrong, 3);
  EXPECT_EQ(wrong + locked + busy, kAttempts);
  EXPECT_EQ(browsers[0].get("/admin/dashboard").header("location"), "/admin/two-factor/challenge");
}

TEST(SecurityLimits, ThreeCustomersFromOneIpShareTheCheckoutConfirmBudgetOfThatIp) {
  // Per customer 10, per IP 2: the third customer's first confirmation is refused, and no order is placed for it.
  AppServer server(
      Env{{"RATE_LIMIT_CHECKOUT_CONFIRM_PER_IP_PER_MINUTE", "2"}, {"RATE_LIMIT_AUTH_REGISTER_PER_MINUTE", "1000"}});
  server.start();
  long long category = insert_category(server, "Repuestos", "repuestos");
  long long product = insert_product(server, category, {"Pin de carga", "pin-de-carga", 150000, 50});
  std::vector<std::string> outcomes;
  for (int i = 0; i < 3; ++i) {
    Browser buyer = testing_support::registered_customer(server, "ip" + std::to_string(i) + "@example.com");
    std::string token = token_for(buyer);
    ASSERT_EQ(add_to_cart(buyer, token, product, "1").status, 302);
    std::string checkout_token = testing_support::checkout_token_in(buyer.get("/checkout").body);
    ASSERT_FALSE(checkout_token.empty());
    auto confirmed = buyer.post("/checkout/confirmar", {{"_token", token_for(buyer)},
                                                        {"payment_method", "local"},
                                                        {"checkout_token", checkout_token}});
    ASSERT_EQ(confirmed.status, 302);
    outcomes.push_back(confirmed.header("location").rfind("/pedido/", 0) == 0 ? "placed"
                       : buyer.follow(confirmed).contains("Demasiados intentos de confirmación.") ? "refused"
                                                                                                  : "other");
  }
  EXPECT_EQ(outcomes, (std::vector<std::string>{"placed", "placed", "refused"}));
  EXPECT_EQ(scalar(server, "SELECT COUNT(*) FROM orders"), 2);
}

// The database limiter store under a burst on one key: every hit is counted once (SQLite and PostgreSQL upsert with
// RETURNING; MariaDB 10.5+ too, MySQL in a transaction), so exactly the limit gets through however the hits race.
TEST(SecurityLimits, ThirtyParallelLookupsWithALimitOfTenLetExactlyTenThrough) {
  AppServer server(Env{{"RATE_LIMIT_STORE", "database"}, {"RATE_LIMIT_REPAIR_LOOKUP_PER_MINUTE", "10"}});
  server.start();
  std::vector<int> statuses = parallel_lookup_statuses(server, 30);
  int answered = static_cast<int>(std::count(statuses.begin(), statuses.end(), 302));
  // 429 past the limit; on SQLite a hit that waited too long for the write lock is a 503 and was never counted.
  int refused = static_cast<int>(std::count(statuses.begin(), statuses.end(), 429) +
                                 std::count(statuses.begin(), statuses.end(), 503));
  EXPECT_EQ(answered, 10);
  EXPECT_EQ(refused, 20);
}
