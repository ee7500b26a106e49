// Issue 18 item 10 over HTTP: /favicon.ico from the brand assets, the maintenance 503 with a real WhatsApp link
// and Retry-After, and the 419 page that keeps what was typed and sends people back to a fresh form.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include <soci/soci.h>

#include "db/database.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"

using testing_support::AppServer;
using testing_support::Browser;
using testing_support::visible_text;

namespace {

void put_setting(AppServer& server, const std::string& key, const std::string& value) {
  std::string column = server.using_mariadb() ? "`key`" : "\"key\"";
  auto sql = server.database().lease();
  *sql << "DELETE FROM business_settings WHERE " + column + " = :k", soci::use(key);
  *sql << "INSERT INTO business_settings (" + column + ", value) VALUES (:k, :v)", soci::use(key), soci::use(value);
}

bool is_ico(const std::string& body) { return body.size() > 6 && body.compare(0, 4, std::string("\0\0\1\0", 4)) == 0; }

}  // namespace

TEST(SitePages, FaviconIcoIsACacheableIconEvenWithoutUploads) {
  AppServer server;
  server.start();
  Browser browser(server.base_url());
  auto icon = browser.get("/favicon.ico");
  ASSERT_EQ(icon.status, 200);
  EXPECT_EQ(icon.header("content-type"), "image/x-icon");
  EXPECT_NE(icon.header("cache-control").find("max-age="), std::string::npos) << icon.header("cache-control");
  EXPECT_TRUE(is_ico(icon.body));
  EXPECT_NE(icon.body.find("\x89PNG"), std::string::npos);  // the shipped app icon, wrapped
  EXPECT_TRUE(icon.header("set-cookie").empty());           // no session for a favicon
}

TEST(SitePages, AnUploadedFaviconIcoIsServedAsIs) {
  AppServer server;
  server.start();
  auto folder = server.base_path() / "storage/app/public/brand-assets";
  std::filesystem::create_directories(folder);
  std::string custom = std::string("\0\0\1\0", 4) + "icono-del-taller";
  std::ofstream(folder / "favicon-taller.ico", std::ios::binary) << custom;
  put_setting(server, "brand_asset_favicon_ico", "brand-assets/favicon-taller.ico");
  Browser browser(server.base_url());
  auto icon = browser.get("/favicon.ico");
  ASSERT_EQ(icon.status, 200);
  EXPECT_EQ(icon.body, custom);
}

TEST(SitePages, MaintenancePageLinksTheShopWhatsAppAndSaysWhenToRetry) {
  AppServer server;
  server.start();
  put_setting(server, "shop_phone", "+5493415557788");
  ASSERT_EQ(server.run({"down"}).exit_code, 0);
  Browser browser(server.base_url());
  auto page = browser.get("/tienda");
  EXPECT_EQ(page.status, 503);
  EXPECT_EQ(page.header("retry-after"), "300");  // no --retry: five minutes
  EXPECT_TRUE(page.contains("href=\"https://wa.me/5493415557788?text=")) << page.body;
  EXPECT_NE(visible_text(page.body).find("Escribinos por WhatsApp"), std::string::npos);
  ASSERT_EQ(server.run({"up"}).exit_code, 0);
}

TEST(SitePages, MaintenancePageWithoutShopPhoneOffersNoDeadWhatsAppLine) {
  AppServer server;
  server.start();
  ASSERT_EQ(server.run({"down", "--retry=45"}).exit_code, 0);
  Browser browser(server.base_url());
  auto page = browser.get("/tienda");
  EXPECT_EQ(page.status, 503);
  EXPECT_EQ(page.header("retry-after"), "45");
  EXPECT_FALSE(page.contains("wa.me"));
  EXPECT_EQ(visible_text(page.body).find("WhatsApp"), std::string::npos);
  ASSERT_EQ(server.run({"up"}).exit_code, 0);
}

