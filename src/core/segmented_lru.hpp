// A bounded cache map with a segmented LRU policy, for caches whose keys come from visitors (the page cache and
// the catalog cache key pages by their query string, so anyone can mint new keys with a random ?q=).
//
// New entries start in a small probation segment; an entry found again there moves to the protected segment.
// Each segment evicts its least recently used entries when it is over its share of the budget (entries and
// bytes). A flood of keys seen once therefore only churns the probation segment: the pages people actually come
// back to (/tienda, the popular products) stay in the protected one. Not thread-safe: the owner locks.
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <iterator>
#include <list>
#include <string>
#include <unordered_map>
#include <utility>

namespace core {

template <class Value>
class SegmentedLru final {
 public:
  struct Limits {
    std::size_t max_entries = 1024;
    std::size_t max_bytes = 0;               // 0: entries only
    std::size_t probation_percent = 20;      // share of both budgets kept for entries seen once
  };
  // `size_of` tells the bytes a key and value take (only consulted when max_bytes > 0).
  explicit SegmentedLru(Limits limits, std::function<std::size_t(const std::string&, const Value&)> size_of = {})
      : limits_(limits), size_of_(std::move(size_of)) {}

  // The value, or nullptr. A hit refreshes the entry (and promotes it out of probation).
  Value* find(const std::string& key) {
    auto found = index_.find(key);
    if (found == index_.end()) return nullptr;
    Node& node = *found->second;
    if (node.segment == kProbation) {
      move_to(found->second, kProtected);
      trim(kProtected);
      found = index_.find(key);  // trimming may have moved entries around (never this one away: it fits)
      if (found == index_.end()) return nullptr;
    } else {
      lists_[kProtected].splice(lists_[kProtected].begin(), lists_[kProtected], found->second);
    }
    return &found->second->value;
  }

  // Inserts or replaces. A replaced entry keeps its segment; a new one starts in probation.
  void put(const std::string& key, Value value) {
    std::size_t bytes = limits_.max_bytes ? size_of_(key, value) : 0;
    // A value over the probation segment's whole budget is not kept (an older copy goes too): inserting it would
    // first evict every other new entry and then itself.
    if (limits_.max_bytes && bytes > byte_budget(kProbation)) {
      if (auto found = index_.find(key); found != index_.end()) {
        bytes_[found->second->segment] -= found->second->bytes;
        lists_[found->second->segment].erase(found->second);
        index_.erase(found);
      }
      return;
    }
    if (auto found = index_.find(key); found != index_.end()) {
      Node& node = *found->second;
      bytes_[node.segment] -= node.bytes;
      node.value = std::move(value);
      node.bytes = bytes;
      bytes_[node.segment] += bytes;
      lists_[node.segment].splice(lists_[node.segment].begin(), lists_[node.segment], found->second);
      trim(node.segment);
      return;
    }
    lists_[kProbation].push_front(Node{key, std::move(value), bytes, kProbation});
    index_[key] = lists_[kProbation].begin();
    bytes_[kProbation] += bytes;
    trim(kProbation);
  }

  std::size_t size() const { return index_.size(); }
  std::size_t bytes() const { return bytes_[kProbation] + bytes_[kProtected]; }

 private:
  enum Segment : int { kProbation = 0, kProtected = 1 };
  struct Node {
    std::string key;
    Value value;
    std::size_t bytes;
    Segment segment;
  };
  using Iterator = typename std::list<Node>::iterator;

  std::size_t entry_budget(Segment segment) const {
    std::size_t probation = std::max<std::size_t>(1, limits_.max_entries * limits_.probation_percent / 100);
    return segment == kProbation ? probation : std::max<std::size_t>(1, limits_.max_entries - probation);
  }
  std::size_t byte_budget(Segment segment) const {
    std::size_t probation = limits_.max_bytes * limits_.probation_percent / 100;
    return segment == kProbation ? probation : limits_.max_bytes - probation;
  }

  void move_to(Iterator it, Segment segment) {
    bytes_[it->segment] -= it->bytes;
    bytes_[segment] += it->bytes;
    lists_[segment].splice(lists_[segment].begin(), lists_[it->segment], it);
    it->segment = segment;
  }

  // Evicts the segment's oldest entries while it is over budget. The protected segment's oldest entries get a
  // second chance in probation instead of leaving at once.
  void trim(Segment segment) {
    auto over = [&] {
      return lists_[segment].size() > entry_budget(segment) ||
             (limits_.max_bytes && bytes_[segment] > byte_budget(segment) && !lists_[segment].empty());
    };
    while (over()) {
      Iterator oldest = std::prev(lists_[segment].end());
      if (segment == kProtected) {
        move_to(oldest, kProbation);
        trim(kProbation);
      } else {
        bytes_[kProbation] -= oldest->bytes;
        index_.erase(oldest->key);
        lists_[kProbation].erase(oldest);
      }
    }
  }

  Limits limits_;
  std::function<std::size_t(const std::string&, const Value&)> size_of_;
  std::list<Node> lists_[2];
  std::size_t bytes_[2] = {0, 0};
  std::unordered_map<std::string, Iterator> index_;
};

}  // namespace core
