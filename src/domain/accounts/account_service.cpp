// Account use cases (see account_service.hpp). Messages: docs/domain/accounts.md.
#include "domain/accounts/account_service.hpp"

#include "core/phone.hpp"
#include "core/strings.hpp"
#include "db/unit_of_work.hpp"
#include "domain/accounts/email_verification.hpp"
#include "domain/accounts/password_policy.hpp"

namespace accounts {

namespace {
constexpr std::size_t kMaxText = 255;
constexpr std::size_t kMaxPhone = 30;
// Sign-up with an e-mail that has an account: a neutral message that does not confirm the account exists (anyone
// can type any address here), yet tells the honest owner what to do. The per-IP sign-up limiter stays in front.
constexpr const char* kSignUpEmailUnavailable =
    "No pudimos crear una cuenta con ese email. Si ya tenés cuenta, ingresá desde «Ingresar»; si no, probá con "
    "otro email.";

struct ProfileMessages {
  const char* email_taken;
};

// Rules shared by sign-up and the profile form; only the "email taken" wording differs.
void validate_profile_fields(const ProfileInput& input, const UserRepository& users, std::int64_t self_id,
                             const ProfileMessages& messages, core::FieldErrors& errors) {
  if (input.name.empty()) errors.add("name", "Ingresá tu nombre.");
  else if (core::exceeds_length(input.name, kMaxText)) errors.add("name", "El nombre no puede superar 255 caracteres.");

  if (input.last_name.empty()) errors.add("last_name", "Ingresá tu apellido.");
  else if (core::exceeds_length(input.last_name, kMaxText))
    errors.add("last_name", "El apellido no puede superar 255 caracteres.");

  if (input.phone.empty()) errors.add("phone", "Ingresá tu teléfono/WhatsApp.");
  else if (core::exceeds_length(input.phone, kMaxPhone)) errors.add("phone", "El teléfono no puede superar 30 caracteres.");
  else if (!core::is_valid_phone(input.phone) || !core::phone::is_valid(input.phone))
    errors.add("phone", core::phone::kInvalidMessage);

  if (input.email.empty()) errors.add("email", "Ingresá tu email.");
  else if (core::exceeds_length(input.email, kMaxText)) errors.add("email", "El email no puede superar 255 caracteres.");
  else if (!core::is_valid_email(input.email)) errors.add("email", "Ingresá un email válido.");
  else if (users.email_taken(input.email, self_id)) errors.add("email", messages.email_taken);
}

ProfileInput normalised(const ProfileInput& input) {
  return {core::trim(input.name), core::trim(input.last_name), core::phone::stored_form(input.phone),
          normalise_email(input.email)};
}
}  // namespace

std::string normalise_email(const std::string& email) { return core::to_lower(core::trim(email)); }

AccountService::AccountService(const UserRepository& users, core::PasswordHashCost cost)
    : users_(users), cost_(cost) {}

const std::string& AccountService::timing_dummy_hash() const {
  std::call_once(dummy_once_, [this] { timing_dummy_hash_ = core::hash_password(core::random_token(24), cost_); });
  return timing_dummy_hash_;
}

RegistrationResult AccountService::register_customer(const RegistrationInput& raw) const {
  RegistrationResult result;
  ProfileInput profile = normalised({raw.name, raw.last_name, raw.phone, raw.email});
  validate_profile_fields(profile, users_, 0, {kSignUpEmailUnavailable}, result.errors);

  if (raw.password.empty()) result.errors.add("password", "Ingresá una contraseña.");
  else if (raw.password != raw.password_confirmation) result.errors.add("password", "Las contraseñas no coinciden.");
  else if (auto problem = password_problem(raw.password, profile.email)) result.errors.add("password", *problem);
  if (!result.errors.empty()) return result;

  NewUser user{profile.name, profile.last_name, profile.phone, profile.email, core::hash_password(raw.password, cost_)};
  try {
    result.user = db::write(users_.database(), [&](db::Tx& tx) { return users_.create(tx, user); });
  } catch (const std::exception&) {
    // Two sign-ups with one email at the same instant: the unique index keeps one; the other gets the message.
    if (users_.email_taken(profile.email)) {
      result.errors.add("email", kSignUpEmailUnavailable);
      return result;
    }
    throw;
  }
  return result;
}

std::optional<User> AccountService::authenticate(const std::string& email, const std::string& password) const {
  auto user = users_.find_by_email(normalise_email(email));
  if (!user) {
    core::verify_password(password, timing_dummy_hash());  // same cost as a real check: no email enumeration by timing
    return std::nullopt;
  }
  if (!core::verify_password(password, user->password_hash)) return std::nullopt;
  return user;
}

core::FieldErrors AccountService::update_profile(User& user, const ProfileInput& raw) const {
  core::FieldErrors errors;
  ProfileInput profile = normalised(raw);
  validate_profile_fields(profile, users_, user.id, {"No podemos usar ese email. Probá con otro."}, errors);
  if (!errors.empty()) return errors;
  db::write(users_.database(), [&](db::Tx& tx) {
    users_.update_profile(tx, user.id, profile.name, profile.last_name, profile.phone, profile.email);
    if (profile.email != user.email) forget_email_verification(tx, user.id);  // the new address is unproven
  });
  user.name = profile.name;
  user.last_name = profile.last_name;
  user.phone = profile.phone;
  user.email = profile.email;
  return errors;
}

core::FieldErrors AccountService::change_password(const User& user, const PasswordChangeInput& input) const {
  core::FieldErrors errors;
  bool needs_current = user.google_id.empty();
  if (needs_current && input.current_password.empty())
    errors.add("current_password", "Ingresá tu contraseña actual.");
  if (input.password.empty()) errors.add("password", "Ingresá una nueva contraseña.");
  else if (core::utf8_length(input.password) < kMinPasswordLength)
    errors.add("password", "La nueva contraseña debe tener al menos 8 caracteres.");
  else if (input.password != input.password_confirmation)
    errors.add("password", "La repetición de la contraseña no coincide.");
  else if (auto problem = password_problem(input.password, user.email)) errors.add("password", *problem);
  if (!errors.empty()) return errors;

  if (needs_current && !core::verify_password(input.current_password, user.password_hash)) {
    errors.add("current_password", "La contraseña actual no es correcta.");
    return errors;
  }
  std::string hash = core::hash_password(input.password, cost_);  // Argon2: outside the transaction
  // One unit of work: the new password and the end of every session and "remember me" made with the old one.
  db::write(users_.database(), [&](db::Tx& tx) {
    users_.update_password(tx, user.id, hash);
    users_.end_all_sessions(tx, user.id);
  });
  return errors;
}

User AccountService::create_or_update_admin(const std::string& name, const std::string& email,
                                            const std::string& password) const {
  std::string normal = normalise_email(email);
  std::string hash = core::hash_password(password, cost_);
  return db::write(users_.database(), [&](db::Tx& tx) {
    if (auto existing = UserRepository::find_by_email(tx.sql(), normal)) {
      users_.update_password(tx, existing->id, hash);
      users_.end_all_sessions(tx, existing->id);  // a new password ends the sessions made with the old one
      users_.update_role(tx, existing->id, "admin");
      mark_email_verified(tx, existing->id);  // the operator typed this address (seeder, user:create-admin)
      return *UserRepository::find_by_id(tx.sql(), existing->id);
    }
    NewUser admin{name, "NicoReparaciones", "0000000000", normal, hash, "admin"};
    User created = users_.create(tx, admin);
    mark_email_verified(tx, created.id);
    return created;
  });
}

}  // namespace accounts
