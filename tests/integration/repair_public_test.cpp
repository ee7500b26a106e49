// Customer-facing repair pages as a customer would notice them: the signed status link, the signed quote
// approval (approve, reject, second click, only while waiting, tampered and expired links) and /mis-reparaciones.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "domain/repairs/quote_approval.hpp"
#include "domain/repairs/status_link.hpp"
#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"
#include "support/test_files.hpp"

using testing_support::AppServer;
using testing_support::Browser;
using testing_support::HttpResponse;
using testing_support::scalar;
using testing_support::visible_text;

namespace {

constexpr const char* kBase = "http://127.0.0.1";  // the suite's APP_URL

// Inserts a repair and returns its id.
long long insert_repair(AppServer& server, const std::string& code, const std::string& status,
                        long long user_id = 0, const std::string& phone = "3415550000") {
  long long user = user_id;
  soci::indicator user_ind = user_id ? soci::i_ok : soci::i_null;
  server.database().lease()->once
      << "INSERT INTO repairs (code, user_id, customer_name, customer_phone, device_brand, device_model, "
         "issue_reported, diagnosis, final_price, paid_amount, payment_method, payment_notes, warranty_days, notes, "
         "status, received_at, delivered_at, created_at, updated_at) VALUES (:code, :user, 'Cliente Secreto', :phone, "
         "'Samsung', 'A52', 'Pantalla rota', 'Módulo dañado', 4200000, 1000000, 'cash', 'Seña en efectivo', 90, "
         "'nota interna privada', :status, '2026-01-01 12:00:00', '2026-01-05 15:00:00', '2026-01-01 12:00:00', "
         "'2026-01-02 12:30:00')",
      soci::use(code), soci::use(user, user_ind), soci::use(phone), soci::use(status);
  return scalar(server, "SELECT MAX(id) FROM repairs");
}

std::string status_of(AppServer& server, long long id) {
  std::string status;
  server.database().lease()->once << "SELECT status FROM repairs WHERE id = :id", soci::use(id), soci::into(status);
  return status;
}

std::string path_of(const std::string& url) { return url.substr(std::string(kBase).size()); }

class RepairPublic : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    key_ = core::random_bytes(32);
    server_ = new AppServer({{"APP_KEY", "base64:" + core::base64_encode(key_)}});
    server_->start();
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static std::string quote_path(long long id, repairs::QuoteAction action, std::int64_t expires) {
    return repairs::signed_quote_path(key_, id, action, expires);
  }
  static long long history_rows(long long id) {
    return scalar(*server_, "SELECT COUNT(*) FROM repair_status_histories WHERE repair_id = " + std::to_string(id));
  }
  static long long decision_audits(long long id) {
    return scalar(*server_, "SELECT COUNT(*) FROM audit_logs WHERE event = 'public.repair.quote_decision' AND "
                            "subject_id = " + std::to_string(id));
  }
  static AppServer* server_;
  static std::string key_;
};
AppServer* RepairPublic::server_ = nullptr;
std::string RepairPublic::key_;

}  // namespace

TEST_F(RepairPublic, SignedStatusLinkShowsWhatTheLookupShowsAndNothingMore) {
  long long id = insert_repair(*server_, "R-20260101-10001", "repairing");
  Browser browser(server_->base_url());
  auto page = browser.get(path_of(repairs::status_link_url(kBase, key_, id)));
  ASSERT_EQ(page.status, 200) << page.body;
  std::string text = visible_text(page.body);
  EXPECT_NE(text.find("Resultado"), std::string::npos);
  EXPECT_NE(text.find("R-20260101-10001"), std::string::npos);
  EXPECT_NE(text.find("En reparación"), std::string::npos);
  EXPECT_NE(text.find("Estado: Reparación en curso."), std::string::npos);
  EXPECT_NE(text.find("Samsung A52"), std::string::npos);
  EXPECT_NE(text.find("Pantalla rota"), std::string::npos);
  EXPECT_NE(text.find("Módulo dañado"), std::string::npos);
  EXPECT_NE(text.find("Actualizado: 02/01/2026 09:30"), std::string::npos);
  EXPECT_EQ(text.find("Cliente Secreto"), std::string::npos);
  EXPECT_EQ(page.body.find("3415550000"), std::string::npos);
  EXPECT_EQ(text.find("42.000"), std::string::npos);
  EXPECT_EQ(text.find("nota interna privada"), std::string::npos);
  // The link's lifetime is 30 days.
  std::string url = repairs::status_link_url(kBase, key_, id);
  auto expires = std::stoll(url.substr(url.find("expires=") + 8));
  EXPECT_NEAR(static_cast<double>(expires - core::unix_now()), 30.0 * 24 * 3600, 120.0);
}

