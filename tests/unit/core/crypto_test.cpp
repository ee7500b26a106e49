#include "core/crypto.hpp"

#include <gtest/gtest.h>

TEST(Hmac, MatchesRfc4231TestCase2) {
  // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
  EXPECT_EQ(core::hex_encode(core::hmac_sha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Hmac, MatchesRfc4231TestCase6WithAKeyLongerThanTheBlock) {
  EXPECT_EQ(core::hex_encode(core::hmac_sha256(std::string(131, '\xaa'),
                                               "Test Using Larger Than Block-Size Key - Hash Key First")),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(Hmac, KeysTakenInTurnOnOneThreadEachGiveTheirOwnMac) {
  // Each thread keeps the state of its last key: switching keys, and a key that is a prefix of the one before,
  // must never reuse it. RFC 4231 test cases 1 and 2, the Jefe key again, then a prefix of it.
  const std::string case1 = core::hex_encode(core::hmac_sha256(std::string(20, '\x0b'), "Hi There"));
  const std::string case2 = core::hex_encode(core::hmac_sha256("Jefe", "what do ya want for nothing?"));
  const std::string again = core::hex_encode(core::hmac_sha256("Jefe", "what do ya want for nothing?"));
  const std::string prefix = core::hex_encode(core::hmac_sha256("Jef", "what do ya want for nothing?"));
  EXPECT_EQ(case1, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  EXPECT_EQ(case2, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(again, case2);
  EXPECT_EQ(prefix, "89630a7f7bb95aced9efa60255f18a10e7d378665751be11dd40bb9594158c29");  // Python's hmac
  EXPECT_EQ(core::hex_encode(core::hmac_sha256(std::string(20, '\x0b'), "Hi There")), case1);
  // Two keys of one length, differing in the last byte only.
  const std::string jefe = core::hex_encode(core::hmac_sha256("Jefe", "what do ya want for nothing?"));
  EXPECT_EQ(core::hex_encode(core::hmac_sha256("Jeff", "what do ya want for nothing?")),
            "b756ec8c1f600eb277ee3f04163f581bd1c7e361f34a0727ad79c844ffc4bb83");
  EXPECT_EQ(jefe, case2);
  EXPECT_EQ(core::hex_encode(core::hmac_sha256("Jefe", "what do ya want for nothing?")), case2);
}

// Edges of RFC 2104 not in RFC 4231: an empty key and message, and keys either side of SHA-256's 64-byte block
// (64 bytes: used as they are; 65: hashed first). Expected values from Python's hmac module.
TEST(Hmac, EmptyInputsAndKeysAroundTheBlockSize) {
  auto bytes_upto = [](int count) {
    std::string key;
    for (int i = 0; i < count; ++i) key.push_back(static_cast<char>(i));
    return key;
  };
  EXPECT_EQ(core::hex_encode(core::hmac_sha256("", "")),
            "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
  EXPECT_EQ(core::hex_encode(core::hmac_sha256(bytes_upto(63), "")),
            "91a6da6e552749b42d019214821d37ec711ae369b9e717aa8b5e48ec2e9ca359");
  EXPECT_EQ(core::hex_encode(core::hmac_sha256(bytes_upto(64), "sixty-four")),
            "ddc89972fd68037feaba8b86463cb6e993dc97072bfa393bd87ef0bfa9a82028");
  EXPECT_EQ(core::hex_encode(core::hmac_sha256(bytes_upto(65), "sixty-five")),
            "3a4be673c16d7b5f5e91bf134117d5438d56aec4180d2fffb26b419ed626f75f");
}

TEST(PasswordHash, VerifiesTheRightPasswordOnly) {
  core::PasswordHashCost cheap{1, 8192};
  std::string hash = core::hash_password("secreto123", cheap);
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(core::verify_password("secreto123", hash));
  EXPECT_FALSE(core::verify_password("secreto124", hash));
  EXPECT_FALSE(core::verify_password("secreto123", "not-a-hash"));
}

TEST(Encoding, RoundTrips) {
  std::string bytes = core::random_bytes(33);
  EXPECT_EQ(core::base64_decode(core::base64_encode(bytes)), bytes);
  EXPECT_EQ(core::hex_decode(core::hex_encode(bytes)), bytes);
  EXPECT_TRUE(core::hex_decode("zz").empty());
  EXPECT_EQ(core::random_token(40).size(), 40u);
}

TEST(SecretBox, DecryptsOnlyWithTheSameKeyAndPurpose) {
  std::string key(32, 'k');
  std::string sealed = core::encrypt_for(key, "2fa-secret", "JBSWY3DPEHPK3PXP");
  EXPECT_NE(sealed.find("JBSWY3DP"), 0u);
  EXPECT_EQ(core::decrypt_for(key, "2fa-secret", sealed).value_or(""), "JBSWY3DPEHPK3PXP");
  EXPECT_FALSE(core::decrypt_for(std::string(32, 'x'), "2fa-secret", sealed).has_value());
  EXPECT_FALSE(core::decrypt_for(key, "backup", sealed).has_value());
  std::string tampered = core::base64_decode(sealed);
  tampered.back() ^= 1;
  EXPECT_FALSE(core::decrypt_for(key, "2fa-secret", core::base64_encode(tampered)).has_value());
  EXPECT_NE(core::encrypt_for(key, "2fa-secret", "x"), core::encrypt_for(key, "2fa-secret", "x"));  // random nonce
}

TEST(Digests, KnownVectorsFromFips180) {
  EXPECT_EQ(core::sha1_hex("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(core::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(core::sha1_hex(""), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
}
