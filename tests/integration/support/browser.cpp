// libcurl-based test client (see browser.hpp).
#include "browser.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

#include "core/strings.hpp"
#include "http/form.hpp"

namespace testing_support {

namespace {
size_t write_body(char* data, size_t size, size_t count, void* target) {
  static_cast<std::string*>(target)->append(data, size * count);
  return size * count;
}

size_t write_header(char* data, size_t size, size_t count, void* target) {
  std::string line(data, size * count);
  auto* headers = static_cast<std::multimap<std::string, std::string>*>(target);
  auto colon = line.find(':');
  if (colon != std::string::npos)
    headers->emplace(core::to_lower(core::trim(line.substr(0, colon))), core::trim(line.substr(colon + 1)));
  return size * count;
}
}  // namespace

std::string HttpResponse::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

std::vector<std::string> HttpResponse::header_values(const std::string& name) const {
  std::vector<std::string> values;
  auto range = headers.equal_range(name);
  for (auto it = range.first; it != range.second; ++it) values.push_back(it->second);
  return values;
}

HttpResponse Browser::raw(const std::string& method, const std::string& path, const std::string& body,
                          const std::map<std::string, std::string>& headers) {
  CURL* curl = curl_easy_init();
  if (!curl) throw std::runtime_error("curl_easy_init failed");
  HttpResponse response;
  std::string url = base_url_ + path;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
  if (method == "HEAD") curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  if (!body.empty() || method == "POST") {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  }
  curl_slist* list = nullptr;
  std::string cookie_header;
  for (const auto& [name, value] : cookies_) cookie_header += (cookie_header.empty() ? "" : "; ") + name + "=" + value;
  if (!cookie_header.empty()) list = curl_slist_append(list, ("Cookie: " + cookie_header).c_str());
  if (!referer.empty()) list = curl_slist_append(list, ("Referer: " + referer).c_str());
  if (!accept_encoding.empty()) curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, accept_encoding.c_str());
  list = curl_slist_append(list, "Expect:");
  for (const auto& [name, value] : headers) list = curl_slist_append(list, (name + ": " + value).c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, write_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
  CURLcode code = curl_easy_perform(curl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(list);
  curl_easy_cleanup(curl);
  if (code != CURLE_OK) throw std::runtime_error(std::string("request failed: ") + curl_easy_strerror(code));
  response.status = static_cast<int>(status);

  for (const auto& set_cookie : response.header_values("set-cookie")) {
    auto eq = set_cookie.find('=');
    auto semi = set_cookie.find(';');
    std::string name = set_cookie.substr(0, eq);
    std::string value = set_cookie.substr(eq + 1, semi == std::string::npos ? std::string::npos : semi - eq - 1);
    if (set_cookie.find("Max-Age=0") != std::string::npos) cookies_.erase(name);
    else cookies_[name] = value;
  }
  return response;
}

HttpResponse Browser::get(const std::string& path, const std::map<std::string, std::string>& headers) {
  return raw("GET", path, "", headers);
}

HttpResponse Browser::post(const std::string& path, const std::vector<std::pair<std::string, std::string>>& fields,
                           const std::map<std::string, std::string>& headers) {
  auto all = headers;
  all.emplace("Content-Type", "application/x-www-form-urlencoded");
  return raw("POST", path, http::build_urlencoded(fields), all);
}

HttpResponse Browser::submit(const std::string& page, const std::string& action,
                             std::vector<std::pair<std::string, std::string>> fields) {
  auto form_page = get(page);
  std::string token = csrf_token_in(form_page.body);
  if (token.empty()) throw std::runtime_error("no _token on " + page);
  fields.insert(fields.begin(), {"_token", token});
  referer = base_url_ + page;
  auto response = post(action, fields);
  referer.clear();
  return response;
}

HttpResponse Browser::follow(const HttpResponse& redirect) {
  std::string location = redirect.header("location");
  if (location.rfind(base_url_, 0) == 0) location = location.substr(base_url_.size());
  auto hash = location.find('#');
  return get(location.substr(0, hash));
}

std::string Browser::cookie(const std::string& name) const {
  auto it = cookies_.find(name);
  return it == cookies_.end() ? std::string() : it->second;
}

std::string csrf_token_in(const std::string& html) {
  auto at = html.find("name=\"_token\"");
  if (at == std::string::npos) return {};
  auto value = html.find("value=\"", at);
  if (value == std::string::npos) return {};
  value += 7;
  return html.substr(value, html.find('"', value) - value);
}

std::string visible_text(const std::string& html) {
  std::string text;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    else if (c == '>') {
      in_tag = false;
      text.push_back(' ');
    } else if (!in_tag) text.push_back(c);
  }
  for (auto [from, to] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}})
    text = core::replace_all(text, from, to);
  return text;
}

int connect_loopback(int port, int receive_window) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  if (receive_window > 0) setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &receive_window, sizeof receive_window);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

bool send_all(int fd, std::string_view bytes) {
  for (std::size_t sent = 0; sent < bytes.size();) {
    ssize_t n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

std::string raw_exchange(int port, const std::string& bytes, int timeout_ms) {
  int fd = connect_loopback(port);
  if (fd < 0) throw std::runtime_error("connect failed");
  send_all(fd, bytes);  // the server may close early (413): keep what it answered
  std::string answer;
  char buffer[4096];
  for (;;) {
    pollfd pfd{fd, POLLIN, 0};
    if (poll(&pfd, 1, timeout_ms) <= 0) break;
    ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    answer.append(buffer, static_cast<std::size_t>(n));
  }
  close(fd);
  return answer;
}

std::string url_in(const std::string& html, const std::string& prefix) {
  std::size_t at = html.find(prefix);
  if (at == std::string::npos) return "";
  std::size_t end = html.find('"', at);
  return end == std::string::npos ? "" : html.substr(at, end - at);
}

}  // namespace testing_support
