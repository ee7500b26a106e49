// Rendered page bodies by key (see page_cache.hpp).
#include "web/page_cache.hpp"

#include <algorithm>

#include "core/crypto.hpp"

namespace web {

PageCache::PageCache(std::size_t max_bytes, std::size_t max_entries)
    : token_slot_("csrfslot" + core::random_token(32)),
      content_slot_("contentslot" + core::random_token(32)),
      nonce_slot_("nonceslot" + core::random_token(32)),
      slot_searcher_(token_slot_.begin(), token_slot_.end()),
      entries_({.max_entries = max_entries, .max_bytes = max_bytes},
               [](const std::string& key, const std::shared_ptr<const std::string>& body) {
                 return key.size() + body->size();
               }),
      layouts_({.max_entries = 256}) {}

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

std::string PageCache::assemble(const CachedLayout& layout, const std::string& body, const std::string& token,
                                const std::string& nonce) const {
  std::string html;
  html.reserve(body.size() + 16 * 1024);
  for (const auto& piece : layout.pieces) {
    html += piece.text;
    switch (piece.slot) {
      case LayoutPiece::Slot::kContent: splice_into(html, body, token); break;
      case LayoutPiece::Slot::kToken: html += token; break;
      case LayoutPiece::Slot::kNonce: html += nonce; break;
      case LayoutPiece::Slot::kEnd: break;
    }
  }
  return html;
}

std::string PageCache::fill(const std::vector<LayoutPiece>& pieces, std::size_t bytes, const std::string& token,
                            const std::string& nonce) {
  std::string html;
  html.reserve(bytes + 8 * (token.size() + nonce.size()));
  for (const auto& piece : pieces) {
    html += piece.text;
    if (piece.slot == LayoutPiece::Slot::kToken) html += token;
    else if (piece.slot == LayoutPiece::Slot::kNonce) html += nonce;
  }
  return html;
}

std::shared_ptr<const CachedLayout> PageCache::find_layout(const std::string& key) const {
  std::lock_guard lock(mutex_);
  auto* found = layouts_.find(key);
  return found ? *found : nullptr;
}

void PageCache::store_layout(const std::string& key, std::shared_ptr<const CachedLayout> layout) {
  std::lock_guard lock(mutex_);
  layouts_.put(key, std::move(layout));
}

std::vector<LayoutPiece> PageCache::cut_layout(const std::string& expanded) const {
  std::vector<LayoutPiece> pieces;
  const std::pair<const std::string*, LayoutPiece::Slot> slots[] = {{&content_slot_, LayoutPiece::Slot::kContent},
                                                                    {&token_slot_, LayoutPiece::Slot::kToken},
                                                                    {&nonce_slot_, LayoutPiece::Slot::kNonce}};
  std::size_t from = 0;
  for (;;) {
    std::size_t nearest = std::string::npos;
    const std::pair<const std::string*, LayoutPiece::Slot>* which = nullptr;
    for (const auto& slot : slots) {
      std::size_t at = expanded.find(*slot.first, from);
      if (at < nearest) {
        nearest = at;
        which = &slot;
      }
    }
    if (!which) {
      pieces.push_back({expanded.substr(from), LayoutPiece::Slot::kEnd});
      return pieces;
    }
    pieces.push_back({expanded.substr(from, nearest - from), which->second});
    from = nearest + which->first->size();
  }
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
