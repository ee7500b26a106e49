// Rendered page bodies (the page template's HTML before the layout), kept for pages whose content depends only
// on data with a version number (the store's catalog: CatalogCache::current_version) and on the request's own
// inputs the handler puts into the key. Whatever belongs to one visitor stays out of the cached text:
//   - the CSRF token is rendered as an unguessable per-process slot and replaced by the visitor's own token on
//     every request (render.cpp);
//   - guests and signed-in visitors get separate entries (pages may show a GUEST section);
//   - the layout (user menu, cart count, flash, CSP nonce, title) is expanded per request as before.
// A key that carries the data version can never serve stale data: a write bumps the version and the next
// request renders and stores a new entry. Thread-safe; bounded by entries and bytes with a segmented LRU
// (core/segmented_lru.hpp): keys come from visitors (?q=…), and a flood of one-off searches must not push out
// the pages people come back to.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "core/segmented_lru.hpp"

namespace web {

class PageCache final {
 public:
  explicit PageCache(std::size_t max_bytes = 4 * 1024 * 1024, std::size_t max_entries = 512);

  // The body, or nullptr. A hit counts as a use (see the policy above).
  std::shared_ptr<const std::string> find(const std::string& key) const;
  void store(const std::string& key, std::shared_ptr<const std::string> body);

  // The text rendered in place of the CSRF token in a cached body.
  const std::string& token_slot() const { return token_slot_; }
  // Where the first token slot at or after `from` starts in `text` (npos when none).
  std::size_t find_slot(std::string_view text, std::size_t from = 0) const;
  // `body` with every token slot replaced by `token`.
  std::string splice(const std::string& body, const std::string& token) const;
  // The same, appended to `out`.
  void splice_into(std::string& out, const std::string& body, const std::string& token) const;

 private:
  std::string token_slot_;
  // A plain find() stops at every 'c' of the HTML and compares there; this skips ahead by up to the slot's length.
  std::boyer_moore_horspool_searcher<std::string::const_iterator> slot_searcher_;
  mutable std::mutex mutex_;
  mutable core::SegmentedLru<std::shared_ptr<const std::string>> entries_;
};

}  // namespace web
