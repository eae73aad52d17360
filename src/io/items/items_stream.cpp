#include "io/items/items_stream.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <string>

#include "core/run_parallel.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/items/item_record.hpp"

namespace aidstat::detail {

void clear_keeping_room(item_columns& c) noexcept {
  c.year.clear(), c.month.clear(), c.day.clear(), c.category.clear();
  c.provider.clear(), c.recipient.clear(), c.form.clear(), c.direction.clear();
  c.beneficiary.rows.clear(), c.beneficiary.ids.clear();
  c.amount_min.clear(), c.amount_approx.clear(), c.quantity_approx.clear();
  c.quantity.rows.clear(), c.quantity.measures.clear(), c.quantity.mins.clear();
  c.notes.rows.clear(), c.notes.ends.clear(), c.notes.chars.clear();
  c.rows = 0;
}

namespace {

constexpr std::size_t kBlock = std::size_t{1} << 20;  // a block's bytes: its columns stay in cache
constexpr std::size_t kLargest = std::size_t{64} << 20;  // a longer record goes to the full load

// Reads n bytes at `offset` into `to`; false on an error or an early end.
bool read_at(int fd, std::uint64_t offset, char* to, std::size_t n) {
  while (n > 0) {
    const ssize_t got = ::pread(fd, to, n, static_cast<off_t>(offset));
    if (got <= 0) return false;
    to += got, n -= static_cast<std::size_t>(got), offset += static_cast<std::uint64_t>(got);
  }
  return true;
}

// The length of the whole records in block [p, p + n), which starts at a record:
// up to its last line break outside quotes (the quotes before it are even in
// number); 0 when there is none.
std::size_t whole_records(const char* p, std::size_t n) {
  std::size_t quotes = count_quotes(p, p + n);
  for (std::size_t i = n; i-- > 0;) {
    if (p[i] == '"')
      --quotes;
    else if (p[i] == '\n' && quotes % 2 == 0)
      return i + 1;
  }
  return 0;
}

// What the threads share: the file, where the next block starts, and whether to stop.
struct shared_reader {
  shared_reader(int fd, std::uint64_t size) : fd(fd), size(size) {}
  int fd;
  std::uint64_t size;
  std::mutex lock;
  std::uint64_t next = 0;
  std::atomic<bool> stop{false};

  // Reads the next block of whole records into `buffer`; its length, or 0 at the end
  // of the file or of the reading (stop is then set if something went wrong).
  std::size_t next_block(std::string& buffer) {
    const std::lock_guard<std::mutex> held(lock);
    if (stop || next >= size) return 0;
    for (std::size_t want = kBlock;; want *= 2) {
      const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(want, size - next));
      if (buffer.size() < n) buffer.resize(n);
      if (!read_at(fd, next, buffer.data(), n)) break;
      const std::size_t whole = next + n == size ? n : whole_records(buffer.data(), n);
      if (whole > 0) {
        next += whole;
        return whole;
      }
      if (want >= kLargest) break;
    }
    stop = true;
    return 0;
  }
};

}  // namespace

bool stream_items(int fd, const dataset& d, bool units_defined, std::vector<item_columns>& columns,
                  const std::function<bool(unsigned)>& take, work_meter* meter) {
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
      d.unit_count() >= kFresh)
    return false;
  shared_reader reader(fd, static_cast<std::uint64_t>(st.st_size));
  if (meter) meter->total = reader.size;

  std::string head(static_cast<std::size_t>(std::min<std::uint64_t>(kBlock, reader.size)), '\0');
  if (!read_at(fd, 0, head.data(), head.size())) return false;
  std::size_t width = 0;
  column_index index;
  std::uint32_t header_newlines = 0;
  const char* body = read_items_header(head, width, index, header_newlines);
  if (!body) return false;
  reader.next = static_cast<std::uint64_t>(body - head.data());
  if (meter) meter->advance(reader.next);

  item_lookups l(d, units_defined);
  l.number_fresh_units = l.keep_notes = false;  // no query streamed reads them
  l.text_checked = true;                        // each block is checked whole, below
  const auto threads = static_cast<unsigned>(columns.size());
  run_parallel(threads, [&](unsigned t) {
    std::string buffer;
    fresh_units fresh;
    record_cursor at;
    while (const std::size_t n = reader.next_block(buffer)) {
      clear_keeping_room(columns[t]);
      const char* end = buffer.data() + n;
      if (!valid_utf8(std::string_view(buffer.data(), n)) ||
          read_records(l, width, index, buffer.data(), end, at, fresh, columns[t], nullptr,
                       meter) != end ||
          !take(t)) {
        reader.stop = true;
        return;
      }
    }
  });
  return !reader.stop;
}

}  // namespace aidstat::detail
