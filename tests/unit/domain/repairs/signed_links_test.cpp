#include "domain/repairs/quote_approval.hpp"

#include <gtest/gtest.h>

#include <string>

#include "domain/repairs/status_link.hpp"
#include "core/signed_link.hpp"

namespace {
const std::string kKey(32, 'z');
}

TEST(RepairSignedLinks, QuoteLinksAreSignedPerActionWithTheGivenExpiry) {
  EXPECT_EQ(repairs::quote_approval_path(12), "/reparacion/12/presupuesto");
  EXPECT_EQ(repairs::quote_approval_path(12, repairs::QuoteAction::kApprove), "/reparacion/12/presupuesto/aprobar");
  EXPECT_EQ(repairs::quote_approval_path(12, repairs::QuoteAction::kReject), "/reparacion/12/presupuesto/rechazar");
  std::string approve = repairs::signed_quote_path(kKey, 12, repairs::QuoteAction::kApprove, 2000);
  ASSERT_EQ(approve.rfind("/reparacion/12/presupuesto/aprobar?expires=2000&signature=", 0), 0u) << approve;
  EXPECT_EQ(core::check_signed_url(approve, kKey, 1999), core::SignedUrlCheck::kValid);
  EXPECT_EQ(core::check_signed_url(approve, kKey, 2001), core::SignedUrlCheck::kExpired);
  // The approve signature does not open the reject action, another repair or another key.
  std::string signature = approve.substr(approve.find("&signature="));
  EXPECT_EQ(core::check_signed_url("/reparacion/12/presupuesto/rechazar?expires=2000" + signature, kKey, 0),
            core::SignedUrlCheck::kInvalid);
  EXPECT_EQ(core::check_signed_url("/reparacion/13/presupuesto/aprobar?expires=2000" + signature, kKey, 0),
            core::SignedUrlCheck::kInvalid);
  EXPECT_EQ(core::check_signed_url(approve, std::string(32, 'y'), 0), core::SignedUrlCheck::kInvalid);
  EXPECT_EQ(repairs::quote_approval_url("https://taller.test/", kKey, 12, 2000),
            "https://taller.test" + repairs::signed_quote_path(kKey, 12, repairs::QuoteAction::kShow, 2000));
}

TEST(RepairSignedLinks, StatusLinkIsAbsoluteAndSigned) {
  EXPECT_EQ(repairs::status_link_path(7), "/reparacion/estado/7");
  std::string url = repairs::status_link_url("https://taller.test", kKey, 7, 5000);
  ASSERT_EQ(url.rfind("https://taller.test/reparacion/estado/7?expires=5000&signature=", 0), 0u) << url;
  EXPECT_EQ(core::check_signed_url(url.substr(19), kKey, 4000), core::SignedUrlCheck::kValid);
  EXPECT_EQ(core::check_signed_url(url.substr(19), kKey, 6000), core::SignedUrlCheck::kExpired);
}
