// Spanish counts and ages as people read them: "1 ítem" / "2 ítems", "hoy" / "ayer" / "hace 3 días".
// One place so that no page prints "1 items", "1 cambios" or "hace 0 d".
#pragma once

#include <string>
#include <string_view>

namespace core {

// "1 ítem", "0 ítems", "12 ítems": the singular only for exactly one.
std::string count_label(long long count, std::string_view singular, std::string_view plural);

// Whole days elapsed → "hoy" (0 or a clock slightly ahead), "ayer" (1), "hace N días".
std::string days_ago(long long days);

// Minutes elapsed → "recién", "hace 1 minuto", "hace 5 minutos", "hace 1 hora", "hace 3 horas", then days_ago
// (from 48 hours on, so "ayer" never hides a morning that was 30 hours ago).
std::string minutes_ago(long long minutes);

}  // namespace core
