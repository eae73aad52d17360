// load_workbook: each dataset sheet becomes the CSV text the same cells would be,
// and the CSV loader reads it; every problem is then named by its sheet and cell.
#include <algorithm>
#include <array>

#include "aidstat/workbook.hpp"
#include "io/csv/csv_writer.hpp"
#include "io/xlsx/cell_values.hpp"
#include "io/xlsx/xlsx_writer.hpp"

namespace aidstat {
namespace {

using namespace detail;

constexpr std::array<std::string_view, 6> dataset_sheets = {
    "items", "units", "beneficiaries", "categories", "commitments", "stated_totals"};

// A problem with the place it sorts by: sheet, row, column.
struct placed_problem {
  std::size_t sheet;
  std::uint32_t row, column;
  problem p;
};

// A sheet as CSV text, with the sheet row of each record and the column of each field.
struct sheet_text {
  std::size_t index = 0;                     // in dataset_sheets
  csv_text csv;                              // named "FILE!SHEET", which problems carry
  std::vector<std::uint32_t> record_lines;   // the CSV line each record starts on
  std::vector<std::uint32_t> record_rows;    // its 0-based sheet row
  std::vector<std::uint32_t> field_columns;  // each field's 0-based sheet column
  std::uint32_t line = 1;                    // the next record's line

  void append(const std::vector<std::string>& fields, std::uint32_t row) {
    record_lines.push_back(line);
    record_rows.push_back(row);
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i) csv.text += ',';
      const std::string& f = fields[i];
      if (f.find_first_of(",\"\r\n") == std::string::npos) {
        csv.text += f;  // the common case, without a copy
        continue;
      }
      line += static_cast<std::uint32_t>(std::count(f.begin(), f.end(), '\n'));
      csv.text += csv_escape(f);
    }
    csv.text += '\n';
    ++line;
  }
  std::uint32_t row_of_line(std::uint32_t l) const {
    const auto at = std::upper_bound(record_lines.begin(), record_lines.end(), l);
    return at == record_lines.begin()
               ? 0
               : record_rows[static_cast<std::size_t>(at - record_lines.begin() - 1)];
  }
};

class workbook_loader {
 public:
  workbook_loader(const std::filesystem::path& file) : shown_(file.string()), zip_(file) {
    book_ = read_workbook_parts(zip_, shown_);
  }

  std::vector<sheet_text> read_sheets(std::vector<std::string>* ignored) {
    std::vector<sheet_text> out;
    for (const workbook_sheet& s : book_.sheets) {
      const auto known = std::find(dataset_sheets.begin(), dataset_sheets.end(), s.name);
      if (known == dataset_sheets.end()) {
        if (ignored) ignored->push_back(s.name);
        continue;
      }
      sheet_text t;
      t.index = static_cast<std::size_t>(known - dataset_sheets.begin());
      t.csv.name = shown_ + "!" + s.name;
      read_sheet(s, t);
      out.push_back(std::move(t));
    }
    return out;
  }

  void report(const sheet_text& t, std::uint32_t row, std::uint32_t col, std::string what) {
    if (problems_.size() >= max_problems) {
      stopped_ = true;
      return;
    }
    const std::string cell = std::string(dataset_sheets[t.index]) + "!" + cell_name(row, col);
    problems_.push_back({t.index, row, col, {{shown_, row + 1, col + 1, cell}, std::move(what)}});
  }

  std::vector<placed_problem>& problems() { return problems_; }
  bool stopped() const { return stopped_; }
  const std::string& shown() const { return shown_; }

 private:
  void read_sheet(const workbook_sheet& s, sheet_text& t);
  void read_row(sheet_text& t, std::uint32_t row, std::vector<sheet_cell>& cells);

  std::string shown_;
  zip_parts zip_;
  workbook_parts book_;
  std::vector<placed_problem> problems_;
  bool stopped_ = false;
  std::vector<column_kind> kinds_;  // of the sheet at hand, by field
  std::uint32_t header_row_ = 0;
  std::vector<std::string> fields_;  // of the row at hand
};

void workbook_loader::read_sheet(const workbook_sheet& s, sheet_text& t) {
  kinds_.clear();
  bool header = true;
  const auto merged = read_sheet_rows(zip_, s.part, shown_, [&](std::uint32_t row, auto& cells) {
    if (!header) return read_row(t, row, cells);
    header = false;
    header_row_ = row;
    std::vector<std::string> names;
    for (const sheet_cell& c : cells) {
      std::string why;
      const auto text = cell_text(c, column_kind::text, book_, why);
      if (!text) report(t, row, c.column, why);
      if (!text || text->empty()) continue;
      names.push_back(*text);
      t.field_columns.push_back(c.column);
      kinds_.push_back(kind_of_column(*text));
    }
    t.append(names, row);
  });
  for (const merged_range& m : merged)
    if (m.last_row > m.first_row && m.last_row > header_row_)
      report(t, m.first_row, m.first_column,
             "cells " + cell_name(m.first_row, m.first_column) + ":" +
                 cell_name(m.last_row, m.last_column) +
                 " are merged across rows, so only the first row holds the value; unmerge "
                 "them and fill in each row");
}

