// The aidstat bench: measures the totals queries (per category, year over year, per
// provider) against the memory bandwidth limit measured in the same process, a naive
// implementation (what a typical application would write), CSV ingest, archives and
// memory per record.
//
//   aidstat_bench [--records N] [--csv-records M] [--threads T] [--json FILE]
//                 [--cli PATH] [--workdir DIR] [--quick]
//
// With --cli, it ends with bench/side_by_side.py: the same queries as fresh processes
// beside DuckDB (skipped, saying so, when Node.js or @duckdb/node-api is missing).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "aidstat/aidstat.hpp"
#include "io/fs/atomic_file.hpp"
#include "model/item_columns.hpp"
#include "synthetic.hpp"

namespace {

using clock_type = std::chrono::steady_clock;
using json = nlohmann::ordered_json;

// Best wall time of `runs` calls, in seconds.
double best_of(int runs, const std::function<void()>& f) {
  double best = 1e300;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = clock_type::now();
    f();
    best = std::min(best, std::chrono::duration<double>(clock_type::now() - t0).count());
  }
  return best;
}

// Rounds of the queries, the best run of each reported. A query of 10 million records
// takes milliseconds, and on a shared machine a slow spell lasts seconds: runs of one
// query back to back can all land in it, so each round runs every query once, and
// the rounds spread each query's runs over the whole measurement.
constexpr int kQueryRounds = 25;

// Best wall time of each of `queries` over `rounds` rounds, each of which calls every
// query once, in order; in seconds.
std::vector<double> best_in_rounds(int rounds, const std::vector<std::function<void()>>& queries) {
  std::vector<double> best(queries.size(), 1e300);
  for (int round = 0; round < rounds; ++round)
    for (std::size_t i = 0; i < queries.size(); ++i)
      best[i] = std::min(best[i], best_of(1, queries[i]));
  return best;
}

// Resident set size of this process, in bytes.
std::uint64_t rss_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::uint64_t pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * 4096;
}

// Peak resident set size of this process (VmHWM), in bytes.
std::uint64_t peak_rss_bytes() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.starts_with("VmHWM:")) return std::stoull(line.substr(6)) * 1024;
  return 0;
}

// Bytes per second of a plain sum over `bytes` of int64, on `threads` threads.
double bandwidth(std::size_t bytes, unsigned threads) {
  std::vector<std::int64_t> a(bytes / 8);
  for (std::size_t i = 0; i < a.size(); ++i) a[i] = static_cast<std::int64_t>(i & 1023);
  volatile std::int64_t sink = 0;
  const double t = best_of(3, [&] {
    std::vector<std::int64_t> partial(threads, 0);
    std::vector<std::thread> pool;
    const std::size_t per = a.size() / threads;
    for (unsigned k = 0; k < threads; ++k)
      pool.emplace_back([&, k] {
        std::int64_t s = 0;
        const std::size_t end = k + 1 == threads ? a.size() : (k + 1) * per;
        for (std::size_t i = k * per; i < end; ++i) s += a[i];
        partial[k] = s;
      });
    for (auto& th : pool) th.join();
    for (auto p : partial) sink = sink + p;
  });
  return static_cast<double>(a.size() * 8) / t;
}

