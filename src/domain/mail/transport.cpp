// MAIL_MAILER transports: libcurl SMTP, the log, or nothing (see transport.hpp).
#include "domain/mail/transport.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "core/config.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/strings.hpp"

namespace mail {

namespace {

constexpr long kConnectTimeoutSeconds = 10;
constexpr long kTotalTimeoutSeconds = 30;

struct Upload {
  const std::string& data;
  std::size_t offset = 0;
};

size_t read_upload(char* buffer, size_t size, size_t count, void* target) {
  auto* upload = static_cast<Upload*>(target);
  std::size_t room = size * count;
  std::size_t left = upload->data.size() - upload->offset;
  std::size_t bytes = std::min(room, left);
  std::memcpy(buffer, upload->data.data() + upload->offset, bytes);
  upload->offset += bytes;
  return bytes;
}

// Keeps the server's last refusal (a 4xx/5xx reply line; libcurl passes SMTP replies as CURLINFO_HEADER_IN): the
// relay's own words ("550 5.1.1 User unknown"), which libcurl's message reduces to the code. The QUIT that follows
// a refusal answers 221, so only refusals are kept.
int remember_reply(CURL*, curl_infotype type, char* data, size_t size, void* target) {
  if (type == CURLINFO_HEADER_IN && size > 0 && (data[0] == '4' || data[0] == '5')) {
    auto* last = static_cast<std::string*>(target);
    last->assign(data, size);
    while (!last->empty() && (last->back() == '\n' || last->back() == '\r')) last->pop_back();
  }
  return 0;
}

// "https://tienda.example.com:8443/x" → "tienda.example.com".
std::string host_of(const std::string& url) {
  auto start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  auto end = url.find_first_of(":/?#", start);
  return url.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

std::string domain_of(const std::string& email) {
  auto at = email.rfind('@');
  return at == std::string::npos ? "localhost" : email.substr(at + 1);
}

void send_smtp(const core::Config& config, const MailMessage& message) {
  static std::once_flag global_init;
  std::call_once(global_init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) throw std::runtime_error("curl_easy_init failed");

  long port = static_cast<long>(config.integer("MAIL_PORT"));
  std::string scheme = config.str("MAIL_SCHEME");
  bool implicit_tls = scheme == "smtps" || (scheme.empty() && port == 465);
  std::string ehlo = config.str("MAIL_EHLO_DOMAIN");
  if (ehlo.empty()) ehlo = host_of(config.str("APP_URL"));
  if (ehlo.empty()) ehlo = "localhost";
  // libcurl takes the EHLO name from the URL path.
  std::string url = std::string(implicit_tls ? "smtps://" : "smtp://") + config.str("MAIL_HOST") + ":" +
                    std::to_string(port) + "/" + ehlo;

  std::string payload = render_mime(message, rfc5322_now(),
                                    core::to_lower(core::random_token(24)) + "@" + domain_of(message.from.email));
  std::string from = "<" + core::trim(message.from.email) + ">";
  std::string to = "<" + core::trim(message.to.email) + ">";
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> recipients(curl_slist_append(nullptr, to.c_str()),
                                                                         curl_slist_free_all);
  Upload upload{payload};

  CURL* handle = curl.get();
  curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  if (!implicit_tls) curl_easy_setopt(handle, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  const std::string& username = config.str("MAIL_USERNAME");
  const std::string& password = config.str("MAIL_PASSWORD");
  if (!username.empty()) {
    curl_easy_setopt(handle, CURLOPT_USERNAME, username.c_str());
    curl_easy_setopt(handle, CURLOPT_PASSWORD, password.c_str());
  }
  curl_easy_setopt(handle, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(handle, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(handle, CURLOPT_READDATA, &upload);
  curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT, kConnectTimeoutSeconds);
  curl_easy_setopt(handle, CURLOPT_TIMEOUT, kTotalTimeoutSeconds);
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  // libcurl's own message names the SMTP step and reply code ("RCPT failed: 550"), where curl_easy_strerror only
  // says "Failed sending data to the peer".
  char detail[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, detail);
  std::string last_reply;  // a refusal, see remember_reply
  curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, remember_reply);
  curl_easy_setopt(handle, CURLOPT_DEBUGDATA, &last_reply);
  curl_easy_setopt(handle, CURLOPT_VERBOSE, 1L);  // the debug callback is only called in verbose mode; nothing is printed
  CURLcode code = curl_easy_perform(handle);
  if (code != CURLE_OK) {
    bool refusal = !last_reply.empty();
    throw std::runtime_error("SMTP delivery to " + message.to.email + " via " + config.str("MAIL_HOST") + ":" +
                             std::to_string(port) + " failed: " + curl_easy_strerror(code) +
                             (detail[0] ? std::string(" (") + detail + ")" : std::string()) +
                             (refusal ? "; the server replied \"" + last_reply + "\"" : std::string()));
  }
}

}  // namespace

Address configured_sender(const core::Config& config) {
  return {config.str("MAIL_FROM_ADDRESS"), config.str("MAIL_FROM_NAME")};
}

void send(const core::Config& config, const MailMessage& message) {
  const std::string& mailer = config.str("MAIL_MAILER");
  if (mailer == "smtp") {
    send_smtp(config, message);
    core::log::info("Mail sent", {{"mailer", "smtp"}, {"to", message.to.email}, {"subject", message.subject}});
  } else if (mailer == "log") {
    core::log::info("Mail (log mailer)", {{"mailer", "log"},
                                          {"from", message.from.email},
                                          {"to", message.to.email},
                                          {"subject", message.subject},
                                          {"body", message.body}});
  }
  // "array": dropped on purpose.
}

}  // namespace mail