TEST_F(RepairPublic, TamperedOrExpiredStatusLinksGetThe403Page) {
  long long mine = insert_repair(*server_, "R-20260101-10002", "received");
  long long other = insert_repair(*server_, "R-20260101-10003", "received");
  Browser browser(server_->base_url());
  std::string good = path_of(repairs::status_link_url(kBase, key_, mine));
  // Another id with my signature.
  std::string swapped = good;
  swapped.replace(swapped.find(std::to_string(mine) + "?"), std::to_string(mine).size(), std::to_string(other));
  // A changed signature, a longer expiry, no signature, an expired link.
  std::string bad_signature = good;
  bad_signature.back() = bad_signature.back() == 'a' ? 'b' : 'a';
  std::string later = good;
  later.replace(later.find("expires=") + 8, 1, "9");
  std::string expired = path_of(repairs::status_link_url(kBase, key_, mine, core::unix_now() - 60));
  for (const auto& target : {swapped, bad_signature, later, std::string("/reparacion/estado/") + std::to_string(mine)}) {
    auto page = browser.get(target);
    EXPECT_EQ(page.status, 403) << target;
    EXPECT_NE(visible_text(page.body).find("Este enlace no es válido"), std::string::npos) << target;
    EXPECT_EQ(page.body.find("R-20260101-1000"), std::string::npos) << target;
  }
  auto old = browser.get(expired);
  EXPECT_EQ(old.status, 403);
  EXPECT_NE(visible_text(old.body).find("Este enlace venció"), std::string::npos);
  // A valid signature for a repair that no longer exists: 404.
  auto gone = browser.get(path_of(repairs::status_link_url(kBase, key_, 999999)));
  EXPECT_EQ(gone.status, 404);
}

TEST_F(RepairPublic, ApprovingThroughTheSignedLinkStartsTheRepairOnce) {
  long long id = insert_repair(*server_, "R-20260101-10004", "waiting_approval");
  std::int64_t expires = core::unix_now() + 3 * 24 * 3600;
  std::string show = quote_path(id, repairs::QuoteAction::kShow, expires);
  Browser browser(server_->base_url());
  auto page = browser.get(show);
  ASSERT_EQ(page.status, 200) << page.body;
  std::string text = visible_text(page.body);
  EXPECT_TRUE(page.contains("<title>Aprobación de presupuesto"));
  EXPECT_TRUE(page.contains("<h1 class=\"page-title\">Presupuesto de reparación</h1>"));
  EXPECT_NE(text.find("Código R-20260101-10004"), std::string::npos);
  EXPECT_NE(text.find("Esperando aprobación"), std::string::npos);
  EXPECT_NE(text.find("Cliente Secreto"), std::string::npos);
  EXPECT_NE(text.find("Samsung A52"), std::string::npos);
  EXPECT_NE(text.find("$ 42.000"), std::string::npos);
  EXPECT_NE(text.find("Módulo dañado"), std::string::npos);
  EXPECT_NE(text.find("¿Cómo querés continuar?"), std::string::npos);
  EXPECT_TRUE(page.contains(">Aprobar presupuesto</button>"));
  EXPECT_TRUE(page.contains(">Rechazar presupuesto</button>"));
  // The forms carry the same expiry as the link.
  std::string approve = quote_path(id, repairs::QuoteAction::kApprove, expires);
  std::string escaped = approve;  // the page HTML-escapes the "&" between expires and signature
  escaped.replace(escaped.find("&signature="), 1, "&amp;");
  EXPECT_TRUE(page.contains("action=\"" + escaped + "\"")) << escaped;

  auto approved = browser.submit(show, approve, {});
  ASSERT_EQ(approved.status, 302) << approved.body;
  std::string location = approved.header("location");
  EXPECT_NE(location.find("/reparacion/" + std::to_string(id) + "/presupuesto?"), std::string::npos) << location;
  EXPECT_NE(location.find("expires=" + std::to_string(expires)), std::string::npos) << location;
  EXPECT_EQ(status_of(*server_, id), "repairing");
  EXPECT_EQ(history_rows(id), 1);
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM repair_status_histories WHERE repair_id = " + std::to_string(id) +
                                 " AND from_status = 'waiting_approval' AND to_status = 'repairing' AND changed_by IS "
                                 "NULL AND comment = 'Cliente aprobó el presupuesto desde enlace público.'"),
            1);
  EXPECT_EQ(decision_audits(id), 1);
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM audit_logs WHERE event = 'public.repair.quote_decision' AND "
                             "actor_id IS NULL AND ip_address <> '' AND metadata LIKE '%repairing%' AND subject_id = " +
                                 std::to_string(id)),
            1);
  auto after = browser.follow(approved);
  ASSERT_EQ(after.status, 200);
  std::string after_text = visible_text(after.body);
  EXPECT_NE(after_text.find("Presupuesto aprobado. Empezamos con la reparación."), std::string::npos);
  EXPECT_NE(after_text.find("Esta reparación ya no está esperando aprobación."), std::string::npos);
  EXPECT_NE(after_text.find("Estado actual: En reparación"), std::string::npos);
  EXPECT_FALSE(after.contains(">Aprobar presupuesto</button>"));

  // A second click (here: reject with the same link) changes nothing and shows the decision already taken.
  auto second = browser.submit("/reparacion", quote_path(id, repairs::QuoteAction::kReject, expires), {});
  ASSERT_EQ(second.status, 302);
  EXPECT_EQ(status_of(*server_, id), "repairing");
  EXPECT_EQ(history_rows(id), 1);
  EXPECT_EQ(decision_audits(id), 1);
  auto shown = browser.follow(second);
  std::string shown_text = visible_text(shown.body);
  EXPECT_NE(shown_text.find("Esta reparación ya no está esperando aprobación."), std::string::npos);
  EXPECT_NE(shown_text.find("Aprobaste el presupuesto el"), std::string::npos);
  EXPECT_EQ(shown_text.find("Presupuesto aprobado. Empezamos"), std::string::npos);
}

