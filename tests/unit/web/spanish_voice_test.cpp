// Guards the Spanish people read (issue 18 item 8): es-AR voseo, accents, "¡…!", no "Checkout"/"CSRF"/"token",
// counts through core::count_label. It reads what a user can see — template text nodes and visible attributes,
// string literals of the user-facing C++ layers (src/routes, src/web, src/domain) and of public/js — and looks for
// the slips that kept coming back. Identifiers, URLs, CSS classes and field names are left alone: a word glued to
// `/ _ - . { } = #` is code, a literal without spaces counts only when it looks like a label ("Telefono"), and
// literals that read as SQL are skipped.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Text {
  std::string where;  // "templates/pages/x.tpl:12"
  std::string text;
  bool from_code = false;  // a source literal (rules on labels differ from free text)
  bool cpp = false;        // a C++ literal: counts there go through core::count_label
};

const fs::path kRoot = NICO_TEST_SOURCE_DIR;

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<fs::path> files_under(const fs::path& dir, const std::set<std::string>& extensions) {
  std::vector<fs::path> found;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file() && extensions.count(entry.path().extension().string())) found.push_back(entry.path());
  std::sort(found.begin(), found.end());
  return found;
}

int line_of(const std::string& source, std::size_t offset) {
  return 1 + static_cast<int>(std::count(source.begin(), source.begin() + static_cast<long>(offset), '\n'));
}

std::string label(const fs::path& path, int line) {
  return fs::relative(path, kRoot).string() + ":" + std::to_string(line);
}

// --- Extraction ------------------------------------------------------------------------------------------------

