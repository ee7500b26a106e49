#include "domain/repairs/status_change.hpp"

#include <gtest/gtest.h>

using repairs::RepairStatus;

TEST(RepairStatusChangeMessage, FinalStatesCannotChangeAtAll) {
  EXPECT_EQ(repairs::transition_refusal_message(RepairStatus::kDelivered),
            "Una reparación en estado Entregado no puede cambiar de estado.");
  EXPECT_EQ(repairs::transition_refusal_message(RepairStatus::kCancelled),
            "Una reparación en estado Cancelado no puede cambiar de estado.");
}

TEST(RepairStatusChangeMessage, OtherStatesListWhereTheyMayGo) {
  EXPECT_EQ(repairs::transition_refusal_message(RepairStatus::kReceived),
            "Cambio de estado inválido. Desde Recibido solo podés pasar a: Diagnosticando, Esperando aprobación, "
            "En reparación, Listo para retirar, Cancelado.");
  EXPECT_EQ(repairs::transition_refusal_message(RepairStatus::kReadyPickup),
            "Cambio de estado inválido. Desde Listo para retirar solo podés pasar a: Entregado, Cancelado.");
  EXPECT_EQ(repairs::transition_refusal_message(RepairStatus::kRepairing),
            "Cambio de estado inválido. Desde En reparación solo podés pasar a: Listo para retirar, Cancelado.");
}