TEST_F(RepairPublic, RejectingThroughTheSignedLinkCancelsTheRepair) {
  long long id = insert_repair(*server_, "R-20260101-10005", "waiting_approval");
  std::int64_t expires = core::unix_now() + 3600;
  std::string show = quote_path(id, repairs::QuoteAction::kShow, expires);
  Browser browser(server_->base_url());
  auto rejected = browser.submit(show, quote_path(id, repairs::QuoteAction::kReject, expires), {});
  ASSERT_EQ(rejected.status, 302);
  EXPECT_EQ(status_of(*server_, id), "cancelled");
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM repair_status_histories WHERE repair_id = " + std::to_string(id) +
                                 " AND to_status = 'cancelled' AND changed_by IS NULL AND comment = "
                                 "'Cliente rechazó el presupuesto desde enlace público.'"),
            1);
  EXPECT_EQ(decision_audits(id), 1);
  auto page = browser.follow(rejected);
  std::string text = visible_text(page.body);
  EXPECT_NE(text.find("Presupuesto rechazado. La reparación quedó cancelada."), std::string::npos);
  EXPECT_NE(text.find("Estado actual: Cancelado"), std::string::npos);
  EXPECT_NE(text.find("Rechazaste el presupuesto el"), std::string::npos);
}

TEST_F(RepairPublic, TheLinkOnlyDecidesWhileTheRepairWaitsForApproval) {
  long long id = insert_repair(*server_, "R-20260101-10006", "diagnosing");
  std::int64_t expires = core::unix_now() + 3600;
  std::string show = quote_path(id, repairs::QuoteAction::kShow, expires);
  Browser browser(server_->base_url());
  auto page = browser.get(show);
  ASSERT_EQ(page.status, 200);
  std::string text = visible_text(page.body);
  EXPECT_NE(text.find("Esta reparación ya no está esperando aprobación."), std::string::npos);
  EXPECT_NE(text.find("Estado actual: Diagnosticando"), std::string::npos);
  EXPECT_FALSE(page.contains("Aprobar presupuesto"));
  auto approved = browser.submit("/reparacion", quote_path(id, repairs::QuoteAction::kApprove, expires), {});
  ASSERT_EQ(approved.status, 302);
  EXPECT_EQ(status_of(*server_, id), "diagnosing");
  EXPECT_EQ(history_rows(id), 0);
  EXPECT_EQ(decision_audits(id), 0);
  auto after = browser.follow(approved);
  EXPECT_NE(visible_text(after.body).find("Esta reparación ya no está esperando aprobación."), std::string::npos);
}

