#include "engine/block_scan.hpp"

#include <algorithm>
#include <cstring>

#include "aidstat/error.hpp"
#include "engine/gather.hpp"
#include "engine/scan.hpp"
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
  const auto [lo, hi] = c.year.span();
  return c.year.empty() || (lo > kStreamFirstYear && hi <= kStreamLastYear);
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

std::optional<std::vector<totals>> scan_blocks(const dataset& shell,
                                               std::span<const totals_query> qs, unsigned threads,
                                               const block_feed& feed) {
  std::vector<item_columns> columns(threads);
  std::vector<block_scanner> scanners;
  scanners.reserve(threads);
  try {
    for (unsigned t = 0; t < threads; ++t) scanners.emplace_back(shell, columns[t], qs);
  } catch (const query_error&) {
    return std::nullopt;  // the full load says it, after any problem of the files
  }
  if (!feed(columns, [&](unsigned t) { return scanners[t].scan_block(); })) return std::nullopt;
  return gather_all(scanners, shell, qs);
}

}  // namespace aidstat::detail
