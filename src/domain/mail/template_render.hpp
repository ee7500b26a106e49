// The placeholder language of the editable mail templates (/admin/mails) and its two renderings, plain text and
// HTML. Pure functions: no SQL, no configuration, so the unit tests and the preview use exactly what the mails use.
//
//   syntax           meaning
//   ───────────────  ──────────────────────────────────────────────────────────────────────────────────────────────
//   {{nombre}}       the value of placeholder "nombre"; spaces inside the braces are allowed ({{ nombre }})
//   unknown name     refused when a template is saved (unknown_placeholders names them in the error)
//   missing value    a placeholder without a value renders as ""
//   empty line rule  a line that holds at least one placeholder and whose placeholders all rendered "" is left out
//                    ("Notas: {{notas}}" disappears when the order has no notes)
//
// HTML rendering: the body is edited as plain text. Every character of the template and of the values is
// HTML-escaped; http(s) URLs typed in the template become links, and so does the value of a placeholder marked as
// a link (values of other placeholders are never linked: a customer's name cannot smuggle a link into the shop's
// mail). A blank line starts a new paragraph, a single line break is a <br>.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/html_escape.hpp"

namespace mail {

using TemplateValues = std::map<std::string, std::string>;

// Every distinct "{{name}}" of `text` whose name is not in `known`, in order of first appearance, written as
// "{{name}}" (trimmed) for the error message.
std::vector<std::string> unknown_placeholders(const std::string& text, const std::vector<std::string>& known);

// Plain text: placeholders replaced by their values as they are, with the empty line rule.
std::string render_text(const std::string& text, const TemplateValues& values);

// A subject: rendered as text, then every line break (of the template or of a value) becomes a space, so a value
// cannot add a header; leading and trailing spaces trimmed.
std::string render_subject(const std::string& subject, const TemplateValues& values);

// The HTML body fragment (paragraphs), see above. `link_placeholders` names the placeholders whose value is linked
// when it is an http(s) URL.
std::string render_html_body(const std::string& text, const TemplateValues& values,
                             const std::vector<std::string>& link_placeholders);

// A whole HTML document (lang="es", UTF-8) around a body fragment, titled with the (already rendered) subject.
std::string html_document(const std::string& subject, const std::string& body_fragment);

// Escaping for the HTML part: core::escape_html (core/html_escape.hpp).
using core::escape_html;

}  // namespace mail
