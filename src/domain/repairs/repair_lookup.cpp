// Public repair lookup (see repair_lookup.hpp).
#include "domain/repairs/repair_lookup.hpp"

#include <cctype>

#include "core/strings.hpp"
#include "db/database.hpp"

namespace repairs {

namespace {
constexpr std::size_t kMaxCode = 50;
constexpr std::size_t kMaxPhone = 30;

std::string value_or_empty(const std::string& value, soci::indicator indicator) {
  return indicator == soci::i_ok ? value : std::string();
}
}  // namespace

std::string normalise_lookup_code(std::string_view code) {
  std::string result = core::trim(code);
  for (auto& c : result) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return result;
}

std::optional<PublicRepairStatus> RepairLookupRepository::find(const std::string& code,
                                                               const std::string& phone_digits) const {
  auto sql = database_.lease();
  PublicRepairStatus repair;
  std::string brand, model, diagnosis, updated_at, created_at;
  soci::indicator brand_ind, model_ind, diagnosis_ind, updated_ind, created_ind;
  soci::statement query =
      (sql->prepare << "SELECT code, status, device_brand, device_model, issue_reported, diagnosis, updated_at, "
                       "created_at FROM repairs WHERE code = :code AND customer_phone = :phone",
       soci::use(code), soci::use(phone_digits), soci::into(repair.code), soci::into(repair.status_key),
       soci::into(brand, brand_ind), soci::into(model, model_ind), soci::into(repair.issue_reported),
       soci::into(diagnosis, diagnosis_ind), soci::into(updated_at, updated_ind),
       soci::into(created_at, created_ind));
  query.execute();
  if (!query.fetch()) return std::nullopt;
  repair.status = parse_status(repair.status_key);
  repair.device_brand = value_or_empty(brand, brand_ind);
  repair.device_model = value_or_empty(model, model_ind);
  repair.diagnosis = value_or_empty(diagnosis, diagnosis_ind);
  repair.updated_at = updated_ind == soci::i_ok ? updated_at : value_or_empty(created_at, created_ind);
  return repair;
}

LookupResult lookup_repair(const RepairLookupRepository& repository, std::string_view raw_code,
                           std::string_view raw_phone) {
  LookupResult result;
  std::string code = normalise_lookup_code(raw_code);
  std::string phone = core::trim(raw_phone);

  if (code.empty()) result.errors.add("code", "Ingresá el código de la reparación.");
  else if (core::exceeds_length(code, kMaxCode)) result.errors.add("code", "El código no puede superar 50 caracteres.");
  if (phone.empty()) result.errors.add("phone", "Ingresá el teléfono.");
  else if (core::exceeds_length(phone, kMaxPhone)) result.errors.add("phone", "El teléfono no puede superar 30 caracteres.");
  else if (!core::is_valid_phone(phone))
    result.errors.add("phone", "Ingresá un teléfono válido (solo números, espacios, +, -, paréntesis).");
  if (!result.errors.empty()) return result;

  result.repair = repository.find(code, core::digits_only(phone));
  if (!result.repair) result.errors.add("code", std::string(kLookupNotFoundMessage));
  return result;
}

}  // namespace repairs
