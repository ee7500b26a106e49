// Shopper steps through the store pages (see store_steps.hpp).
#include "store_steps.hpp"

namespace testing_support {

std::string token_for(Browser& browser) { return csrf_token_in(browser.get("/reparacion").body); }

HttpResponse add_to_cart(Browser& browser, const std::string& token, long long product_id, const std::string& quantity,
                         const std::map<std::string, std::string>& headers) {
  return browser.post("/carrito/agregar/" + std::to_string(product_id), {{"_token", token}, {"quantity", quantity}},
                      headers);
}

std::string checkout_token_in(const std::string& html) {
  const std::string marker = "name=\"checkout_token\" value=\"";
  std::size_t start = html.find(marker);
  if (start == std::string::npos) return "";
  start += marker.size();
  return html.substr(start, html.find('"', start) - start);
}

}  // namespace testing_support
