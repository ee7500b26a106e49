// A compiled path pattern such as "/admin/pedidos/{order}/estado": literal segments and named parameters.
// Parameters match one non-empty segment; literal segments match exactly; a last parameter written "{name*}"
// takes the rest of the path ("/storage/{path*}" matches "/storage/products/a.png" with path = "products/a.png").
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace http {

using PathParams = std::map<std::string, std::string, std::less<>>;

// The non-empty segments of a path ("/a//b/" → "a", "b"): what patterns compare. A router splits a request's path
// once and asks every pattern with the segments (match_segments), not once per pattern.
std::vector<std::string_view> path_segments(std::string_view path);

class RoutePattern final {
 public:
  explicit RoutePattern(std::string_view pattern);
  bool match(std::string_view path, PathParams& params) const;
  // The same, with the path already split by path_segments().
  bool match_segments(const std::vector<std::string_view>& parts, PathParams& params) const;
  // Builds a path from parameters; throws std::invalid_argument when one is missing.
  std::string build(const PathParams& params) const;
  const std::string& text() const { return text_; }
  bool has_parameters() const;

 private:
  struct Segment {
    std::string text;
    bool parameter;
  };
  std::string text_;
  std::vector<Segment> segments_;
};

}  // namespace http
