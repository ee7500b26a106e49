// ctemplate-backed views (see views.hpp).
#include "web/views.hpp"

#include <ctemplate/template.h>

#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "web/template_text.hpp"

namespace web {

namespace {

// ctemplate files every key a dictionary is given (SetValue, ShowSection, AddSectionDictionary) in one process-wide
// id → name table, under one reader-writer lock that all workers share — unless the key comes with its id already,
// as a StaticTemplateString does. Our keys are the names written in the templates, a small fixed set, so each one
// becomes a StaticTemplateString once per process (registered with ctemplate then) and is found again through a
// per-thread map, without a lock. That lock and table were ~8 % of a lookup result's profile; the admin repairs
// list, which sets thousands of keys, went from 700–790 to 590–614 µs of CPU per page.
class KeyRegistry final {
 public:
  // The key's permanent StaticTemplateString, or nullptr past kMaxKeys (a key made from data would grow the table
  // for ever; such keys simply take ctemplate's own path).
  const ctemplate::StaticTemplateString* intern(std::string_view key) {
    std::lock_guard lock(mutex_);
    if (auto found = keys_.find(std::string(key)); found != keys_.end()) return &found->second->handle;
    if (keys_.size() >= kMaxKeys) return nullptr;
    auto entry = std::make_unique<Entry>();
    entry->text = std::string(key);
    entry->handle = ctemplate::StaticTemplateString{{entry->text.data(), entry->text.size(), 0}};
    ctemplate::StaticTemplateStringInitializer registered(&entry->handle);  // computes and files its id
    const auto* handle = &entry->handle;
    keys_.emplace(entry->text, std::move(entry));
    return handle;
  }

 private:
  static constexpr std::size_t kMaxKeys = 4096;
  struct Entry {
    std::string text;  // never moves: the handle points into it
    ctemplate::StaticTemplateString handle;
  };
  std::mutex mutex_;
  std::unordered_map<std::string, std::unique_ptr<Entry>> keys_;
};

ctemplate::TemplateString template_key(std::string_view key) {
  // Never destroyed: ctemplate's id → name table keeps pointing at the interned texts for the whole process, and a
  // thread still rendering while the process exits must not find them freed.
  static auto* registry = new KeyRegistry;
  thread_local std::unordered_map<std::string_view, const ctemplate::StaticTemplateString*> known;
  if (auto found = known.find(key); found != known.end()) return ctemplate::TemplateString(*found->second);
  const auto* handle = registry->intern(key);
  if (!handle) return ctemplate::TemplateString(key.data(), key.size());
  known.emplace(std::string_view(handle->do_not_use_directly_.ptr_, handle->do_not_use_directly_.length_), handle);
  return ctemplate::TemplateString(*handle);
}

}  // namespace

Dict& Dict::set(std::string_view key, std::string_view value) {
  dictionary_->SetValue(template_key(key), ctemplate::TemplateString(value.data(), value.size()));
  return *this;
}

Dict& Dict::set(std::string_view key, long long value) { return set(key, std::to_string(value)); }

Dict& Dict::show(std::string_view section) {
  dictionary_->ShowSection(template_key(section));
  return *this;
}

Dict& Dict::show_if(bool condition, std::string_view section) {
  if (condition) show(section);
  return *this;
}

Dict Dict::add(std::string_view section) {
  return Dict(dictionary_->AddSectionDictionary(template_key(section)));
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
