// The audit of a published table: the feasible range of every suppressed cell, by
// linear programming with GLPK.
#include <glpk.h>

#include <cmath>
#include <memory>

#include "aidstat/disclosure.hpp"
#include "aidstat/error.hpp"
#include "analysis/suppression.hpp"
#include "core/int128.hpp"

namespace aidstat {
namespace {

using problem_ptr = std::unique_ptr<glp_prob, decltype(&glp_delete_prob)>;

// A bound from the solver as an integer: the nearest one when the solution is one up
// to rounding, else rounded inwards (the values are whole numbers of fen or people).
std::int64_t whole(double v, bool upper) {
  const double r = std::nearbyint(v);
  if (std::fabs(v - r) <= 1e-9 * std::fmax(1.0, std::fabs(v)) + 1e-6)
    return static_cast<std::int64_t>(r);
  return static_cast<std::int64_t>(upper ? std::floor(v) : std::ceil(v));
}

// The linear program of a table: one column per suppressed cell, x >= 0, and one row
// per relation that involves one, the published values moved to the right-hand side.
class table_program {
 public:
  explicit table_program(const published_table& t)
      : t_(t), lp_(glp_create_prob(), glp_delete_prob) {
    column_.assign(t.cells.size(), 0);
    for (std::size_t c = 0; c < t.cells.size(); ++c) {
      if (t.cells[c]) continue;
      column_[c] = glp_add_cols(lp_.get(), 1);
      glp_set_col_bnds(lp_.get(), column_[c], GLP_LO, 0.0, 0.0);
    }
    for (const table_total& total : t.totals) add_total(total);
  }

  // The range of cell c (suppressed).
  feasible_range range_of(std::size_t c) {
    feasible_range r;
    r.cell = c;
    if (glp_get_num_rows(lp_.get()) == 0) return r;  // nothing constrains it
    for (int j = 1; j <= glp_get_num_cols(lp_.get()); ++j) glp_set_obj_coef(lp_.get(), j, 0.0);
    glp_set_obj_coef(lp_.get(), column_[c], 1.0);
    glp_set_obj_dir(lp_.get(), GLP_MIN);
    r.low = whole(solve(), false);
    glp_set_obj_dir(lp_.get(), GLP_MAX);
    if (const double high = solve(); !std::isinf(high)) r.high = whole(high, true);
    return r;
  }

 private:
  // Adds the rows of one relation: sum of parts - total = 0 (sum) or >= 0, and for
  // distinct parts, each part - total <= 0.
  void add_total(const table_total& total) {
    std::vector<int> index{0};
    std::vector<double> coef{0.0};
    double known = 0;  // the published parts minus the published total
    const auto term = [&](std::size_t cell, double sign) {
      if (t_.cells[cell])
        known += sign * static_cast<double>(*t_.cells[cell]);
      else
        index.push_back(column_[cell]), coef.push_back(sign);
    };
    for (std::size_t p : total.parts) term(p, 1.0);
    term(total.total, -1.0);
    add_row(index, coef, total.relation == total_relation::sum ? GLP_FX : GLP_LO, -known);
    if (total.relation != total_relation::distinct) return;
    for (std::size_t p : total.parts) {
      index.assign(1, 0), coef.assign(1, 0.0), known = 0;
      term(p, 1.0);
      term(total.total, -1.0);
      add_row(index, coef, GLP_UP, -known);
    }
  }

  void add_row(const std::vector<int>& index, const std::vector<double>& coef, int type,
               double rhs) {
    if (index.size() == 1) return;  // only published cells
    const int row = glp_add_rows(lp_.get(), 1);
    glp_set_row_bnds(lp_.get(), row, type, rhs, rhs);
    glp_set_mat_row(lp_.get(), row, static_cast<int>(index.size() - 1), index.data(), coef.data());
  }

  // Solves from the last basis; the objective's value, or +/- infinity when unbounded.
  double solve() {
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    if (glp_simplex(lp_.get(), &parm) != 0) {
      glp_adv_basis(lp_.get(), 0);  // a bad basis: start again from a fresh one
      if (glp_simplex(lp_.get(), &parm) != 0)
        detail::throw_error<error>("the linear program of table '" + t_.measure +
                                   "' could not be solved");
    }
    switch (glp_get_status(lp_.get())) {
      case GLP_OPT:
        return glp_get_obj_val(lp_.get());
      case GLP_UNBND:
        return glp_get_obj_dir(lp_.get()) == GLP_MAX ? INFINITY : -INFINITY;
      default:
        detail::throw_error<data_error>("the published " + t_.measure +
                                        " do not add up: no values of the suppressed cells fit "
                                        "the totals");
    }
  }

  const published_table& t_;
  problem_ptr lp_;
  std::vector<int> column_;  // cell -> column (1-based), 0 when published
};

}  // namespace

std::vector<feasible_range> audit(const published_table& t) {
  for (const table_total& total : t.totals) {
    bool in_range = total.total < t.cells.size();
    for (std::size_t p : total.parts) in_range = in_range && p < t.cells.size();
    if (!in_range)
      detail::throw_error<query_error>("a total of table '" + t.measure +
                                       "' names a cell it lacks");
  }
  std::vector<std::size_t> suppressed;
  for (std::size_t c = 0; c < t.cells.size(); ++c)
    if (!t.cells[c]) suppressed.push_back(c);
  return detail::feasible_ranges(t, suppressed);
}

std::vector<feasible_range> detail::feasible_ranges(const published_table& t,
                                                    const std::vector<std::size_t>& cells) {
  table_program program(t);
  std::vector<feasible_range> out;
  for (std::size_t c : cells) out.push_back(program.range_of(c));
  return out;
}

bool protects(const feasible_range& r, std::int64_t value) noexcept {
  // low <= value / 2 and high >= 1.5 value, in whole numbers: no rounding.
  const auto v = static_cast<detail::i128>(value);
  return 2 * static_cast<detail::i128>(r.low) <= v &&
         (!r.high || 2 * static_cast<detail::i128>(*r.high) >= 3 * v);
}

}  // namespace aidstat
