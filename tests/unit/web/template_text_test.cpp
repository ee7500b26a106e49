// Templates lose their indentation, never a word boundary or the whitespace of <pre>/<textarea> content.
#include "web/template_text.hpp"

#include <gtest/gtest.h>

TEST(StripIndentation, DropsLeadingSpacesAndBlankLinesButKeepsEveryNewline) {
  EXPECT_EQ(web::strip_indentation("<div>\n    <p>Hola\n      mundo</p>\n\n   \n  </div>\n"),
            "<div>\n<p>Hola\nmundo</p>\n</div>\n");
  EXPECT_EQ(web::strip_indentation("  <a\n    class=\"x\"\n    href=\"/\">"), "<a\nclass=\"x\"\nhref=\"/\">");
  EXPECT_EQ(web::strip_indentation("sin salto final   "), "sin salto final   ");
}

TEST(StripIndentation, KeepsPreAndTextareaContentAsWritten) {
  EXPECT_EQ(web::strip_indentation("  <pre>\n    uno\n      dos\n  </pre>\n  <p>x</p>\n"),
            "<pre>\n    uno\n      dos\n  </pre>\n<p>x</p>\n");
  EXPECT_EQ(web::strip_indentation("<TEXTAREA name=\"n\">\n  línea\n\n</textarea>\n    <b>y</b>"),
            "<TEXTAREA name=\"n\">\n  línea\n\n</textarea>\n<b>y</b>");
  EXPECT_EQ(web::strip_indentation("  <textarea>{{V}}</textarea>\n    <i>z</i>"), "<textarea>{{V}}</textarea>\n<i>z</i>");
}
