// Admin users (docs/domain/accounts.md "Users admin", "Audit log"): the list and its filters, a user's page with orders
// and repairs, role changes with their guards, and the audit row each real change leaves.
#include <gtest/gtest.h>

#include "db/unit_of_work.hpp"
#include "domain/users_admin/users_admin.hpp"
#include "support/accounts.hpp"
#include "support/app_server.hpp"
#include "support/browser.hpp"
#include "support/catalog_fixtures.hpp"
#include "support/test_files.hpp"

using namespace testing_support;

namespace {

class UsersAdmin : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new AppServer(std::map<std::string, std::string>{{"RATE_LIMIT_ADMIN_REQUESTS_PER_MINUTE", "100000"}});
    server_->start();
    admin_ = new Browser(signed_in_admin(*server_));
    admin_id_ = user_id_of(*server_, kTestAdminEmail);
    token_ = csrf_token_in(admin_->get("/admin/usuarios").body);
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete server_;
  }
  static HttpResponse change_role(long long user, const std::string& role) {
    admin_->referer = server_->base_url() + "/admin/usuarios/" + std::to_string(user);
    auto response = admin_->post("/admin/usuarios/" + std::to_string(user) + "/rol", {{"_token", token_}, {"role", role}});
    admin_->referer.clear();
    return response;
  }
  static long long count(const std::string& query) { return scalar(*server_, query); }
  static long long customer(const std::string& email) {
    registered_customer(*server_, email);
    return user_id_of(*server_, email);
  }

  static AppServer* server_;
  static Browser* admin_;
  static std::string token_;
  static long long admin_id_;
};
AppServer* UsersAdmin::server_ = nullptr;
Browser* UsersAdmin::admin_ = nullptr;
std::string UsersAdmin::token_;
long long UsersAdmin::admin_id_ = 0;

}  // namespace

TEST_F(UsersAdmin, ListSearchesByNameEmailAndPhoneDigitsAndFiltersByRole) {
  long long ana = customer("ana.lista@example.com");
  auto all = admin_->get("/admin/usuarios");
  ASSERT_EQ(all.status, 200);
  EXPECT_TRUE(all.contains("<title>Admin — Usuarios</title>"));
  EXPECT_TRUE(all.contains("Usuarios</h1>"));
  EXPECT_TRUE(all.contains("Admins: " + std::to_string(count("SELECT COUNT(*) FROM users WHERE role = 'admin'"))));
  EXPECT_TRUE(all.contains("href=\"/admin/usuarios/" + std::to_string(ana) + "\">Gestionar</a>"));

  EXPECT_TRUE(admin_->get("/admin/usuarios?q=ana.lista").contains("ana.lista@example.com"));
  // Registered phone "341 555-0000": typed digits with other separators still match.
  EXPECT_TRUE(admin_->get("/admin/usuarios?q=341-5550").contains("ana.lista@example.com"));
  auto nobody = admin_->get("/admin/usuarios?q=zzz-no-existe");
  EXPECT_TRUE(nobody.contains("No hay usuarios para mostrar."));

  auto admins = admin_->get("/admin/usuarios?role=admin");
  EXPECT_TRUE(admins.contains("<option value=\"admin\" selected>Admin</option>"));
  EXPECT_TRUE(admins.contains(kTestAdminEmail));
  EXPECT_FALSE(admins.contains("ana.lista@example.com"));
}

TEST_F(UsersAdmin, DetailShowsTheUsersOrdersAndRepairs) {
  long long user = customer("cliente.detalle@example.com");
  long long category = insert_category(*server_, "Detalle", "detalle-cat");
  long long product = insert_product(*server_, category, "Templado", "templado-detalle");
  long long order = insert_sold_item(*server_, user, product);
  server_->database().lease()->once
      << "INSERT INTO repairs (code, user_id, customer_name, customer_phone, device_brand, device_model, issue_reported, "
         "status, created_at, updated_at) VALUES ('R-DETALLE-1', :u, 'Ana', '3415550000', 'Samsung', 'A52', 'Pantalla', "
         "'repairing', '2026-01-03 10:00:00', '2026-01-03 10:00:00')",
      soci::use(user);
  auto page = admin_->get("/admin/usuarios/" + std::to_string(user));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("Usuario #" + std::to_string(user)));
  EXPECT_TRUE(page.contains("Pedidos: 1 · Reparaciones: 1"));
  EXPECT_TRUE(page.contains("Pedido #" + std::to_string(order)));
  EXPECT_TRUE(page.contains("Entregado"));
  EXPECT_TRUE(page.contains("R-DETALLE-1"));
  EXPECT_TRUE(page.contains("Samsung A52"));
  EXPECT_TRUE(page.contains("En reparación"));
  EXPECT_TRUE(page.contains("Asignar rol"));
  EXPECT_EQ(admin_->get("/admin/usuarios/999999").status, 404);
}

