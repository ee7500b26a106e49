// LIKE patterns for "contains" searches, the same on every engine: use with ESCAPE '!' (and db::like_ci for a
// case-insensitive match on PostgreSQL).
#pragma once

#include <string>
#include <string_view>

namespace db {

// "%text%" with the search text's own wildcards ('%', '_') and the escape character '!' escaped by '!', so a
// visitor typing "50%_off" looks for those characters rather than matching everything.
std::string like_contains(std::string_view text);

}  // namespace db