// Records per second of the bare loop at the heart of a per-category scan, on
// `threads` threads each over its share of the rows: one addition of the amount
// (with a record count above bit 44) into one of 8 lanes of its category's word.
// Nothing else, no checks: what the machine allows that loop, and how it scales.
// The categories and the n amounts are the dataset's compact columns (1 and 4 bytes
// each, as a rule).
template <class Category, class Amount>
double bare_category_loop(const Category* category, const Amount* amount, std::size_t n,
                          unsigned threads) {
  volatile std::uint64_t sink = 0;
  const std::size_t slots = n == 0 ? 1 : 1u + *std::max_element(category, category + n);
  const double t = best_of(3, [&] {
    std::vector<std::thread> pool;
    std::vector<std::uint64_t> sums(threads, 0);
    for (unsigned k = 0; k < threads; ++k)
      pool.emplace_back([&, k] {
        std::vector<std::uint64_t> words(8 * slots, 0);
        const std::size_t begin = n * k / threads, end = n * (k + 1) / threads;
        std::size_t i = begin;
        for (; i + 8 <= end; i += 8)
          for (unsigned lane = 0; lane < 8; ++lane)
            words[category[i + lane] * 8u + lane] +=
                (std::uint64_t{1} << 44) + static_cast<std::uint64_t>(amount[i + lane]);
        for (; i < end; ++i)
          words[category[i] * 8u] +=
              (std::uint64_t{1} << 44) + static_cast<std::uint64_t>(amount[i]);
        std::uint64_t s = 0;
        for (std::uint64_t w : words) s += w;
        sums[k] = s;
      });
    for (auto& th : pool) th.join();
    for (std::uint64_t x : sums) sink = sink + x;
  });
  return static_cast<double>(n) / t;
}

// What a typical application writes: rows of strings, a hash map keyed by strings.
struct naive_row {
  std::string category, provider;
  int year;
  std::int64_t amount_min, amount_max;
};
struct naive_sum {
  std::int64_t records = 0, lo = 0, hi = 0;
};

struct result_row {
  std::string query;
  double records_per_s = 0;
  double limit_records_per_s = 0;
  double naive_records_per_s = 0;
  unsigned threads = 1;
};

// Beside DuckDB: bench/side_by_side.py on `records` full rows, as fresh
// processes; without Node.js or @duckdb/node-api it says so and times aidstat alone.
// Its figures, or null when it failed.
json side_by_side(const std::string& cli, const std::string& workdir, std::uint64_t records) {
  const std::string side_json = workdir + "/side-by-side.json";
  const std::string side = std::string("'") + AIDSTAT_BENCH_PYTHON + "' '" +
                           AIDSTAT_BENCH_SOURCE_DIR + "/side_by_side.py' --cli '" + cli +
                           "' --generate '" + AIDSTAT_BENCH_GENERATE + "' --records " +
                           std::to_string(records) + " --workdir '" + workdir +
                           "/side-by-side' --json '" + side_json + "'";
  std::fflush(stdout);
  if (std::system(side.c_str()) == 0) return json::parse(std::ifstream(side_json));
  std::cerr << "aidstat_bench: the side-by-side run failed: " << side << "\n";
  return nullptr;
}

// What a run measures, and where: the command line.
struct bench_options {
  aidstat::bench::synthetic_spec spec;
  std::uint64_t csv_records = 2'000'000;
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::string json_path, cli, workdir = "/tmp/aidstat-bench";
  std::size_t bandwidth_bytes = std::size_t{1} << 30;
};

// Reads the command line; exits with status 2 on a bad option.
bench_options parse_options(int argc, char** argv) {
  bench_options o;
  o.spec.records = 10'000'000;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "aidstat_bench: " << a << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--records") {
      o.spec.records = std::stoull(next());
    } else if (a == "--csv-records") {
      o.csv_records = std::stoull(next());
    } else if (a == "--threads") {
      o.threads = static_cast<unsigned>(std::stoul(next()));
    } else if (a == "--json") {
      o.json_path = next();
    } else if (a == "--cli") {
      o.cli = next();
    } else if (a == "--workdir") {
      o.workdir = next();
    } else if (a == "--quick") {
      o.spec.records = 20'000;
      o.csv_records = 20'000;
      o.bandwidth_bytes = std::size_t{16} << 20;
    } else {
      std::cerr << "aidstat_bench: unknown option " << a << "\n";
      std::exit(2);
    }
  }
  return o;
}

// What the phases share: the options, the machine's limits, the JSON report.
struct bench_run {
  bench_options o;
  double bw1 = 0, bw2 = 0;      // memory bandwidth on one thread and on all
  double bytes_per_record = 0;  // the dataset's resident cost
  json out;
};

