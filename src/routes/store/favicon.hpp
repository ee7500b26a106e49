// GET /favicon.ico (see favicon.cpp).
#pragma once

#include "http/message.hpp"

namespace web {
struct Context;
}

namespace routes {

http::Response favicon(web::Context& context);

}  // namespace routes
