#include "io/items/items_fast.hpp"

#include <algorithm>
#include <string>
#include <thread>

#include "core/run_parallel.hpp"
#include "io/csv/record_split.hpp"
#include "io/fs/file_bytes.hpp"
#include "io/items/item_record.hpp"
#include "model/item_appender.hpp"

namespace aidstat::detail {

std::optional<std::int64_t> plain_count(std::string_view t) noexcept {
  if (t.empty() || t.size() > 15 || (t[0] == '0' && t.size() > 1)) return std::nullopt;
  std::int64_t v = 0;
  for (char ch : t) {
    if (ch < '0' || ch > '9') return std::nullopt;
    v = v * 10 + (ch - '0');
  }
  return v;
}

std::optional<std::int64_t> plain_yuan(std::string_view t) noexcept {
  // Whole yuan: digits, no leading zero, at most 15; then "." and one or two digits.
  std::size_t i = 0;
  std::int64_t yuan = 0;
  for (; i < t.size() && i <= 15 && t[i] >= '0' && t[i] <= '9'; ++i)
    yuan = yuan * 10 + (t[i] - '0');
  if (i == 0 || i > 15 || (t[0] == '0' && i > 1)) return std::nullopt;
  std::int64_t fen = yuan * 100;
  if (i == t.size()) return fen;
  const std::size_t digits = t.size() - i - 1;
  if (t[i] != '.' || digits == 0 || digits > 2) return std::nullopt;
  for (std::size_t k = 0; k < digits; ++k) {
    const char ch = t[i + 1 + k];
    if (ch < '0' || ch > '9') return std::nullopt;
    fen += (ch - '0') * (k == 0 ? 10 : 1);
  }
  return fen;
}

namespace {

// One thread's share of the file: the records of [begin, end).
struct chunk {
  const char* begin = nullptr;
  const char* end = nullptr;
  std::size_t first_row = 0, last_row = 0;  // of a table given as columns: rows [first, last)
  item_columns items;
  std::vector<std::uint32_t> lines;  // line of each item, from the chunk's first line (0)
  fresh_units fresh;                 // units first met here (without units.csv)
  std::uint32_t newlines = 0;
  bool ok = true;
  work_meter* meter = nullptr;  // advanced as the chunk is read
};

// Room for `rows` items, with huge pages asked for: the first share's columns become
// the dataset's, so they are sized for the whole file.
void reserve_columns(item_columns& out, std::size_t rows) {
  out.year.reserve(rows), out.month.reserve(rows), out.day.reserve(rows);
  out.category.reserve(rows), out.provider.reserve(rows), out.recipient.reserve(rows);
  out.form.reserve(rows), out.direction.reserve(rows), out.amount_min.reserve(rows);
  advise_huge_pages(out.month), advise_huge_pages(out.day), advise_huge_pages(out.form);
  advise_huge_pages(out.direction);
  out.amount_min.visit_storage([](const auto& v) { advise_huge_pages(v); });
  // The sparse columns: room for a quarter of the rows, which they seldom pass.
  out.quantity.rows.reserve(rows / 4), out.quantity.measures.reserve(rows / 4);
  out.quantity.mins.reserve(rows / 4), out.notes.rows.reserve(rows / 4);
  out.notes.ends.reserve(rows / 4), out.notes.chars.reserve(rows * 4);
  advise_huge_pages(out.quantity.rows), advise_huge_pages(out.quantity.measures);
  advise_huge_pages(out.quantity.mins), advise_huge_pages(out.notes.rows);
  advise_huge_pages(out.notes.ends);
  advise_huge_pages(out.notes.chars.data(), out.notes.chars.capacity());
}

void read_chunk(const item_lookups& l, std::size_t width, const column_index& index,
                std::size_t expected_rows, bool want_lines, chunk& c) {
  reserve_columns(c.items, expected_rows);
  if (want_lines) c.lines.reserve(expected_rows);
  record_cursor at;
  c.ok = read_records(l, width, index, c.begin, c.end, at, c.fresh, c.items,
                      want_lines ? &c.lines : nullptr, c.meter) == c.end;
  c.newlines = at.newlines;
}

// Adds the units the shares met first to `d`, in file order (as the checking reader
// adds them), and gives the shares' provider and recipient columns their numbers.
void settle_fresh_units(dataset& d, std::vector<chunk>& chunks) {
  std::vector<std::vector<std::uint32_t>> numbers(chunks.size());
  for (std::size_t t = 0; t < chunks.size(); ++t) {
    for (const std::string& id : chunks[t].fresh.ids) {
      auto u = d.find_unit(id);
      if (!u) {
        unit made;
        made.id = made.name = id;
        u = d.add_unit(std::move(made));
      }
      numbers[t].push_back(*u);
    }
  }
  detail::run_parallel(static_cast<unsigned>(chunks.size()), [&](unsigned t) {
    if (numbers[t].empty()) return;
    // Fresh numbers are wide (kFresh is their top bit): the columns are narrowed after.
    const auto renumber = [&](compact_ids<std::uint32_t>& column) {
      for (std::size_t r = 0; r < column.size(); ++r)
        if (const std::uint32_t u = column[r]; u != no_id && (u & kFresh))
          column.set(r, numbers[t][u & ~kFresh]);
      column.narrow();
    };
    renumber(chunks[t].items.provider), renumber(chunks[t].items.recipient);
  });
}

// The body [body, end) cut into `threads` chunks. Chunks end at a line break outside
// quotes: where the count of quotes so far is even.
std::vector<chunk> cut_into_chunks(const char* body, const char* end, unsigned threads) {
  const auto size = static_cast<std::size_t>(end - body);
  std::vector<chunk> chunks(threads);
  std::vector<std::size_t> quotes(threads, 0);
  run_parallel(threads, [&](unsigned t) {
    quotes[t] = count_quotes(body + size * t / threads, body + size * (t + 1) / threads);
  });
  std::size_t quotes_before = 0;  // quotes in [body, the tentative end of chunk t)
  const char* start = body;
  for (unsigned t = 0; t < threads; ++t) {
    chunks[t].begin = start;
    const char* stop = end;
    quotes_before += quotes[t];
    if (t + 1 < threads) {
      stop = body + size * (t + 1) / threads;
      bool inside = quotes_before % 2 != 0;
      while (stop < end && (inside || *stop != '\n')) inside ^= *stop++ == '"';
      if (stop < end) ++stop;  // the chunk keeps its line break
    }
    chunks[t].end = std::max(stop, start);
    start = chunks[t].end;
  }
  return chunks;
}

}  // namespace

bool read_items_fast(const csv_view& file, dataset& d, unsigned threads,
                     std::vector<std::uint32_t>* lines, bool units_defined, work_meter* meter) {
  if (d.unit_count() >= kFresh) return false;
  const char* const end = file.text.data() + file.text.size();
  // The header: known columns, each once, the first three present.
  std::size_t width = 0;
  column_index index;
  std::uint32_t header_newlines = 0;
  const char* body = read_items_header(file.text, width, index, header_newlines);
  if (!body) return false;

  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  const auto size = static_cast<std::size_t>(end - body);
  threads = static_cast<unsigned>(std::clamp<std::size_t>(size / (1 << 20), 1, threads));
  std::vector<chunk> chunks = cut_into_chunks(body, end, threads);
  const item_lookups l(d, units_defined);
  run_parallel(threads, [&](unsigned t) {
    // Room for the rows the share likely holds (a row takes 30 bytes or more); the
    // first share's columns become the dataset's, so they get room for the file.
    const auto bytes = t == 0 ? size : static_cast<std::size_t>(chunks[t].end - chunks[t].begin);
    chunks[t].meter = meter;
    read_chunk(l, width, index, bytes / 30, lines != nullptr, chunks[t]);
  });
  for (const chunk& c : chunks)
    if (!c.ok) return false;
  if (!units_defined) settle_fresh_units(d, chunks);

  std::uint32_t line = 1 + header_newlines;  // the first line after the header
  for (chunk& c : chunks) {
    item_appender::append(d, std::move(c.items));
    if (lines)
      for (std::uint32_t at : c.lines) lines->push_back(line + at);
    line += c.newlines;
  }
  return true;
}

bool read_items_fast(const column_table& table, dataset& d, unsigned threads,
                     std::vector<std::uint32_t>* lines, bool units_defined) {
  const std::size_t width = table.columns.size();
  if (d.unit_count() >= kFresh || width == 0 || width > kMaxFields) return false;
  std::array<std::string_view, kMaxFields> header;
  std::copy(table.columns.begin(), table.columns.end(), header.begin());
  column_index index;
  if (!index_columns(header, width, index)) return false;

  const std::size_t rows = table.rows();
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::clamp<std::size_t>(rows / 65536, 1, threads));
  std::vector<chunk> chunks(threads);
  const item_lookups l(d, units_defined);
  run_parallel(threads, [&](unsigned t) {
    chunk& c = chunks[t];
    c.first_row = rows * t / threads, c.last_row = rows * (t + 1) / threads;
    // The first share's columns become the dataset's: room for every row.
    reserve_columns(c.items, t == 0 ? rows : c.last_row - c.first_row);
    if (lines) c.lines.reserve(c.last_row - c.first_row);
    c.ok = read_table_rows(l, table, index, c.first_row, c.last_row, c.fresh, c.items,
                           lines ? &c.lines : nullptr) == c.last_row;
  });
  for (const chunk& c : chunks)
    if (!c.ok) return false;
  if (!units_defined) settle_fresh_units(d, chunks);
  for (chunk& c : chunks) {
    item_appender::append(d, std::move(c.items));
    if (lines) lines->insert(lines->end(), c.lines.begin(), c.lines.end());
  }
  return true;
}

}  // namespace aidstat::detail
