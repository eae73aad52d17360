// write_progress: the completion of commitments as CSV, JSON, an aligned table or Markdown.
#include "output/output_support.hpp"

namespace aidstat {
namespace {

using namespace detail;

std::string completion_pct(const progress_group& g) {
  const auto v = g.completion_rate();
  return v ? fmt::format("{:.1f}", *v * 100.0) : std::string();
}

void write_progress_csv(std::ostream& out, const progress_result& r) {
  std::vector<std::vector<std::string>> rows(1);
  for (auto d : r.by) rows[0].emplace_back(key_of(d));
  for (const char* h : {"planned", "in_progress", "done", "dropped", "total", "completion_pct",
                        "target_min", "target_max", "recorded_min", "recorded_max"})
    rows[0].push_back(h);
  for (const auto& g : r.groups) {
    std::vector<std::string> row = g.key;
    for (std::int64_t v : {g.planned, g.in_progress, g.done, g.dropped, g.total()})
      row.push_back(std::to_string(v));
    row.push_back(completion_pct(g));
    if (g.targeted) {
      for (money v : {g.target.min(), g.target.max(), g.recorded.min(), g.recorded.max()})
        row.push_back(format_yuan_decimal(v));
    } else {
      row.insert(row.end(), 4, "");
    }
    rows.push_back(std::move(row));
  }
  write_csv_rows(out, rows);
}

json progress_group_json(const progress_result& r, const progress_group& g) {
  json j;
  j["key"] = json::object();
  for (std::size_t i = 0; i < g.key.size(); ++i) j["key"][std::string(key_of(r.by[i]))] = g.key[i];
  j["planned"] = g.planned;
  j["in_progress"] = g.in_progress;
  j["done"] = g.done;
  j["dropped"] = g.dropped;
  j["total"] = g.total();
  j["completion_rate"] = opt_number(g.completion_rate());
  j["target"] = g.targeted ? yuan_pair(g.target) : json(nullptr);
  j["recorded"] = g.targeted ? yuan_pair(g.recorded) : json(nullptr);
  return j;
}

void write_progress_json(std::ostream& out, const progress_result& r) {
  json doc;
  doc["groups"] = json::array();
  for (const auto& g : r.groups) doc["groups"].push_back(progress_group_json(r, g));
  doc["overall"] = progress_group_json(r, r.overall);
  out << doc.dump(2) << '\n';
}

// The cells of one group after its key cells `row`.
std::vector<std::string> progress_row(const progress_group& g, std::vector<std::string> row,
                                      money_unit unit) {
  for (std::int64_t v : {g.planned, g.in_progress, g.done, g.dropped})
    row.push_back(std::to_string(v));
  row.push_back(g.total() ? fmt::format("{}/{} = {}%", g.done, g.total(), completion_pct(g)) : "");
  row.push_back(g.targeted ? format_money(g.target, unit) : "");
  row.push_back(g.targeted ? format_money(g.recorded, unit) : "");
  return row;
}

void write_progress_table(std::ostream& out, const progress_result& r, output_format f,
                          money_unit unit) {
  text_table t;
  for (auto d : r.by) t.column(std::string(key_of(d)), false);
  for (const char* h :
       {"planned", "in progress", "done", "dropped", "completion", "target", "recorded"})
    t.column(h, true);
  add_group_rows(t, r.groups, r.overall, r.by.size(),
                 [&](const progress_group& g, std::vector<std::string> cells) {
                   return progress_row(g, std::move(cells), unit);
                 });
  write_human(out, t, f);
}

}  // namespace

void write_progress(std::ostream& out, const progress_result& r, output_format f, money_unit unit) {
  write_in_format(out, r, f, unit, write_progress_csv, write_progress_json, write_progress_table);
}

}  // namespace aidstat