TEST(SitePages, AStaleFormGets419ThatKeepsTheTypedInputButNotThePassword) {
  AppServer server;
  server.start();
  Browser browser(server.base_url());
  ASSERT_EQ(browser.get("/registro").status, 200);
  // The token the page had is gone (a form left open overnight): the POST carries an old one.
  auto stale = browser.post("/registro",
                            {{"_token", "token-de-ayer"}, {"name", "Ana"}, {"last_name", "Gómez"},
                             {"phone", "341 555-7788"}, {"email", "ana@example.com"}, {"password", "clave-secreta-1"},
                             {"password_confirmation", "clave-secreta-1"}},
                            {{"Referer", server.base_url() + "/registro"}});
  ASSERT_EQ(stale.status, 419);
  std::string text = visible_text(stale.body);
  EXPECT_NE(text.find("La página estuvo abierta mucho tiempo; revisá y volvé a enviar"), std::string::npos) << text;
  EXPECT_EQ(text.find("CSRF"), std::string::npos) << text;
  EXPECT_EQ(text.find("token"), std::string::npos) << text;
  // The action is a plain link to a fresh form, never a reload that re-sends the stale POST.
  EXPECT_TRUE(stale.contains("<a class=\"btn-primary\" href=\"/registro\">Volver al formulario</a>")) << stale.body;
  EXPECT_FALSE(stale.contains("data-reload"));

  auto form = browser.get("/registro");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(form.contains("value=\"Ana\"")) << form.body;
  EXPECT_TRUE(form.contains("value=\"ana@example.com\""));
  EXPECT_TRUE(form.contains("value=\"Gómez\""));
  EXPECT_FALSE(form.contains("clave-secreta-1"));
}

TEST(SitePages, AScriptedPostWithoutAFormOfThisSiteGets419AndNoSession) {
  AppServer server;
  server.start();
  Browser bot(server.base_url());
  auto refused = bot.post("/registro", {{"name", "x"}});
  EXPECT_EQ(refused.status, 419);
  for (const auto& cookie : refused.header_values("set-cookie"))
    EXPECT_EQ(cookie.find("session"), std::string::npos) << cookie;
}

TEST(SitePages, AStaleTwoFactorFormNeverKeepsTheCodeItCarried) {
  AppServer server;
  server.start();
  Browser browser(server.base_url());
  ASSERT_EQ(browser.get("/registro").status, 200);
  // A recovery code is a credential: a stale form must not park it in the session as old input.
  auto stale = browser.post("/registro", {{"_token", "vencido"}, {"name", "Ana"}, {"code", "ABCD-EFGH-1234"},
                                          {"recovery_code", "WXYZ-9876"}, {"secret", "JBSWY3DPEHPK3PXP"}},
                            {{"Referer", server.base_url() + "/registro"}});
  ASSERT_EQ(stale.status, 419);
  long long leaked = 0;
  server.database().lease()->once
      << "SELECT COUNT(*) FROM sessions WHERE payload LIKE '%ABCD%' OR payload LIKE '%WXYZ%' OR payload LIKE '%JBSWY%'",
      soci::into(leaked);
  EXPECT_EQ(leaked, 0);
  EXPECT_TRUE(browser.get("/registro").contains("value=\"Ana\""));
}

TEST(SitePages, AFloodOfStaleFormsWithAForgedRefererStopsWritingSessions) {
  AppServer server;
  server.start();
  auto sessions = [&] {
    long long rows = 0;
    server.database().lease()->once << "SELECT COUNT(*) FROM sessions", soci::into(rows);
    return rows;
  };
  long long before = sessions();
  for (int i = 0; i < 60; ++i) {
    Browser bot(server.base_url());  // no cookies: a fresh visitor each time
    auto refused = bot.post("/registro", {{"name", "x"}}, {{"Referer", server.base_url() + "/registro"}});
    ASSERT_EQ(refused.status, 419);
  }
  EXPECT_LE(sessions() - before, 20) << "at most the per-minute allowance of kept stale forms";
}

