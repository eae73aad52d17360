#include "engine/key_plan.hpp"

#include <map>

#include "aidstat/error.hpp"
#include "model/item_columns.hpp"

namespace aidstat::detail {
namespace {

template <class E>
void enum_texts(key_column& k) {
  const auto& es = enum_vocabulary<E>::entries;
  k.cardinality = static_cast<std::uint32_t>(es.size() + 1);
  k.texts.assign(k.cardinality, "");
  k.labels.assign(k.cardinality, "");
  for (const auto& e : es) {
    k.texts[static_cast<std::size_t>(e.value) + 1] = std::string(e.key);
    k.labels[static_cast<std::size_t>(e.value) + 1] = std::string(e.zh);
  }
}

std::string two_digits(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

// Parents always have smaller indexes than their children (a unit or category can
// only name a parent that is already present), so one pass in index order settles
// each entity from its parent: linear, however deep the tree.

// within[u]: unit u is `root` or below it.
std::vector<char> units_within(const dataset& d, std::uint32_t root) {
  std::vector<char> within(d.unit_count(), 0);
  for (std::uint32_t u = 0; u < within.size(); ++u) {
    const auto p = d.unit_parent(u);
    within[u] = u == root || (p && within[*p]);
  }
  return within;
}

// within[c]: category c is `root` or below it.
std::vector<char> categories_within(const dataset& d, std::uint32_t root) {
  std::vector<char> within(d.categories().size(), 0);
  for (std::uint32_t c = 0; c < within.size(); ++c) {
    const std::uint32_t p = d.categories().parent_of(c);
    within[c] = c == root || (p != c && within[p]);
  }
  return within;
}

// The texts of the unit keys: code 0 for none, then every unit's id and name.
void unit_texts(key_column& k, const dataset& d) {
  const auto units = static_cast<std::uint32_t>(d.unit_count());
  k.cardinality = units + 1;
  k.texts.assign(k.cardinality, "");
  k.labels.assign(k.cardinality, "");
  for (std::uint32_t u = 0; u < units; ++u) {
    k.texts[u + 1] = d.unit_at(u).id;
    k.labels[u + 1] = d.unit_at(u).name;
  }
}

// category and category_parent: each category's key, or its parent's.
void category_keys(key_column& k, const dataset& d) {
  const auto n = static_cast<std::uint32_t>(d.categories().size());
  k.cardinality = n + 1;
  k.texts.assign(k.cardinality, "");
  k.labels.assign(k.cardinality, "");
  k.table.resize(n);
  for (std::uint32_t c = 0; c < n; ++c) {
    k.texts[c + 1] = d.categories().at(c).key;
    const auto& zh = d.categories().at(c).name_zh;
    k.labels[c + 1] = zh.empty() ? k.texts[c + 1] : zh;
    k.table[c] = (k.dim.kind == dimension_kind::category ? c : d.categories().parent_of(c)) + 1;
  }
}

// year, quarter and month: every period of the years min_year..max_year.
void period_keys(key_column& k, int min_year, int max_year) {
  k.base_year = min_year;
  const int years = max_year >= min_year ? max_year - min_year + 1 : 0;
  const int per = k.dim.kind == dimension_kind::year      ? 1
                  : k.dim.kind == dimension_kind::quarter ? 4
                                                          : 12;
  k.cardinality = static_cast<std::uint32_t>(years * per + 1);
  k.texts.assign(k.cardinality, "");
  for (int y = 0; y < years; ++y) {
    for (int p = 1; p <= per; ++p) {
      const std::string year = std::to_string(min_year + y);
      k.texts[static_cast<std::size_t>(y * per + p)] = per == 1   ? year
                                                       : per == 4 ? year + "-Q" + std::to_string(p)
                                                                  : year + "-" + two_digits(p);
    }
  }
  k.labels = k.texts;
}

// provider, recipient and their ancestors at a depth: the unit's own key, or the
// ancestor's at the depth (the unit itself when shallow enough, else its parent's).
void unit_keys(key_column& k, const dataset& d) {
  unit_texts(k, d);
  const auto units = static_cast<std::uint32_t>(d.unit_count());
  const bool at_depth =
      k.dim.kind == dimension_kind::provider_at || k.dim.kind == dimension_kind::recipient_at;
  k.table.resize(units);
  for (std::uint32_t u = 0; u < units; ++u)
    k.table[u] = !at_depth || d.unit_depth(u) <= k.dim.depth ? u + 1 : k.table[*d.unit_parent(u)];
}

// unit_kind and region: a property of the unit.
void unit_property_keys(key_column& k, const dataset& d) {
  const auto units = static_cast<std::uint32_t>(d.unit_count());
  k.table.resize(units);
  if (k.dim.kind == dimension_kind::unit_kind) {
    enum_texts<unit_kind>(k);
    for (std::uint32_t u = 0; u < units; ++u)
      k.table[u] = static_cast<std::uint32_t>(d.unit_at(u).kind) + 1;
    return;
  }
  std::map<std::string, std::uint32_t> regions;
  for (std::uint32_t u = 0; u < units; ++u)
    if (!d.unit_at(u).region.empty()) regions.emplace(d.unit_at(u).region, 0);
  k.texts.assign(1, "");
  for (auto& [name, code] : regions) {
    code = static_cast<std::uint32_t>(k.texts.size());
    k.texts.push_back(name);
  }
  k.labels = k.texts;
  k.cardinality = static_cast<std::uint32_t>(k.texts.size());
  for (std::uint32_t u = 0; u < units; ++u)
    k.table[u] = d.unit_at(u).region.empty() ? 0 : regions.at(d.unit_at(u).region);
}

// beneficiary_kind: the kind of each row's beneficiary.
void beneficiary_kind_keys(key_column& k, const dataset& d) {
  enum_texts<beneficiary_kind>(k);
  const auto n = static_cast<std::uint32_t>(d.beneficiary_count());
  k.table.resize(n);
  for (std::uint32_t b = 0; b < n; ++b)
    k.table[b] = static_cast<std::uint32_t>(d.beneficiary_at(b).kind) + 1;
}

}  // namespace

void key_column::read_rows(const item_columns& c) {
  if (!coded_by_row()) return;
  by_row.assign(c.size(), 0);
  if (dim.kind == dimension_kind::measure) {
    for (std::size_t k = 0; k < c.quantity.rows.size(); ++k)
      by_row[c.quantity.rows[k]] = c.quantity.measures[k];
    return;
  }
  const auto& people = c.beneficiary;
  for (std::size_t i = 0; i < people.rows.size(); ++i)
    by_row[people.rows[i]] = static_cast<std::uint8_t>(table[people.ids[i]]);
}

key_column make_key_column(const dataset& d, dimension dim, int min_year, int max_year,
                           int fiscal_start) {
  key_column k;
  k.dim = dim;
  k.fiscal_start = fiscal_start;
  switch (dim.kind) {
    case dimension_kind::category:
    case dimension_kind::category_parent:
      category_keys(k, d);
      break;
    case dimension_kind::year:
    case dimension_kind::quarter:
    case dimension_kind::month:
      period_keys(k, min_year, max_year);
      break;
    case dimension_kind::provider:
    case dimension_kind::recipient:
    case dimension_kind::provider_at:
    case dimension_kind::recipient_at:
      unit_keys(k, d);
      break;
    case dimension_kind::unit_kind:
    case dimension_kind::region:
      unit_property_keys(k, d);
      break;
    case dimension_kind::beneficiary_kind:
      beneficiary_kind_keys(k, d);
      break;
    case dimension_kind::direction:
      enum_texts<direction>(k);
      break;
    case dimension_kind::form:
      enum_texts<aid_form>(k);
      break;
    case dimension_kind::measure:
      enum_texts<measure>(k);
      break;
  }
  return k;
}

std::vector<char> accepted_codes(const dataset& d, const key_column& col, const condition& c) {
  std::vector<char> ok(col.cardinality, 0);
  const std::string dim = col.dim.name();
  for (const std::string& v : c.values) {
    if (v.empty()) {
      ok[0] = 1;
      continue;
    }
    switch (col.dim.kind) {
      case dimension_kind::provider:
      case dimension_kind::recipient:
      case dimension_kind::provider_at:
      case dimension_kind::recipient_at: {
        const auto root = d.find_unit(v);
        if (!root)
          detail::throw_error<query_error>(dim + "=" + v + ": there is no unit '" + v + "'");
        const auto within = units_within(d, *root);
        for (std::uint32_t code = 1; code < col.cardinality; ++code)
          if (within[code - 1]) ok[code] = 1;
        break;
      }
      case dimension_kind::category:
      case dimension_kind::category_parent: {
        const auto root = d.categories().find(v);
        if (!root) {
          detail::throw_error<query_error>(dim + "=" + v + ": there is no category '" + v + "'" +
                                           d.categories().did_you_mean(v));
        }
        const auto within = categories_within(d, *root);
        for (std::uint32_t code = 1; code < col.cardinality; ++code)
          if (within[code - 1]) ok[code] = 1;
        break;
      }
      default: {
        bool found = false;
        for (std::uint32_t code = 1; code < col.cardinality; ++code) {
          if (col.texts[code] == v) {
            ok[code] = 1;
            found = true;
          }
        }
        const bool open_ended = col.dim.kind == dimension_kind::year ||
                                col.dim.kind == dimension_kind::quarter ||
                                col.dim.kind == dimension_kind::month;
        if (!found && !open_ended) {
          std::string known;
          for (std::uint32_t code = 1; code < col.cardinality; ++code)
            known += (known.empty() ? "" : ", ") + col.texts[code];
          detail::throw_error<query_error>(dim + "=" + v + ": '" + v + "' is not a value of " +
                                           dim + (known.empty() ? "" : "; use " + known));
        }
      }
    }
  }
  return ok;
}

}  // namespace aidstat::detail
