#include "io/xlsx/xlsx_writer.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "aidstat/error.hpp"
#include "aidstat/text_width.hpp"

namespace aidstat::detail {
namespace {

namespace fs = std::filesystem;

// The fixed creation time of every workbook (2000-01-01T00:00:00Z): two runs over the
// same data write the same bytes (libxlsxwriter dates the zip entries 1980-01-01).
constexpr std::time_t fixed_creation_time = 946684800;

fs::path new_temporary() {
  std::string pattern = (fs::temp_directory_path() / "aidstat-xlsx-XXXXXX").string();
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) throw_error<io_error>("cannot create a temporary file for a workbook");
  ::close(fd);
  return pattern;
}

const char* number_format(xlsx_style s) {
  switch (s) {
    case xlsx_style::integer:
      return "0";
    case xlsx_style::yuan:
      return "#,##0.00";
    case xlsx_style::wan:
      return "#,##0.00####";
    case xlsx_style::percent:
      return "0.00%";
    case xlsx_style::day:
      return "yyyy-mm-dd";
    case xlsx_style::month:
      return "yyyy-mm";
    case xlsx_style::year:
      return "yyyy";
    case xlsx_style::text:
    case xlsx_style::header:
      break;
  }
  return nullptr;
}

}  // namespace

xlsx_writer::xlsx_writer(fs::path shown) : shown_(std::move(shown)), temp_(new_temporary()) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // rows go to disk as they are written
  const std::string tmpdir = fs::temp_directory_path().string();
  options.tmpdir = const_cast<char*>(tmpdir.c_str());
  book_ = workbook_new_opt(temp_.c_str(), &options);
  if (!book_) {
    std::error_code ec;
    fs::remove(temp_, ec);
    throw_error<io_error>("cannot start the workbook " + shown_.string());
  }
  lxw_doc_properties properties{};
  properties.created = fixed_creation_time;
  workbook_set_properties(book_, &properties);
  constexpr int styles = static_cast<int>(xlsx_style::year) + 1;
  for (int i = 0; i < styles; ++i) {
    const auto s = static_cast<xlsx_style>(i);
    lxw_format* f = nullptr;
    if (s != xlsx_style::text) {
      f = workbook_add_format(book_);
      if (s == xlsx_style::header) format_set_bold(f);
      if (const char* code = number_format(s)) format_set_num_format(f, code);
    }
    formats_.push_back(f);
  }
}

xlsx_writer::~xlsx_writer() {
  if (book_) {
    // An unfinished workbook (an error on the way) is closed only to free it.
    workbook_close(book_);
  }
  std::error_code ec;
  fs::remove(temp_, ec);
}

lxw_format* xlsx_writer::format_of(xlsx_style s) { return formats_[static_cast<std::size_t>(s)]; }

void xlsx_writer::add_sheet(const std::string& name, const std::vector<double>& widths,
                            std::uint32_t header_rows) {
  sheet_ = workbook_add_worksheet(book_, name.c_str());
  if (!sheet_) throw_error<error>("cannot add the sheet '" + name + "' to " + shown_.string());
  sheet_name_ = name;
  for (std::size_t c = 0; c < widths.size() && c < LXW_COL_MAX; ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    check(worksheet_set_column(sheet_, col, col, widths[c], nullptr), 0,
          static_cast<std::uint16_t>(c));
  }
  if (header_rows) worksheet_freeze_panes(sheet_, header_rows, 0);
}

void xlsx_writer::check(int status, std::uint32_t row, std::uint16_t col) {
  if (status == LXW_NO_ERROR) return;
  throw_error<error>("cannot write " + shown_.string() + ": sheet " + sheet_name_ + " cell " +
                     cell_name(row, col) + ": " + lxw_strerror(static_cast<lxw_error>(status)));
}

void xlsx_writer::check_row(std::uint32_t row) const {
  if (row >= LXW_ROW_MAX)
    throw_error<error>("cannot write " + shown_.string() + ": sheet " + sheet_name_ +
                       " needs more than the 1,048,576 rows a worksheet holds");
}

void xlsx_writer::text(std::uint32_t row, std::uint16_t col, std::string_view text,
                       xlsx_style style) {
  check_row(row);
  if (text.empty()) return;
  const std::string owned(text);
  check(worksheet_write_string(sheet_, row, col, owned.c_str(), format_of(style)), row, col);
}

void xlsx_writer::number(std::uint32_t row, std::uint16_t col, double v, xlsx_style style) {
  check_row(row);
  check(worksheet_write_number(sheet_, row, col, v, format_of(style)), row, col);
}

void xlsx_writer::money(std::uint32_t row, std::uint16_t col, std::int64_t fen, bool wan) {
  if (!holds_exactly(fen, wan))
    throw_error<error>("cannot write " + shown_.string() + ": sheet " + sheet_name_ + " cell " +
                       cell_name(row, col) + ": the amount of " + std::to_string(fen) +
                       " fen is too large for a spreadsheet number to hold to the fen; use "
                       "CSV or JSON for it");
  number(row, col, static_cast<double>(fen) / (wan ? 1000000.0 : 100.0),
         wan ? xlsx_style::wan : xlsx_style::yuan);
}

bool holds_exactly(std::int64_t fen, bool wan) {
  if (fen > max_exact_fen || fen < -max_exact_fen) return false;
  const double scale = wan ? 1000000.0 : 100.0;
  // The cell holds what libxlsxwriter prints (%.16G); it must read back as this fen.
  char printed[40];
  std::snprintf(printed, sizeof printed, "%.16G", static_cast<double>(fen) / scale);
  return std::llround(std::strtod(printed, nullptr) * scale) == fen;
}

void xlsx_writer::finish(std::ostream& out) {
  const lxw_error status = workbook_close(book_);
  book_ = nullptr;
  if (status != LXW_NO_ERROR)
    throw_error<io_error>("cannot write " + shown_.string() + ": " + lxw_strerror(status));
  std::ifstream in(temp_, std::ios::binary);
  if (!in || !(out << in.rdbuf()))
    throw_error<io_error>("cannot write " + shown_.string() +
                          ": the finished workbook "
                          "could not be copied from its temporary file");
}

double column_width(const std::vector<std::string>& texts) {
  std::size_t widest = 4;
  for (const std::string& t : texts) widest = std::max(widest, display_width(t));
  return std::min<double>(static_cast<double>(widest) + 2.0, 60.0);
}

std::string cell_name(std::uint32_t row, std::uint32_t col) {
  std::string letters;
  for (std::uint32_t c = col + 1; c > 0; c = (c - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + std::to_string(row + 1);
}

}  // namespace aidstat::detail
