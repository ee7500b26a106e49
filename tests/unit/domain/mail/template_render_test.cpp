#include "domain/mail/template_render.hpp"

#include <gtest/gtest.h>

#include "domain/mail/template_catalog.hpp"
#include "domain/mail/template_store.hpp"
#include "domain/mail/templated_mail.hpp"

namespace {

const std::vector<std::string> kLinks = {"enlace"};

}  // namespace

TEST(MailTemplateRender, PlaceholdersAreReplacedWithOrWithoutSpacesInsideTheBraces) {
  EXPECT_EQ(mail::render_text("Hola {{nombre}}, tu pedido #{{ pedido }}.", {{"nombre", "Ana"}, {"pedido", "12"}}),
            "Hola Ana, tu pedido #12.");
}

TEST(MailTemplateRender, AMissingValueRendersEmptyAndALineOfOnlyEmptyValuesIsLeftOut) {
  std::string text = "Hola {{nombre}}\nNotas: {{notas}}\nFin {{nada}} de texto\n";
  EXPECT_EQ(mail::render_text(text, {{"nombre", "Ana"}}), "Hola Ana\n");
  EXPECT_EQ(mail::render_text(text, {{"nombre", "Ana"}, {"notas", "Timbre 2"}, {"nada", "x"}}),
            "Hola Ana\nNotas: Timbre 2\nFin x de texto\n");
  // A line without placeholders is kept even when blank.
  EXPECT_EQ(mail::render_text("A\n\nB", {}), "A\n\nB");
}

TEST(MailTemplateRender, UnknownPlaceholdersAreNamedOnceInOrder) {
  auto unknown = mail::unknown_placeholders("{{nombre}} {{ cliente }} {{total}} {{cliente}} {{}}", {"nombre", "total"});
  ASSERT_EQ(unknown.size(), 2u);
  EXPECT_EQ(unknown[0], "{{cliente}}");
  EXPECT_EQ(unknown[1], "{{}}");
  EXPECT_TRUE(mail::unknown_placeholders("Sin datos { sueltos } ni {{ abiertos", {}).empty());
}

TEST(MailTemplateRender, ValuesAndTemplateTextAreEscapedInTheHtmlPart) {
  std::string html = mail::render_html_body("<b>Hola</b> {{nombre}} & cía.",
                                            {{"nombre", "<script>alert('x')</script>\"Ana\""}}, kLinks);
  EXPECT_EQ(html.find("<script>"), std::string::npos) << html;
  EXPECT_EQ(html.find("<b>"), std::string::npos) << html;
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;Ana&quot;"), std::string::npos) << html;
  EXPECT_NE(html.find("&amp; cía."), std::string::npos) << html;
}

TEST(MailTemplateRender, UrlsOfTheTemplateAndLinkValuesBecomeLinksButOtherValuesDoNot) {
  std::string html = mail::render_html_body(
      "Abrí {{enlace}}\nMirá https://tienda.example.com/ofertas.\nSeguí https://tienda.example.com/mis-pedidos/{{pedido}}\n"
      "Nombre: {{nombre}}",
      {{"enlace", "https://tienda.example.com/restablecer-contrasena/abc?x=1&y=2"},
       {"pedido", "12"},
       {"nombre", "https://malo.example.net"}},
      kLinks);
  EXPECT_NE(html.find("<a href=\"https://tienda.example.com/restablecer-contrasena/abc?x=1&amp;y=2\""), std::string::npos)
      << html;
  // Sentence punctuation stays outside the link.
  EXPECT_NE(html.find("<a href=\"https://tienda.example.com/ofertas\""), std::string::npos) << html;
  // A URL typed in the template runs on into the value that completes it.
  EXPECT_NE(html.find("<a href=\"https://tienda.example.com/mis-pedidos/12\""), std::string::npos) << html;
  // A customer's value is text, never a link.
  EXPECT_EQ(html.find("href=\"https://malo.example.net"), std::string::npos) << html;
  EXPECT_NE(html.find("Nombre: https://malo.example.net"), std::string::npos) << html;
}

TEST(MailTemplateRender, BlankLinesMakeParagraphsAndLineBreaksInsideValuesBecomeBr) {
  std::string html = mail::render_html_body("Hola\n\nDetalle:\n{{detalle}}\n\nChau", {{"detalle", "- uno\n- dos"}}, kLinks);
  EXPECT_EQ(html,
            "<p style=\"margin:0 0 14px\">Hola</p>\n"
            "<p style=\"margin:0 0 14px\">Detalle:<br>\n- uno<br>\n- dos</p>\n"
            "<p style=\"margin:0 0 14px\">Chau</p>\n");
}

TEST(MailTemplateRender, ASubjectIsOneLineWhateverItsValuesHold) {
  EXPECT_EQ(mail::render_subject("Pedido {{pedido}} listo", {{"pedido", "12\r\nBcc: otro@example.com"}}),
            "Pedido 12  Bcc: otro@example.com listo");
}