// The physical limit: a plain sum over a large array.
void measure_bandwidth(bench_run& run) {
  const bench_options& o = run.o;
  run.bw1 = bandwidth(o.bandwidth_bytes, 1);
  run.bw2 = bandwidth(o.bandwidth_bytes, o.threads);
  run.out["bandwidth_gb_s"] = {{"1_thread", run.bw1 / 1e9},
                               {std::to_string(o.threads) + "_threads", run.bw2 / 1e9}};
  std::printf("memory bandwidth: %.2f GB/s (1 thread), %.2f GB/s (%u threads)\n", run.bw1 / 1e9,
              run.bw2 / 1e9, o.threads);
}

// The dataset, and what it costs per record.
aidstat::dataset build_dataset(bench_run& run) {
  const std::uint64_t rss0 = rss_bytes();
  const auto t0 = clock_type::now();
  aidstat::dataset d = aidstat::bench::make_synthetic(run.o.spec);
  const double build_s = std::chrono::duration<double>(clock_type::now() - t0).count();
  run.bytes_per_record =
      static_cast<double>(rss_bytes() - rss0) / static_cast<double>(run.o.spec.records);
  std::printf("dataset: %llu records built in %.2f s, %.1f bytes per record (resident)\n",
              static_cast<unsigned long long>(run.o.spec.records), build_s, run.bytes_per_record);
  run.out["bytes_per_record"] = run.bytes_per_record;
  return d;
}

// Bytes the engine reads per record for any totals query besides its keys: the amount
// column and the sparse columns (quantities, approximate values, beneficiaries).
double bytes_scanned_per_record(const aidstat::detail::item_columns& c, double n) {
  const auto bytes_of = [](const auto& v) { return static_cast<double>(v.size() * sizeof(v[0])); };
  return c.amount_min.width() +
         (bytes_of(c.quantity.rows) + bytes_of(c.quantity.measures) + bytes_of(c.quantity.mins) +
          bytes_of(c.amount_approx) + bytes_of(c.quantity_approx) + bytes_of(c.beneficiary.rows) +
          static_cast<double>(c.beneficiary.ids.size() * c.beneficiary.ids.width())) /
             n;
}

// The records a second of the naive implementation (a map per group) sums, keyed by
// category, category and year, and provider.
struct naive_speeds {
  double category = 0, year = 0, provider = 0;
};

naive_speeds measure_naive(const aidstat::dataset& d) {
  std::vector<naive_row> naive;
  naive.reserve(d.item_count());
  for (std::size_t i = 0; i < d.item_count(); ++i) {
    const aidstat::aid_item it = d.item(i);
    naive.push_back(
        {it.category, it.provider, it.date.year(), it.amount->min().fen(), it.amount->max().fen()});
  }
  const double n = static_cast<double>(d.item_count());
  const auto naive_by = [&](auto key_of) {
    return n / best_of(3, [&] {
             std::unordered_map<std::string, naive_sum> m;
             for (const auto& r : naive) {
               naive_sum& s = m[key_of(r)];
               ++s.records;
               s.lo += r.amount_min;
               s.hi += r.amount_max;
             }
           });
  };
  naive_speeds out;
  out.category = naive_by([](const naive_row& r) -> const std::string& { return r.category; });
  out.year = naive_by([](const naive_row& r) { return r.category + "|" + std::to_string(r.year); });
  out.provider = naive_by([](const naive_row& r) -> const std::string& { return r.provider; });
  return out;
}

// The records of the largest group among the ten largest by amount (a top-10 list).
std::int64_t top10(const aidstat::totals& t) {
  std::vector<const aidstat::group_totals*> g;
  for (const auto& x : t.groups) g.push_back(&x);
  std::partial_sort(
      g.begin(), g.begin() + std::min<std::size_t>(10, g.size()), g.end(),
      [](auto* a, auto* b) { return a->figures.amount.max() > b->figures.amount.max(); });
  return g.empty() ? 0 : g[0]->figures.records;
}

