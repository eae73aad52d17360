#include "engine/stream_totals.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "aidstat/error.hpp"
#include "aidstat/totals_at.hpp"
#include "core/run_parallel.hpp"
#include "engine/block_scan.hpp"
#include "io/archive/archive_blocks.hpp"
#include "io/csv/dataset_shell.hpp"
#include "io/fs/dataset_folder.hpp"
#include "io/items/items_stream.hpp"

namespace aidstat::detail {
namespace {

// Rows of an archive a thread reads and sums at a time.
constexpr std::size_t kArchiveBlockRows = std::size_t{1} << 16;

// Whether items.csv still has the size and time it had before it was read.
bool unchanged(int fd, const struct stat& before) {
  struct stat after {};
  return ::fstat(fd, &after) == 0 && after.st_size == before.st_size &&
         after.st_mtim.tv_nsec == before.st_mtim.tv_nsec &&
         after.st_mtim.tv_sec == before.st_mtim.tv_sec;
}

// The threads a query asks for (0: the machine's), at most one per `per` of `work`.
unsigned threads_for(std::span<const totals_query> qs, std::uint64_t work, std::uint64_t per) {
  unsigned threads = qs.front().threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::clamp<std::uint64_t>(work / per, 1, threads));
}

std::optional<std::vector<totals>> stream_csv(const std::filesystem::path& dir,
                                              std::span<const totals_query> qs, work_meter* meter) {
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
  if (!shell || items < 0 || ::fstat(items, &before) != 0) return std::nullopt;
  // Without units.csv, units are numbered as the file first names them: only a full
  // read knows that order.
  if (!units_defined &&
      !std::all_of(qs.begin(), qs.end(), [](const totals_query& q) { return streams_from_csv(q); }))
    return std::nullopt;
  const unsigned threads =
      threads_for(qs, static_cast<std::uint64_t>(before.st_size), std::uint64_t{1} << 20);
  auto t = scan_blocks(*shell, qs, threads, [&](auto& columns, const auto& take) {
    return stream_items(items, *shell, units_defined, columns, take, meter);
  });
  if (!t || !unchanged(items, before)) return std::nullopt;  // the full load says why
  return t;
}

// Reads the blocks of `a` on columns.size() threads, each block then taken.
bool feed_archive(const archive_blocks& a, std::vector<item_columns>& columns,
                  const std::function<bool(unsigned)>& take, work_meter* meter) {
  std::atomic<std::uint64_t> next{0};
  std::atomic<bool> stop{false};
  run_parallel(static_cast<unsigned>(columns.size()), [&](unsigned t) {
    try {
      for (std::uint64_t first; !stop && (first = next.fetch_add(kArchiveBlockRows)) < a.rows();) {
        const auto n =
            static_cast<std::size_t>(std::min<std::uint64_t>(kArchiveBlockRows, a.rows() - first));
        a.read(first, n, columns[t]);
        if (!take(t)) stop = true;
        if (meter) meter->advance(n);
      }
    } catch (...) {
      stop = true;  // the full load says what
    }
  });
  return !stop;
}

std::optional<std::vector<totals>> stream_archive(const std::filesystem::path& file,
                                                  std::span<const totals_query> qs,
                                                  work_meter* meter) {
  item_fields fields = item_fields::none;
  for (const totals_query& q : qs) fields = fields | fields_for(q);
  std::optional<archive_blocks> a;
  try {
    a.emplace(file, fields);
  } catch (const std::exception&) {
    return std::nullopt;  // an older or damaged archive: the full load reads it or says what
  }
  if (meter) meter->total = a->rows();
  const unsigned threads = threads_for(qs, a->rows(), kArchiveBlockRows);
  auto t = scan_blocks(a->shell(), qs, threads, [&](auto& columns, const auto& take) {
    return feed_archive(*a, columns, take, meter);
  });
  if (!t || a->changed()) return std::nullopt;
  return t;
}

// The totals of `qs` by `stream`, each grand total as compute_totals takes it: a key
// that bounds transfers needs the totals without keys for that, read in the same pass.
template <class Stream>
std::optional<std::vector<totals>> with_grand_totals(std::span<const totals_query> qs,
                                                     Stream&& stream) {
  if (qs.empty()) return std::nullopt;
  std::vector<totals_query> scans(qs.begin(), qs.end());
  std::vector<std::size_t> grand_of(qs.size(), SIZE_MAX);
  for (std::size_t i = 0; i < qs.size(); ++i) {
    if (!bounds_transfers(qs[i].by)) continue;
    grand_of[i] = scans.size();
    scans.push_back(without_keys(qs[i]));
  }
  std::optional<std::vector<totals>> t = stream(std::span<const totals_query>(scans));
  if (!t) return std::nullopt;
  for (std::size_t i = 0; i < qs.size(); ++i)
    if (grand_of[i] != SIZE_MAX && (*t)[i].holds_transfers) (*t)[i].grand = (*t)[grand_of[i]].grand;
  t->resize(qs.size());
  return t;
}

}  // namespace

std::optional<std::vector<totals>> stream_totals(const std::filesystem::path& dir,
                                                 std::span<const totals_query> qs,
                                                 work_meter* meter) {
  return with_grand_totals(qs, [&](auto scans) { return stream_csv(dir, scans, meter); });
}

std::optional<totals> stream_totals(const std::filesystem::path& dir, const totals_query& q,
                                    work_meter* meter) {
  std::optional<std::vector<totals>> t = stream_totals(dir, std::span(&q, 1), meter);
  if (!t) return std::nullopt;
  return std::move(t->front());
}

std::optional<std::vector<totals>> stream_archive_totals(const std::filesystem::path& file,
                                                         std::span<const totals_query> qs,
                                                         work_meter* meter) {
  return with_grand_totals(qs, [&](auto scans) { return stream_archive(file, scans, meter); });
}

}  // namespace aidstat::detail
