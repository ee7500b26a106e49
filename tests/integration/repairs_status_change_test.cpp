// repairs::change_repair_status against the real schema (SQLite, and MariaDB under scripts/with-mariadb.sh):
// every transition of docs/domain/repairs.md "Status machine" allowed or refused with its message, history rows,
// delivered_at, and two writers racing on the same repair.
#include "domain/repairs/status_change.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "db/unit_of_work.hpp"
#include "support/app_server.hpp"
#include "support/test_files.hpp"

using repairs::RepairStatus;
using repairs::StatusChangeOutcome;
using testing_support::AppServer;
using testing_support::scalar;

namespace {
class RepairStatusChange : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new AppServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static long long insert_repair(const std::string& status) {
    auto sql = server_->database().lease();
    *sql << "INSERT INTO repairs (customer_name, customer_phone, issue_reported, status, received_at, created_at, "
            "updated_at) VALUES ('Cliente', '3415550000', 'Pantalla', :status, '2026-01-01 12:00:00', "
            "'2026-01-01 12:00:00', '2026-01-01 12:00:00')",
        soci::use(status);
    return server_->database().last_insert_id(*sql, "repairs");
  }
  static std::string status_of(long long id) {
    std::string status;
    *server_->database().lease() << "SELECT status FROM repairs WHERE id = :id", soci::use(id), soci::into(status);
    return status;
  }
  static long long history_count(long long id) {
    return scalar(*server_, "SELECT COUNT(*) FROM repair_status_histories WHERE repair_id = " + std::to_string(id));
  }
  static AppServer* server_;
};
AppServer* RepairStatusChange::server_ = nullptr;
}  // namespace

TEST_F(RepairStatusChange, EveryPairOfTheTableIsAllowedOrRefusedWithTheSpecMessage) {
  for (auto from : repairs::kAllRepairStatuses) {
    for (auto to : repairs::kAllRepairStatuses) {
      long long id = insert_repair(std::string(repairs::status_key(from)));
      auto change = db::write(server_->database(), [&](db::Tx& tx) {
        return repairs::change_repair_status(tx, id, to, std::nullopt, "prueba");
      });
      std::string pair = std::string(repairs::status_key(from)) + "→" + std::string(repairs::status_key(to));
      EXPECT_EQ(change.from, from) << pair;
      if (from == to) {
        EXPECT_EQ(change.outcome, StatusChangeOutcome::kUnchanged) << pair;
        EXPECT_EQ(change.message, "El estado ya era ese.");
        EXPECT_EQ(history_count(id), 0) << pair;
      } else if (repairs::can_transition(from, to)) {
        EXPECT_EQ(change.outcome, StatusChangeOutcome::kChanged) << pair;
        EXPECT_EQ(change.message, "Estado actualizado.");
        EXPECT_EQ(status_of(id), repairs::status_key(to)) << pair;
        EXPECT_EQ(history_count(id), 1) << pair;
      } else {
        EXPECT_EQ(change.outcome, StatusChangeOutcome::kRefused) << pair;
        EXPECT_EQ(change.message, repairs::transition_refusal_message(from)) << pair;
        EXPECT_EQ(status_of(id), repairs::status_key(from)) << pair;
        EXPECT_EQ(history_count(id), 0) << pair;
      }
    }
  }
}

TEST_F(RepairStatusChange, ReceivedToDeliveredIsRefusedWithTheListOfAllowedStatuses) {
  long long id = insert_repair("received");
  auto change = db::write(server_->database(), [&](db::Tx& tx) {
    return repairs::change_repair_status(tx, id, RepairStatus::kDelivered, 1, "");
  });
  EXPECT_EQ(change.outcome, StatusChangeOutcome::kRefused);
  EXPECT_EQ(change.message,
            "Cambio de estado inválido. Desde Recibido solo podés pasar a: Diagnosticando, Esperando aprobación, En "
            "reparación, Listo para retirar, Cancelado.");
}

