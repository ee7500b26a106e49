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
#include <vector>

#include "core/segmented_lru.hpp"

namespace settings {
struct SettingsSnapshot;
}

namespace web {

// A guest's layout expanded once around slots for what changes per request and cut at them: text, slot, text…
struct LayoutPiece {
  enum class Slot { kEnd, kContent, kToken, kNonce };
  std::string text;  // literal text before the slot
  Slot slot = Slot::kEnd;
  bool operator==(const LayoutPiece&) const = default;
};
struct CachedLayout {
  std::shared_ptr<const settings::SettingsSnapshot> snapshot;  // the brand assets it shows (held: compared by address)
  std::vector<LayoutPiece> pieces;
};

class PageCache final {
 public:
  explicit PageCache(std::size_t max_bytes = 4 * 1024 * 1024, std::size_t max_entries = 512);

  // The body, or nullptr. A hit counts as a use (see the policy above).
  std::shared_ptr<const std::string> find(const std::string& key) const;
  void store(const std::string& key, std::shared_ptr<const std::string> body);

  // The text rendered in place of the CSRF token in a cached body.
  const std::string& token_slot() const { return token_slot_; }
  // The texts rendered in place of the page body and the CSP nonce in a cached layout.
  const std::string& content_slot() const { return content_slot_; }
  const std::string& nonce_slot() const { return nonce_slot_; }

  // Guest layouts, by a key of everything else they show (see render.cpp), bounded like the bodies.
  std::shared_ptr<const CachedLayout> find_layout(const std::string& key) const;
  void store_layout(const std::string& key, std::shared_ptr<const CachedLayout> layout);
  // `expanded` (a layout rendered with the three slots) cut at its slots.
  std::vector<LayoutPiece> cut_layout(const std::string& expanded) const;
  // Where the first token slot at or after `from` starts in `text` (npos when none).
  std::size_t find_slot(std::string_view text, std::size_t from = 0) const;
  // `body` with every token slot replaced by `token`.
  std::string splice(const std::string& body, const std::string& token) const;
  // The same, appended to `out`.
  void splice_into(std::string& out, const std::string& body, const std::string& token) const;
  // A whole page: the cut guest `layout` with `body` at its content slot, `token` and `nonce` at theirs.
  std::string assemble(const CachedLayout& layout, const std::string& body, const std::string& token,
                       const std::string& nonce) const;
  // Pieces cut without a content slot (a whole page) with `token` and `nonce` at their slots.
  static std::string fill(const std::vector<LayoutPiece>& pieces, std::size_t bytes, const std::string& token,
                          const std::string& nonce);

 private:
  std::string token_slot_;
  std::string content_slot_;
  std::string nonce_slot_;
  // A plain find() stops at every 'c' of the HTML and compares there; this skips ahead by up to the slot's length.
  std::boyer_moore_horspool_searcher<std::string::const_iterator> slot_searcher_;
  mutable std::mutex mutex_;
  mutable core::SegmentedLru<std::shared_ptr<const std::string>> entries_;
  mutable core::SegmentedLru<std::shared_ptr<const CachedLayout>> layouts_;
};

}  // namespace web