// The three queries on one and on all threads, each beside its limit and its naive speed.
std::vector<result_row> measure_queries(const bench_run& run, const aidstat::dataset& d) {
  const auto& c = aidstat::detail::columns_of(d);
  const double n = static_cast<double>(d.item_count());
  const double scanned_base = bytes_scanned_per_record(c, n);
  std::printf("bytes read per record: %.2f plus the keys\n", scanned_base);
  const naive_speeds naive = measure_naive(d);
  std::vector<result_row> rows;
  std::vector<std::function<void()>> queries;
  const auto measure = [&](const std::string& name, double key_bytes, unsigned t,
                           double naive_speed, std::function<void()> f) {
    result_row r;
    r.query = name;
    r.threads = t;
    r.limit_records_per_s = (t == 1 ? run.bw1 : run.bw2) / (scanned_base + key_bytes);
    r.naive_records_per_s = naive_speed;
    rows.push_back(std::move(r));
    queries.push_back(std::move(f));
  };
  const auto totals_by = [&](const char* by, unsigned t) {
    aidstat::totals_query q;
    q.by.push_back(aidstat::dimension::parse(by));
    q.threads = t;
    return aidstat::compute_totals(d, q);
  };
  for (unsigned t : {1u, run.o.threads}) {
    measure("per-category totals", c.category.width(), t, naive.category,
            [&, t] { totals_by("category", t); });
    measure("category x year, year over year", c.category.width() + c.year.offsets().width(), t,
            naive.year, [&, t] {
              aidstat::yoy_query q;
              q.base_year = 2023;
              q.current_year = 2024;
              q.by = {aidstat::dimension::parse("category")};
              q.threads = t;
              aidstat::compute_yoy(d, q);
            });
    measure("per-provider totals, top 10", c.provider.width(), t, naive.provider,
            [&, t] { top10(totals_by("provider", t)); });
    if (t == run.o.threads && run.o.threads == 1) break;
  }
  const std::vector<double> best = best_in_rounds(kQueryRounds, queries);
  for (std::size_t i = 0; i < rows.size(); ++i) rows[i].records_per_s = n / best[i];
  return rows;
}

// The control: the bare loop over the same two columns, on 1 and on T threads.
void measure_bare_loop(bench_run& run, const aidstat::dataset& d) {
  const auto& c = aidstat::detail::columns_of(d);
  const unsigned threads = run.o.threads;
  const auto bare = [&](unsigned t) {
    return c.category.visit([&](const auto* category) {
      return c.amount_min.visit([&](const auto* amount) {
        return bare_category_loop(category, amount, c.amount_min.size(), t);
      });
    });
  };
  const double bare1 = bare(1);
  const double bare2 = threads > 1 ? bare(threads) : bare1;
  std::printf(
      "bare per-category loop (one addition a row, no checks, no quantities): %.3g records/s on "
      "1 thread, %.3g on %u (%.2fx)\n",
      bare1, bare2, threads, bare2 / bare1);
  run.out["bare_category_loop"] = {{"1_thread", bare1}, {"threads", bare2}};
}

void report_queries(bench_run& run, const std::vector<result_row>& rows) {
  std::printf("\n%-34s %7s %12s %12s %6s %12s %8s\n", "query", "threads", "records/s", "limit",
              "ratio", "naive", "speedup");
  run.out["queries"] = json::array();
  for (const auto& r : rows) {
    std::printf("%-34s %7u %12.3g %12.3g %5.0f%% %12.3g %7.1fx\n", r.query.c_str(), r.threads,
                r.records_per_s, r.limit_records_per_s,
                100 * r.records_per_s / r.limit_records_per_s, r.naive_records_per_s,
                r.records_per_s / r.naive_records_per_s);
    run.out["queries"].push_back({{"query", r.query},
                                  {"threads", r.threads},
                                  {"records_per_s", r.records_per_s},
                                  {"limit_records_per_s", r.limit_records_per_s},
                                  {"ratio", r.records_per_s / r.limit_records_per_s},
                                  {"naive_records_per_s", r.naive_records_per_s}});
  }
}