TEST(MailTemplateRender, TheHtmlDocumentIsSpanishUtf8AndEscapesItsTitle) {
  std::string doc = mail::html_document("Pedido <12>", "<p>x</p>\n");
  EXPECT_NE(doc.find("<html lang=\"es\">"), std::string::npos);
  EXPECT_NE(doc.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(doc.find("<title>Pedido &lt;12&gt;</title>"), std::string::npos);
}

TEST(MailTemplateCatalog, EveryDefaultUsesOnlyItsOwnPlaceholdersAndValidates) {
  for (const auto& info : mail::template_catalog()) {
    auto names = mail::placeholder_names(info);
    EXPECT_TRUE(mail::unknown_placeholders(info.default_subject, names).empty()) << info.slug;
    EXPECT_TRUE(mail::unknown_placeholders(info.default_body, names).empty()) << info.slug;
    EXPECT_TRUE(mail::validate_template(info, info.default_subject, info.default_body, true).empty()) << info.slug;
    EXPECT_EQ(mail::parse_template_key(info.slug), info.key);
  }
  EXPECT_FALSE(mail::parse_template_key("../etc").has_value());
}

TEST(MailTemplateCatalog, ThePasswordResetDefaultReadsAsBeforeTemplatesExisted) {
  const auto& info = mail::template_info(mail::TemplateKey::kPasswordReset);
  auto parts = mail::render_parts(info, info.default_subject, info.default_body,
                                  {{"nombre", "Ana"}, {"negocio", "Nico"}, {"enlace", "https://x.example/r/t"},
                                   {"vencimiento", "60 minutos"}});
  EXPECT_EQ(parts.subject, "Restablecé tu contraseña — Nico");
  EXPECT_EQ(parts.text,
            "Hola Ana,\n\nRecibimos un pedido para restablecer la contraseña de tu cuenta en Nico.\n"
            "Para elegir una nueva, abrí este enlace:\n\nhttps://x.example/r/t\n\n"
            "El enlace vence en 60 minutos y sirve una sola vez.\n"
            "Si no lo pediste vos, ignorá este mensaje: tu contraseña sigue siendo la misma.\n\nNico\n");
  EXPECT_NE(parts.html.find("<a href=\"https://x.example/r/t\""), std::string::npos);
}

TEST(MailTemplateValidation, UnknownPlaceholdersAndMultiLineSubjectsAreRefusedInSpanish) {
  const auto& info = mail::template_info(mail::TemplateKey::kOrderConfirmation);
  auto errors = mail::validate_template(info, "Pedido {{numero}}", "Hola {{cliente}} {{nombre}} {{saldo}}", true);
  EXPECT_EQ(errors.first("subject"), "El asunto usa marcadores que este mail no tiene: {{numero}}. Usá solo los de la lista.");
  EXPECT_EQ(errors.first("body"),
            "El texto usa marcadores que este mail no tiene: {{cliente}}, {{saldo}}. Usá solo los de la lista.");
  EXPECT_EQ(mail::validate_template(info, "Hola\r\nBcc: x@example.com", "Texto", true).first("subject"),
            "El asunto tiene que ser una sola línea.");
  EXPECT_EQ(mail::validate_template(info, " ", " ", true).first("body"), "Escribí el texto del mail.");
  EXPECT_TRUE(mail::validate_template(info, "Asunto", "Texto", false).empty());
}

TEST(MailTemplateValidation, ThePasswordResetCannotBeDisabled) {
  const auto& info = mail::template_info(mail::TemplateKey::kPasswordReset);
  EXPECT_TRUE(mail::validate_template(info, "Asunto", "Abrí {{enlace}}", false).has("enabled"));
}

TEST(MailTemplateRender, ACustomersValueCannotMoveTheShopsLinkToAnotherHost) {
  std::string at_host = mail::render_html_body("Mirá https://tienda.example.com{{nombre}}", {{"nombre", "@malo.example/x"}},
                                               kLinks);
  EXPECT_EQ(at_host.find("malo.example/x\""), std::string::npos) << at_host;
  EXPECT_NE(at_host.find("<a href=\"https://tienda.example.com\""), std::string::npos) << at_host;
  std::string in_path = mail::render_html_body("Mirá https://tienda.example.com/p/{{nombre}}", {{"nombre", "a\"b"}}, kLinks);
  // Inside the path a value continues the link only with characters that cannot end or reshape it.
  EXPECT_NE(in_path.find("<a href=\"https://tienda.example.com/p/a\""), std::string::npos) << in_path;
  EXPECT_NE(in_path.find("</a>&quot;b"), std::string::npos) << in_path;
}

TEST(MailTemplateRender, ALongValueInTheSubjectIsCutToAHeaderRelaysAccept) {
  std::string subject = mail::render_subject("Pedido: {{notas}}", {{"notas", std::string(2000, 'n')}});
  EXPECT_LE(subject.size(), 260u);
  EXPECT_EQ(subject.substr(subject.size() - 3), "…");
  std::string accents = mail::render_subject("{{notas}}", {{"notas", std::string(300, 'x') + "ñ"}});
  EXPECT_EQ(accents, std::string(250, 'x') + "…");
}

TEST(MailTemplateValidation, TheMailsThatCannotBeTurnedOffMustKeepTheirLink) {
  for (auto key : {mail::TemplateKey::kPasswordReset, mail::TemplateKey::kEmailVerification}) {
    const auto& info = mail::template_info(key);
    EXPECT_EQ(mail::validate_template(info, "Asunto", "Hola {{nombre}}", true).first("body"),
              "El texto tiene que incluir {{enlace}}: sin el enlace, el cliente no puede seguir.");
    EXPECT_TRUE(mail::validate_template(info, "Asunto", "Abrí {{ enlace }}", true).empty());
    EXPECT_TRUE(mail::validate_template(info, "Asunto", "Abrí {{enlace}}", false).has("enabled"));
  }
}