TEST_F(UsersAdmin, PromotionIsSavedAndAudited) {
  long long user = customer("promovido@example.com");
  auto response = change_role(user, "admin");
  ASSERT_EQ(response.status, 302);
  EXPECT_EQ(response.header("location"), "/admin/usuarios/" + std::to_string(user));
  EXPECT_TRUE(admin_->follow(response).contains("Rol actualizado correctamente."));
  EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE role = 'admin' AND id = " + std::to_string(user)), 1);

  std::string subject_type, metadata, method;
  long long actor = 0, subject = 0;
  *server_->database().lease() << "SELECT actor_id, subject_type, subject_id, metadata, http_method FROM audit_logs "
          "WHERE event = 'admin.user.role_changed' ORDER BY id DESC LIMIT 1",
      soci::into(actor), soci::into(subject_type), soci::into(subject), soci::into(metadata), soci::into(method);
  EXPECT_EQ(actor, admin_id_);
  EXPECT_EQ(subject_type, "App\\Models\\User");
  EXPECT_EQ(subject, user);
  EXPECT_NE(metadata.find("\"from_role\":\"user\""), std::string::npos) << metadata;
  EXPECT_NE(metadata.find("\"to_role\":\"admin\""), std::string::npos) << metadata;
  EXPECT_EQ(method, "POST");

  // Back to user: allowed (two admins), audited again.
  long long audits = count("SELECT COUNT(*) FROM audit_logs WHERE event = 'admin.user.role_changed'");
  EXPECT_EQ(change_role(user, "user").status, 302);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_logs WHERE event = 'admin.user.role_changed'"), audits + 1);
}

TEST_F(UsersAdmin, SameRoleChangesNothingAndIsNotAudited) {
  long long user = customer("mismo.rol@example.com");
  long long audits = count("SELECT COUNT(*) FROM audit_logs WHERE event = 'admin.user.role_changed'");
  auto response = change_role(user, "user");
  ASSERT_EQ(response.status, 302);
  EXPECT_TRUE(admin_->follow(response).contains("El usuario ya tenía ese rol."));
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_logs WHERE event = 'admin.user.role_changed'"), audits);
}

TEST_F(UsersAdmin, AnAdminCannotDemoteThemself) {
  auto response = change_role(admin_id_, "user");
  ASSERT_EQ(response.status, 302);
  EXPECT_EQ(response.header("location"), "/admin/usuarios/" + std::to_string(admin_id_));
  EXPECT_TRUE(admin_->follow(response).contains("No podés quitarte permisos de admin a vos mismo."));
  EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE role = 'admin' AND id = " + std::to_string(admin_id_)), 1);
}

TEST_F(UsersAdmin, TheLastAdminKeepsTheRole) {
  // Over HTTP the acting admin is always a second admin, so the guard is reached through the use case itself:
  // an actor that is no longer an admin (demoted meanwhile) trying to demote the only remaining one.
  long long former = customer("ex.admin@example.com");
  ASSERT_EQ(count("SELECT COUNT(*) FROM users WHERE role = 'admin'"), 1);
  auto change = db::write(server_->database(),
                          [&](db::Tx& tx) { return users_admin::change_user_role(tx, admin_id_, "user", former); });
  EXPECT_EQ(change.outcome, users_admin::RoleChangeOutcome::kLastAdmin);
  EXPECT_EQ(users_admin::role_change_message(change.outcome), "No podés quitar el rol al último admin del sistema.");
  EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE role = 'admin'"), 1);

  // With a second admin the same demotion goes through.
  ASSERT_EQ(change_role(former, "admin").status, 302);
  auto allowed = db::write(server_->database(),
                           [&](db::Tx& tx) { return users_admin::change_user_role(tx, former, "user", admin_id_); });
  EXPECT_EQ(allowed.outcome, users_admin::RoleChangeOutcome::kChanged);
}

TEST_F(UsersAdmin, RoleChangeOnAMissingUserIs404AndAnUnknownRoleIsRefused) {
  long long audits = count("SELECT COUNT(*) FROM audit_logs WHERE event = 'admin.user.role_changed'");
  EXPECT_EQ(change_role(999999, "admin").status, 404);
  EXPECT_EQ(change_role(999999, "user").status, 404);
  long long user = customer("rol.raro@example.com");
  auto weird = change_role(user, "superadmin");
  ASSERT_EQ(weird.status, 302);
  EXPECT_TRUE(admin_->follow(weird).contains("Elegí un rol válido: User o Admin."));
  EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE role = 'user' AND id = " + std::to_string(user)), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_logs WHERE event = 'admin.user.role_changed'"), audits);
}
