// Deterministic generator, name pools and calendar helpers (see bench_data.hpp).
#include "bench/bench_data.hpp"

#include <ctime>

namespace bench {

std::uint64_t Random::next() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

namespace {
std::string format_utc(std::int64_t unix_seconds, const char* pattern) {
  std::time_t time = static_cast<std::time_t>(unix_seconds);
  std::tm parts{};
  gmtime_r(&time, &parts);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, pattern, &parts);
  return buffer;
}
}  // namespace

std::string sql_time(std::int64_t unix_seconds) { return format_utc(unix_seconds, "%Y-%m-%d %H:%M:%S"); }
std::string ymd(std::int64_t unix_seconds) { return format_utc(unix_seconds, "%Y%m%d"); }

const std::vector<std::string>& first_names() {
  static const std::vector<std::string> kNames = {
      "Martín", "Lucía", "Santiago", "Sofía", "Mateo", "Valentina", "Joaquín", "Camila", "Tomás", "Martina",
      "Benjamín", "Julieta", "Facundo", "Agustina", "Nicolás", "Florencia", "Ignacio", "Milagros", "Gonzalo",
      "Rocío", "Matías", "Carolina", "Federico", "Belén", "Ramiro", "Paula", "Ezequiel", "Micaela", "Lautaro", "Ana"};
  return kNames;
}

const std::vector<std::string>& last_names() {
  static const std::vector<std::string> kNames = {
      "González", "Rodríguez", "Gómez", "Fernández", "López", "Díaz", "Martínez", "Pérez", "García", "Sánchez",
      "Romero", "Sosa", "Álvarez", "Torres", "Ruiz", "Ramírez", "Flores", "Acosta", "Benítez", "Medina",
      "Herrera", "Suárez", "Aguirre", "Giménez", "Gutiérrez", "Pereyra", "Rojas", "Molina", "Castro", "Ortiz"};
  return kNames;
}

std::string phone_number(Random& random) {
  return "351" + std::to_string(random.between(4000000, 6999999));
}

}  // namespace bench
