// Out of memory, injected: this program replaces operator new so that the Nth
// allocation of a load fails, for every N a load makes. Each failure must be
// aidstat::memory_error ("not enough memory to load X"), never "damaged", never a
// crash. A program of its own: the replaced operator new is the whole process's.
#include <atomic>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <new>

#include "aidstat/archive.hpp"
#include "aidstat/load_csv.hpp"
#include "aidstat/open_dataset.hpp"
#include "test_support.hpp"

namespace {
std::atomic<long> g_allocations{0};  // since the last arm()
std::atomic<long> g_fail_at{0};      // the allocation to fail; 0: none

void* allocate(std::size_t n, std::size_t align = 0) {
  if (g_allocations.fetch_add(1) + 1 == g_fail_at.load()) throw std::bad_alloc();
  void* p =
      align ? std::aligned_alloc(align, (n + align - 1) / align * align) : std::malloc(n ? n : 1);
  if (!p) throw std::bad_alloc();
  return p;
}

// Counts allocations from here on, failing the `at`th (0: none).
void arm(long at) {
  g_allocations = 0;
  g_fail_at = at;
}
}  // namespace

void* operator new(std::size_t n) { return allocate(n); }
void* operator new[](std::size_t n) { return allocate(n); }
void* operator new(std::size_t n, std::align_val_t a) {
  return allocate(n, static_cast<std::size_t>(a));
}
void* operator new[](std::size_t n, std::align_val_t a) {
  return allocate(n, static_cast<std::size_t>(a));
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  try {
    return allocate(n);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
  try {
    return allocate(n);
  } catch (...) {
    return nullptr;
  }
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }

using namespace aidstat;
using namespace aidstat::test;

namespace {

// Loads with `load` once counting its allocations, then once per allocation with
// that one failing (every `stride`th, to stay within the suite's time).
template <class Load>
void fail_each_allocation(Load load, long stride) {
  arm(0);
  load();
  const long total = g_allocations.load();
  arm(0);
  INFO(total << " allocations in a load");
  REQUIRE(total > 10);
  long memory_errors = 0;
  for (long at = 1; at <= total; at += stride) {
    std::string other;
    arm(at);
    try {
      load();
    } catch (const memory_error& e) {
      ++memory_errors;
      arm(0);
      CHECK_THAT(e.what(), Catch::Contains("not enough memory to load"));
    } catch (const std::exception& e) {
      arm(0);
      other = e.what();
    }
    arm(0);
    INFO("allocation " << at << " failed; the load said: " << other);
    CHECK(other.empty());
  }
  CHECK(memory_errors > 0);
}

}  // namespace

TEST_CASE("a load that runs out of memory says so, never that the data is damaged",
          "[faults][memory]") {
  temp_dir tmp;
  const dataset d = load_dataset(demo_dataset());
  const auto archive = tmp.path() / "city.aidstat";
  save_archive(d, archive);
  SECTION("an archive") {
    fail_each_allocation([&] { return load_archive(archive); }, 1);
  }
  SECTION("a CSV folder") {
    const std::filesystem::path dir = demo_dataset();
    fail_each_allocation([&] { return load_dataset(dir); }, 1);
  }
  SECTION("open_dataset, some fields") {
    fail_each_allocation([&] { return open_dataset(archive, item_fields::category); }, 1);
  }
}
