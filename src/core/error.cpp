#include "aidstat/error.hpp"

#include "core/printable.hpp"

namespace aidstat {

error::error(const std::string& what) : std::runtime_error(detail::printable_message(what)) {}

std::string problem::to_string() const {
  std::string out;
  if (!where.file.empty()) {
    out += where.file;
    if (where.in_table) {
      if (where.line) out += ", row " + std::to_string(where.line);
      if (!where.field.empty()) out += ", column '" + where.field + "'";
    } else if (!where.cell.empty()) {
      out += ": " + where.cell;  // a workbook's: its row and column are in the cell's name
    } else {
      if (where.line) out += ":" + std::to_string(where.line);
      if (where.line && where.column) out += ":" + std::to_string(where.column);
    }
    out += ": ";
  }
  return detail::printable(out) + detail::printable_line(message);
}

namespace {
std::string join(const std::vector<problem>& ps, bool stopped) {
  std::string out =
      std::to_string(ps.size()) + (ps.size() == 1 ? " problem" : " problems") + " in the data" +
      (stopped ? " (reading stopped there: fix these, then load again to see any more)" : "") + ":";
  constexpr std::size_t shown = 100;  // the full list is in problems()
  for (std::size_t i = 0; i < ps.size() && i < shown; ++i) out += "\n" + ps[i].to_string();
  if (ps.size() > shown) out += "\n... and " + std::to_string(ps.size() - shown) + " more";
  return out;
}
}  // namespace

validation_error::validation_error(std::vector<problem> problems, bool stopped)
    : data_error(join(problems, stopped)), problems_(std::move(problems)), stopped_(stopped) {}

namespace detail {

void rethrow_with_prefix(const std::string& prefix) {
  try {
    throw;
  } catch (const validation_error&) {
    throw;
  } catch (const parse_error& e) {
    throw_error<parse_error>(prefix + e.what());
  } catch (const overflow_error& e) {
    throw_error<overflow_error>(prefix + e.what());
  } catch (const query_error& e) {
    throw_error<query_error>(prefix + e.what());
  } catch (const io_error& e) {
    throw_error<io_error>(prefix + e.what());
  } catch (const memory_error& e) {
    throw_error<memory_error>(prefix + e.what());
  } catch (const data_error& e) {
    throw_error<data_error>(prefix + e.what());
  } catch (const error& e) {
    throw_error<error>(prefix + e.what());
  }
}

}  // namespace detail

}  // namespace aidstat