// Saving and loading an archive, beside the disk's own speed; returns its path.
std::filesystem::path measure_archives(bench_run& run, const aidstat::dataset& d) {
  // Archives, and the limit of saving one: the disk's speed for a file of the same
  // size written and synced.
  std::filesystem::create_directories(run.o.workdir);
  const auto archive = std::filesystem::path(run.o.workdir) / "bench.aidstat";
  const double save_s = best_of(2, [&] { aidstat::save_archive(d, archive); });
  const double archive_bytes = static_cast<double>(std::filesystem::file_size(archive));
  const double disk_s = best_of(2, [&] {
    aidstat::detail::write_file_atomically(
        std::filesystem::path(run.o.workdir) / "disk.bin", [&](std::ostream& o) {
          const std::string block(1 << 20, 'x');
          for (double b = 0; b < archive_bytes; b += block.size())
            o.write(block.data(), static_cast<std::streamsize>(block.size()));
        });
  });
  std::filesystem::remove(std::filesystem::path(run.o.workdir) / "disk.bin");
  const double load_s = best_of(3, [&] { aidstat::load_archive(archive); });
  aidstat::totals_query by_category;
  by_category.by = {aidstat::dimension::parse("category")};
  const double part_s =
      best_of(3, [&] { aidstat::load_archive(archive, aidstat::fields_for(by_category)); });
  std::printf(
      "\narchive: %.0f MB, save %.2f GB/s (the disk writes and syncs %.2f GB/s), load %.2f GB/s; "
      "loading the columns of a per-category query: %.3f s\n",
      archive_bytes / 1e6, archive_bytes / save_s / 1e9, archive_bytes / disk_s / 1e9,
      archive_bytes / load_s / 1e9, part_s);
  run.out["archive"] = {{"bytes", archive_bytes},
                        {"save_gb_s", archive_bytes / save_s / 1e9},
                        {"disk_write_sync_gb_s", archive_bytes / disk_s / 1e9},
                        {"load_gb_s", archive_bytes / load_s / 1e9},
                        {"load_per_category_columns_s", part_s}};
  return archive;
}

// Reading items.csv of three kinds, and what the load adds to the resident set at its
// peak; returns the size of the full-row file.
double measure_ingest(bench_run& run) {
  // CSV ingest: plain rows, rows with 20% report notation, and full rows (dates
  // to the day, a note on a third of them: about 60 bytes a row, so that 10 million
  // records make the 600 MB file of the end-to-end target).
  run.out["ingest"] = json::array();
  struct csv_kind {
    const char* dir;
    const char* label;
    double share;
    bool full;
  };
  double full_csv_bytes = 0;
  for (const csv_kind& kind : {csv_kind{"csv-plain", " 0% notation", 0.0, false},
                               csv_kind{"csv-notation", "20% notation", 0.2, false},
                               csv_kind{"csv-full", "full rows", 0.0, true}}) {
    aidstat::bench::synthetic_spec cs = run.o.spec;
    cs.records = run.o.csv_records;
    cs.notation_share = kind.share;
    cs.full_rows = kind.full;
    const auto dir = std::filesystem::path(run.o.workdir) / kind.dir;
    const double bytes = static_cast<double>(aidstat::bench::write_synthetic_csv(cs, dir));
    if (kind.full) full_csv_bytes = bytes;
    const double share = kind.share;
    if (!kind.full && share == 0) {
      // What loading adds to the resident set at its peak: the high-water mark is
      // reset first (Linux: clear_refs 5), so earlier phases do not count.
      std::ofstream("/proc/self/clear_refs") << "5";
      const std::uint64_t before = rss_bytes();
      std::uint64_t after = 0;
      {
        const aidstat::dataset loaded = aidstat::load_dataset(dir, nullptr, run.o.threads);
        after = peak_rss_bytes();
      }
      const double peak_mb = static_cast<double>(after - std::min(after, before)) / 1e6;
      const double dataset_mb = run.bytes_per_record * static_cast<double>(run.o.csv_records) / 1e6;
      std::printf(
          "CSV ingest peak: %.0f MB more resident (the limit, 2 x the dataset's %.0f MB + the "
          "file's %.0f MB: %.0f MB)\n",
          peak_mb, dataset_mb, bytes / 1e6, 2 * dataset_mb + bytes / 1e6);
      run.out["ingest_peak_mb"] = peak_mb;
      run.out["ingest_peak_limit_mb"] = 2 * dataset_mb + bytes / 1e6;
    }
    for (unsigned t : {1u, run.o.threads}) {
      const double s = best_of(2, [&] { aidstat::load_dataset(dir, nullptr, t); });
      std::printf("CSV ingest (%s, %u thread%s): %.0f MB in %.2f s = %.1f MB/s\n", kind.label, t,
                  t == 1 ? "" : "s", bytes / 1e6, s, bytes / s / 1e6);
      run.out["ingest"].push_back({{"notation_share", share},
                                   {"full_rows", kind.full},
                                   {"threads", t},
                                   {"mb", bytes / 1e6},
                                   {"mb_s", bytes / s / 1e6}});
      if (run.o.threads == 1) break;
    }
  }
  return full_csv_bytes;
}