TEST_F(RepairPublic, UnsignedTamperedOrExpiredQuoteLinksGetThe403PageAndChangeNothing) {
  long long id = insert_repair(*server_, "R-20260101-10007", "waiting_approval");
  long long other = insert_repair(*server_, "R-20260101-10008", "waiting_approval");
  std::int64_t expires = core::unix_now() + 3600;
  std::string show = quote_path(id, repairs::QuoteAction::kShow, expires);
  Browser browser(server_->base_url());
  auto base_page = browser.get(show);  // a valid page for the CSRF token
  std::string token = testing_support::csrf_token_in(base_page.body);
  ASSERT_FALSE(token.empty());

  std::string approve = quote_path(id, repairs::QuoteAction::kApprove, expires);
  std::string other_id = approve;  // my signature, another repair
  other_id.replace(other_id.find("/" + std::to_string(id) + "/"), std::to_string(id).size() + 2,
                   "/" + std::to_string(other) + "/");
  std::string reject_with_approve_signature = quote_path(id, repairs::QuoteAction::kReject, expires);
  reject_with_approve_signature =
      reject_with_approve_signature.substr(0, reject_with_approve_signature.find("&signature=")) +
      approve.substr(approve.find("&signature="));
  std::string expired_approve = quote_path(id, repairs::QuoteAction::kApprove, core::unix_now() - 5);
  for (const auto& target : {std::string("/reparacion/") + std::to_string(id) + "/presupuesto/aprobar", other_id,
                             reject_with_approve_signature, expired_approve}) {
    auto response = browser.post(target, {{"_token", token}});
    EXPECT_EQ(response.status, 403) << target;
  }
  EXPECT_EQ(browser.get("/reparacion/" + std::to_string(id) + "/presupuesto").status, 403);
  auto expired_page = browser.get(quote_path(id, repairs::QuoteAction::kShow, core::unix_now() - 5));
  EXPECT_EQ(expired_page.status, 403);
  EXPECT_NE(visible_text(expired_page.body).find("Este enlace venció"), std::string::npos);
  EXPECT_EQ(status_of(*server_, id), "waiting_approval");
  EXPECT_EQ(status_of(*server_, other), "waiting_approval");
  EXPECT_EQ(history_rows(id) + history_rows(other), 0);
  // The admin's link is valid for 7 days.
  std::string url = repairs::quote_approval_url(kBase, key_, id);
  auto link_expiry = std::stoll(url.substr(url.find("expires=") + 8));
  EXPECT_NEAR(static_cast<double>(link_expiry - core::unix_now()), 7.0 * 24 * 3600, 120.0);
  EXPECT_EQ(browser.get(path_of(url)).status, 200);
}


TEST_F(RepairPublic, ApproveAndRejectClickedAtOnceDecideOnce) {
  long long id = insert_repair(*server_, "R-20260101-10010", "waiting_approval");
  std::int64_t expires = core::unix_now() + 3600;
  std::vector<std::thread> clicks;
  std::atomic<int> redirects{0};
  for (int i = 0; i < 8; ++i) {
    clicks.emplace_back([&, i] {
      Browser browser(server_->base_url());
      auto action = i % 2 == 0 ? repairs::QuoteAction::kApprove : repairs::QuoteAction::kReject;
      if (browser.submit("/reparacion", quote_path(id, action, expires), {}).status == 302) ++redirects;
    });
  }
  for (auto& click : clicks) click.join();
  EXPECT_EQ(redirects.load(), 8);
  std::string status = status_of(*server_, id);
  EXPECT_TRUE(status == "repairing" || status == "cancelled") << status;
  EXPECT_EQ(history_rows(id), 1);
  EXPECT_EQ(decision_audits(id), 1);
}

