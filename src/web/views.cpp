// ctemplate-backed views (see views.hpp).
#include "web/views.hpp"

#include <ctemplate/template.h>

#include <fstream>
#include <iterator>
#include <stdexcept>

#include "web/template_text.hpp"

namespace web {

Dict& Dict::set(std::string_view key, std::string_view value) {
  dictionary_->SetValue(ctemplate::TemplateString(key.data(), key.size()),
                        ctemplate::TemplateString(value.data(), value.size()));
  return *this;
}

Dict& Dict::set(std::string_view key, long long value) { return set(key, std::to_string(value)); }

Dict& Dict::show(std::string_view section) {
  dictionary_->ShowSection(ctemplate::TemplateString(section.data(), section.size()));
  return *this;
}

Dict& Dict::show_if(bool condition, std::string_view section) {
  if (condition) show(section);
  return *this;
}

Dict Dict::add(std::string_view section) {
  return Dict(dictionary_->AddSectionDictionary(ctemplate::TemplateString(section.data(), section.size())));
}

View::View(std::string template_name, std::string title)
    : template_name_(std::move(template_name)),
      title_(std::move(title)),
      dictionary_(std::make_unique<ctemplate::TemplateDictionary>("page")) {}

View::~View() = default;
View::View(View&&) noexcept = default;

TemplateEngine::TemplateEngine(std::filesystem::path root) : root_(std::move(root)) {
  auto* cache = ctemplate::mutable_default_template_cache();
  cache->SetTemplateRootDirectory(root_.string());
  if (!std::filesystem::is_directory(root_)) throw std::runtime_error("templates folder not found: " + root_.string());
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root_)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".tpl") continue;
    std::string name = std::filesystem::relative(entry.path(), root_).string();
    std::ifstream file(entry.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    if (!file.good() && !file.eof()) throw std::runtime_error("template not readable: " + entry.path().string());
    cache->Delete(name);  // a second engine in the same process (tests) replaces the first one's text
    if (!cache->StringToTemplateCache(name, strip_indentation(text), ctemplate::DO_NOT_STRIP))
      throw std::runtime_error("template failed to parse: " + entry.path().string());
    ++count_;
  }
  // Loaded once: ctemplate only re-reads files on ReloadAllIfChanged(), which we never call, so requests
  // never touch the disk for templates.
}

std::string TemplateEngine::expand(const std::string& template_name, ctemplate::TemplateDictionary& dictionary) const {
  std::string out;
  if (!ctemplate::ExpandTemplate(template_name, ctemplate::DO_NOT_STRIP, &dictionary, &out))
    throw std::runtime_error("template not found or failed to expand: " + template_name);
  return out;
}

}  // namespace web
