// The statuses each kind of WhatsApp template exists for, and the default texts (docs/domain/whatsapp.md "Templates").
// The default is what the templates page pre-fills, what a blank textarea saves, what `db:seed` stores, and what
// a message uses when no template row exists — one text everywhere, so what the admin reads on the page is what
// the customer receives. (The reference fell back to different one-line texts; see docs/ARCHITECTURE.md.)
//
// Repair defaults link to {status_url} (the signed, expiring status page: no code or phone to type) and still
// print the code; {lookup_url} remains available for templates that prefer the form.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace notify {

enum class TemplateKind { kRepair, kOrder };

struct StatusOption {
  std::string_view key;    // stored status key
  std::string_view label;  // Spanish label
};

// Status keys and labels of a template kind, in workflow order (domain/repairs/status.hpp, domain/orders/status.hpp).
std::vector<StatusOption> template_statuses(TemplateKind kind);
// Label of an order status key; nullopt for an unknown key.
std::optional<std::string_view> order_status_label(std::string_view key);

// The default template text of one status ("" for a key the kind does not have).
std::string default_template(TemplateKind kind, std::string_view status_key);

// Placeholder reference shown on the templates page: {name} → Spanish description.
std::vector<StatusOption> placeholder_reference(TemplateKind kind);

}  // namespace notify
