#include "aidstat/error.hpp"

namespace aidstat {

std::string problem::to_string() const {
  std::string out;
  if (!where.file.empty()) {
    out += where.file;
    if (where.line) out += ":" + std::to_string(where.line);
    if (where.line && where.column) out += ":" + std::to_string(where.column);
    out += ": ";
  }
  return out + message;
}

namespace {
std::string join(const std::vector<problem>& ps) {
  std::string out =
      std::to_string(ps.size()) + (ps.size() == 1 ? " problem" : " problems") + " in the data:";
  constexpr std::size_t shown = 100;  // the full list is in problems()
  for (std::size_t i = 0; i < ps.size() && i < shown; ++i) out += "\n" + ps[i].to_string();
  if (ps.size() > shown) out += "\n... and " + std::to_string(ps.size() - shown) + " more";
  return out;
}
}  // namespace

validation_error::validation_error(std::vector<problem> problems)
    : error(join(problems)), problems_(std::move(problems)) {}

}  // namespace aidstat
