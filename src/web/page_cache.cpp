// Rendered page bodies by key (see page_cache.hpp).
#include "web/page_cache.hpp"

#include "core/crypto.hpp"

namespace web {

PageCache::PageCache(std::size_t max_bytes)
    : max_bytes_(max_bytes), token_slot_("csrfslot" + core::random_token(32)) {}

std::shared_ptr<const std::string> PageCache::find(const std::string& key) const {
  std::lock_guard lock(mutex_);
  auto found = entries_.find(key);
  return found == entries_.end() ? nullptr : found->second;
}

void PageCache::store(const std::string& key, std::shared_ptr<const std::string> body) {
  std::size_t size = key.size() + body->size();
  if (size > max_bytes_ / 8) return;  // one huge page must not evict everything else
  std::lock_guard lock(mutex_);
  if (bytes_ + size > max_bytes_) {
    entries_.clear();
    bytes_ = 0;
  }
  auto [it, inserted] = entries_.emplace(key, std::move(body));
  if (inserted) bytes_ += size;
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
