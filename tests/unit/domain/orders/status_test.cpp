#include "domain/orders/status.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>

using orders::OrderStatus;

TEST(OrderStatus, KeysAndSpanishLabelsMatchTheSpec) {
  const std::pair<std::string, std::string> expected[] = {
      {"pendiente", "Pendiente"},   {"confirmado", "Confirmado"}, {"preparando", "Preparando"},
      {"listo_retirar", "Listo para retirar"}, {"entregado", "Entregado"}, {"cancelado", "Cancelado"}};
  ASSERT_EQ(orders::kAllOrderStatuses.size(), 6u);
  for (std::size_t i = 0; i < 6; ++i) {
    auto status = orders::kAllOrderStatuses[i];
    EXPECT_EQ(orders::status_key(status), expected[i].first);
    EXPECT_EQ(orders::status_label(status), expected[i].second);
    auto parsed = orders::parse_status(expected[i].first);
    ASSERT_TRUE(parsed.has_value()) << expected[i].first;
    EXPECT_EQ(*parsed, status);
  }
}

TEST(OrderStatus, ParseRejectsUnknownOrSloppyKeys) {
  EXPECT_FALSE(orders::parse_status("").has_value());
  EXPECT_FALSE(orders::parse_status("Pendiente").has_value());
  EXPECT_FALSE(orders::parse_status("pendiente ").has_value());
  EXPECT_FALSE(orders::parse_status("Listo para retirar").has_value());
  EXPECT_FALSE(orders::parse_status("received").has_value());
}

// The whole 6×6 table of docs/domain/orders.md "Status machine": every pair not listed is refused.
TEST(OrderStatus, TransitionTableIsExactlyTheSpec) {
  using S = OrderStatus;
  const std::set<std::pair<S, S>> allowed = {
      {S::kPendiente, S::kConfirmado},     {S::kPendiente, S::kPreparando},  {S::kPendiente, S::kListoRetirar},
      {S::kPendiente, S::kCancelado},      {S::kConfirmado, S::kPreparando}, {S::kConfirmado, S::kListoRetirar},
      {S::kConfirmado, S::kEntregado},     {S::kConfirmado, S::kCancelado},  {S::kPreparando, S::kListoRetirar},
      {S::kPreparando, S::kEntregado},     {S::kPreparando, S::kCancelado},  {S::kListoRetirar, S::kEntregado},
      {S::kListoRetirar, S::kCancelado}};
  int checked = 0;
  for (auto from : orders::kAllOrderStatuses) {
    for (auto to : orders::kAllOrderStatuses) {
      EXPECT_EQ(orders::can_transition(from, to), allowed.count({from, to}) > 0)
          << orders::status_key(from) << " -> " << orders::status_key(to);
      ++checked;
    }
  }
  EXPECT_EQ(checked, 36);
}

TEST(OrderStatus, FinalStatesGoNowhereAndNothingGoesBack) {
  for (auto status : orders::kAllOrderStatuses) {
    EXPECT_FALSE(orders::can_transition(status, status)) << orders::status_key(status);
    bool final_state = status == OrderStatus::kEntregado || status == OrderStatus::kCancelado;
    EXPECT_EQ(orders::is_final(status), final_state);
    EXPECT_EQ(orders::allowed_transitions(status).empty(), final_state) << orders::status_key(status);
  }
  EXPECT_FALSE(orders::can_transition(OrderStatus::kConfirmado, OrderStatus::kPendiente));
  EXPECT_FALSE(orders::can_transition(OrderStatus::kPendiente, OrderStatus::kEntregado));
  EXPECT_FALSE(orders::can_transition(OrderStatus::kCancelado, OrderStatus::kPendiente));
}

TEST(OrderStatus, RefusalMessagesNameTheLabels) {
  EXPECT_EQ(orders::transition_error_message(OrderStatus::kPendiente),
            "Cambio de estado inválido. Desde Pendiente solo podés pasar a: Confirmado, Preparando, "
            "Listo para retirar, Cancelado.");
  EXPECT_EQ(orders::transition_error_message(OrderStatus::kListoRetirar),
            "Cambio de estado inválido. Desde Listo para retirar solo podés pasar a: Entregado, Cancelado.");
  EXPECT_EQ(orders::transition_error_message(OrderStatus::kEntregado),
            "Un pedido en estado Entregado no puede cambiar de estado.");
  EXPECT_EQ(orders::transition_error_message(OrderStatus::kCancelado),
            "Un pedido en estado Cancelado no puede cambiar de estado.");
}