// Template text a person sees: text between tags (outside <script>/<style>) and the attributes that are read
// aloud or shown. `{{…}}` tags become a space so "{{N}} items" stays visible to the plural rule below.
void collect_template(const fs::path& path, std::vector<Text>& out) {
  std::string source = read_all(path);
  static const std::regex kVisibleAttribute(
      R"re(\b(?:placeholder|title|aria-label|alt|data-confirm|data-copy-toast)="([^"]*)")re");
  std::size_t i = 0;
  while (i < source.size()) {
    if (source[i] == '<') {
      std::size_t end = source.find('>', i);
      if (end == std::string::npos) break;
      std::string tag = source.substr(i, end - i + 1);
      for (std::sregex_iterator it(tag.begin(), tag.end(), kVisibleAttribute), stop; it != stop; ++it)
        out.push_back({label(path, line_of(source, i)), (*it)[1].str()});
      for (const char* raw : {"<script", "<style"}) {
        if (tag.rfind(raw, 0) == 0) {
          std::string closing = std::string("</") + (raw + 1);
          std::size_t close = source.find(closing, end);
          end = close == std::string::npos ? source.size() - 1 : source.find('>', close);
        }
      }
      i = end + 1;
      continue;
    }
    std::size_t next = source.find('<', i);
    if (next == std::string::npos) next = source.size();
    std::string text = source.substr(i, next - i);
    if (text.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back({label(path, line_of(source, i)), text});
    i = next;
  }
}

// String literals of a C++ or JavaScript file, skipping comments (and C++ raw strings, which hold SQL or HTML).
void collect_literals(const fs::path& path, bool javascript, std::vector<Text>& out) {
  std::string source = read_all(path);
  std::size_t i = 0;
  auto at_line_start_hash = [&](std::size_t pos) {
    std::size_t start = source.rfind('\n', pos == 0 ? 0 : pos - 1);
    start = start == std::string::npos ? 0 : start + 1;
    std::size_t first = source.find_first_not_of(" \t", start);
    return first == pos && source[pos] == '#';
  };
  while (i < source.size()) {
    char c = source[i];
    if (c == '/' && i + 1 < source.size() && source[i + 1] == '/') {
      i = source.find('\n', i);
      if (i == std::string::npos) break;
      continue;
    }
    if (c == '/' && i + 1 < source.size() && source[i + 1] == '*') {
      i = source.find("*/", i + 2);
      if (i == std::string::npos) break;
      i += 2;
      continue;
    }
    if (!javascript && at_line_start_hash(i)) {  // #include "…", #pragma
      i = source.find('\n', i);
      if (i == std::string::npos) break;
      continue;
    }
    if (!javascript && c == 'R' && i + 1 < source.size() && source[i + 1] == '"') {
      std::size_t open = source.find('(', i);
      std::string closing = ")" + source.substr(i + 2, open - i - 2) + "\"";
      std::size_t close = source.find(closing, open);
      i = close == std::string::npos ? source.size() : close + closing.size();
      continue;
    }
    bool quote = c == '"' || (javascript && (c == '\'' || c == '`'));
    if (!javascript && c == '\'') {  // a char literal such as '"'
      std::size_t close = i + 1;
      while (close < source.size() && source[close] != '\'') close += source[close] == '\\' ? 2 : 1;
      i = close + 1;
      continue;
    }
    if (!quote) {
      ++i;
      continue;
    }
    std::size_t start = i + 1, j = start;
    std::string text;
    while (j < source.size() && source[j] != c && (c == '`' || source[j] != '\n')) {
      if (source[j] == '\\' && j + 1 < source.size()) {
        char e = source[j + 1];
        text += e == 'n' ? ' ' : e;
        j += 2;
        continue;
      }
      text += source[j++];
    }
    out.push_back({label(path, line_of(source, i)), text, true, !javascript});
    i = j + 1;
  }
}

std::vector<Text> everything_users_read() {
  std::vector<Text> texts;
  for (const auto& path : files_under(kRoot / "templates", {".tpl"})) collect_template(path, texts);
  for (const char* dir : {"src/routes", "src/web", "src/domain"})
    for (const auto& path : files_under(kRoot / dir, {".cpp", ".hpp"})) collect_literals(path, false, texts);
  for (const auto& path : files_under(kRoot / "public/js", {".js"})) collect_literals(path, true, texts);
  return texts;
}

// --- Rules -----------------------------------------------------------------------------------------------------

bool is_word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// Words of `text` that stand as words: not glued to a path, identifier, placeholder or attribute.
std::vector<std::string> standalone_words(const std::string& text) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_word_byte(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && is_word_byte(static_cast<unsigned char>(text[end]))) ++end;
    char before = i == 0 ? ' ' : text[i - 1];
    char after = end >= text.size() ? ' ' : text[end];
    bool code = std::string("/_-.{}#$@:").find(before) != std::string::npos ||
                std::string("/_-{}=(").find(after) != std::string::npos;
    if (!code) words.push_back(text.substr(i, end - i));
    i = end;
  }
  return words;
}

bool looks_like_sql(const std::string& text) {
  static const std::regex kSql(R"(\b(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|FROM|WHERE|JOIN|VALUES|SET)\b)");
  return std::regex_search(text, kSql);
}

// A literal without spaces is a label only when it is a capitalised word ("Telefono"), not a key ("telefono")
// or a template variable ("CSRF").
bool reads_as_text(const Text& item) {
  if (!item.from_code) return true;
  if (looks_like_sql(item.text)) return false;
  if (item.text.find(' ') != std::string::npos) return true;
  if (item.text.empty() || !std::isupper(static_cast<unsigned char>(item.text[0]))) return false;
  return std::any_of(item.text.begin() + 1, item.text.end(), [](char c) { return std::islower(c); });
}

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Unaccented spellings seen in this code base (and their close relatives), any case.
const std::set<std::string> kMissingAccent = {
    "metodo", "telefono", "telefonos", "todavia", "aca", "codigo", "codigos", "numero", "numeros", "contrasena",
    "contrasenas", "despues", "digitos", "numericos", "invalido", "invalida", "ultimo", "ultima", "minimo",
    "maximo", "pagina", "categoria", "categorias", "bateria", "baterias", "tambien", "vacio", "algun", "ningun",
    "podes", "tenes", "queres", "volve", "sesion", "items", "diagnostico", "garantia", "envio", "electronica",
    "direccion", "informacion", "mas", "genero"};
// tú forms (voseo is "podés", "tenés", "querés", "pagás"), any case.
const std::set<std::string> kTuForm = {"puedes", "tienes", "quieres", "debes", "necesitas", "pagas", "escribenos"};
// tú imperatives that open a sentence ("Revisa los campos" → "Revisá"); adjectives such as "Activa" are not here.
const std::set<std::string> kTuImperative = {"Revisa",  "Ingresa", "Intenta", "Reintenta", "Verifica", "Escanea",
                                             "Confirma", "Ajusta",  "Vuelve",  "Espera",    "Proba",    "Actualiza",
                                             "Descarga", "Sube",    "Elige",   "Completa",  "Volve"};
// Words that do not belong in front of a customer.
const std::set<std::string> kJargon = {"checkout", "csrf", "token"};

std::vector<std::string> slips_in(const Text& item) {
  std::vector<std::string> slips;
  if (!reads_as_text(item)) return slips;
  auto words = standalone_words(item.text);
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::string& word = words[k];
    std::string low = lower(word);
    if (kMissingAccent.count(low)) slips.push_back("sin tilde: \"" + word + "\"");
    if (kTuForm.count(low)) slips.push_back("tuteo: \"" + word + "\"");
    if (kTuImperative.count(word)) slips.push_back("imperativo de tú: \"" + word + "\"");
    if (kJargon.count(low)) slips.push_back("jerga técnica: \"" + word + "\"");
    static const std::regex kCion("[a-z]+cion");  // "verificacion": every -ción carries its accent
    if (std::regex_match(low, kCion)) slips.push_back("sin tilde: \"" + word + "\"");
  }
  // "Hola!" / "Gracias!" without the opening mark.
  bool bare_exclamation = false;
  for (std::size_t k = 1; k < item.text.size(); ++k)
    if (item.text[k] == '!' && is_word_byte(static_cast<unsigned char>(item.text[k - 1])) &&
        (k + 1 == item.text.size() || item.text[k + 1] != '='))
      bare_exclamation = true;
  if (bare_exclamation && item.text.find("¡") == std::string::npos) slips.push_back("falta \"¡\"");
  // Counts spelled by hand: "{{N}} items", "hace {{N}} d", " items" glued to a number in code.
  static const std::regex kHandPlural(R"((\{\{[A-Z_]+\}\}|\d) +(items|ítems|cambios|cambio)\b|hace +\{\{)");
  if (!item.from_code && std::regex_search(item.text, kHandPlural)) slips.push_back("plural a mano (core::count_label)");
  static const std::regex kGluedUnit(R"( ?(item|items|ítem|ítems|cambios|d))");
  if (item.cpp && std::regex_match(item.text, kGluedUnit))
    slips.push_back("plural a mano (core::count_label)");
  return slips;
}

