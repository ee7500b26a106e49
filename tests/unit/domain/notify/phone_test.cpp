// notify::wa_me_url: the link shape (the digits themselves are tested in tests/unit/core/phone_test.cpp).
#include "domain/notify/phone.hpp"

#include <gtest/gtest.h>

TEST(WhatsAppLink, EncodesTheWholeMessage) {
  EXPECT_EQ(notify::wa_me_url("541133332222", "Hola Ana 👋\nListo: *sí* & 100%?"),
            "https://wa.me/541133332222?text=Hola%20Ana%20%F0%9F%91%8B%0AListo%3A%20%2As%C3%AD%2A%20%26%20100%25%3F");
}
