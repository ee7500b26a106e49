// Rendered page bodies by key (see page_cache.hpp).
#include "web/page_cache.hpp"

#include <algorithm>

#include "core/crypto.hpp"

namespace web {

PageCache::PageCache(std::size_t max_bytes, std::size_t max_entries)
    : token_slot_("csrfslot" + core::random_token(32)),
      slot_searcher_(token_slot_.begin(), token_slot_.end()),
      entries_({.max_entries = max_entries, .max_bytes = max_bytes},
               [](const std::string& key, const std::shared_ptr<const std::string>& body) {
                 return key.size() + body->size();
               }) {}

std::shared_ptr<const std::string> PageCache::find(const std::string& key) const {
  std::lock_guard lock(mutex_);
  auto* found = entries_.find(key);
  return found ? *found : nullptr;
}

void PageCache::store(const std::string& key, std::shared_ptr<const std::string> body) {
  std::lock_guard lock(mutex_);
  entries_.put(key, std::move(body));  // one page larger than the probation share is never kept
}

std::string PageCache::splice(const std::string& body, const std::string& token) const {
  std::string out;
  out.reserve(body.size() + 256);
  splice_into(out, body, token);
  return out;
}

std::size_t PageCache::find_slot(std::string_view text, std::size_t from) const {
  if (from >= text.size()) return std::string::npos;
  auto found = std::search(text.begin() + static_cast<std::ptrdiff_t>(from), text.end(), slot_searcher_);
  return found == text.end() ? std::string::npos : static_cast<std::size_t>(found - text.begin());
}

void PageCache::splice_into(std::string& out, const std::string& body, const std::string& token) const {
  std::size_t from = 0;
  for (std::size_t at = find_slot(body); at != std::string::npos; at = find_slot(body, from)) {
    out.append(body, from, at - from);
    out += token;
    from = at + token_slot_.size();
  }
  out.append(body, from, std::string::npos);
}

}  // namespace web
