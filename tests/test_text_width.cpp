#include <catch2/catch.hpp>

#include "aidstat/text_width.hpp"

using namespace aidstat;

TEST_CASE("display width counts Chinese characters as two columns", "[text_width]") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("慰问") == 4);
  CHECK(display_width("1100余万元") == 10);  // digits narrow, 余万元 wide
  CHECK(display_width("（全角）") == 8);
  CHECK(display_width("") == 0);
  CHECK(pad_to_width("慰问", 6) == "慰问  ");
  CHECK(pad_to_width("12", 4, true) == "  12");
  CHECK(pad_to_width("toolong", 3) == "toolong");
}
