// Views: ctemplate files under templates/, parsed once at start-up and expanded with auto-escaping
// (every template declares {{%AUTOESCAPE context="HTML"}}). A page is rendered on its own dictionary, then
// placed raw into layouts/app.tpl together with the values every page shares (user, CSRF token, flash).
// ctemplate stays behind this header.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace ctemplate {
class TemplateDictionary;
}

namespace web {

// A handle on one dictionary (the page's or a section's). Cheap to copy; owned by its View.
class Dict final {
 public:
  explicit Dict(ctemplate::TemplateDictionary* dictionary) : dictionary_(dictionary) {}
  Dict& set(std::string_view key, std::string_view value);
  Dict& set(std::string_view key, long long value);
  Dict& show(std::string_view section);
  Dict& show_if(bool condition, std::string_view section);
  // Adds one repetition of a section and returns its dictionary.
  Dict add(std::string_view section);

 private:
  ctemplate::TemplateDictionary* dictionary_;
};

// A page to render: template file name (relative to templates/), <title> text, and the page dictionary.
class View final {
 public:
  View(std::string template_name, std::string title);
  ~View();
  View(View&&) noexcept;
  Dict dict() { return Dict(dictionary_.get()); }
  const std::string& template_name() const { return template_name_; }
  const std::string& title() const { return title_; }
  ctemplate::TemplateDictionary& raw() { return *dictionary_; }
  // Layout flags a page may ask for.
  bool suppress_global_alerts = false;
  bool nav_store_active = false;
  // Page caching (page_cache.hpp, set through web::use_cached_page): the key of this page's body, and the body
  // found for it (then the dictionary is not expanded).
  std::string cache_key;
  std::shared_ptr<const std::string> cached_body;

 private:
  std::string template_name_;
  std::string title_;
  std::unique_ptr<ctemplate::TemplateDictionary> dictionary_;
};

class TemplateEngine final {
 public:
  // Loads and parses every *.tpl below `root`; throws std::runtime_error naming a template that fails to parse.
  explicit TemplateEngine(std::filesystem::path root);
  // Expands a loaded template. Throws std::runtime_error when the template is unknown.
  std::string expand(const std::string& template_name, ctemplate::TemplateDictionary& dictionary) const;
  std::size_t template_count() const { return count_; }

 private:
  std::filesystem::path root_;
  std::size_t count_ = 0;
};

}  // namespace web