TEST_F(RepairPublic, CustomersSeeOnlyTheirOwnRepairs) {
  Browser ana = testing_support::registered_customer(*server_, "ana.repairs@example.com");
  Browser beto = testing_support::registered_customer(*server_, "beto.repairs@example.com");
  long long ana_id = testing_support::user_id_of(*server_, "ana.repairs@example.com");
  long long repair = insert_repair(*server_, "R-20260101-10009", "delivered", ana_id);

  auto list = ana.get("/mis-reparaciones");
  ASSERT_EQ(list.status, 200);
  std::string text = visible_text(list.body);
  EXPECT_TRUE(list.contains("<h1 class=\"page-title\">Mis reparaciones</h1>"));
  EXPECT_NE(text.find("Seguimiento del estado de tu equipo."), std::string::npos);
  EXPECT_TRUE(list.contains("href=\"/mis-reparaciones/" + std::to_string(repair) + "\""));
  EXPECT_NE(text.find("Código: R-20260101-10009 · 01/01/2026"), std::string::npos);
  EXPECT_NE(text.find("Samsung A52"), std::string::npos);
  EXPECT_NE(text.find("Entregado"), std::string::npos);

  auto detail = ana.get("/mis-reparaciones/" + std::to_string(repair));
  ASSERT_EQ(detail.status, 200);
  std::string detail_text = visible_text(detail.body);
  EXPECT_TRUE(detail.contains("<title>Reparación R-20260101-10009"));
  EXPECT_NE(detail_text.find("Código: R-20260101-10009"), std::string::npos);
  EXPECT_NE(detail_text.find("Estado: Entregado. ¡Gracias!"), std::string::npos);
  EXPECT_NE(detail_text.find("Pantalla rota"), std::string::npos);
  EXPECT_NE(detail_text.find("$ 42.000"), std::string::npos);   // total
  EXPECT_NE(detail_text.find("$ 10.000"), std::string::npos);   // paid
  EXPECT_NE(detail_text.find("$ 32.000"), std::string::npos);   // due
  EXPECT_NE(detail_text.find("Efectivo"), std::string::npos);
  EXPECT_NE(detail_text.find("Seña en efectivo"), std::string::npos);
  EXPECT_NE(detail_text.find("05/01/2026"), std::string::npos);  // delivered (12:00 Córdoba)
  EXPECT_NE(detail_text.find("05/04/2026"), std::string::npos);  // + 90 days
  EXPECT_NE(detail_text.find("Fuera de garantía"), std::string::npos);
  EXPECT_EQ(detail_text.find("nota interna privada"), std::string::npos);

  auto empty = beto.get("/mis-reparaciones");
  ASSERT_EQ(empty.status, 200);
  EXPECT_NE(visible_text(empty.body).find("No tenés reparaciones asociadas."), std::string::npos);
  EXPECT_FALSE(empty.contains("R-20260101-10009"));
  // Ana's repair is, for Beto, the same 404 page as a missing id (ids are never confirmed).
  auto foreign = beto.get("/mis-reparaciones/" + std::to_string(repair));
  auto missing = beto.get("/mis-reparaciones/999999");
  EXPECT_EQ(foreign.status, 404);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(visible_text(foreign.body), visible_text(missing.body));
  EXPECT_EQ(ana.get("/mis-reparaciones/999999").status, 404);
  EXPECT_EQ(ana.get("/mis-reparaciones/abc").status, 404);

  Browser guest(server_->base_url());
  auto redirected = guest.get("/mis-reparaciones");
  EXPECT_EQ(redirected.status, 302);
  EXPECT_NE(redirected.header("location").find("/login"), std::string::npos);
}

// ---------- The status page while a quote waits (issue 18 item 5) ----------

namespace {
// The action of the form marked with `marker` (e.g. "data-quote-reject"), HTML-unescaped.
std::string form_action(const std::string& html, const std::string& marker) {
  std::size_t at = html.find(marker);
  if (at == std::string::npos) return "";
  std::size_t form = html.rfind("<form", at);
  std::size_t start = html.find("action=\"", form) + 8;
  std::string action = html.substr(start, html.find('"', start) - start);
  for (std::size_t amp; (amp = action.find("&amp;")) != std::string::npos;) action.replace(amp, 5, "&");
  return action;
}
}  // namespace

TEST_F(RepairPublic, StatusLinkOfARepairWaitingForApprovalShowsTheAmountAndApprovesIt) {
  long long id = insert_repair(*server_, "R-20260101-10020", "waiting_approval");
  std::string link = path_of(repairs::status_link_url(kBase, key_, id));
  Browser browser(server_->base_url());
  auto page = browser.get(link);
  ASSERT_EQ(page.status, 200) << page.body;
  std::string text = visible_text(page.body);
  EXPECT_NE(text.find("Presupuesto"), std::string::npos);
  EXPECT_NE(text.find("$ 42.000"), std::string::npos);
  EXPECT_TRUE(page.contains(">Aprobar presupuesto</button>"));
  EXPECT_TRUE(page.contains(">Rechazar presupuesto</button>"));
  // Rejecting cancels the repair: the form asks first (one app-wide data-confirm handler).
  EXPECT_TRUE(page.contains("data-quote-reject data-confirm=\"¿Rechazar el presupuesto? La reparación se cancela.\""));
  // Still nothing the customer should not read.
  EXPECT_EQ(text.find("Cliente Secreto"), std::string::npos);
  EXPECT_EQ(text.find("nota interna privada"), std::string::npos);

  // The forms post to the quote page's signed routes, expiring with the status link.
  std::string approve = form_action(page.body, "data-quote-approve");
  std::string expires = link.substr(link.find("expires=") + 8, link.find('&') - link.find("expires=") - 8);
  EXPECT_EQ(approve, quote_path(id, repairs::QuoteAction::kApprove, std::stoll(expires)));
  auto approved = browser.submit(link, approve, {});
  ASSERT_EQ(approved.status, 302) << approved.body;
  EXPECT_EQ(status_of(*server_, id), "repairing");
  EXPECT_EQ(decision_audits(id), 1);
  auto after = browser.follow(approved);
  EXPECT_NE(visible_text(after.body).find("Presupuesto aprobado. Empezamos con la reparación."), std::string::npos);
  // Back on the status page: the decision is taken, the forms are gone.
  auto again = browser.get(link);
  EXPECT_NE(visible_text(again.body).find("En reparación"), std::string::npos);
  EXPECT_FALSE(again.contains("Aprobar presupuesto"));
  EXPECT_EQ(visible_text(again.body).find("$ 42.000"), std::string::npos);
}

