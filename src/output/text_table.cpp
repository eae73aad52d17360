#include "output/text_table.hpp"

#include <algorithm>

#include "aidstat/text_width.hpp"
#include "core/printable.hpp"

namespace aidstat::detail {

namespace {

// A row with every cell printable: control characters from the data (an ESC sequence
// that would retitle a terminal, a line break that would split the row) as \xNN.
std::vector<std::string> printable_row(const std::vector<std::string>& row) {
  std::vector<std::string> out;
  out.reserve(row.size());
  for (const std::string& cell : row) out.push_back(printable(cell));
  return out;
}

// A Markdown cell: printable, and HTML's <, > and & as entities, so that text from the
// data never becomes markup; a '|' escaped, so that it never ends the cell.
std::string markdown_cell(const std::string& s) {
  std::string o;
  for (char c : printable(s)) {
    switch (c) {
      case '|':
        o += "\\|";
        break;
      case '<':
        o += "&lt;";
        break;
      case '>':
        o += "&gt;";
        break;
      case '&':
        o += "&amp;";
        break;
      default:
        o += c;
    }
  }
  return o;
}

}  // namespace

void text_table::write_aligned(std::ostream& out) const {
  text_table shown;
  shown.header = printable_row(header);
  shown.right = right;
  for (const auto& r : rows) shown.rows.push_back(printable_row(r));
  shown.total = printable_row(total);
  shown.write_aligned_as_is(out);
}

void text_table::write_aligned_as_is(std::ostream& out) const {
  std::vector<std::size_t> width(header.size(), 0);
  const auto widen = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size() && i < width.size(); ++i)
      width[i] = std::max(width[i], display_width(row[i]));
  };
  widen(header);
  for (const auto& r : rows) widen(r);
  widen(total);
  const auto line = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < width.size(); ++i)
      out << (i ? "  " : "") << pad_to_width(i < row.size() ? row[i] : "", width[i], right[i]);
    out << '\n';
  };
  const auto rule = [&] {
    for (std::size_t i = 0; i < width.size(); ++i)
      out << (i ? "  " : "") << std::string(width[i], '-');
    out << '\n';
  };
  line(header);
  rule();
  for (const auto& r : rows) line(r);
  if (!total.empty()) {
    rule();
    line(total);
  }
}

void text_table::write_markdown(std::ostream& out) const {
  const auto line = [&](const std::vector<std::string>& row) {
    out << '|';
    for (std::size_t i = 0; i < header.size(); ++i)
      out << ' ' << markdown_cell(i < row.size() ? row[i] : "") << " |";
    out << '\n';
  };
  line(header);
  out << '|';
  for (bool r : right) out << (r ? " ---: |" : " --- |");
  out << '\n';
  for (const auto& r : rows) line(r);
  if (!total.empty()) line(total);
}

}  // namespace aidstat::detail