void workbook_loader::read_row(sheet_text& t, std::uint32_t row, std::vector<sheet_cell>& cells) {
  std::vector<std::string>& fields = fields_;  // reused: a row's fields, without allocating
  fields.resize(t.field_columns.size());
  for (std::string& f : fields) f.clear();
  for (const sheet_cell& c : cells) {
    const auto at = std::lower_bound(t.field_columns.begin(), t.field_columns.end(), c.column);
    if (at == t.field_columns.end() || *at != c.column) {
      report(t, row, c.column,
             "this cell has no heading in the header row (row " + std::to_string(header_row_ + 1) +
                 "); give its column a heading or clear it");
      continue;
    }
    const auto i = static_cast<std::size_t>(at - t.field_columns.begin());
    std::string why;
    if (auto text = cell_text(c, kinds_[i], book_, why))
      fields[i] = std::move(*text);
    else
      report(t, row, c.column, why);
  }
  t.append(fields, row);
}

// A problem of the CSV loader, at its sheet's row and column.
placed_problem place(const sheet_text& t, const std::string& shown, problem p) {
  const std::uint32_t row = p.where.line ? t.row_of_line(p.where.line) : 0;
  const std::uint32_t field = p.where.column;
  const std::string sheet(dataset_sheets[t.index]);
  std::uint32_t column = 0;
  const std::uint32_t line = p.where.line;
  p.where.file = shown;
  p.where.line = line ? row + 1 : 0;
  p.where.column = 0;
  if (!line) {
    p.where.cell = sheet;
  } else if (field >= 1 && field <= t.field_columns.size()) {
    column = t.field_columns[field - 1];
    p.where.cell = sheet + "!" + cell_name(row, column);
    p.where.column = column + 1;
  } else {
    p.where.cell = sheet + " row " + std::to_string(row + 1);
  }
  return {t.index, row, column, std::move(p)};
}

// The sheet rows (1-based) of records read from CSV lines.
void rows_of_lines(const sheet_text& t, std::vector<std::uint32_t>& lines) {
  for (std::uint32_t& l : lines) l = t.row_of_line(l) + 1;
}

dataset_texts texts_of(std::vector<sheet_text>& sheets, const std::string& shown) {
  const auto find = [&](std::size_t index) -> std::optional<csv_text> {
    for (sheet_text& t : sheets)
      if (t.index == index) return t.csv;
    return std::nullopt;
  };
  std::optional<csv_text> items = find(0);
  if (!items)
    throw_error<data_error>(shown +
                            " has no sheet named items, which holds a dataset's records; "
                            "name the records' sheet items");
  return {std::move(*items), find(1), find(2), find(3), find(4), find(5)};
}

}  // namespace

dataset load_workbook(const std::filesystem::path& file, dataset_sources* sources,
                      std::vector<std::string>* ignored_sheets) {
  workbook_loader loader(file);
  std::vector<sheet_text> sheets = loader.read_sheets(ignored_sheets);
  const dataset_texts texts = texts_of(sheets, loader.shown());
  std::vector<placed_problem>& problems = loader.problems();
  bool stopped = loader.stopped();
  try {
    dataset d = read_dataset(texts, sources);
    if (problems.empty()) {
      if (sources) {
        sources->items_file = loader.shown() + " (sheet items)";
        sources->place_word = "row";  // its lines are the sheet's rows
        for (const sheet_text& t : sheets) {
          if (t.index == 0) rows_of_lines(t, sources->item_lines);
          if (t.index == 5) rows_of_lines(t, sources->stated_total_lines);
        }
        sources->stated_totals_file = loader.shown() + " (sheet stated_totals)";
      }
      return d;
    }
  } catch (const validation_error& e) {
    stopped = stopped || e.stopped();
    const std::size_t own = problems.size();
    for (const problem& p : e.problems())
      for (const sheet_text& t : sheets) {
        if (p.where.file != t.csv.name) continue;
        placed_problem placed = place(t, loader.shown(), p);
        const bool same_cell = std::any_of(
            problems.begin(), problems.begin() + static_cast<std::ptrdiff_t>(own),
            [&](const placed_problem& q) { return q.p.where.cell == placed.p.where.cell; });
        if (!same_cell && problems.size() < max_problems) problems.push_back(std::move(placed));
      }
  }
  std::stable_sort(problems.begin(), problems.end(), [](const auto& a, const auto& b) {
    return std::tie(a.sheet, a.row, a.column) < std::tie(b.sheet, b.row, b.column);
  });
  std::vector<problem> out;
  for (placed_problem& p : problems) out.push_back(std::move(p.p));
  throw_error<validation_error>(std::move(out), stopped);
}

}  // namespace aidstat
