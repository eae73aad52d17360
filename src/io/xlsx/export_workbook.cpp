// export_workbook: a dataset as a workbook, one sheet per CSV file, each field typed as
// a spreadsheet user would type it, and read back by load_workbook to the same dataset.
#include <algorithm>
#include <charconv>

#include "aidstat/amount_text.hpp"
#include "aidstat/workbook.hpp"
#include "io/csv/dataset_files.hpp"
#include "io/fs/atomic_file.hpp"
#include "io/xlsx/excel_dates.hpp"
#include "io/xlsx/xlsx_writer.hpp"

namespace aidstat {
namespace {

// The fen of an exact amount a number cell holds to the fen; nothing for "[a, b]", an
// empty field or one too large (those stay text, which loads back exactly).
std::optional<std::int64_t> exact_fen(std::string_view text) {
  if (text.empty()) return std::nullopt;
  const money_interval m = parse_money(text);
  if (!m.is_exact() || !detail::holds_exactly(m.min().fen(), false)) return std::nullopt;
  return m.min().fen();
}

std::optional<std::int64_t> whole_number(std::string_view text) {
  std::int64_t n = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, n);
  if (text.empty() || ec != std::errc{} || ptr != end || n > detail::max_exact_fen ||
      n < -detail::max_exact_fen)
    return std::nullopt;
  return n;
}

detail::xlsx_style date_style(date_precision p) {
  switch (p) {
    case date_precision::year:
      return detail::xlsx_style::year;
    case date_precision::month:
      return detail::xlsx_style::month;
    case date_precision::day:
      break;
  }
  return detail::xlsx_style::day;
}

// Writes field `text` of column `name` as the cell a user would type.
void write_field(detail::xlsx_writer& w, std::uint32_t r, std::uint16_t c, const std::string& name,
                 const std::string& text) {
  if (name == "amount" || name == "target_amount") {
    if (const auto fen = exact_fen(text)) return w.money(r, c, *fen, false);
  } else if (name == "quantity" || name == "headcount" || name == "year") {
    if (const auto n = whole_number(text))
      return w.number(r, c, static_cast<double>(*n), detail::xlsx_style::integer);
  } else if (name == "date") {
    if (const auto d = date::try_parse(text))
      if (const auto serial = detail::serial_of(*d))
        return w.number(r, c, *serial, date_style(d->precision()));
  }
  w.text(r, c, text);
}

void write_sheet(detail::xlsx_writer& w, const detail::dataset_file& f) {
  std::vector<double> widths;
  for (std::size_t c = 0; c < f.header.size(); ++c) {
    std::vector<std::string> texts{f.header[c]};
    for (std::size_t r = 0; r < f.rows.size() && r < 1000; ++r) texts.push_back(f.rows[r][c]);
    widths.push_back(detail::column_width(texts));
  }
  w.add_sheet(f.name, widths, 1);
  for (std::size_t c = 0; c < f.header.size(); ++c)
    w.text(0, static_cast<std::uint16_t>(c), f.header[c], detail::xlsx_style::header);
  std::uint32_t r = 1;
  for (const auto& row : f.rows) {
    for (std::size_t c = 0; c < row.size(); ++c)
      write_field(w, r, static_cast<std::uint16_t>(c), f.header[c], row[c]);
    ++r;
  }
}

}  // namespace

void export_workbook(const dataset& d, const std::filesystem::path& file) {
  std::vector<detail::dataset_file> files = detail::dataset_files(d);
  std::rotate(files.begin(), files.end() - 1, files.end());  // items first
  detail::write_file_atomically(file, [&](std::ostream& out) {
    detail::xlsx_writer w(file);
    for (const detail::dataset_file& f : files) write_sheet(w, f);
    w.finish(out);
  });
}

}  // namespace aidstat
