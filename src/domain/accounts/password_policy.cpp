// Password quality (see password_policy.hpp): our length bounds, then libpwquality for the rest.
#include "domain/accounts/password_policy.hpp"

#include <pwquality.h>

#include <cstring>
#include <memory>
#include <mutex>

#include "core/log.hpp"
#include "core/strings.hpp"

namespace accounts {

namespace {
// cracklib keeps static state while it looks a word up: one check at a time (sign-ups are rare and limited).
std::mutex& library_mutex() {
  static std::mutex mutex;
  return mutex;
}

struct SettingsFree {
  void operator()(pwquality_settings_t* settings) const { pwquality_free_settings(settings); }
};
}  // namespace

std::optional<std::string> password_problem(std::string_view password, std::string_view email) {
  std::size_t length = core::utf8_length(password);
  if (length < kMinPasswordLength) return std::string("La contraseña debe tener al menos 8 caracteres.");
  if (length > kMaxPasswordLength) return std::string("La contraseña no puede superar 128 caracteres.");
  if (password.find('\0') != std::string_view::npos) return std::string(kPasswordTooCommonMessage);

  std::string text(password);
  std::string user(email);
  std::lock_guard lock(library_mutex());
  // Library defaults, not /etc/security/pwquality.conf: the rule is the app's, the same on every machine. Our
  // bounds decide the length; the library's minimum is set to its floor so only guessability is judged.
  std::unique_ptr<pwquality_settings_t, SettingsFree> settings(pwquality_default_settings());
  if (!settings) return std::nullopt;
  pwquality_set_int_value(settings.get(), PWQ_SETTING_MIN_LENGTH, 6);
  void* auxiliary = nullptr;
  int score = pwquality_check(settings.get(), text.c_str(), nullptr, user.empty() ? nullptr : user.c_str(), &auxiliary);
  if (score >= 0) return std::nullopt;
  if (score == PWQ_ERROR_USER_CHECK) return std::string("La contraseña no puede contener tu email.");
  if (score == PWQ_ERROR_CRACKLIB_CHECK && auxiliary != nullptr &&
      std::strstr(static_cast<const char*>(auxiliary), "dictionary") != nullptr &&
      std::strstr(static_cast<const char*>(auxiliary), "error") != nullptr) {
    // The dictionary files are missing (cracklib-runtime not installed): a broken install must not refuse every
    // sign-up; the operator sees it in the log.
    core::log::error("password dictionary unavailable", {{"detail", static_cast<const char*>(auxiliary)}});
    return std::nullopt;
  }
  if (score == PWQ_ERROR_MEM_ALLOC) throw std::bad_alloc();
  return std::string(kPasswordTooCommonMessage);
}

}  // namespace accounts
