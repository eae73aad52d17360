// Kills and concurrent readers: `kill -9` at random moments of a save and of an
// export leaves the destination wholly old or wholly new; readers looping beside
// repeated exports never see a mix; SIGTERM removes the temporary; leftovers of
// dead writers are removed by the next save and by check, and a live writer's are not.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/file.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <random>
#include <thread>

#include "aidstat/archive.hpp"
#include "aidstat/check.hpp"
#include "aidstat/export_csv.hpp"
#include "aidstat/load_csv.hpp"
#include "faults/fault_support.hpp"
#include "items_sample.hpp"

extern char** environ;

using namespace aidstat;
using namespace aidstat::test;
namespace fs = std::filesystem;

namespace {

// Starts the aidstat command with `args`, its output thrown away; its process id.
pid_t start_cli(const std::vector<std::string>& args) {
  std::vector<std::string> all{AIDSTAT_CLI};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  REQUIRE(posix_spawn(&pid, AIDSTAT_CLI, &actions, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

// Runs `args` (writing `dest`) `runs` times, alternating the sources `a` and `b`,
// each killed with SIGKILL at a random moment of a whole run's length; after each,
// `dest` must be what a whole run from `a` or from `b` left.
void kill_loop(const std::string& command, const fs::path& a, const fs::path& b,
               const fs::path& dest, int runs) {
  REQUIRE(wait_for(start_cli({command, b.string(), "-o", dest.string()})) == 0);
  const auto state_b = state_of(dest);
  const auto started = std::chrono::steady_clock::now();
  REQUIRE(wait_for(start_cli({command, a.string(), "-o", dest.string()})) == 0);
  const auto whole = std::chrono::steady_clock::now() - started;
  const auto state_a = state_of(dest);
  REQUIRE(state_a != state_b);
  std::mt19937_64 rng(20261203);
  int killed_while_running = 0;
  for (int run = 0; run < runs; ++run) {
    const fs::path& source = run % 2 ? a : b;
    const pid_t pid = start_cli({command, source.string(), "-o", dest.string()});
    std::this_thread::sleep_for(whole * (static_cast<double>(rng() % 1000) / 1000.0));
    killed_while_running += ::kill(pid, SIGKILL) == 0;
    const int status = wait_for(pid);
    INFO("run " << run << ": " << (WIFSIGNALED(status) ? "killed" : "finished"));
    const auto now = state_of(dest);
    CHECK((now == state_a || now == state_b));
  }
  CHECK(killed_while_running > runs / 2);
  // The next whole run removes what the killed ones left, and leaves nothing itself.
  REQUIRE(wait_for(start_cli({command, a.string(), "-o", dest.string()})) == 0);
  CHECK(state_of(dest) == state_a);
  CHECK(leftovers(dest.parent_path()).empty());
}

}  // namespace

TEST_CASE("kill -9 during save or export leaves the old or the new, never a mix",
          "[faults][kill]") {
  temp_dir tmp;
  const fs::path a = write_sample(tmp.path() / "a", 40000, 1);
  const fs::path b = write_sample(tmp.path() / "b", 30000, 2);
  fs::create_directories(tmp.path() / "out");
  SECTION("save") { kill_loop("save", a, b, tmp.path() / "out" / "data.aidstat", 50); }
  SECTION("export") { kill_loop("export", a, b, tmp.path() / "out" / "csv", 50); }
}

TEST_CASE("readers beside repeated exports see one dataset or the other", "[faults]") {
  temp_dir tmp;
  const dataset a = load_dataset(write_sample(tmp.path() / "a", 3000, 1));
  const dataset b = load_dataset(write_sample(tmp.path() / "b", 2000, 2));
  const fs::path dir = tmp.path() / "shared";
  export_csv(a, dir);
  std::atomic<bool> done{false};
  std::thread writer([&] {
    for (int i = 0; i < 40; ++i) export_csv(i % 2 ? a : b, dir);
    done = true;
  });
  int reads = 0, mixed = 0;
  std::string first_error;
  while (!done || reads < 20) {
    try {
      const dataset d = load_dataset(dir);
      const bool is_a =
          d.item_count() == a.item_count() && d.stated_totals().size() == a.stated_totals().size();
      const bool is_b = d.item_count() == b.item_count();
      mixed += !(is_a || is_b);
    } catch (const std::exception& e) {
      ++mixed;
      if (first_error.empty()) first_error = e.what();
    }
    ++reads;
  }
  writer.join();
  INFO(reads << " reads; the first error: " << first_error);
  CHECK(mixed == 0);
  CHECK(reads >= 20);
}

TEST_CASE("SIGTERM during a save removes its temporary file", "[faults]") {
  temp_dir tmp;
  const fs::path source = write_sample(tmp.path() / "big", 150000, 3);
  const fs::path out = tmp.path() / "out";
  fs::create_directories(out);
  const pid_t pid =
      start_cli({"save", source.string(), "-o", (out / "x.aidstat").string(), "--archive", "xml"});
  // Waits for the temporary to appear (the load comes first, slow under the
  // sanitizers), then interrupts the save.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(3);
  bool seen = false;
  while (!seen && std::chrono::steady_clock::now() < deadline) {
    seen = !leftovers(out).empty();
    if (!seen) std::this_thread::sleep_for(std::chrono::microseconds(500));
  }
  REQUIRE(seen);
  ::kill(pid, SIGTERM);
  const int status = wait_for(pid);
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGTERM);
  CHECK(leftovers(out).empty());
  CHECK_FALSE(fs::exists(out / "x.aidstat"));
}

TEST_CASE("leftovers of dead writers go at the next save and at check; a live one stays",
          "[faults]") {
  temp_dir tmp;
  const dataset d = load_dataset(demo_dataset());
  const fs::path dest = tmp.path() / "city.aidstat";
  save_archive(d, dest);
  // A dead writer's (no such process), and a folder a dead export left.
  tmp.write(".city.aidstat.tmp-999999999-1", "half a file");
  fs::create_directories(tmp.path() / ".city.aidstat.tmp-999999999-2");
  // A live writer's: this process holds its lock.
  const fs::path live = tmp.path() / (".city.aidstat.tmp-" + std::to_string(::getpid()) + "-3");
  tmp.write(live.filename().string(), "being written");
  const int fd = ::open(live.c_str(), O_RDONLY);
  REQUIRE(::flock(fd, LOCK_EX) == 0);

  SECTION("save") { save_archive(d, dest); }
  SECTION("check") { check_dataset_at(dest); }
  const std::vector<std::string> left = leftovers(tmp.path());
  CHECK(left == std::vector<std::string>{live.filename().string()});
  ::close(fd);
}
