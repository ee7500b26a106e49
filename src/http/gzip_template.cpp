// A page compressed once with fixed-length slots left out of the compression (see gzip_template.hpp).
#include "http/gzip_template.hpp"

#include <zlib.h>

#include <algorithm>
#include <memory>

#include "core/strings.hpp"

namespace http {

namespace {

// RFC 1952: ID1 ID2, CM = deflate, no flags, no modification time, XFL = 0 (the default level), OS = Unix.
constexpr unsigned char kGzipHeader[] = {0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03};
constexpr std::size_t kStoredBlockHeader = 5;  // RFC 1951 §3.2.4: BFINAL/BTYPE byte, LEN, NLEN
constexpr std::size_t kGzipTrailer = 8;        // CRC32, ISIZE
constexpr std::size_t kMaxStoredLength = 65535;

struct DeflateStream {
  z_stream stream{};
  bool ready = false;
  DeflateStream() {
    // Raw deflate (negative window bits): the gzip framing is written by hand, with a CRC computed per answer.
    ready = deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) == Z_OK;
  }
  ~DeflateStream() {
    if (ready) deflateEnd(&stream);
  }
  DeflateStream(const DeflateStream&) = delete;
  DeflateStream& operator=(const DeflateStream&) = delete;

  // Compresses `input` and flushes with `flush` (Z_SYNC_FLUSH: up to a byte boundary; Z_FINISH: the final block).
  bool deflate_all(std::string_view input, int flush, std::string& out) {
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
    stream.avail_in = static_cast<uInt>(input.size());
    unsigned char buffer[16384];
    for (;;) {
      stream.next_out = buffer;
      stream.avail_out = sizeof buffer;
      int rc = deflate(&stream, flush);
      // Z_BUF_ERROR: nothing to do (a flush right after another, with no new input) — not an error here.
      if (rc == Z_STREAM_ERROR) return false;
      out.append(reinterpret_cast<const char*>(buffer), sizeof buffer - stream.avail_out);
      if (flush == Z_FINISH ? rc == Z_STREAM_END : (stream.avail_out != 0 && stream.avail_in == 0)) return true;
      if (rc == Z_BUF_ERROR && stream.avail_in == 0) return true;
    }
  }
};

void append_le32(std::string& out, unsigned long value) {
  for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((value >> shift) & 0xff));
}

unsigned long crc_of(std::string_view bytes, unsigned long crc = 0) {
  return crc32(crc, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size()));
}

}  // namespace

std::optional<GzipTemplate> GzipTemplate::build(std::span<const Part> parts, std::span<const std::size_t> slot_lengths) {
  if (parts.empty()) return std::nullopt;
  for (std::size_t length : slot_lengths)
    if (length > kMaxStoredLength) return std::nullopt;
  for (const Part& part : parts) {
    if (part.text.find('\0') != std::string_view::npos) return std::nullopt;
    if (part.slot != kNoSlot && (part.slot < 0 || static_cast<std::size_t>(part.slot) >= slot_lengths.size()))
      return std::nullopt;
  }

  DeflateStream deflater;
  if (!deflater.ready) return std::nullopt;
  GzipTemplate page;
  page.slot_lengths_.assign(slot_lengths.begin(), slot_lengths.end());
  page.crc_shift_sums_.assign(slot_lengths.size(), 0);
  const std::string nuls(slot_lengths.empty() ? 0 : *std::max_element(slot_lengths.begin(), slot_lengths.end()), '\0');

  // Where each slot starts in the uncompressed answer, to know how many bytes follow it.
  std::vector<std::pair<int, unsigned long>> slot_starts;
  unsigned long position = 0;
  unsigned long crc = crc32(0, nullptr, 0);
  std::string discarded;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const Part& part = parts[i];
    const bool last = i + 1 == parts.size() && part.slot == kNoSlot;
    Chunk chunk;
    chunk.slot = part.slot;
    if (!deflater.deflate_all(part.text, last ? Z_FINISH : Z_SYNC_FLUSH, chunk.deflated)) return std::nullopt;
    crc = crc_of(part.text, crc);
    position += static_cast<unsigned long>(part.text.size());
    if (part.slot != kNoSlot) {
      // The compressor sees NULs where the value goes; what it makes of them is thrown away (the answer has the
      // value as a stored block there), but its window now counts those bytes.
      std::string_view placeholder(nuls.data(), page.slot_lengths_[part.slot]);
      discarded.clear();
      if (!deflater.deflate_all(placeholder, Z_SYNC_FLUSH, discarded)) return std::nullopt;
      crc = crc_of(placeholder, crc);
      slot_starts.emplace_back(part.slot, position);
      position += static_cast<unsigned long>(placeholder.size());
    }
    page.compressed_bytes_ += chunk.deflated.size();
    page.chunks_.push_back(std::move(chunk));
  }
  if (page.chunks_.back().slot != kNoSlot) {
    // Text ended on a slot: an empty last chunk carries the final block.
    Chunk tail;
    if (!deflater.deflate_all({}, Z_FINISH, tail.deflated)) return std::nullopt;
    page.compressed_bytes_ += tail.deflated.size();
    page.chunks_.push_back(std::move(tail));
  }

  for (const auto& [slot, start] : slot_starts) {
    const unsigned long after = position - start - static_cast<unsigned long>(page.slot_lengths_[slot]);
    page.crc_shift_sums_[slot] ^= crc32_combine_gen(static_cast<z_off_t>(after));
  }
  for (std::size_t length : page.slot_lengths_) page.crc_of_nuls_.push_back(crc_of(std::string_view(nuls.data(), length)));
  page.crc_with_nuls_ = crc;
  page.uncompressed_size_ = position;
  page.rendered_bytes_ = sizeof kGzipHeader + page.compressed_bytes_ + kGzipTrailer;
  for (const auto& [slot, start] : slot_starts) page.rendered_bytes_ += kStoredBlockHeader + page.slot_lengths_[slot];
  return page;
}

