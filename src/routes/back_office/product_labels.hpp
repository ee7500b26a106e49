// Printable product labels (issue 21): name, price, SKU and the product's barcode drawn as SVG, on A4 label sheets or
// a thermal label roll. Access::kAdmin (src/routes/back_office/routes.cpp).
#pragma once

#include "http/message.hpp"

namespace web {
class Context;
}

namespace routes::back_office {

// GET /admin/productos/{product}/etiqueta[?formato=a4|rollo&copias=N]: one product's label, N copies (404 when the
// product does not exist).
http::Response product_label(web::Context& context);

// GET /admin/productos/etiquetas?ids[]=1&ids[]=2[&formato=…&copias=N]: the labels of the products chosen in the list,
// in the order given (unknown ids are skipped; 404 when none is left).
http::Response product_labels(web::Context& context);

}  // namespace routes::back_office
