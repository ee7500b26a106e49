// Spanish pluralisation of counts and elapsed times (see plural.hpp).
#include "core/plural.hpp"

namespace core {

std::string count_label(long long count, std::string_view singular, std::string_view plural) {
  std::string label = std::to_string(count);
  label += ' ';
  label += count == 1 ? singular : plural;
  return label;
}

std::string days_ago(long long days) {
  if (days <= 0) return "hoy";
  if (days == 1) return "ayer";
  return "hace " + count_label(days, "día", "días");
}

std::string minutes_ago(long long minutes) {
  if (minutes < 1) return "recién";
  if (minutes < 60) return "hace " + count_label(minutes, "minuto", "minutos");
  if (minutes < 48 * 60) return "hace " + count_label(minutes / 60, "hora", "horas");
  return days_ago(minutes / (24 * 60));
}

}  // namespace core
