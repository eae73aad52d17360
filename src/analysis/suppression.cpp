// Choosing secondary cells: close every total that would give a lone suppressed cell
// away, then add the smallest cell beside any primary cell the audit narrows too far.
#include "analysis/suppression.hpp"

#include <algorithm>

namespace aidstat::detail {
namespace {

bool hidden(const std::vector<suppression>& status, std::size_t c) {
  return status[c] != suppression::none;
}

// Of `candidates`, the one to suppress: a cell with records before a total, then the
// smallest; SIZE_MAX when none can be chosen.
std::size_t cheapest(const table_to_protect& t, const std::vector<suppression>& status,
                     const std::vector<char>& candidate) {
  for (const bool totals : {false, true})
    for (std::size_t c : t.by_size)
      if (candidate[c] && !hidden(status, c) && !t.empty[c] && t.is_total[c] == totals) return c;
  return SIZE_MAX;
}

// The cells that share a total with cell c (c among them).
std::vector<char> neighbours(const table_to_protect& t, std::size_t c) {
  std::vector<char> out(t.is_total.size(), 0);
  for (const table_total& total : t.measures.front().totals) {
    const bool in = total.total == c ||
                    std::find(total.parts.begin(), total.parts.end(), c) != total.parts.end();
    if (!in) continue;
    out[total.total] = 1;
    for (std::size_t p : total.parts) out[p] = 1;
  }
  return out;
}

// Suppresses, for every total with exactly one suppressed member, its cheapest other
// member; repeats until no total has a lone one.
void close_totals(const table_to_protect& t, std::vector<suppression>& status) {
  for (bool changed = true; changed;) {
    changed = false;
    for (const table_total& total : t.measures.front().totals) {
      std::vector<char> members(status.size(), 0);
      members[total.total] = 1;
      for (std::size_t p : total.parts) members[p] = 1;
      std::size_t lone = 0;
      for (std::size_t c = 0; c < status.size(); ++c) lone += members[c] && hidden(status, c);
      if (lone != 1) continue;
      if (const std::size_t c = cheapest(t, status, members); c != SIZE_MAX) {
        status[c] = suppression::secondary;
        changed = true;
      }
    }
  }
}

// A primary cell that a measure narrows too far.
struct exposure {
  std::size_t cell = SIZE_MAX;
  std::size_t measure = 0;
};

// The first primary cell some measure narrows too far; cell SIZE_MAX when none.
exposure first_exposed(const table_to_protect& t, const std::vector<suppression>& status) {
  std::vector<std::size_t> primaries;
  for (std::size_t c = 0; c < status.size(); ++c)
    if (status[c] == suppression::primary) primaries.push_back(c);
  for (std::size_t m = 0; m < t.measures.size(); ++m) {
    const measure_table& table = t.measures[m];
    for (const feasible_range& r : feasible_ranges(publish(table, status), primaries))
      if (!protects(r, *table.cells[r.cell])) return {r.cell, m};
  }
  return {};
}

// The cell to suppress beside exposed cell e: of the cells sharing a total with it,
// the smallest that holds at least half e's value of the measure that exposes it
// (one such cell is usually enough), else the one holding the most of it.
std::size_t complement(const table_to_protect& t, const std::vector<suppression>& status,
                       exposure e) {
  const auto& values = t.measures[e.measure].cells;
  const std::int64_t half = *values[e.cell] / 2;
  const std::vector<char> near = neighbours(t, e.cell);
  std::vector<char> enough(near.size(), 0);
  for (std::size_t c = 0; c < near.size(); ++c) enough[c] = near[c] && *values[c] >= half;
  if (const std::size_t c = cheapest(t, status, enough); c != SIZE_MAX) return c;
  std::size_t best = SIZE_MAX;
  for (const bool totals : {false, true}) {
    for (std::size_t c = 0; c < near.size(); ++c) {
      if (!near[c] || hidden(status, c) || t.empty[c] || t.is_total[c] != totals) continue;
      if (best == SIZE_MAX || *values[c] > *values[best]) best = c;
    }
    if (best != SIZE_MAX) return best;
  }
  return SIZE_MAX;
}

}  // namespace

published_table publish(const measure_table& m, const std::vector<suppression>& status) {
  published_table out = m;
  for (std::size_t c = 0; c < status.size(); ++c)
    if (hidden(status, c)) out.cells[c].reset();
  return out;
}

void add_secondary(const table_to_protect& t, std::vector<suppression>& status) {
  if (std::none_of(status.begin(), status.end(),
                   [](suppression s) { return s == suppression::primary; }))
    return;
  for (;;) {
    close_totals(t, status);
    const exposure e = first_exposed(t, status);
    if (e.cell == SIZE_MAX) return;
    std::size_t c = complement(t, status, e);
    if (c == SIZE_MAX) {
      // Nothing beside it is left: widen to the cells beside any suppressed one.
      std::vector<char> near(status.size(), 0);
      for (std::size_t s = 0; s < status.size(); ++s) {
        if (!hidden(status, s)) continue;
        const auto n = neighbours(t, s);
        for (std::size_t i = 0; i < n.size(); ++i) near[i] |= n[i];
      }
      c = cheapest(t, status, near);
    }
    if (c == SIZE_MAX) return;  // every cell that could be chosen is suppressed
    status[c] = suppression::secondary;
  }
}

std::vector<disclosure_failure> failures(const table_to_protect& t,
                                         const std::vector<suppression>& status) {
  std::vector<disclosure_failure> out;
  std::vector<std::size_t> primaries;
  for (std::size_t c = 0; c < status.size(); ++c)
    if (status[c] == suppression::primary) primaries.push_back(c);
  for (const measure_table& m : t.measures) {
    for (const feasible_range& r : feasible_ranges(publish(m, status), primaries)) {
      const std::int64_t v = *m.cells[r.cell];
      if (!protects(r, v)) out.push_back({m.measure, m.names[r.cell], v, r});
    }
  }
  return out;
}

}  // namespace aidstat::detail