// Whole commands as fresh processes, from CSV and from the archive, and beside DuckDB.
void measure_end_to_end(bench_run& run, const std::filesystem::path& archive,
                        double full_csv_bytes) {
  // End to end, as a fresh process.
  if (!run.o.cli.empty()) {
    const auto e2e = [&](const std::string& what) {
      const std::string cmd =
          "'" + run.o.cli + "' totals '" + what + "' --by category --format csv >/dev/null";
      return best_of(3, [&] {
        if (std::system(cmd.c_str()) != 0) std::cerr << "aidstat_bench: " << cmd << " failed\n";
      });
    };
    const auto csv_dir = std::filesystem::path(run.o.workdir) / "csv-plain";
    const double csv_s = e2e(csv_dir.string());
    const auto full_dir = std::filesystem::path(run.o.workdir) / "csv-full";
    const double full_s = e2e(full_dir.string());
    // The same items.csv with nothing beside it (a hard link: no copy of 600 MB).
    const auto alone_dir = std::filesystem::path(run.o.workdir) / "csv-full-items-alone";
    std::filesystem::remove_all(alone_dir);
    std::filesystem::create_directories(alone_dir);
    std::filesystem::create_hard_link(full_dir / "items.csv", alone_dir / "items.csv");
    const double alone_s = e2e(alone_dir.string());
    const double arc_s = e2e(archive.string());
    std::printf(
        "end to end 'aidstat totals --by category': CSV (%llu records) %.2f s, full-row CSV "
        "(%llu records, %.0f MB) %.2f s with units.csv, %.2f s as items.csv alone, archive "
        "(%llu records) %.2f s\n",
        static_cast<unsigned long long>(run.o.csv_records), csv_s,
        static_cast<unsigned long long>(run.o.csv_records), full_csv_bytes / 1e6, full_s, alone_s,
        static_cast<unsigned long long>(run.o.spec.records), arc_s);
    run.out["end_to_end_s"] = {{"csv", csv_s},
                               {"full_row_csv", full_s},
                               {"full_row_items_csv_alone", alone_s},
                               {"full_row_csv_mb", full_csv_bytes / 1e6},
                               {"archive", arc_s}};
    run.out["side_by_side"] = side_by_side(run.o.cli, run.o.workdir, run.o.csv_records);
  }
}

}  // namespace

int main(int argc, char** argv) {
  bench_run run;
  run.o = parse_options(argc, argv);
  run.out["records"] = run.o.spec.records;
  run.out["threads"] = run.o.threads;
  measure_bandwidth(run);
  const aidstat::dataset d = build_dataset(run);
  const std::vector<result_row> rows = measure_queries(run, d);
  measure_bare_loop(run, d);
  report_queries(run, rows);
  const std::filesystem::path archive = measure_archives(run, d);
  const double full_csv_bytes = measure_ingest(run);
  measure_end_to_end(run, archive, full_csv_bytes);
  if (!run.o.json_path.empty()) std::ofstream(run.o.json_path) << run.out.dump(2) << '\n';
  return 0;
}
