#include "aidstat/export_csv.hpp"

#include <ostream>
#include <string>
#include <vector>

#include "aidstat/amount_text.hpp"
#include "aidstat/error.hpp"
#include "io/csv/csv_writer.hpp"
#include "io/csv/dataset_files.hpp"
#include "io/fs/atomic_file.hpp"
#include "io/fs/dataset_folder.hpp"
#include "io/items/items_csv.hpp"

namespace aidstat {
namespace {

// An amount as the parser reads it back exactly: "3190000.50" or "[a, b]" in yuan.
std::string money_text(const std::optional<money_interval>& m) {
  if (!m) return "";
  if (m->is_exact()) return format_yuan_decimal(m->min());
  return "[" + format_yuan_decimal(m->min()) + ", " + format_yuan_decimal(m->max()) + "]";
}
std::string count_text(const std::optional<count_interval>& q) {
  if (!q) return "";
  if (q->is_exact()) return std::to_string(q->min().value());
  return "[" + std::to_string(q->min().value()) + ", " + std::to_string(q->max().value()) + "]";
}
template <class E>
std::string enum_text(const std::optional<E>& v) {
  return v ? std::string(key_of(*v)) : "";
}

// Writes `name` into the staging folder; messages name it inside `dir`.
void write_csv(const std::filesystem::path& staging, const std::filesystem::path& dir,
               const std::string& name, const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows) {
  detail::write_staged_file(staging / name, dir / name, [&](std::ostream& out) {
    detail::write_csv_row(out, header);
    detail::write_csv_rows(out, rows);
  });
}

}  // namespace

namespace detail {

std::vector<std::string> item_cells(const aid_item& it) {
  return {it.date.to_string(),
          it.category,
          it.provider,
          it.recipient,
          it.beneficiary,
          enum_text(it.form),
          money_text(it.amount),
          count_text(it.quantity),
          enum_text(it.measure),
          it.note,
          enum_text(it.direction)};
}

}  // namespace detail

namespace detail {

std::vector<dataset_file> dataset_files(const dataset& d) {
  std::vector<dataset_file> files;
  std::vector<std::vector<std::string>> rows;
  for (std::uint32_t i = 0; i < d.categories().size(); ++i) {
    const category& c = d.categories().at(i);
    rows.push_back({c.key, c.name_zh, c.name_en, c.parent});
  }
  files.push_back({"categories", {"key", "name_zh", "name_en", "parent"}, std::move(rows)});

  rows = {};
  for (std::uint32_t i = 0; i < d.unit_count(); ++i) {
    const unit& u = d.unit_at(i);
    rows.push_back({u.id, u.name, std::string(key_of(u.kind)), std::string(key_of(u.side)),
                    u.parent, u.region});
  }
  files.push_back({"units", {"id", "name", "kind", "side", "parent", "region"}, std::move(rows)});

  rows = {};
  for (std::uint32_t i = 0; i < d.beneficiary_count(); ++i) {
    const beneficiary& b = d.beneficiary_at(i);
    rows.push_back({b.id, std::string(key_of(b.kind)), b.unit, std::to_string(b.headcount)});
  }
  files.push_back({"beneficiaries", {"id", "kind", "unit", "headcount"}, std::move(rows)});

  rows = {};
  for (const commitment& c : d.commitments())
    rows.push_back({c.id, std::to_string(c.year), c.category, c.owner, c.title,
                    money_text(c.target_amount), std::string(key_of(c.status))});
  files.push_back({"commitments",
                   {"id", "year", "category", "owner", "title", "target_amount", "status"},
                   std::move(rows)});

  rows = {};
  for (const stated_total& s : d.stated_totals())
    rows.push_back({s.id, std::to_string(s.year), s.category, s.provider, s.recipient,
                    enum_text(s.beneficiary_kind), money_text(s.amount), count_text(s.quantity),
                    enum_text(s.measure), s.note});
  files.push_back({"stated_totals",
                   {"id", "year", "category", "provider", "recipient", "beneficiary_kind", "amount",
                    "quantity", "measure", "note"},
                   std::move(rows)});

  rows = {};
  rows.reserve(d.item_count());
  for (std::size_t i = 0; i < d.item_count(); ++i) rows.push_back(item_cells(d.item(i)));
  files.push_back({"items", {item_column_names.begin(), item_column_names.end()}, std::move(rows)});
  return files;
}

}  // namespace detail

void export_csv(const dataset& d, const std::filesystem::path& dir) {
  detail::write_folder_atomically(dir, detail::dataset_file_names(),
                                  [&](const std::filesystem::path& staging) {
                                    for (const detail::dataset_file& f : detail::dataset_files(d))
                                      write_csv(staging, dir, f.name + ".csv", f.header, f.rows);
                                  });
}

}  // namespace aidstat
