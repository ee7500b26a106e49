// Path pattern matching for the router.
#include "http/route_pattern.hpp"

#include <stdexcept>
#include <string_view>

#include "http/form.hpp"

namespace http {

std::vector<std::string_view> path_segments(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t pos = 0;
  while (pos < path.size()) {
    if (path[pos] == '/') {
      ++pos;
      continue;
    }
    std::size_t end = path.find('/', pos);
    if (end == std::string_view::npos) end = path.size();
    parts.push_back(path.substr(pos, end - pos));
    pos = end;
  }
  return parts;
}

RoutePattern::RoutePattern(std::string_view pattern) : text_(pattern) {
  for (auto part : path_segments(pattern)) {
    bool parameter = part.size() > 2 && part.front() == '{' && part.back() == '}';
    segments_.push_back({std::string(parameter ? part.substr(1, part.size() - 2) : part), parameter});
  }
}

bool RoutePattern::match(std::string_view path, PathParams& params) const {
  return match_segments(path_segments(path), params);
}

bool RoutePattern::match_segments(const std::vector<std::string_view>& parts, PathParams& params) const {
  // A trailing slash is tolerated ("/tienda/" matches "/tienda"); empty segments ("//") are not special.
  bool catch_all = !segments_.empty() && segments_.back().parameter && segments_.back().text.back() == '*';
  if (catch_all ? parts.size() < segments_.size() : parts.size() != segments_.size()) return false;
  PathParams found;
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    if (catch_all && i + 1 == segments_.size()) {
      // "{path*}" takes the rest of the path, slashes included.
      std::string rest;
      for (std::size_t k = i; k < parts.size(); ++k) rest += (k > i ? "/" : "") + std::string(parts[k]);
      std::string name = segments_[i].text;
      found.emplace(name.substr(0, name.size() - 1), rest);
    } else if (segments_[i].parameter) {
      found.emplace(segments_[i].text, std::string(parts[i]));
    } else if (segments_[i].text != parts[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

std::string RoutePattern::build(const PathParams& params) const {
  std::string path;
  for (const auto& segment : segments_) {
    path.push_back('/');
    if (segment.parameter) {
      // "{path*}" is captured under "path" (see match) and keeps its slashes: each piece is encoded on its own.
      const bool catch_all = segment.text.back() == '*';
      const std::string name = catch_all ? segment.text.substr(0, segment.text.size() - 1) : segment.text;
      auto it = params.find(name);
      if (it == params.end()) throw std::invalid_argument("missing route parameter '" + name + "' for " + text_);
      if (!catch_all) {
        path += url_encode(it->second);
        continue;
      }
      std::string_view rest = it->second;
      for (std::size_t slash; (slash = rest.find('/')) != std::string_view::npos; rest.remove_prefix(slash + 1))
        path += url_encode(std::string(rest.substr(0, slash))) + "/";
      path += url_encode(std::string(rest));
    } else {
      path += segment.text;
    }
  }
  return path.empty() ? "/" : path;
}

bool RoutePattern::has_parameters() const {
  for (const auto& segment : segments_) {
    if (segment.parameter) return true;
  }
  return false;
}

}  // namespace http
