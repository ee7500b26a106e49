#include "domain/repairs/status.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>

using repairs::RepairStatus;

TEST(RepairStatus, KeysAndSpanishLabelsMatchTheSpec) {
  const std::pair<std::string, std::string> expected[] = {
      {"received", "Recibido"},          {"diagnosing", "Diagnosticando"}, {"waiting_approval", "Esperando aprobación"},
      {"repairing", "En reparación"},    {"ready_pickup", "Listo para retirar"}, {"delivered", "Entregado"},
      {"cancelled", "Cancelado"}};
  ASSERT_EQ(repairs::kAllRepairStatuses.size(), 7u);
  for (std::size_t i = 0; i < 7; ++i) {
    auto status = repairs::kAllRepairStatuses[i];
    EXPECT_EQ(repairs::status_key(status), expected[i].first);
    EXPECT_EQ(repairs::status_label(status), expected[i].second);
    auto parsed = repairs::parse_status(expected[i].first);
    ASSERT_TRUE(parsed.has_value()) << expected[i].first;
    EXPECT_EQ(*parsed, status);
  }
}

TEST(RepairStatus, ParseRejectsUnknownOrSloppyKeys) {
  EXPECT_FALSE(repairs::parse_status("").has_value());
  EXPECT_FALSE(repairs::parse_status("Received").has_value());
  EXPECT_FALSE(repairs::parse_status(" received").has_value());
  EXPECT_FALSE(repairs::parse_status("Recibido").has_value());
  EXPECT_FALSE(repairs::parse_status("pendiente").has_value());
}

// The whole 7×7 table of docs/domain/repairs.md "Status machine": every pair not listed is refused.
TEST(RepairStatus, TransitionTableIsExactlyTheSpec) {
  using S = RepairStatus;
  const std::set<std::pair<S, S>> allowed = {
      {S::kReceived, S::kDiagnosing},       {S::kReceived, S::kWaitingApproval},  {S::kReceived, S::kRepairing},
      {S::kReceived, S::kReadyPickup},      {S::kReceived, S::kCancelled},        {S::kDiagnosing, S::kWaitingApproval},
      {S::kDiagnosing, S::kRepairing},      {S::kDiagnosing, S::kReadyPickup},    {S::kDiagnosing, S::kCancelled},
      {S::kWaitingApproval, S::kRepairing}, {S::kWaitingApproval, S::kReadyPickup}, {S::kWaitingApproval, S::kCancelled},
      {S::kRepairing, S::kReadyPickup},     {S::kRepairing, S::kCancelled},       {S::kReadyPickup, S::kDelivered},
      {S::kReadyPickup, S::kCancelled}};
  int checked = 0;
  for (auto from : repairs::kAllRepairStatuses) {
    for (auto to : repairs::kAllRepairStatuses) {
      bool expected = allowed.count({from, to}) > 0;
      EXPECT_EQ(repairs::can_transition(from, to), expected)
          << repairs::status_key(from) << " -> " << repairs::status_key(to);
      ++checked;
    }
  }
  EXPECT_EQ(checked, 49);
}

TEST(RepairStatus, FinalStatesGoNowhereAndNothingGoesBack) {
  for (auto status : repairs::kAllRepairStatuses) {
    EXPECT_FALSE(repairs::can_transition(status, status)) << repairs::status_key(status);
    bool final_state = status == RepairStatus::kDelivered || status == RepairStatus::kCancelled;
    EXPECT_EQ(repairs::is_final(status), final_state);
    EXPECT_EQ(repairs::allowed_transitions(status).empty(), final_state) << repairs::status_key(status);
  }
  EXPECT_FALSE(repairs::can_transition(RepairStatus::kRepairing, RepairStatus::kDiagnosing));
  EXPECT_FALSE(repairs::can_transition(RepairStatus::kReadyPickup, RepairStatus::kRepairing));
  EXPECT_FALSE(repairs::can_transition(RepairStatus::kRepairing, RepairStatus::kDelivered));
  EXPECT_FALSE(repairs::can_transition(RepairStatus::kCancelled, RepairStatus::kReceived));
}

TEST(RepairStatus, AllowedTransitionsAreInWorkflowOrder) {
  auto from_received = repairs::allowed_transitions(RepairStatus::kReceived);
  ASSERT_EQ(from_received.size(), 5u);
  EXPECT_EQ(from_received.front(), RepairStatus::kDiagnosing);
  EXPECT_EQ(from_received.back(), RepairStatus::kCancelled);
  auto from_ready = repairs::allowed_transitions(RepairStatus::kReadyPickup);
  ASSERT_EQ(from_ready.size(), 2u);
  EXPECT_EQ(from_ready[0], RepairStatus::kDelivered);
  EXPECT_EQ(from_ready[1], RepairStatus::kCancelled);
}
