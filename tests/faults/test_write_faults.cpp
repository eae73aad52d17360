// Write faults, SQLite's way: every write, fsync, rename and close that a small
// save, export and report make on their destination's folder is failed in turn
// (tests/faults/fault_shim.c, loaded with LD_PRELOAD). After each fault the
// destination is the old one, whole; no temporary is left; and the error names the
// destination and the system's reason.
#include <catch2/catch.hpp>

#include "aidstat/export_csv.hpp"
#include "aidstat/load_csv.hpp"
#include "faults/fault_support.hpp"
#include "items_sample.hpp"

using namespace aidstat;
using namespace aidstat::test;
namespace fs = std::filesystem;

namespace {

// A dataset folder that differs from the demo in every file: the demo and one more
// unit, beneficiary, category, commitment, stated total and item.
fs::path write_changed_demo(const fs::path& dir) {
  fs::create_directories(dir);
  for (const auto& e : fs::directory_iterator(demo_dataset())) {
    std::string text = file_text(e.path());
    const std::string name = e.path().filename().string();
    if (name == "units.csv") text += "extra_unit,新单位,enterprise,civilian,,\n";
    if (name == "beneficiaries.csv") text += "extra_people,veteran,extra_unit,3\n";
    if (name == "categories.csv") text += "extra_category,新类别,New,\n";
    if (name == "commitments.csv") text += "extra_plan,2023,condolence,extra_unit,新承诺,,done\n";
    if (name == "stated_totals.csv") text += "s_extra,2023,condolence,extra_unit,,,1万元,,,新\n";
    if (name == "items.csv") text += "2023-05-01,condolence,extra_unit,,,cash,1万元,,,,\n";
    std::ofstream(dir / name, std::ios::binary) << text;
  }
  return dir;
}

// Puts `state` back at `dest`, without aidstat.
void restore(const fs::path& dest, const std::map<std::string, std::string>& state) {
  fs::remove_all(dest);
  if (state.size() == 1 && state.begin()->first.empty()) {
    std::ofstream(dest, std::ios::binary) << state.begin()->second;
    return;
  }
  fs::create_directories(dest);
  for (const auto& [name, text] : state) std::ofstream(dest / name, std::ios::binary) << text;
}

std::string shim_env(const fs::path& dir, const std::string& call, long at,
                     const fs::path& count_file) {
  return "LD_PRELOAD='" + std::string(AIDSTAT_FAULT_SHIM) + "' AIDSTAT_FAULT_DIR='" + dir.string() +
         "' AIDSTAT_FAULT_CALL=" + call + " AIDSTAT_FAULT_AT=" + std::to_string(at) +
         " AIDSTAT_FAULT_COUNT='" + count_file.string() +
         "' ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0";
}

// Runs `command` (writing `dest` from `new_source`) once per call of each kind,
// failing that call, with `old` at `dest` before each run.
void sweep(const std::string& command, const fs::path& dest,
           const std::map<std::string, std::string>& old_state,
           const std::map<std::string, std::string>& new_state) {
  const fs::path dir = dest.parent_path();
  const fs::path count_file = dir.parent_path() / "count";
  for (const std::string call : {"write", "fsync", "rename", "close"}) {
    restore(dest, old_state);
    const run_result counted = run_cli(command, shim_env(dir, call, 0, count_file));
    REQUIRE(counted.status == 0);
    const long calls = std::stol(file_text(count_file));
    INFO(command << ": " << calls << " " << call << " call(s)");
    CHECK(calls > 0);
    for (long at = 1; at <= calls; ++at) {
      restore(dest, old_state);
      const run_result r = run_cli(command, shim_env(dir, call, at, count_file));
      INFO(call << " number " << at << " failed; the command said: " << r.err);
      const auto now = state_of(dest);
      if (r.status == 0) {
        CHECK(now == new_state);  // a fault after the destination was in place, harmless
      } else {
        CHECK(r.err.find(dest.filename().string()) != std::string::npos);
        const bool reason = r.err.find("No space left on device") != std::string::npos ||
                            r.err.find("Input/output error") != std::string::npos;
        CHECK(reason);
        CHECK(r.err.find("internal error") == std::string::npos);
        if (r.err.find("was written") != std::string::npos)
          CHECK(now == new_state);  // only the folder's sync failed, after the rename
        else
          CHECK(now == old_state);
      }
      CHECK(leftovers(dir).empty());
    }
  }
}

}  // namespace

