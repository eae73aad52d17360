#include "engine/stream_totals.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <thread>

#include "aidstat/error.hpp"
#include "aidstat/totals_at.hpp"
#include "engine/gather.hpp"
#include "io/csv/dataset_shell.hpp"
#include "io/fs/dataset_folder.hpp"
#include "io/items/items_stream.hpp"
#include "model/item_row.hpp"

namespace aidstat::detail {
namespace {

// The rows one thread scans before its partials' 32-bit record counts could fill.
constexpr std::uint64_t kRowsPerPartial = std::uint64_t{1} << 31;
// The (group, beneficiary) pairs a partial gathers before they are made distinct.
constexpr std::size_t kPeopleBeforeUnique = std::size_t{1} << 20;

// One query's scanning of one thread's blocks: a plan for blocks without transfer
// records and one for blocks with them (the transfer rule costs a check a row).
struct query_scanner {
  query_scanner(const dataset& shell, const item_columns& columns, const totals_query& q)
      : plain(make_plan(shell, columns, q, false, kYears)),
        with_transfers(make_plan(shell, columns, q, true, kYears)),
        sums(plain.key_space <= kDenseKeys ? plain.key_space : 0) {}

  static constexpr std::pair<int, int> kYears{kStreamFirstYear, kStreamLastYear};

  // Adds the block the plans' columns hold.
  void scan_block(bool transfers) {
    plan& p = transfers ? with_transfers : plain;
    p.read_rows();
    p.scan(0, p.c.size(), sums);
    if (sums.people.size() >= distinct_people + kPeopleBeforeUnique) {
      std::sort(sums.people.begin(), sums.people.end());
      sums.people.erase(std::unique(sums.people.begin(), sums.people.end()), sums.people.end());
      distinct_people = sums.people.size();
    }
  }

  plan plain, with_transfers;
  partial sums;
  std::size_t distinct_people = 0;
};

// Whether every record of `c` lies in the years the stream's period keys span (a
// fiscal year may start in the calendar year before).
bool within_stream_years(const item_columns& c) {
  const auto [lo, hi] = std::minmax_element(c.year.begin(), c.year.end());
  return lo == c.year.end() || (*lo > kStreamFirstYear && *hi <= kStreamLastYear);
}

// One thread's scanning of the blocks it reads, for every query.
struct block_scanner {
  block_scanner(const dataset& shell, const item_columns& columns, std::span<const totals_query> qs)
      : columns(columns) {
    queries.reserve(qs.size());
    for (const totals_query& q : qs) {
      queries.emplace_back(shell, columns, q);
      dated = dated || dated_query(q);
    }
  }

  // Adds the block in `columns`; false once the partials have taken all they safely
  // can, or for a record outside the stream's years.
  bool scan_block() {
    if (dated && !within_stream_years(columns)) return false;
    const bool transfers =
        std::memchr(columns.form.data(), transfer_code, columns.form.size()) != nullptr;
    holds_transfers = holds_transfers || transfers;
    for (query_scanner& s : queries) s.scan_block(transfers);
    rows += columns.size();
    return rows < kRowsPerPartial;
  }

  const item_columns& columns;
  std::vector<query_scanner> queries;
  bool dated = false;
  bool holds_transfers = false;
  std::uint64_t rows = 0;
};

// Whether items.csv still has the size and time it had before it was read.
bool unchanged(int fd, const struct stat& before) {
  struct stat after {};
  return ::fstat(fd, &after) == 0 && after.st_size == before.st_size &&
         after.st_mtim.tv_nsec == before.st_mtim.tv_nsec &&
         after.st_mtim.tv_sec == before.st_mtim.tv_sec;
}

// The totals of each query from the threads' partials.
std::vector<totals> gather_all(std::vector<block_scanner>& scanners, const dataset& shell,
                               std::span<const totals_query> qs) {
  bool holds_transfers = false;
  for (const block_scanner& s : scanners) holds_transfers = holds_transfers || s.holds_transfers;
  std::vector<totals> out;
  for (std::size_t i = 0; i < qs.size(); ++i) {
    std::vector<partial> parts;
    for (block_scanner& s : scanners) parts.push_back(std::move(s.queries[i].sums));
    require_all_placed(parts, qs[i].filter);
    out.push_back(gather(parts, scanners.front().queries[i].plain, shell, qs[i].by));
    out.back().holds_transfers = holds_transfers;
  }
  return out;
}

}  // namespace

namespace {

std::optional<std::vector<totals>> stream_queries(const std::filesystem::path& dir,
                                                  std::span<const totals_query> qs,
                                                  work_meter* meter) {
  bool units_defined = false;
  std::optional<dataset_folder> folder;
  try {
    folder.emplace(dir);
  } catch (const io_error&) {
    return std::nullopt;  // the full load says what
  }
  const std::optional<dataset> shell = read_dataset_shell(*folder, units_defined);
  const int items = folder->fd("items.csv");
  struct stat before {};
  if (!shell || items < 0 || ::fstat(items, &before) != 0 || qs.empty()) return std::nullopt;
  // Without units.csv, units are numbered as the file first names them: only a full
  // read knows that order.
  if (!units_defined &&
      !std::all_of(qs.begin(), qs.end(), [](const totals_query& q) { return streams_from_csv(q); }))
    return std::nullopt;
  unsigned threads = qs.front().threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  const auto bytes = static_cast<std::uintmax_t>(before.st_size);
  threads = static_cast<unsigned>(std::clamp<std::uintmax_t>(bytes >> 20, 1, threads));
  std::vector<item_columns> columns(threads);
  std::vector<block_scanner> scanners;
  scanners.reserve(threads);
  try {
    for (unsigned t = 0; t < threads; ++t) scanners.emplace_back(*shell, columns[t], qs);
  } catch (const query_error&) {
    return std::nullopt;  // the full load says it, after any problem of the files
  }
  const bool whole = stream_items(
      items, *shell, units_defined, columns, [&](unsigned t) { return scanners[t].scan_block(); },
      meter);
  if (!whole || !unchanged(items, before)) return std::nullopt;  // the full load says why
  return gather_all(scanners, *shell, qs);
}

}  // namespace

std::optional<std::vector<totals>> stream_totals(const std::filesystem::path& dir,
                                                 std::span<const totals_query> qs,
                                                 work_meter* meter) {
  // A key that bounds transfers needs the totals without keys for its grand total, as
  // compute_totals takes them: read in the same pass.
  std::vector<totals_query> scans(qs.begin(), qs.end());
  std::vector<std::size_t> grand_of(qs.size(), SIZE_MAX);
  for (std::size_t i = 0; i < qs.size(); ++i) {
    if (!bounds_transfers(qs[i].by)) continue;
    grand_of[i] = scans.size();
    scans.push_back(without_keys(qs[i]));
  }
  std::optional<std::vector<totals>> t = stream_queries(dir, scans, meter);
  if (!t) return std::nullopt;
  for (std::size_t i = 0; i < qs.size(); ++i)
    if (grand_of[i] != SIZE_MAX && (*t)[i].holds_transfers) (*t)[i].grand = (*t)[grand_of[i]].grand;
  t->resize(qs.size());
  return t;
}

std::optional<totals> stream_totals(const std::filesystem::path& dir, const totals_query& q,
                                    work_meter* meter) {
  std::optional<std::vector<totals>> t = stream_totals(dir, std::span(&q, 1), meter);
  if (!t) return std::nullopt;
  return std::move(t->front());
}

}  // namespace aidstat::detail
