// What a write keeps and what a read refuses: a save keeps the destination's mode
// and owner and writes through a symbolic link; a file overwritten in place while it
// is read gives an error naming it, never SIGBUS; a FIFO or a device in a dataset
// folder is refused, naming it, never waited on or read until memory runs out.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <future>
#include <thread>

#include "aidstat/archive.hpp"
#include "aidstat/export_csv.hpp"
#include "aidstat/load_csv.hpp"
#include "faults/fault_support.hpp"
#include "items_sample.hpp"

using namespace aidstat;
using namespace aidstat::test;
namespace fs = std::filesystem;

namespace {
mode_t mode_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 07777;
}
}  // namespace

TEST_CASE("a save keeps the destination's mode and owner", "[faults]") {
  temp_dir tmp;
  const dataset d = load_dataset(demo_dataset());
  const fs::path dest = tmp.path() / "city.aidstat";
  save_archive(d, dest);
  REQUIRE(::chmod(dest.c_str(), 0640) == 0);
  const bool root = ::geteuid() == 0;
  if (root) REQUIRE(::chown(dest.c_str(), 4321, 4321) == 0);
  save_archive(d, dest);
  CHECK(mode_of(dest) == 0640);
  struct stat st {};
  REQUIRE(::stat(dest.c_str(), &st) == 0);
  if (root) CHECK((st.st_uid == 4321 && st.st_gid == 4321));

  SECTION("and an export the folder's and each file's") {
    const fs::path dir = tmp.path() / "csv";
    export_csv(d, dir);
    REQUIRE(::chmod(dir.c_str(), 0750) == 0);
    REQUIRE(::chmod((dir / "items.csv").c_str(), 0600) == 0);
    export_csv(d, dir);
    CHECK(mode_of(dir) == 0750);
    CHECK(mode_of(dir / "items.csv") == 0600);
  }
}

TEST_CASE("a save writes through a symbolic link to its target", "[faults]") {
  temp_dir tmp;
  const dataset d = load_dataset(demo_dataset());
  fs::create_directories(tmp.path() / "real");
  const fs::path target = tmp.path() / "real" / "city.aidstat";
  const fs::path link = tmp.path() / "link.aidstat";
  fs::create_symlink("real/city.aidstat", link);  // relative, and dangling at first
  save_archive(d, link);
  CHECK(fs::is_symlink(link));
  CHECK(fs::is_regular_file(target));
  CHECK(load_archive(link).item_count() == d.item_count());
  save_archive(d, link);
  CHECK(fs::is_symlink(link));
  CHECK(leftovers(tmp.path()).empty());
  CHECK(leftovers(tmp.path() / "real").empty());
}

TEST_CASE("an export refuses a folder that holds more than a dataset", "[faults]") {
  temp_dir tmp;
  const dataset d = load_dataset(demo_dataset());
  tmp.write("notes.txt", "mine");
  try {
    export_csv(d, tmp.path());
    FAIL("exported into a folder with other files");
  } catch (const io_error& e) {
    CHECK_THAT(e.what(), Catch::Contains("notes.txt") && Catch::Contains("not part of a dataset"));
  }
  CHECK(file_text(tmp.path() / "notes.txt") == "mine");
  CHECK_FALSE(fs::exists(tmp.path() / "items.csv"));
}

TEST_CASE("an archive overwritten in place while it is read: an error naming it, no SIGBUS",
          "[faults]") {
  temp_dir tmp;
  const fs::path source = write_sample(tmp.path() / "src", 60000, 5);
  const dataset d = load_dataset(source);
  const fs::path a = tmp.path() / "a.aidstat", file = tmp.path() / "read.aidstat";
  save_archive(d, a);
  const std::string bytes = file_text(a);
  fs::copy_file(a, file);
  std::atomic<bool> done{false};
  // As `cp new old` does: cut the file to nothing, then write it again.
  auto writer = std::async(std::launch::async, [&] {
    for (int i = 0; i < 60; ++i) {
      std::ofstream out(file, std::ios::binary | std::ios::trunc);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size() / 2));
      out.flush();
      out.write(bytes.data() + bytes.size() / 2,
                static_cast<std::streamsize>(bytes.size() - bytes.size() / 2));
    }
    done = true;
  });
  int loads = 0, errors = 0;
  while (!done) {
    ++loads;
    std::size_t items = 0;
    try {
      items = load_archive(file).item_count();
    } catch (const error& e) {
      ++errors;
      CHECK_THAT(e.what(), Catch::Contains(file.string()));
      continue;
    }
    CHECK(items == d.item_count());  // read whole, before or after a rewrite
  }
  writer.get();
  INFO(loads << " loads, " << errors << " errors");
  CHECK(loads > 0);
}

TEST_CASE("a FIFO or a device in a dataset folder is refused, naming it", "[faults]") {
  temp_dir tmp;
  std::ofstream(tmp.path() / "units.csv", std::ios::binary) << kUnitsCsv;
  const auto refused = [&](const std::string& name, const std::string& what) {
    try {
      load_dataset(tmp.path());
      FAIL("loaded");
    } catch (const io_error& e) {
      CHECK_THAT(e.what(), Catch::Contains(name) && Catch::Contains("not a regular file") &&
                               Catch::Contains(what));
    }
  };
  SECTION("items.csv is a FIFO") {
    REQUIRE(::mkfifo((tmp.path() / "items.csv").c_str(), 0600) == 0);
    refused("items.csv", "a pipe");
  }
  SECTION("items.csv is /dev/zero") {
    fs::create_symlink("/dev/zero", tmp.path() / "items.csv");
    refused("items.csv", "a device");
  }
  SECTION("beneficiaries.csv is a FIFO") {
    std::ofstream(tmp.path() / "items.csv", std::ios::binary) << items_csv(10, 1);
    REQUIRE(::mkfifo((tmp.path() / "beneficiaries.csv").c_str(), 0600) == 0);
    refused("beneficiaries.csv", "a pipe");
  }
  SECTION("an archive that is /dev/zero") {
    fs::create_symlink("/dev/zero", tmp.path() / "zero.aidstat");
    try {
      load_archive(tmp.path() / "zero.aidstat");
      FAIL("loaded");
    } catch (const io_error& e) {
      CHECK_THAT(e.what(), Catch::Contains("zero.aidstat") && Catch::Contains("a device"));
    }
  }
}

TEST_CASE("an export to a folder named with a trailing slash replaces that folder", "[faults]") {
  temp_dir tmp;
  const dataset d = load_dataset(demo_dataset());
  const fs::path dir = tmp.path() / "csv";
  export_csv(d, dir.string() + "/");
  export_csv(d, dir.string() + "/");
  CHECK(load_dataset(dir).item_count() == d.item_count());
  CHECK(leftovers(tmp.path()).empty());
  CHECK(leftovers(dir).empty());
}
