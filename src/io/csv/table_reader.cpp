#include "io/csv/table_reader.hpp"

#include <algorithm>
#include <charconv>
#include <tuple>

namespace aidstat::detail {

std::optional<int> parse_year(std::string_view text) noexcept {
  int year = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc{} || end != text.data() + text.size() || year < 1 || year > 9999)
    return std::nullopt;
  return year;
}

void sort_problems(std::vector<problem>& problems, std::size_t first) {
  std::stable_sort(problems.begin() + static_cast<std::ptrdiff_t>(first), problems.end(),
                   [](const problem& a, const problem& b) {
                     return std::tie(a.where.line, a.where.column) <
                            std::tie(b.where.line, b.where.column);
                   });
}

}  // namespace aidstat::detail