bool GzipTemplate::render_into(std::string& out, std::span<const std::string_view> values) const {
  if (values.size() != slot_lengths_.size()) return false;
  for (std::size_t k = 0; k < values.size(); ++k)
    if (values[k].size() != slot_lengths_[k]) return false;

  // crc(text with values) = crc(text with NULs) + Σ over slot kinds of lin(value)·Σ x^(8·bytes after each slot),
  // where lin(value) = crc(value) + crc(as many NULs): the part of a CRC that depends on the bytes alone.
  unsigned long crc = crc_with_nuls_;
  for (std::size_t k = 0; k < values.size(); ++k) {
    if (crc_shift_sums_[k] == 0) continue;
    const unsigned long linear = crc_of(values[k]) ^ crc_of_nuls_[k];
    crc ^= crc32_combine_op(linear, 0, crc_shift_sums_[k]);
  }

  out.reserve(out.size() + rendered_bytes_);
  out.append(reinterpret_cast<const char*>(kGzipHeader), sizeof kGzipHeader);
  for (const Chunk& chunk : chunks_) {
    out += chunk.deflated;
    if (chunk.slot == kNoSlot) continue;
    const std::string_view value = values[chunk.slot];
    const auto length = static_cast<unsigned>(value.size());
    const unsigned complement = ~length & 0xffffu;
    const char stored[kStoredBlockHeader] = {0x00, static_cast<char>(length & 0xff), static_cast<char>(length >> 8),
                                             static_cast<char>(complement & 0xff), static_cast<char>(complement >> 8)};
    out.append(stored, sizeof stored);
    out += value;
  }
  append_le32(out, crc);
  append_le32(out, uncompressed_size_);
  return true;
}

std::optional<std::string> GzipTemplate::render(std::span<const std::string_view> values) const {
  std::string out;
  if (!render_into(out, values)) return std::nullopt;
  return out;
}

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// RFC 9110 §12.4.2 qvalue: "0" ["." 0-3 digits] or "1" ["." 0-3 zeros]. A malformed one counts as 0 (not
// acceptable): a client that garbles its preferences gets the plain answer, which every client can read.
bool qvalue_is_positive(std::string_view q) {
  if (q.empty() || (q[0] != '0' && q[0] != '1')) return false;
  std::string_view fraction = q.substr(1);
  if (!fraction.empty()) {
    if (fraction[0] != '.' || fraction.size() > 4) return false;
    fraction.remove_prefix(1);
    if (!std::all_of(fraction.begin(), fraction.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    if (q[0] == '1') return std::all_of(fraction.begin(), fraction.end(), [](char c) { return c == '0'; });
  }
  if (q[0] == '1') return true;
  return std::any_of(fraction.begin(), fraction.end(), [](char c) { return c != '0'; });
}

}  // namespace

bool accepts_gzip(std::string_view accept_encoding) {
  std::optional<bool> gzip, any;
  while (!accept_encoding.empty()) {
    std::size_t comma = accept_encoding.find(',');
    std::string_view item = accept_encoding.substr(0, comma);
    accept_encoding = comma == std::string_view::npos ? std::string_view() : accept_encoding.substr(comma + 1);
    std::size_t semicolon = item.find(';');
    std::string_view coding = trim(item.substr(0, semicolon));
    bool positive = true;
    while (semicolon != std::string_view::npos) {
      item = item.substr(semicolon + 1);
      semicolon = item.find(';');
      std::string_view parameter = trim(item.substr(0, semicolon));
      const std::size_t equals = parameter.find('=');
      if (equals == std::string_view::npos) continue;
      // "q = 0" (spaces are not allowed there) is read as q=0 rather than skipped as an unknown parameter.
      if (core::equals_ci(trim(parameter.substr(0, equals)), "q"))
        positive = qvalue_is_positive(trim(parameter.substr(equals + 1)));
    }
    if (core::equals_ci(coding, "gzip") || core::equals_ci(coding, "x-gzip")) gzip = positive;
    else if (coding == "*") any = positive;
  }
  if (gzip) return *gzip;
  return any.value_or(false);
}

}  // namespace http
