// web::Dict over ctemplate: keys are interned once per process (views.cpp), which must not change what a page shows
// — a key set twice, sections, many threads at once, and keys past the interning cap.
#include "web/views.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace {

class Views : public ::testing::Test {
 protected:
  Views() : root_(make_root()), engine_(root_) {}
  ~Views() override { std::filesystem::remove_all(root_); }

  static std::filesystem::path make_root() {
    auto root = std::filesystem::temp_directory_path() / ("nico-views-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(root / "views_test");
    std::ofstream(root / "views_test/keys.tpl") << "{{A}}|{{#ROW}}[{{B}}]{{/ROW}}|{{#FLAG}}on{{/FLAG}}|{{K0}}-{{K4999}}";
    return root;
  }

  std::string expand(web::View& view) { return engine_.expand("views_test/keys.tpl", view.raw()); }

  std::filesystem::path root_;
  web::TemplateEngine engine_;
};

TEST_F(Views, TheLastValueOfAKeyIsShownAndSectionsRepeat) {
  web::View view("views_test/keys.tpl", "t");
  auto dict = view.dict();
  dict.set("A", "primero").set("A", "segundo");
  dict.add("ROW").set("B", "uno");
  dict.add("ROW").set("B", 2LL);
  dict.show_if(false, "FLAG");
  EXPECT_EQ(expand(view), "segundo|[uno][2]||-");
  dict.show("FLAG");
  EXPECT_EQ(expand(view), "segundo|[uno][2]|on|-");
}

TEST_F(Views, ThreadsRenderingAtOnceEachSeeTheirOwnValues) {
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) {
        web::View view("views_test/keys.tpl", "t");
        view.dict().set("A", "hilo" + std::to_string(t)).add("ROW").set("B", static_cast<long long>(round));
        std::string out = expand(view);
        if (out != "hilo" + std::to_string(t) + "|[" + std::to_string(round) + "]||-") results[t] = out;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& wrong : results) EXPECT_EQ(wrong, "");
}

TEST_F(Views, KeysPastTheInterningCapStillReachThePage) {
  web::View view("views_test/keys.tpl", "t");
  auto dict = view.dict();
  for (int i = 0; i < 5000; ++i) dict.set("K" + std::to_string(i), std::to_string(i));  // the cap is 4096
  EXPECT_EQ(expand(view), "|||0-4999");
}

// ctemplate registers its own built-ins (BI_SPACE, BI_NEWLINE) as StaticTemplateStrings of its own: interning a key
// with the same name must neither clash with them nor stop a page from overriding one.
TEST_F(Views, AKeyNamedLikeACtemplateBuiltInStillOverridesIt) {
  std::ofstream(root_ / "views_test/builtin.tpl") << "[{{BI_SPACE}}]{{#S}}({{BI_NEWLINE}}){{/S}}";
  web::View plain("views_test/builtin.tpl", "t");
  plain.dict().show("S");
  EXPECT_EQ(engine_.expand("views_test/builtin.tpl", plain.raw()), "[ ](\n)");
  web::View overridden("views_test/builtin.tpl", "t");
  overridden.dict().set("BI_SPACE", "espacio").add("S").set("BI_NEWLINE", "linea");
  EXPECT_EQ(engine_.expand("views_test/builtin.tpl", overridden.raw()), "[espacio](linea)");
}

}  // namespace
