#include "output/text_table.hpp"

#include <algorithm>

#include "aidstat/text_width.hpp"

namespace aidstat::detail {

void text_table::write_aligned(std::ostream& out) const {
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
  const auto cell = [](const std::string& s) {
    std::string o;
    for (char c : s) {
      if (c == '|') o += '\\';
      o += c == '\n' ? ' ' : c;
    }
    return o;
  };
  const auto line = [&](const std::vector<std::string>& row) {
    out << '|';
    for (std::size_t i = 0; i < header.size(); ++i)
      out << ' ' << cell(i < row.size() ? row[i] : "") << " |";
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
