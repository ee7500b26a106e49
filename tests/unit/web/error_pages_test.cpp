// The Spanish error pages, rendered with the real templates and layout.
#include "web/render.hpp"

#include <gtest/gtest.h>

#include "core/config.hpp"
#include "core/crypto.hpp"
#include "db/database.hpp"
#include "domain/accounts/account_service.hpp"
#include "infra/rate_limiter.hpp"
#include "web/router.hpp"
#include "web/services.hpp"
#include "web/session.hpp"
#include "web/views.hpp"

namespace {
class ErrorPages : public ::testing::Test {
 protected:
  ErrorPages()
      : config_(core::Config::from_values({}, NICO_TEST_SOURCE_DIR)),
        database_(make_settings()),
        templates_(std::filesystem::path(NICO_TEST_SOURCE_DIR) / "templates"),
        sessions_(database_, 120),
        limiter_(database_),
        users_(database_),
        accounts_(users_, {1, 8192}),
        services_{config_, database_, templates_, sessions_, limiter_, accounts_, router_, std::string(32, 'k'),
                  {"/css/app.css"}, {"/js/app.js"}} {}

  static db::DatabaseSettings make_settings() {
    db::DatabaseSettings settings;
    settings.sqlite_path = ":memory:";
    settings.pool_size = 1;
    return settings;
  }

  std::string page(int status, web::ErrorDetails details = {}) {
    auto response = web::error_page(services_, nullptr, status, details);
    EXPECT_EQ(response.status, status);
    return response.body;
  }

  core::Config config_;
  db::Database database_;
  web::TemplateEngine templates_;
  web::SessionStore sessions_;
  infra::RateLimiter limiter_;
  accounts::UserRepository users_;
  accounts::AccountService accounts_;
  web::Router router_;
  web::Services services_;
};
}  // namespace

TEST_F(ErrorPages, EachStatusHasItsSpanishPage) {
  EXPECT_NE(page(403, {.message = "Tu usuario no esta habilitado para ingresar al panel admin."})
                .find("Tu usuario no esta habilitado para ingresar al panel admin."),
            std::string::npos);
  EXPECT_NE(page(404).find("No encontramos esa página"), std::string::npos);
  EXPECT_NE(page(419).find("La página estuvo abierta mucho tiempo; revisá y volvé a enviar"), std::string::npos);
  EXPECT_NE(page(429).find("Estás haciendo muchas solicitudes en poco tiempo."), std::string::npos);
  EXPECT_NE(page(503).find("Estamos en mantenimiento"), std::string::npos);
  EXPECT_NE(page(413).find("demasiado grande"), std::string::npos);
}

TEST_F(ErrorPages, InternalErrorShowsTheReferenceButNoDetailsUnlessAsked) {
  std::string plain = page(500, {.request_id = "abc123XYZ"});
  EXPECT_NE(plain.find("Algo salió mal"), std::string::npos);
  EXPECT_NE(plain.find("abc123XYZ"), std::string::npos);
  EXPECT_EQ(plain.find("<pre"), std::string::npos);
  std::string debug = page(500, {.request_id = "r", .debug = "no such table: <users>"});
  EXPECT_NE(debug.find("no such table: &lt;users&gt;"), std::string::npos);
}
