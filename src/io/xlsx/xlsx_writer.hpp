// Writing .xlsx workbooks through libxlsxwriter, for the results (output/render) and the
// dataset export. Internal. The workbook is built in a private temporary file, with a
// fixed creation time so that the same content gives the same bytes, and then copied
// into the destination's atomic write: a fault leaves the old file whole.
#pragma once

#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace aidstat::detail {

/// The largest number of whole fen a spreadsheet cell holds exactly, in yuan or in
/// 万元: 2^53, the doubles' exact integers.
inline constexpr std::int64_t max_exact_fen = std::int64_t{1} << 53;

/// True when `fen` written as a number in yuan (or 万元 when `wan`) reads back as `fen`:
/// within max_exact_fen, and through the 16 digits the number is written with.
bool holds_exactly(std::int64_t fen, bool wan);

/// The number formats cells are written in.
enum class xlsx_style : std::uint8_t {
  text,     ///< text as it is
  header,   ///< a heading: bold
  integer,  ///< a whole number: 0
  yuan,     ///< an amount in yuan: #,##0.00
  wan,      ///< an amount in 万元 (six decimals hold every fen)
  percent,  ///< a fraction shown as a percentage: 0.00%
  day,      ///< a date cell: yyyy-mm-dd
  month,    ///< a date cell showing year and month: yyyy-mm
  year,     ///< a date cell showing the year: yyyy
};

/// One workbook being written; sheets are written row by row, in order.
class xlsx_writer {
 public:
  /// A workbook in a new temporary file; `shown` names the destination in errors.
  explicit xlsx_writer(std::filesystem::path shown);
  ~xlsx_writer();
  xlsx_writer(const xlsx_writer&) = delete;
  xlsx_writer& operator=(const xlsx_writer&) = delete;

  /// Starts sheet `name` with columns `widths` wide (in characters) and the first
  /// `header_rows` rows frozen; the rows are written after it.
  void add_sheet(const std::string& name, const std::vector<double>& widths,
                 std::uint32_t header_rows);
  /// Writes `text` at (row, col) of the current sheet, 0-based.
  void text(std::uint32_t row, std::uint16_t col, std::string_view text,
            xlsx_style style = xlsx_style::text);
  /// Writes the number `v` at (row, col).
  void number(std::uint32_t row, std::uint16_t col, double v, xlsx_style style);
  /// Writes an amount of `fen` as yuan (or 万元 when `wan`); throws error when it is
  /// beyond max_exact_fen, so that no amount is ever written rounded.
  void money(std::uint32_t row, std::uint16_t col, std::int64_t fen, bool wan);
  /// Closes the workbook and writes its bytes to `out`; throws io_error when
  /// libxlsxwriter cannot finish it.
  void finish(std::ostream& out);

 private:
  void check(int lxw_status, std::uint32_t row, std::uint16_t col);
  void check_row(std::uint32_t row) const;
  lxw_format* format_of(xlsx_style s);

  std::filesystem::path shown_;
  std::filesystem::path temp_;
  lxw_workbook* book_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  std::string sheet_name_;
  std::vector<lxw_format*> formats_;
};

/// The width, in characters, of a column showing `texts` (CJK characters count two),
/// with a margin, at most 60.
double column_width(const std::vector<std::string>& texts);

/// "A1" for 0-based (row, col).
std::string cell_name(std::uint32_t row, std::uint32_t col);

}  // namespace aidstat::detail
