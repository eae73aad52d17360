#include "aidstat/analysis_output.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "aidstat/totals_output.hpp"
#include "io/csv_writer.hpp"
#include "output/text_table.hpp"

namespace aidstat {
namespace {

using json = nlohmann::ordered_json;

using detail::write_csv_rows;

std::string fixed2(double v) { return fmt::format("{:.2f}", v); }
std::string opt_fixed2(const std::optional<double>& v) { return v ? fixed2(*v) : ""; }
std::string percent(const std::optional<double>& share) {
  return share ? fmt::format("{:.1f}%", *share * 100.0) : "";
}
json yuan_pair(money_interval m) {
  return {{"min", format_yuan_decimal(m.min())}, {"max", format_yuan_decimal(m.max())}};
}
json opt_number(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

// Human tables and Markdown share one builder per result; CSV and JSON are separate.
void write_human(std::ostream& out, const detail::text_table& t, output_format f) {
  if (f == output_format::md)
    t.write_markdown(out);
  else
    t.write_aligned(out);
}

std::vector<std::string> key_cells(const std::vector<std::string>& key,
                                   const std::vector<std::string>& labels) {
  std::vector<std::string> cells;
  for (std::size_t i = 0; i < key.size(); ++i) cells.push_back(detail::key_cell(key[i], labels[i]));
  return cells;
}

json key_object(const std::vector<dimension>& by, const std::vector<std::string>& key) {
  json k = json::object();
  for (std::size_t i = 0; i < key.size(); ++i) k[by[i].name()] = key[i];
  return k;
}

}  // namespace

void write_yoy(std::ostream& out, const yoy_result& r, output_format f, money_unit unit) {
  if (f == output_format::csv) {
    std::vector<std::vector<std::string>> rows(1);
    for (const auto& d : r.by) rows[0].push_back(d.name());
    for (const char* h : {"base_min", "base_max", "current_min", "current_max", "delta_min",
                          "delta_max", "pct_change", "status"})
      rows[0].push_back(h);
    for (const auto& g : r.groups) {
      std::vector<std::string> row = g.key;
      for (money m : {g.base.amount.min(), g.base.amount.max(), g.current.amount.min(),
                      g.current.amount.max(), g.delta.min(), g.delta.max()})
        row.push_back(format_yuan_decimal(m));
      row.push_back(g.pct_change_text());
      row.push_back(std::string(status_name(g.status)));
      rows.push_back(std::move(row));
    }
    return write_csv_rows(out, rows);
  }
  if (f == output_format::json) {
    json doc;
    doc["by"] = json::array();
    for (const auto& d : r.by) doc["by"].push_back(d.name());
    doc["base_year"] = r.base_year;
    doc["current_year"] = r.current_year;
    doc["prices_of"] = r.prices_of ? json(*r.prices_of) : json(nullptr);
    doc["groups"] = json::array();
    for (const auto& g : r.groups) {
      json j;
      j["key"] = key_object(r.by, g.key);
      j["base"] = yuan_pair(g.base.amount);
      j["current"] = yuan_pair(g.current.amount);
      j["delta"] = yuan_pair(g.delta);
      j["pct_change"] = g.pct_change_hundredths
                            ? json(static_cast<double>(*g.pct_change_hundredths) / 100.0)
                            : json(nullptr);
      j["status"] = std::string(status_name(g.status));
      j["base_records"] = g.base.records;
      j["current_records"] = g.current.records;
      j["base_share"] = opt_number(g.base_share);
      j["current_share"] = opt_number(g.current_share);
      j["share_change_pp"] = opt_number(g.share_change_pp);
      j["base_headcount"] = g.base.headcount();
      j["current_headcount"] = g.current.headcount();
      j["per_head_change"] = opt_number(g.per_head_change);
      doc["groups"].push_back(std::move(j));
    }
    doc["base_total"] = yuan_pair(r.base_total.amount);
    doc["current_total"] = yuan_pair(r.current_total.amount);
    out << doc.dump(2) << '\n';
    return;
  }
  detail::text_table t;
  for (const auto& d : r.by) t.column(d.name(), false);
  const std::string b = std::to_string(r.base_year), c = std::to_string(r.current_year);
  for (const std::string& h :
       {b, c, std::string("change"), std::string("%"), std::string("status"), "share " + b,
        "share " + c, std::string("Δ share (pp)"), std::string("Δ per head")})
    t.column(h, h != "status");
  const auto figures = [&](const aggregate& base, const aggregate& cur,
                           std::vector<std::string>& row) {
    row.push_back(base.amount_records ? format_money(base.amount, unit) : "");
    row.push_back(cur.amount_records ? format_money(cur.amount, unit) : "");
    const bool any = base.amount_records || cur.amount_records;
    row.push_back(any ? format_money(cur.amount - base.amount, unit) : "");
  };
  for (const auto& g : r.groups) {
    std::vector<std::string> row = key_cells(g.key, g.labels);
    figures(g.base, g.current, row);
    row.push_back(g.pct_change_text());
    row.push_back(std::string(status_name(g.status)));
    row.push_back(percent(g.base_share));
    row.push_back(percent(g.current_share));
    row.push_back(g.share_change_pp ? fmt::format("{:+.1f}", *g.share_change_pp) : "");
    row.push_back(g.per_head_change ? fmt::format("{:+.2f}元", *g.per_head_change) : "");
    t.rows.push_back(std::move(row));
  }
  t.total.assign(r.by.size(), "");
  if (!r.by.empty()) t.total[0] = "total";
  figures(r.base_total, r.current_total, t.total);
  const auto pct = pct_change_hundredths(r.base_total.amount, r.current_total.amount);
  yoy_group total_row;
  total_row.pct_change_hundredths = pct;
  t.total.push_back(total_row.pct_change_text());
  if (r.prices_of) out << "amounts in " << *r.prices_of << " prices\n";
  write_human(out, t, f);
}

void write_trend(std::ostream& out, const trend_result& r, output_format f, money_unit unit) {
  if (f == output_format::csv) {
    std::vector<std::vector<std::string>> rows(1);
    for (const auto& d : r.by) rows[0].push_back(d.name());
    for (int y = r.from_year; y <= r.to_year; ++y) {
      rows[0].push_back(std::to_string(y) + "_min");
      rows[0].push_back(std::to_string(y) + "_max");
    }
    for (const std::string& h :
         {std::string("cagr_pct"), std::string("slope_per_year"),
          "projection_" + std::to_string(r.to_year + 1), std::string("residual_se")})
      rows[0].push_back(h);
    const auto add = [&](const trend_group& g, std::vector<std::string> row) {
      for (const auto& a : g.years) {
        row.push_back(format_yuan_decimal(a.amount.min()));
        row.push_back(format_yuan_decimal(a.amount.max()));
      }
      row.push_back(g.cagr ? fixed2(*g.cagr * 100.0) : "");
      row.push_back(fixed2(g.fit.slope));
      row.push_back(fixed2(g.fit.projection));
      row.push_back(opt_fixed2(g.fit.residual_se));
      rows.push_back(std::move(row));
    };
    for (const auto& g : r.groups) add(g, g.key);
    return write_csv_rows(out, rows);
  }
  if (f == output_format::json) {
    json doc;
    doc["by"] = json::array();
    for (const auto& d : r.by) doc["by"].push_back(d.name());
    doc["years"] = json::array();
    for (int y = r.from_year; y <= r.to_year; ++y) doc["years"].push_back(y);
    doc["prices_of"] = r.prices_of ? json(*r.prices_of) : json(nullptr);
    const auto group = [&](const trend_group& g) {
      json j;
      j["key"] = key_object(r.by, g.key);
      j["amounts"] = json::array();
      for (const auto& a : g.years) j["amounts"].push_back(yuan_pair(a.amount));
      j["records"] = json::array();
      for (const auto& a : g.years) j["records"].push_back(a.records);
      j["cagr"] = opt_number(g.cagr);
      j["slope_per_year"] = g.fit.slope;
      j["projection"] = g.fit.projection;
      j["residual_se"] = opt_number(g.fit.residual_se);
      return j;
    };
    doc["groups"] = json::array();
    for (const auto& g : r.groups) doc["groups"].push_back(group(g));
    doc["total"] = group(r.total);
    out << doc.dump(2) << '\n';
    return;
  }
  detail::text_table t;
  for (const auto& d : r.by) t.column(d.name(), false);
  for (int y = r.from_year; y <= r.to_year; ++y) t.column(std::to_string(y), true);
  t.column("CAGR", true);
  t.column("trend/yr", true);
  t.column(std::to_string(r.to_year + 1) + " (proj.)", true);
  t.column("± se", true);
  const money_interval zero;
  const auto add = [&](const trend_group& g, std::vector<std::string> row) {
    for (const auto& a : g.years) row.push_back(format_money(a.records ? a.amount : zero, unit));
    row.push_back(g.cagr ? fmt::format("{:.1f}%", *g.cagr * 100.0) : "");
    const double scale = unit == money_unit::wan ? 10000.0 : 1.0;
    const char* suffix = unit == money_unit::wan ? "万元" : "元";
    row.push_back(fmt::format("{:+.2f}{}", g.fit.slope / scale, suffix));
    row.push_back(fmt::format("{:.2f}{}", g.fit.projection / scale, suffix));
    row.push_back(g.fit.residual_se ? fmt::format("{:.2f}{}", *g.fit.residual_se / scale, suffix)
                                    : "");
    return row;
  };
  if (r.by.empty()) {
    t.rows.push_back(add(r.total, {}));  // no groups: the series of all records
  } else {
    for (const auto& g : r.groups) t.rows.push_back(add(g, key_cells(g.key, g.labels)));
    std::vector<std::string> total(r.by.size(), "");
    total[0] = "total";
    t.total = add(r.total, total);
  }
  if (r.prices_of) out << "amounts in " << *r.prices_of << " prices\n";
  write_human(out, t, f);
}

namespace {
std::string pivot_cell(std::int64_t lo, std::int64_t hi, pivot_measure m, money_unit unit) {
  if (lo == 0 && hi == 0) return "";  // an empty cell reads better blank
  if (m != pivot_measure::amount) return std::to_string(lo);
  return format_money(money_interval(money{lo}, money{hi}), unit);
}
std::string measure_name(pivot_measure m) {
  return m == pivot_measure::amount    ? "amount"
         : m == pivot_measure::records ? "records"
                                       : "headcount";
}
}  // namespace

void write_pivot(std::ostream& out, const pivot_result& r, output_format f, money_unit unit) {
  const pivot_measure m = r.query.measure;
  const auto rows_n = static_cast<Eigen::Index>(r.row_keys.size());
  const auto cols_n = static_cast<Eigen::Index>(r.col_keys.size());
  if (f == output_format::csv) {
    std::vector<std::vector<std::string>> rows(1);
    rows[0].push_back(r.query.rows.name());
    const bool pair = m == pivot_measure::amount;
    const auto cells = [&](std::vector<std::string>& row, std::int64_t lo, std::int64_t hi) {
      if (pair) {
        row.push_back(format_yuan_decimal(money{lo}));
        row.push_back(format_yuan_decimal(money{hi}));
      } else {
        row.push_back(std::to_string(lo));
      }
    };
    for (const auto& c : r.col_keys) {
      if (pair) {
        rows[0].push_back(c + "_min");
        rows[0].push_back(c + "_max");
      } else {
        rows[0].push_back(c);
      }
    }
    if (pair) {
      rows[0].push_back("total_min");
      rows[0].push_back("total_max");
    } else {
      rows[0].push_back("total");
    }
    for (Eigen::Index i = 0; i < rows_n; ++i) {
      std::vector<std::string> row{r.row_keys[static_cast<std::size_t>(i)]};
      for (Eigen::Index j = 0; j < cols_n; ++j) cells(row, r.min(i, j), r.max(i, j));
      const auto [lo, hi] = pivot_value(r.row_totals[static_cast<std::size_t>(i)], m);
      cells(row, lo, hi);
      rows.push_back(std::move(row));
    }
    std::vector<std::string> total{"total"};
    for (const auto& a : r.col_totals) {
      const auto [lo, hi] = pivot_value(a, m);
      cells(total, lo, hi);
    }
    const auto [lo, hi] = pivot_value(r.grand, m);
    cells(total, lo, hi);
    rows.push_back(std::move(total));
    return write_csv_rows(out, rows);
  }
  if (f == output_format::json) {
    json doc;
    doc["rows"] = r.query.rows.name();
    doc["cols"] = r.query.cols.name();
    doc["measure"] = measure_name(m);
    doc["row_keys"] = r.row_keys;
    doc["col_keys"] = r.col_keys;
    const auto value = [&](std::int64_t lo, std::int64_t hi) {
      return m == pivot_measure::amount ? yuan_pair(money_interval(money{lo}, money{hi}))
                                        : json(lo);
    };
    doc["cells"] = json::array();
    for (Eigen::Index i = 0; i < rows_n; ++i) {
      json row = json::array();
      for (Eigen::Index j = 0; j < cols_n; ++j) row.push_back(value(r.min(i, j), r.max(i, j)));
      doc["cells"].push_back(std::move(row));
    }
    const auto totals_of = [&](const std::vector<aggregate>& v) {
      json a = json::array();
      for (const auto& x : v) {
        const auto [lo, hi] = pivot_value(x, m);
        a.push_back(value(lo, hi));
      }
      return a;
    };
    doc["row_totals"] = totals_of(r.row_totals);
    doc["col_totals"] = totals_of(r.col_totals);
    const auto [lo, hi] = pivot_value(r.grand, m);
    doc["total"] = value(lo, hi);
    out << doc.dump(2) << '\n';
    return;
  }
  detail::text_table t;
  t.column(r.query.rows.name() + " \\ " + r.query.cols.name(), false);
  for (std::size_t j = 0; j < r.col_keys.size(); ++j)
    t.column(detail::key_cell(r.col_keys[j], r.col_labels[j]), true);
  t.column("total", true);
  for (Eigen::Index i = 0; i < rows_n; ++i) {
    const auto at = static_cast<std::size_t>(i);
    std::vector<std::string> row{detail::key_cell(r.row_keys[at], r.row_labels[at])};
    for (Eigen::Index j = 0; j < cols_n; ++j)
      row.push_back(pivot_cell(r.min(i, j), r.max(i, j), m, unit));
    const auto [lo, hi] = pivot_value(r.row_totals[at], m);
    row.push_back(pivot_cell(lo, hi, m, unit));
    t.rows.push_back(std::move(row));
  }
  t.total.push_back("total");
  for (const auto& a : r.col_totals) {
    const auto [lo, hi] = pivot_value(a, m);
    t.total.push_back(pivot_cell(lo, hi, m, unit));
  }
  const auto [lo, hi] = pivot_value(r.grand, m);
  t.total.push_back(pivot_cell(lo, hi, m, unit));
  write_human(out, t, f);
}

void write_progress(std::ostream& out, const progress_result& r, output_format f, money_unit unit) {
  const auto rate = [](const progress_group& g) {
    const auto v = g.completion_rate();
    return v ? fmt::format("{:.1f}", *v * 100.0) : std::string();
  };
  if (f == output_format::csv) {
    std::vector<std::vector<std::string>> rows(1);
    for (auto d : r.by) rows[0].emplace_back(name_of(d));
    for (const char* h : {"planned", "in_progress", "done", "dropped", "total", "completion_pct",
                          "target_min", "target_max", "recorded_min", "recorded_max"})
      rows[0].push_back(h);
    const auto add = [&](const progress_group& g, std::vector<std::string> row) {
      for (std::int64_t v : {g.planned, g.in_progress, g.done, g.dropped, g.total()})
        row.push_back(std::to_string(v));
      row.push_back(rate(g));
      if (g.targeted) {
        for (money v : {g.target.min(), g.target.max(), g.recorded.min(), g.recorded.max()})
          row.push_back(format_yuan_decimal(v));
      } else {
        row.insert(row.end(), 4, "");
      }
      rows.push_back(std::move(row));
    };
    for (const auto& g : r.groups) add(g, g.key);
    return write_csv_rows(out, rows);
  }
  if (f == output_format::json) {
    const auto group = [&](const progress_group& g) {
      json j;
      j["key"] = json::object();
      for (std::size_t i = 0; i < g.key.size(); ++i)
        j["key"][std::string(name_of(r.by[i]))] = g.key[i];
      j["planned"] = g.planned;
      j["in_progress"] = g.in_progress;
      j["done"] = g.done;
      j["dropped"] = g.dropped;
      j["total"] = g.total();
      j["completion_rate"] = opt_number(g.completion_rate());
      j["target"] = g.targeted ? yuan_pair(g.target) : json(nullptr);
      j["recorded"] = g.targeted ? yuan_pair(g.recorded) : json(nullptr);
      return j;
    };
    json doc;
    doc["groups"] = json::array();
    for (const auto& g : r.groups) doc["groups"].push_back(group(g));
    doc["overall"] = group(r.overall);
    out << doc.dump(2) << '\n';
    return;
  }
  detail::text_table t;
  for (auto d : r.by) t.column(std::string(name_of(d)), false);
  for (const char* h :
       {"planned", "in progress", "done", "dropped", "completion", "target", "recorded"})
    t.column(h, true);
  const auto add = [&](const progress_group& g, std::vector<std::string> row) {
    for (std::int64_t v : {g.planned, g.in_progress, g.done, g.dropped})
      row.push_back(std::to_string(v));
    row.push_back(g.total() ? fmt::format("{}/{} = {}%", g.done, g.total(), rate(g)) : "");
    row.push_back(g.targeted ? format_money(g.target, unit) : "");
    row.push_back(g.targeted ? format_money(g.recorded, unit) : "");
    return row;
  };
  if (r.by.empty()) {
    t.rows.push_back(add(r.overall, {}));  // no groups: the overall row alone
  } else {
    for (const auto& g : r.groups) t.rows.push_back(add(g, key_cells(g.key, g.labels)));
    std::vector<std::string> total(r.by.size(), "");
    total[0] = "total";
    t.total = add(r.overall, total);
  }
  write_human(out, t, f);
}

}  // namespace aidstat
