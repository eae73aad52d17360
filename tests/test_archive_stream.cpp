// Totals from a binary archive read a block of rows at a time (never a dense column
// whole) against the totals of the dataset loaded: the same figures, and for any
// other or damaged archive the full load, with its errors.
#include <catch2/catch.hpp>
#include <fstream>

#include "aidstat/archive.hpp"
#include "aidstat/load_csv.hpp"
#include "aidstat/totals_at.hpp"
#include "engine/stream_totals.hpp"
#include "items_sample.hpp"
#include "test_support.hpp"

using namespace aidstat;
using aidstat::test::temp_dir;

namespace {

// A dataset of `rows` sample items beside units.csv and beneficiaries.csv, with two
// transfers, loaded.
dataset sample(const temp_dir& dir, std::size_t rows) {
  dir.write("items.csv", test::items_csv(rows, 17) +
                             ",5000,2023-05-01,city,education,firm,,transfer,,,\n"
                             "\"handed on\",1.2万元,2022-11,city,medical,club,,transfer,,,\n");
  dir.write("units.csv", test::kUnitsCsv);
  dir.write("beneficiaries.csv", test::kPeopleCsv);
  return load_dataset(dir.path());
}

std::vector<totals_query> queries() {
  std::vector<totals_query> qs;
  for (const char* key : {"category", "year", "month", "provider", "recipient@0", "region",
                          "beneficiary_kind", "measure", "form", "direction"})
    qs.push_back({{dimension::parse(key)}, {}, 0});
  qs.push_back({{dimension::parse("year"), dimension::parse("category")}, {}, 0});
  totals_query q{{dimension::parse("category")}, {}, 0};
  q.filter.year = 2022;
  qs.push_back(q);
  q.filter = {};
  q.filter.where.push_back(condition::parse("beneficiary_kind=veteran"));
  qs.push_back(q);
  return qs;
}

}  // namespace

TEST_CASE("totals read from an archive a block at a time equal the loaded dataset's",
          "[archive_stream]") {
  const temp_dir dir;
  // Over two blocks of rows, so that the sparse columns are shared out between them.
  const dataset d = sample(dir, 150'000);
  const auto file = dir.path() / "all.aidstat";
  save_archive(d, file);
  for (totals_query q : queries()) {
    for (unsigned threads : {1u, 2u}) {
      q.threads = threads;
      INFO(q.by.front().name() << ", " << threads << " threads");
      const std::optional<std::vector<totals>> s =
          detail::stream_archive_totals(file, std::span(&q, 1), nullptr);
      REQUIRE(s);  // read a block at a time, not loaded
      CHECK(s->front() == compute_totals(d, q));
    }
  }
  // One reading for several queries, the transfers' grand total among them.
  const std::vector<totals_query> qs = queries();
  const std::vector<totals> all = totals_at(file, qs);
  for (std::size_t i = 0; i < qs.size(); ++i) CHECK(all[i] == compute_totals(d, qs[i]));
}

TEST_CASE("a text archive, or a damaged one, is loaded in full, with its errors",
          "[archive_stream]") {
  const temp_dir dir;
  const dataset d = sample(dir, 3'000);
  const totals_query q{{dimension::parse("provider")}, {}, 0};
  const auto text = dir.path() / "all.txt";
  save_archive(d, text, archive_format::text);
  CHECK_FALSE(detail::stream_archive_totals(text, std::span(&q, 1), nullptr));
  CHECK(totals_at(text, q) == compute_totals(d, q));
  const auto file = dir.path() / "all.aidstat";
  save_archive(d, file);
  std::string bytes;
  {
    std::ifstream in(file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  // A byte of every part after the entities: a checksum or a column goes wrong.
  int refused = 0;
  for (std::size_t at = bytes.size() / 3; at < bytes.size(); at += bytes.size() / 29) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x04);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << damaged;
    // The answer of the load of what the query reads: an error, or the same totals
    // (damage in a section the query does not read changes nothing).
    std::string loaded, streamed;
    try {
      loaded = compute_totals(load_archive(file, fields_for(q)), q) == compute_totals(d, q)
                   ? "the same totals"
                   : "other totals";
    } catch (const error& e) {
      loaded = e.what();
    }
    try {
      streamed = totals_at(file, q) == compute_totals(d, q) ? "the same totals" : "other totals";
    } catch (const error& e) {
      streamed = e.what();
    }
    INFO("byte " << at);
    CHECK(streamed == loaded);
    refused += loaded != "the same totals";
  }
  CHECK(refused >= 5);  // most of those bytes are in sections the query reads
}