TEST_CASE("a write fault in save, export, a workbook or report leaves the old destination whole",
          "[faults]") {
  temp_dir tmp;
  const fs::path changed = write_changed_demo(tmp.path() / "changed");
  const fs::path out = tmp.path() / "out";
  fs::create_directories(out);
  const std::string demo = quoted(demo_dataset());

  // Writes `dest` from the demo, then from the changed demo (`verb` before, `args`
  // after the dataset), which must differ; then sweeps the faults over the second write.
  const auto sweep_single_file = [&](const std::string& verb, const fs::path& dest,
                                     const std::string& args) {
    REQUIRE(run_cli(verb + " " + demo + " " + args).status == 0);
    const auto old_state = state_of(dest);
    const std::string command = verb + " " + quoted(changed) + " " + args;
    REQUIRE(run_cli(command).status == 0);
    const auto new_state = state_of(dest);
    REQUIRE(old_state != new_state);
    sweep(command, dest, old_state, new_state);
  };
  SECTION("save") {
    const fs::path dest = out / "city.aidstat";
    sweep_single_file("save", dest, "-o " + quoted(dest));
  }
  SECTION("export") {
    const fs::path dest = out / "csv";
    REQUIRE(run_cli("export " + demo + " -o " + quoted(dest)).status == 0);
    const auto old_state = state_of(dest);
    const std::string command = "export " + quoted(changed) + " -o " + quoted(dest);
    REQUIRE(run_cli(command).status == 0);
    const auto new_state = state_of(dest);
    int differ = 0;  // all but categories.csv, which the demo leaves to the default taxonomy
    for (const auto& [name, text] : new_state) differ += old_state.at(name) != text;
    CHECK(differ == 5);
    sweep(command, dest, old_state, new_state);
  }
  SECTION("export to a workbook") {
    const fs::path dest = out / "city.xlsx";
    sweep_single_file("export", dest, "-o " + quoted(dest));
  }
  SECTION("a result as a workbook") {
    const fs::path dest = out / "totals.xlsx";
    sweep_single_file("totals", dest, "--by category --format xlsx -o " + quoted(dest));
  }
  SECTION("report") {
    const fs::path dest = out / "report.html";
    sweep_single_file("report", dest, "--base 2022 --year 2023 -o " + quoted(dest));
  }
}

TEST_CASE("a write fault in a large save, where columns pass straight through, names the file",
          "[faults]") {
  temp_dir tmp;
  const fs::path source = write_sample(tmp.path() / "big", 40000, 7);
  const fs::path out = tmp.path() / "out";
  fs::create_directories(out);
  const fs::path dest = out / "big.aidstat";
  const std::string command = "save " + quoted(source) + " -o " + quoted(dest);
  const fs::path count_file = tmp.path() / "count";
  REQUIRE(run_cli(command, shim_env(out, "write", 0, count_file)).status == 0);
  const long calls = std::stol(file_text(count_file));
  const std::string whole = file_text(dest);
  for (const long at : {calls / 2, calls}) {
    const run_result r = run_cli(command, shim_env(out, "write", at, count_file));
    INFO("write " << at << " of " << calls << " failed; the command said: " << r.err);
    CHECK(r.status == 1);
    CHECK_THAT(r.err,
               Catch::Contains("cannot write " + dest.string() + ": No space left on device; " +
                               dest.string() + " is unchanged"));
    CHECK(file_text(dest) == whole);
    CHECK(leftovers(out).empty());
  }
}
