#include "aidstat/totals_at.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <thread>

#include "aidstat/error.hpp"
#include "aidstat/open_dataset.hpp"
#include "engine/gather.hpp"
#include "engine/stream_totals.hpp"
#include "io/csv/dataset_shell.hpp"
#include "io/fs/dataset_folder.hpp"
#include "io/items/items_stream.hpp"
#include "model/item_row.hpp"

namespace aidstat {
namespace {

using detail::item_columns;
using detail::partial;
using detail::plan;

// Whether a dimension's key codes come from a row's own fields alone, with no
// table built from the items (dimension_table says which).
bool row_local(dimension_kind k) noexcept { return info_of(k).streams_from_csv; }

// The rows one thread scans before its partial's 32-bit record counts could fill.
constexpr std::uint64_t kRowsPerPartial = std::uint64_t{1} << 31;
// The (group, beneficiary) pairs a partial gathers before they are made distinct.
constexpr std::size_t kPeopleBeforeUnique = std::size_t{1} << 20;

// One thread's scanning of the blocks it reads: a plan for blocks without transfer
// records and one for blocks with them (the transfer rule costs a check a row).
struct block_scanner {
  block_scanner(const dataset& shell, const item_columns& columns, const totals_query& q)
      : columns(columns),
        plain(detail::make_plan(shell, columns, q, false)),
        with_transfers(detail::make_plan(shell, columns, q, true)),
        sums(plain.key_space <= detail::kDenseKeys ? plain.key_space : 0) {}

  // Adds the block in `columns`; false once the partial has taken all it safely can.
  bool scan_block() {
    const std::size_t n = columns.size();
    const bool transfers =
        std::memchr(columns.form.data(), detail::transfer_code, columns.form.size()) != nullptr;
    holds_transfers = holds_transfers || transfers;
    (transfers ? with_transfers : plain).scan(0, n, sums);
    if (sums.people.size() >= distinct_people + kPeopleBeforeUnique) {
      std::sort(sums.people.begin(), sums.people.end());
      sums.people.erase(std::unique(sums.people.begin(), sums.people.end()), sums.people.end());
      distinct_people = sums.people.size();
    }
    rows += n;
    return rows < kRowsPerPartial;
  }

  const item_columns& columns;
  plan plain, with_transfers;
  partial sums;
  bool holds_transfers = false;
  std::uint64_t rows = 0;
  std::size_t distinct_people = 0;
};

}  // namespace

std::optional<totals> detail::stream_totals(const std::filesystem::path& dir, const totals_query& q,
                                            work_meter* meter) {
  bool units_defined = false;
  std::optional<detail::dataset_folder> folder;
  try {
    folder.emplace(dir);
  } catch (const io_error&) {
    return std::nullopt;  // the full load says what
  }
  const std::optional<dataset> shell = detail::read_dataset_shell(*folder, units_defined);
  const int items = folder->fd("items.csv");
  struct stat before {};
  if (!shell || items < 0 || ::fstat(items, &before) != 0) return std::nullopt;
  unsigned threads = q.threads ? q.threads : std::max(1u, std::thread::hardware_concurrency());
  const auto bytes = static_cast<std::uintmax_t>(before.st_size);
  threads = static_cast<unsigned>(std::clamp<std::uintmax_t>(bytes >> 20, 1, threads));
  std::vector<item_columns> columns(threads);
  std::vector<block_scanner> scanners;
  scanners.reserve(threads);
  try {
    for (unsigned t = 0; t < threads; ++t) scanners.emplace_back(*shell, columns[t], q);
  } catch (const query_error&) {
    return std::nullopt;  // the full load says it, after any problem of the files
  }
  const bool whole = detail::stream_items(
      items, *shell, units_defined, columns, [&](unsigned t) { return scanners[t].scan_block(); },
      meter);
  struct stat after {};
  if (!whole || ::fstat(items, &after) != 0 || after.st_size != before.st_size ||
      after.st_mtim.tv_nsec != before.st_mtim.tv_nsec ||
      after.st_mtim.tv_sec != before.st_mtim.tv_sec)
    return std::nullopt;  // changed underneath: the full load says so
  std::vector<partial> parts;
  bool holds_transfers = false;
  for (block_scanner& s : scanners) {
    parts.push_back(std::move(s.sums));
    holds_transfers = holds_transfers || s.holds_transfers;
  }
  detail::require_all_placed(parts, q.filter);
  totals out = detail::gather(parts, scanners.front().plain, *shell, q.by);
  out.holds_transfers = holds_transfers;
  return out;
}

bool streams_from_csv(const totals_query& q) noexcept {
  return std::all_of(q.by.begin(), q.by.end(),
                     [](const dimension& d) { return row_local(d.kind); }) &&
         std::all_of(q.filter.where.begin(), q.filter.where.end(),
                     [](const condition& c) { return row_local(c.on.kind); });
}

totals totals_at(const std::filesystem::path& path, const totals_query& q, work_meter* meter) {
  switch (storage_of(path)) {
    case dataset_storage::csv_directory:
      if (!streams_from_csv(q)) break;
      if (std::optional<totals> t = detail::stream_totals(path, q, meter)) return std::move(*t);
      if (meter) meter->done = 0;  // read again, in full
      break;
    case dataset_storage::archive:
    case dataset_storage::workbook:
      break;
  }
  return compute_totals(open_dataset(path, fields_for(q), meter), q);
}

}  // namespace aidstat
