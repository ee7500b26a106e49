#include "domain/audit/audit_chain.hpp"

#include <gtest/gtest.h>

TEST(AuditChainCanonical, LengthPrefixesKeepDifferentRowsApart) {
  using Columns = std::vector<std::optional<std::string>>;
  EXPECT_EQ(audit::canonical_entry(Columns{std::string("ab"), std::nullopt, std::string("")}), "2:ab;~;0:;");
  // Moving a separator between two fields changes the canonical form.
  EXPECT_NE(audit::canonical_entry(Columns{std::string("a;"), std::string("b")}),
            audit::canonical_entry(Columns{std::string("a"), std::string(";b")}));
  EXPECT_NE(audit::canonical_entry(Columns{std::nullopt}), audit::canonical_entry(Columns{std::string("")}));
}

TEST(AuditChainCanonical, HashDependsOnThePreviousHash) {
  std::string canonical = audit::canonical_entry({std::string("1"), std::string("x")});
  auto first = audit::chain_hash("", canonical);
  EXPECT_EQ(first.size(), 64u);
  EXPECT_NE(first, audit::chain_hash(first, canonical));
  EXPECT_EQ(first, audit::chain_hash("", canonical));
}