TEST_F(RepairStatusChange, DeliveryWritesHistoryAndDeliveredAtOnce) {
  long long id = insert_repair("ready_pickup");
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM repairs WHERE delivered_at IS NULL AND id = " + std::to_string(id)), 1);
  auto change = db::write(server_->database(), [&](db::Tx& tx) {
    return repairs::change_repair_status(tx, id, RepairStatus::kDelivered, std::nullopt, "Entrega QA");
  });
  ASSERT_EQ(change.outcome, StatusChangeOutcome::kChanged);
  EXPECT_EQ(scalar(*server_, "SELECT COUNT(*) FROM repairs WHERE delivered_at IS NOT NULL AND id = " + std::to_string(id)), 1);
  std::string from, to, comment;
  soci::indicator by_ind;
  long long by = 0;
  *server_->database().lease() << "SELECT from_status, to_status, comment, changed_by FROM repair_status_histories "
                                  "WHERE repair_id = :id",
      soci::use(id), soci::into(from), soci::into(to), soci::into(comment), soci::into(by, by_ind);
  EXPECT_EQ(from, "ready_pickup");
  EXPECT_EQ(to, "delivered");
  EXPECT_EQ(comment, "Entrega QA");
  EXPECT_EQ(by_ind, soci::i_null);  // the customer / system
}

TEST_F(RepairStatusChange, UnknownRepairIsNotFound) {
  auto change = db::write(server_->database(), [&](db::Tx& tx) {
    return repairs::change_repair_status(tx, 987654, RepairStatus::kRepairing, 1, "");
  });
  EXPECT_EQ(change.outcome, StatusChangeOutcome::kNotFound);
}

TEST_F(RepairStatusChange, ADoubleSubmitIsUnchangedNotAConflict) {
  long long id = insert_repair("diagnosing");
  auto change = db::write(server_->database(), [&](db::Tx& tx) {
    return repairs::change_repair_status(tx, id, RepairStatus::kDiagnosing, 1, "", RepairStatus::kReceived);
  });
  EXPECT_EQ(change.outcome, StatusChangeOutcome::kUnchanged);
  EXPECT_EQ(history_count(id), 0);
}

TEST_F(RepairStatusChange, AStaleFormGetsTheReloadMessageAndChangesNothing) {
  long long id = insert_repair("repairing");
  auto change = db::write(server_->database(), [&](db::Tx& tx) {
    return repairs::change_repair_status(tx, id, RepairStatus::kReadyPickup, 1, "", RepairStatus::kReceived);
  });
  EXPECT_EQ(change.outcome, StatusChangeOutcome::kConflict);
  EXPECT_EQ(change.message, "La reparación cambió mientras la editabas. Recargá la página e intentá de nuevo.");
  EXPECT_EQ(status_of(id), "repairing");
  EXPECT_EQ(history_count(id), 0);
}

TEST_F(RepairStatusChange, ConcurrentChangesFromTheSameFormLetExactlyOneWin) {
  long long id = insert_repair("received");
  auto settings = server_->database().settings();
  settings.pool_size = 5;
  db::Database database(settings);
  const RepairStatus targets[] = {RepairStatus::kDiagnosing, RepairStatus::kWaitingApproval, RepairStatus::kRepairing,
                                  RepairStatus::kReadyPickup, RepairStatus::kCancelled};
  std::atomic<int> changed{0}, conflicts{0}, other{0};
  std::vector<std::thread> threads;
  for (auto target : targets)
    threads.emplace_back([&, target] {
      auto change = db::write(database, [&](db::Tx& tx) {
        return repairs::change_repair_status(tx, id, target, std::nullopt, "carrera", RepairStatus::kReceived);
      });
      if (change.outcome == StatusChangeOutcome::kChanged)
        ++changed;
      else if (change.outcome == StatusChangeOutcome::kConflict)
        ++conflicts;
      else
        ++other;
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(changed.load(), 1);
  EXPECT_EQ(conflicts.load(), 4);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(history_count(id), 1);
}