TEST_F(RepairPublic, LookupOfARepairWaitingForApprovalOffersTheQuoteAndADoubleRejectCancelsOnce) {
  long long id = insert_repair(*server_, "R-20260101-10021", "waiting_approval", 0, "+5493415550021");
  Browser browser(server_->base_url());
  auto result = browser.submit("/reparacion", "/reparacion", {{"code", "R-20260101-10021"}, {"phone", "341 555-0021"}});
  ASSERT_EQ(result.status, 200) << result.body;
  EXPECT_NE(visible_text(result.body).find("$ 42.000"), std::string::npos);
  std::string reject = form_action(result.body, "data-quote-reject");
  ASSERT_NE(reject.find("/reparacion/" + std::to_string(id) + "/presupuesto/rechazar?expires="), std::string::npos)
      << reject;
  std::string token = testing_support::csrf_token_in(result.body);

  // Two taps before the first answer arrives: one cancellation, one history row, one audit entry.
  auto first = browser.post(reject, {{"_token", token}});
  auto second = browser.post(reject, {{"_token", token}});
  EXPECT_EQ(first.status, 302);
  EXPECT_EQ(second.status, 302);
  EXPECT_EQ(status_of(*server_, id), "cancelled");
  EXPECT_EQ(history_rows(id), 1);
  EXPECT_EQ(decision_audits(id), 1);
  auto shown = browser.follow(second);
  EXPECT_NE(visible_text(shown.body).find("Esta reparación ya no está esperando aprobación."), std::string::npos);
}

TEST_F(RepairPublic, StatusPagesOfRepairsNotWaitingShowNoQuoteForms) {
  int n = 0;
  for (const std::string status : {"received", "diagnosing", "repairing", "ready_pickup"}) {
    long long id = insert_repair(*server_, "R-20260101-1003" + std::to_string(n++), status);
    Browser browser(server_->base_url());
    auto page = browser.get(path_of(repairs::status_link_url(kBase, key_, id)));
    ASSERT_EQ(page.status, 200) << status;
    EXPECT_FALSE(page.contains("data-quote-approve")) << status;
    EXPECT_EQ(visible_text(page.body).find("42.000"), std::string::npos) << status;
  }
}

TEST_F(RepairPublic, TheCustomerAreaOffersTheQuoteOfARepairWaitingForApproval) {
  Browser carla = testing_support::registered_customer(*server_, "carla.repairs@example.com");
  long long carla_id = testing_support::user_id_of(*server_, "carla.repairs@example.com");
  long long id = insert_repair(*server_, "R-20260101-10040", "waiting_approval", carla_id);
  std::string path = "/mis-reparaciones/" + std::to_string(id);
  auto detail = carla.get(path);
  ASSERT_EQ(detail.status, 200);
  EXPECT_TRUE(detail.contains("data-repair-pending-quote"));
  EXPECT_TRUE(detail.contains("data-quote-reject data-confirm=\"¿Rechazar el presupuesto? La reparación se cancela.\""));
  auto approved = carla.submit(path, form_action(detail.body, "data-quote-approve"), {});
  ASSERT_EQ(approved.status, 302) << approved.body;
  EXPECT_EQ(status_of(*server_, id), "repairing");
  EXPECT_EQ(decision_audits(id), 1);
  EXPECT_FALSE(carla.get(path).contains("data-repair-pending-quote"));
}
