// An e-mail as the shop sends it: a plain-text UTF-8 part, optionally an HTML alternative, and its RFC 5322
// rendering.
//
//   header       value
//   ───────────  ───────────────────────────────────────────────────────────────────────────
//   Date         RFC 5322 date, UTC ("Fri, 27 Nov 2026 21:05:00 +0000")
//   From / To    display name as an RFC 2047 encoded-word (=?UTF-8?B?…?=) when not plain ASCII
//   Subject      RFC 2047 encoded-word when not plain ASCII
//   Message-ID   <random@domain of the From address>
//   MIME         text only: text/plain; charset=UTF-8, Content-Transfer-Encoding: base64 (76-character lines), so
//                the body survives any relay whether or not it announces 8BITMIME.
//                with HTML: multipart/alternative; the text/plain part first, then text/html (clients show the last
//                part they can display), each base64 like the above; the boundary is built from the Message-ID and
//                starts with "=_", which base64 cannot produce, so it never occurs inside a part
//                with attachments: multipart/mixed; the body above (text or the alternative) first, then each
//                attachment base64 with Content-Disposition: attachment; filename="…" (bytes kept as they are)
#pragma once

#include <string>
#include <vector>

namespace mail {

struct Address {
  std::string email;
  std::string name;  // display name, may be "" (UTF-8)
};

struct Attachment {
  std::string filename;      // ASCII, shown by the mail client ("kpi-2026-12-07.csv")
  std::string content_type;  // "text/csv; charset=UTF-8"
  std::string content;       // the file's bytes
};

struct MailMessage {
  Address from;
  Address to;
  std::string subject;  // UTF-8
  std::string body;     // UTF-8 plain text, "\n" line ends
  std::string html;     // UTF-8 HTML document, the alternative to `body`; "" sends text only
  std::vector<Attachment> attachments;  // none: the message is the body alone
};

// The complete message (headers + body) with CRLF line ends, ready for SMTP DATA.
// `date_rfc5322` and `message_id` are parameters so tests get stable output.
std::string render_mime(const MailMessage& message, const std::string& date_rfc5322, const std::string& message_id);

// "=?UTF-8?B?…?=" for text that is not plain printable ASCII; the text itself otherwise.
std::string encode_header_word(const std::string& text);

// "Fri, 27 Nov 2026 21:05:00 +0000" for now.
std::string rfc5322_now();

}  // namespace mail
