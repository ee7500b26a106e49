// Rendered page bodies by key (see page_cache.hpp).
#include "web/page_cache.hpp"

#include "core/crypto.hpp"

namespace web {

PageCache::PageCache(std::size_t max_bytes, std::size_t max_entries)
    : token_slot_("csrfslot" + core::random_token(32)),
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

void PageCache::splice_into(std::string& out, const std::string& body, const std::string& token) const {
  std::size_t from = 0;
  for (std::size_t at = body.find(token_slot_); at != std::string::npos; at = body.find(token_slot_, from)) {
    out.append(body, from, at - from);
    out += token;
    from = at + token_slot_.size();
  }
  out.append(body, from, std::string::npos);
}

}  // namespace web
