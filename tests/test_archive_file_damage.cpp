// An archive read from its file parses each item section as it reads it (the checksum
// known only at the end); one read from memory checks each checksum first; totals
// read a block at a time never hold a dense column whole. All must give the same
// answer for every damaged copy: the same dataset or totals, or the same error.
#include <catch2/catch.hpp>
#include <fstream>

#include "aidstat/amount_text.hpp"
#include "aidstat/archive.hpp"
#include "aidstat/error.hpp"
#include "aidstat/totals.hpp"
#include "aidstat/totals_at.hpp"
#include "archive_fixture.hpp"
#include "test_support.hpp"

using namespace aidstat;

namespace {

// The dataset read by `read`, or the message it threw with `name` put for the name
// of the archive it names.
template <class Read>
std::string outcome(Read&& read, const std::string& name) {
  try {
    const dataset d = read();
    return "read " + std::to_string(d.item_count()) + " items, " +
           (d == read() ? "the same twice" : "not the same twice");
  } catch (const error& e) {
    std::string what = e.what();
    for (std::size_t at; (at = what.find(name)) != std::string::npos;)
      what.replace(at, name.size(), "ARCHIVE");
    return what;
  }
}

// The totals `sum` gives, written out, or the message it threw.
template <class Sum>
std::string totals_outcome(Sum&& sum) {
  try {
    std::string out;
    for (const group_totals& g : sum().groups)
      out += g.key[0] + " " + format_money(g.figures.amount) + " " +
             std::to_string(g.figures.records) + " " + std::to_string(g.figures.headcount()) + "\n";
    return out;
  } catch (const error& e) {
    return e.what();
  }
}

}  // namespace

TEST_CASE("a damaged archive file gives what the same bytes in memory give", "[archive]") {
  const test::temp_dir dir;
  dataset original = test::fixture_v1();
  test::add_record(original, "2023", "condolence", "city", "", "", "80万余元", "3400余人");
  const totals_query by_category{{dimension::parse("category")}, {}};
  const item_fields fields = fields_for(by_category);
  const std::filesystem::path file = dir.path() / "damaged.aidstat";
  for (auto f : {archive_format::binary, archive_format::text, archive_format::xml}) {
    save_archive(original, file, f);
    std::string full;
    {
      std::ifstream in(file, std::ios::binary);
      full.assign(std::istreambuf_iterator<char>(in), {});
    }
    std::size_t differ = 0, refused = 0, tried = 0;
    const auto compare = [&](const std::string& bytes) {
      std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
      for (const item_fields wanted : {item_fields::all, fields}) {
        const std::string from_file =
            outcome([&] { return load_archive(file, wanted); }, file.string());
        const std::string in_memory =
            outcome([&] { return read_archive(bytes, "mem", wanted); }, "mem");
        differ += from_file != in_memory;
        refused += from_file.rfind("read ", 0) != 0;
        ++tried;
        if (from_file != in_memory) UNSCOPED_INFO(from_file << "\n  against\n" << in_memory);
      }
      // Totals read a block at a time: those of the load, or its error.
      const std::string summed = totals_outcome([&] { return totals_at(file, by_category); });
      const std::string of_load =
          totals_outcome([&] { return compute_totals(load_archive(file, fields), by_category); });
      differ += summed != of_load;
      if (summed != of_load) UNSCOPED_INFO(summed << "\n  against the load's\n" << of_load);
    };
    const std::size_t step = f == archive_format::binary ? 1 : 9;
    for (std::size_t at = 0; at < full.size(); at += step) {
      std::string flipped = full;
      flipped[at] = static_cast<char>(flipped[at] ^ 0x01);
      compare(flipped);
      if (at % 4 == 0) compare(full.substr(0, at));
    }
    INFO("format " << static_cast<int>(f) << ", " << full.size() << " bytes, " << tried
                   << " damaged copies read");
    CHECK(differ == 0);
    CHECK(refused > tried / 2);  // most damage is found, the rest changes nothing read
  }
}
