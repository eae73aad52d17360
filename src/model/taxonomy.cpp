#include "aidstat/taxonomy.hpp"

#include <algorithm>

#include "aidstat/error.hpp"

namespace aidstat {

taxonomy taxonomy::standard() {
  static constexpr struct {
    const char *key, *zh, *en;
  } rows[] = {
      {"condolence", "慰问", "Condolence visits"},
      {"pension_subsidy", "抚恤优待", "Pensions and preferential treatment"},
      {"charity_relief", "慈善救助", "Charity relief"},
      {"education", "子女教育", "Children's education"},
      {"medical", "医疗卫生", "Medical care"},
      {"skills_training", "科技智力", "Skills and technology"},
      {"infrastructure", "基础设施", "Infrastructure"},
      {"culture", "文化", "Culture"},
      {"legal_aid", "法律", "Legal aid"},
      {"publicity", "宣传", "Publicity"},
      {"defense_education", "国防教育", "National defense education"},
      {"employment", "就业安置", "Employment and resettlement"},
      {"other", "其他", "Other"},
  };
  taxonomy t;
  for (const auto& r : rows) t.add(category{r.key, r.zh, r.en, ""});
  return t;
}

std::uint32_t taxonomy::add(category c) {
  if (c.key.empty()) detail::throw_error<data_error>("a category needs a key");
  if (index_.contains(c.key))
    detail::throw_error<data_error>("category '" + c.key + "' is defined twice");
  const auto index = static_cast<std::uint32_t>(categories_.size());
  std::uint32_t parent = index;
  if (!c.parent.empty()) {
    const auto p = find(c.parent);
    if (!p)
      detail::throw_error<data_error>("category '" + c.key + "' names parent '" + c.parent +
                                      "', which is not defined");
    parent = *p;
  }
  index_.emplace(c.key, index);
  categories_.push_back(std::move(c));
  parents_.push_back(parent);
  return index;
}

std::optional<std::uint32_t> taxonomy::find(std::string_view key) const {
  const auto it = index_.find(std::string(key));
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

namespace {
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}
}  // namespace

std::string taxonomy::did_you_mean(std::string_view text, std::string_view otherwise) const {
  const auto near = closest_key(text);
  return near ? "; did you mean '" + *near + "'?" : std::string(otherwise);
}

std::optional<std::string> taxonomy::closest_key(std::string_view text) const {
  std::optional<std::string> best;
  std::size_t best_distance = SIZE_MAX;
  for (const auto& c : categories_) {
    if (!c.name_zh.empty() && c.name_zh == text) return c.key;
    if (text.size() > 64 || c.key.size() > 64) continue;  // keep the cost bounded
    const std::size_t d = edit_distance(text, c.key);
    if (d < best_distance) {
      best_distance = d;
      best = c.key;
    }
  }
  // Only suggest keys within about half of their length.
  if (best && best_distance * 2 <= std::max<std::size_t>(best->size(), 4)) return best;
  return std::nullopt;
}

}  // namespace aidstat