Text code(std::string text) { return {"ejemplo", std::move(text), true, true}; }
Text page(std::string text) { return {"ejemplo", std::move(text), false}; }

// --- Tests -----------------------------------------------------------------------------------------------------

TEST(SpanishVoice, TheScanCatchesTheKnownSlipsAndLeavesCodeAlone) {
  EXPECT_FALSE(slips_in(page("Revisa los campos marcados.")).empty());
  EXPECT_FALSE(slips_in(page("Aca puedes ver tus pedidos.")).empty());
  EXPECT_FALSE(slips_in(page("Pagas al retirar.")).empty());
  EXPECT_FALSE(slips_in(page("Metodo de pago")).empty());
  EXPECT_FALSE(slips_in(page("Todavia no hay nada.")).empty());
  EXPECT_FALSE(slips_in(page("Pedido confirmado!")).empty());
  EXPECT_FALSE(slips_in(page("{{COUNT}} items")).empty());
  EXPECT_FALSE(slips_in(page("hace {{DAYS}} d")).empty());
  EXPECT_FALSE(slips_in(page("Tu sesión caducó (token CSRF inválido).")).empty());
  EXPECT_FALSE(slips_in(code("Ingresa tu codigo 2FA para continuar al panel admin.")).empty());
  EXPECT_FALSE(slips_in(code("Telefono")).empty());
  EXPECT_FALSE(slips_in(code("Checkout")).empty());
  EXPECT_FALSE(slips_in(code(" items")).empty());
  EXPECT_FALSE(slips_in(page("La verificacion falló.")).empty());

  EXPECT_TRUE(slips_in(page("Revisá los campos. Acá podés ver tus pedidos. Pagás al retirar.")).empty());
  EXPECT_TRUE(slips_in(page("¡Pedido confirmado! Método de pago · Teléfono · Todavía · código")).empty());
  EXPECT_TRUE(slips_in(page("Categoría Activa · 3 días")).empty());
  EXPECT_TRUE(slips_in(code("telefono")).empty());         // a field name
  EXPECT_TRUE(slips_in(code("CSRF")).empty());             // a template variable
  EXPECT_TRUE(slips_in(code("/admin/configuracion")).empty());
  EXPECT_TRUE(slips_in(code("checkout.confirm")).empty());  // a route name
  EXPECT_TRUE(slips_in(code("SELECT token FROM checkout_tokens WHERE id = :id")).empty());
  EXPECT_TRUE(slips_in(code("input[name=\"_token\"]")).empty());
  EXPECT_TRUE(slips_in(page("{{#HAS_CODIGO}}")).empty());
}

TEST(SpanishVoice, NothingAUserReadsHasAKnownSlip) {
  auto texts = everything_users_read();
  ASSERT_GT(texts.size(), 500u) << "the scan found too little to read; are the paths right?";
  std::vector<std::string> found;
  for (const auto& item : texts)
    for (const auto& slip : slips_in(item)) found.push_back(item.where + ": " + slip + " en «" + item.text + "»");
  std::string report;
  for (const auto& line : found) report += line + "\n";
  EXPECT_TRUE(found.empty()) << found.size() << " textos a corregir (voseo, tildes, ¡!, plurales):\n" << report;
}

}  // namespace
