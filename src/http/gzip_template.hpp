// A page compressed once, answered compressed many times with per-visitor values put into it — without
// compressing those values or anything per request.
//
// The text is cut at slots (the CSRF token, the CSP nonce) whose values have a fixed length. It is compressed once
// as one deflate stream with each slot seen by the compressor as that many NUL bytes, the stream flushed to a byte
// boundary (Z_SYNC_FLUSH) before and after every slot. Answering copies the compressed parts and writes each
// slot's value between them as a stored (uncompressed) deflate block of the same length, so every back-reference
// still counts the right distances. No reference can point into a slot: the text has no NUL byte (build() refuses
// one), so no match of the compressor ever includes a placeholder byte. The gzip trailer's CRC-32 of the
// uncompressed answer is the CRC of the text with the NULs plus each value's contribution at its positions (CRC
// is linear over GF(2): one zlib crc32_combine_op per slot kind, whatever the number of slots).
//
// Why the values stay out of the compression: a page that compresses a secret next to text an attacker can put on
// it (a ?q= echoed by the search) leaks the secret through the answer's length (BREACH). Here the token and the
// nonce are stored blocks the compressor never saw.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace http {

class GzipTemplate final {
 public:
  static constexpr int kNoSlot = -1;
  struct Part {
    std::string_view text;
    int slot = kNoSlot;  // the slot that follows the text: an index into slot_lengths / values; kNoSlot after the last
  };

  // nullopt when the text holds a NUL byte, a slot index is out of range, a slot length is over 65,535, or zlib
  // fails. zlib's default level 6: level 9 took 2.4 ms for a 33 KB page with 62 slots against 0.9 ms, for 2 % fewer
  // bytes.
  static std::optional<GzipTemplate> build(std::span<const Part> parts, std::span<const std::size_t> slot_lengths);

  // The gzip member with `values[k]` in every slot k; nullopt when a value's length is not its slot's length.
  std::optional<std::string> render(std::span<const std::string_view> values) const;
  // The same, appended to `out` (false, `out` untouched, on a length mismatch).
  bool render_into(std::string& out, std::span<const std::string_view> values) const;

  // Bytes of the compressed parts (a rendered answer adds 5 bytes and the value per slot, and 18 of gzip framing).
  std::size_t compressed_bytes() const { return compressed_bytes_; }

 private:
  struct Chunk {
    std::string deflated;  // ends on a byte boundary (or, for the last, with the final block)
    int slot = kNoSlot;
  };
  std::vector<Chunk> chunks_;
  std::vector<std::size_t> slot_lengths_;
  // Per slot kind: x^(8·bytes after the slot) mod the CRC polynomial, summed over the slots of that kind.
  std::vector<unsigned long> crc_shift_sums_;
  std::vector<unsigned long> crc_of_nuls_;  // per slot kind: CRC-32 of as many NULs as its values have bytes
  unsigned long crc_with_nuls_ = 0;    // CRC-32 of the text with NULs in the slots
  unsigned long uncompressed_size_ = 0;
  std::size_t compressed_bytes_ = 0;
  std::size_t rendered_bytes_ = 0;  // of an answer: framing, chunks, stored block headers and values
};

// Whether an Accept-Encoding header value accepts gzip (listed, or "*", with a q-value above 0).
bool accepts_gzip(std::string_view accept_encoding);

}  // namespace http
