// A tiny HTTP client for the integration tests (libcurl): keeps cookies like a browser, never follows
// redirects on its own (tests assert them), and can read the CSRF token out of a page.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace testing_support {

struct HttpResponse {
  int status = 0;
  std::multimap<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string header(const std::string& name) const;  // first value or ""
  std::vector<std::string> header_values(const std::string& name) const;
  bool contains(const std::string& text) const { return body.find(text) != std::string::npos; }
};

class Browser final {
 public:
  explicit Browser(std::string base_url) : base_url_(std::move(base_url)) {}

  HttpResponse get(const std::string& path, const std::map<std::string, std::string>& headers = {});
  // POSTs form fields (url-encoded). `fields` keeps order; repeated names allowed.
  HttpResponse post(const std::string& path, const std::vector<std::pair<std::string, std::string>>& fields,
                    const std::map<std::string, std::string>& headers = {});
  HttpResponse raw(const std::string& method, const std::string& path, const std::string& body,
                   const std::map<std::string, std::string>& headers);
  // GET `page`, read its first `_token` input, POST the fields with it (what a person submitting a form does).
  HttpResponse submit(const std::string& page, const std::string& action,
                      std::vector<std::pair<std::string, std::string>> fields);
  // Follows one redirect (GET to its Location).
  HttpResponse follow(const HttpResponse& redirect);

  std::string cookie(const std::string& name) const;
  void set_cookie(const std::string& name, const std::string& value) { cookies_[name] = value; }
  void clear_cookies() { cookies_.clear(); }
  void remove_cookie(const std::string& name) { cookies_.erase(name); }
  std::string referer;  // sent as Referer when set
  // Sent as Accept-Encoding when set, and the answer decoded as a browser does (libcurl checks gzip's CRC and length);
  // the raw bytes are seen with an "Accept-Encoding" entry in a request's own headers instead.
  std::string accept_encoding;

 private:
  std::string base_url_;
  std::map<std::string, std::string> cookies_;
};

// Value of the first <input name="_token" value="…"> in a page.
std::string csrf_token_in(const std::string& html);
// The first quoted URL in `html` that starts with `prefix` ("/css/app.css?v=" → the page's fingerprinted URL), up
// to its closing quote; "" when there is none.
std::string url_in(const std::string& html, const std::string& prefix);
// Text of an HTML page with tags removed and entities for < > & " ' decoded (for "the user sees X").
std::string visible_text(const std::string& html);

// A TCP connection to 127.0.0.1:port (the caller closes it), or -1. `receive_window` > 0 shrinks the receive buffer
// before connecting (a reader on a slow link: the server's large answers go out in several partial writes).
int connect_loopback(int port, int receive_window = 0);
// Sends all of `bytes`, stopping early when the peer closes; whether everything went out.
bool send_all(int fd, std::string_view bytes);
// Sends raw bytes over a fresh TCP connection and returns what the server answered (for malformed HTTP).
std::string raw_exchange(int port, const std::string& bytes, int timeout_ms = 5000);

}  // namespace testing_support
