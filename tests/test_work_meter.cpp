// Progress on long work (docs/cli.md): the library's meters count every byte or section,
// and the `aidstat` command shows them on a terminal only, after its delay.
#include <catch2/catch.hpp>
#include <fstream>

#include "aidstat/archive.hpp"
#include "aidstat/load_csv.hpp"
#include "aidstat/open_dataset.hpp"
#include "aidstat/work_meter.hpp"
#include "test_support.hpp"

using namespace aidstat;

namespace {

const std::filesystem::path kDemo =
    std::filesystem::path(AIDSTAT_SOURCE_DIR) / "examples/data/city-2023";

// Runs the CLI with a pseudo-terminal as its stdout and stderr (util-linux `script`);
// returns what the terminal received.
std::string on_terminal(const std::string& env, const std::string& args) {
  test::temp_dir tmp;
  const auto out = tmp.path() / "typescript";
  const std::string inner = env + " '" + std::string(AIDSTAT_CLI) + "' " + args;
  const std::string cmd = "script -qec \"" + inner + "\" /dev/null >'" + out.string() + "' 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream in(out, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("a load or a save counts all of its work", "[work_meter]") {
  work_meter none;
  CHECK_FALSE(none.fraction());

  // A directory: the bytes of items.csv, on two threads, in 4 MB steps.
  test::temp_dir dir;
  std::string items = "date,category,provider,recipient,amount\n";
  while (items.size() < (9u << 20)) items += "2023-05-01,condolence,city,army,12345.67\n";
  dir.write("items.csv", items);
  work_meter loading;
  const dataset d = load_dataset(dir.path(), nullptr, 2, &loading);
  CHECK(loading.total == items.size());
  CHECK(loading.done == items.size());
  CHECK(loading.fraction() == 1.0);

  // An archive: its bytes, whether every section is read or a few.
  const auto file = dir.path() / "d.aidstat";
  work_meter saving;
  save_archive(d, file, archive_format::binary, &saving);
  CHECK(saving.total == 10);  // the entities and nine column groups
  CHECK(saving.done == 10);
  for (const item_fields f : {item_fields::all, item_fields::amounts}) {
    work_meter reading;
    const dataset back = open_dataset(file, f, &reading);
    CHECK(reading.total == std::filesystem::file_size(file));
    CHECK(reading.done == reading.total);
  }
}

TEST_CASE("the command shows progress on a terminal only, and only after its delay",
          "[work_meter][cli]") {
  const std::string data = "'" + kDemo.string() + "'";
  // Never when stderr is not a terminal.
  test::temp_dir tmp;
  const auto piped = test::run_cli("totals " + data + " --format csv");
  CHECK(piped.err.empty());
  const std::string cmd = "AIDSTAT_PROGRESS_AFTER_MS=0 '" + std::string(AIDSTAT_CLI) + "' totals " +
                          data + " --format csv >/dev/null 2>'" + (tmp.path() / "err").string() +
                          "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  CHECK(std::filesystem::file_size(tmp.path() / "err") == 0);

  if (std::system("script -qec true /dev/null >/dev/null 2>&1") != 0) {
    WARN("this machine gives no pseudo-terminal (no /dev/pts): the terminal half is not run");
    return;
  }
  // With no delay, a terminal sees the load, then the line is cleared.
  std::string seen = on_terminal("AIDSTAT_PROGRESS_AFTER_MS=0", "totals " + data + " --format csv");
  CHECK_THAT(seen, Catch::Contains("aidstat: loading " + kDemo.string() + " 100% (0 s)"));
  CHECK_THAT(seen, Catch::Contains("\r\033[K"));
  CHECK_THAT(seen, Catch::Contains("records,amount_min"));
  seen = on_terminal("AIDSTAT_PROGRESS_AFTER_MS=0",
                     "save " + data + " -o '" + (tmp.path() / "a.aidstat").string() + "'");
  CHECK_THAT(seen, Catch::Contains("aidstat: saving"));

  // A load shorter than the second shows nothing, even on a terminal.
  seen = on_terminal("", "totals " + data + " --format csv");
  CHECK_THAT(seen, !Catch::Contains("loading"));
}
