// Disclosure control (docs/transfers.md): the audit's ranges worked out by hand, a table where
// primary suppression alone fails it, thousands of random tables suppressed and
// audited, and the CLI's published CSV audited from its own cells.
#include <catch2/catch.hpp>
#include <random>

#include "aidstat/disclosure.hpp"
#include "test_support.hpp"

using namespace aidstat;

namespace {

using cells_t = std::vector<std::optional<std::int64_t>>;

published_table one_total(cells_t cells, total_relation rel = total_relation::sum) {
  published_table t;
  t.measure = "records";
  const std::size_t total = cells.size() - 1;
  t.cells = std::move(cells);
  t.totals.push_back({total, {}, rel});
  for (std::size_t i = 0; i < total; ++i) t.totals[0].parts.push_back(i);
  t.names.assign(t.cells.size(), "");
  return t;
}

// A 2 x 2 table with its margins: cells 0..3 row-major, rows 4, 5, columns 6, 7, grand 8.
published_table two_by_two(cells_t cells) {
  published_table t;
  t.measure = "records";
  t.cells = std::move(cells);
  t.totals = {{4, {0, 1}}, {5, {2, 3}}, {6, {0, 2}}, {7, {1, 3}}, {8, {4, 5}}, {8, {6, 7}}};
  t.names.assign(9, "");
  return t;
}

}  // namespace

TEST_CASE("the audit computes the ranges a reader can work out by hand", "[disclosure]") {
  // One total: 3 + 10 + 20 = 33 with the 3 suppressed reads back exactly.
  auto r = audit(one_total({std::nullopt, 10, 20, 33}));
  REQUIRE(r.size() == 1);
  CHECK(r[0] == feasible_range{0, 3, 3});
  // Two suppressed cells of 3 and 10 share 13: each lies in [0, 13].
  r = audit(one_total({std::nullopt, std::nullopt, 20, 33}));
  REQUIRE(r.size() == 2);
  CHECK(r[0] == feasible_range{0, 0, 13});
  CHECK(r[1] == feasible_range{1, 0, 13});

  // All four cells of 4 6 / 8 12 suppressed, margins 10, 20 and 12, 18, 30:
  // x11 in [max(0, 12 - 20), min(10, 12)] = [0, 10]; x22 in [max(0, 20 - 12), 18] = [8, 18].
  r = audit(
      two_by_two({std::nullopt, std::nullopt, std::nullopt, std::nullopt, 10, 20, 12, 18, 30}));
  REQUIRE(r.size() == 4);
  CHECK(r[0] == feasible_range{0, 0, 10});
  CHECK(r[1] == feasible_range{1, 0, 10});
  CHECK(r[2] == feasible_range{2, 2, 12});
  CHECK(r[3] == feasible_range{3, 8, 18});

  // People overlap: x + 5 >= 6 and x <= 6; transfers: only x + 5 >= 6.
  CHECK(audit(one_total({std::nullopt, 5, 6}, total_relation::distinct))[0] ==
        feasible_range{0, 1, 6});
  CHECK(audit(one_total({std::nullopt, 5, 6}, total_relation::at_least))[0] ==
        feasible_range{0, 1, std::nullopt});
  // A suppressed total with nothing else suppressed: unbounded above? No: it is the sum.
  CHECK(audit(one_total({4, 5, std::nullopt}))[0] == feasible_range{2, 9, 9});
  // Totals that cannot hold: an error, not a range.
  CHECK_THROWS_AS(audit(one_total({std::nullopt, 5, 3})), data_error);
}

TEST_CASE("protection needs half and one and a half times the value in the range", "[disclosure]") {
  CHECK(protects({0, 2, 6}, 4));
  CHECK_FALSE(protects({0, 3, 6}, 4));
  CHECK_FALSE(protects({0, 2, 5}, 4));
  CHECK(protects({0, 0, std::nullopt}, 4));
  CHECK(protects({0, 1, 5}, 3));        // 1 <= 1.5 and 5 >= 4.5
  CHECK_FALSE(protects({0, 1, 4}, 3));  // 4 < 4.5
  CHECK_FALSE(protects({0, 2, 5}, 3));  // 2 > 1.5
}

TEST_CASE("primary suppression alone fails the audit on a simple table", "[disclosure]") {
  // Three units: one reaches 2 people, the others 30 and 40. Suppressing the 2 alone
  // leaves the grand total to give it away; suppress_small_cells adds a second cell.
  dataset d;
  for (const char* id : {"a", "b", "c"})
    d.add_unit(unit{id, id, unit_kind::government, side::civilian});
  for (auto [id, n] : {std::pair{"p", 2}, {"q", 30}, {"r", 40}})
    d.add_beneficiary(beneficiary{id, beneficiary_kind::veteran, "", n});
  for (auto [provider, person, yuan] :
       {std::tuple{"a", "p", 100}, {"b", "q", 300}, {"c", "r", 500}}) {
    aid_item it;
    it.date = date(2023);
    it.category = "condolence";
    it.provider = provider;
    it.beneficiary = person;
    it.amount = money_interval::exact(money::from_yuan(yuan));
    d.add_item(it);
  }
  totals_query q;
  q.by = {dimension::parse("provider")};
  totals primary_only = compute_totals(d, q);
  primary_only.min_cell = 5;
  primary_only.groups[0].suppressed = suppression::primary;
  const auto exposed = disclosure_failures(primary_only);
  REQUIRE_FALSE(exposed.empty());
  CHECK(exposed[0].cell == "a");
  CHECK(exposed[0].range.low == exposed[0].value);  // read back exactly
  CHECK(exposed[0].range.high == exposed[0].value);

  const totals safe = suppress_small_cells(compute_totals(d, q), 5);
  CHECK(safe.groups[0].suppressed == suppression::primary);
  CHECK(safe.groups[1].suppressed == suppression::secondary);  // the smaller other cell
  CHECK(safe.groups[2].suppressed == suppression::none);
  CHECK(disclosure_failures(safe).empty());
  for (const published_table& t : published_tables(safe)) {
    REQUIRE(audit(t).size() == 2);
    CHECK(audit(t)[0].low == 0);
  }
}

namespace {

// A random pivot of rows x cols cells of small values; about a third reach few people.
pivot_result random_pivot(std::mt19937& rng, Eigen::Index rows, Eigen::Index cols,
                          pivot_measure m) {
  std::uniform_int_distribution<int> small(0, 9), people(1, 12), chance(0, 5);
  pivot_result p;
  p.query.measure = m;
  p.query.rows = dimension::parse("category");
  p.query.cols = dimension::parse("year");
  p.min = p.max = p.people = p.records = count_matrix::Zero(rows, cols);
  p.row_totals.assign(static_cast<std::size_t>(rows), aggregate{});
  p.col_totals.assign(static_cast<std::size_t>(cols), aggregate{});
  int person = 0;
  for (Eigen::Index i = 0; i < rows; ++i) {
    p.row_keys.push_back("r" + std::to_string(i));
    p.row_labels.push_back(p.row_keys.back());
  }
  for (Eigen::Index j = 0; j < cols; ++j) {
    p.col_keys.push_back(std::to_string(2000 + j));
    p.col_labels.push_back(p.col_keys.back());
  }
  for (Eigen::Index i = 0; i < rows; ++i) {
    for (Eigen::Index j = 0; j < cols; ++j) {
      if (chance(rng) == 0) continue;  // an empty cell
      aggregate a;
      a.records = 1 + small(rng);
      a.amount_records = a.records;
      const std::int64_t lo = 100 * (1 + small(rng) * small(rng));
      a.amount = money_interval(money{lo}, money{lo + 100 * small(rng)});
      a.beneficiaries = {{"p" + std::to_string(person++), people(rng)}};
      const auto [vlo, vhi] = pivot_value(a, m);
      p.min(i, j) = vlo, p.max(i, j) = vhi;
      p.people(i, j) = a.headcount();
      p.records(i, j) = a.records;
      p.row_totals[static_cast<std::size_t>(i)].merge(a);
      p.col_totals[static_cast<std::size_t>(j)].merge(a);
      p.grand.merge(a);
    }
  }
  return p;
}

}  // namespace

TEST_CASE("thousands of random tables, suppressed and audited", "[disclosure][property]") {
  std::mt19937 rng(20261129);
  std::uniform_int_distribution<int> side(1, 8), measure(0, 2), min_cell(2, 8);
  std::size_t tables = 0, suppressed = 0, secondary = 0;
  for (int round = 0; round < 3000; ++round) {
    // 1 x k tables first, then any shape up to 8 x 8.
    const Eigen::Index rows = round < 500 ? 1 : side(rng), cols = side(rng);
    const auto m = static_cast<pivot_measure>(measure(rng));
    const pivot_result raw = random_pivot(rng, rows, cols, m);
    const pivot_result p = suppress_small_cells(raw, min_cell(rng));
    INFO("round " << round << ": " << rows << " x " << cols);
    REQUIRE(disclosure_failures(p).empty());
    // The audit itself: every true value lies in its range, and every primary cell is
    // protected in every measure.
    const auto truth = published_tables(raw), published = published_tables(p);
    REQUIRE(truth.size() == published.size());
    for (std::size_t k = 0; k < published.size(); ++k) {
      for (const feasible_range& r : audit(published[k])) {
        const std::int64_t v = *truth[k].cells[r.cell];
        CHECK(r.low <= v);
        CHECK((!r.high || v <= *r.high));
        const auto at = static_cast<std::size_t>(r.cell);
        if (at < p.cell_suppressed.size() && p.cell_suppressed[at] == suppression::primary)
          CHECK(protects(r, v));
      }
    }
    ++tables;
    for (suppression s : p.cell_suppressed) {
      suppressed += s != suppression::none;
      secondary += s == suppression::secondary;
    }
  }
  CHECK(tables == 3000);
  CHECK(suppressed > 1000);  // the tables do suppress: the audit had work to do
  CHECK(secondary > 300);
}

TEST_CASE("random one-dimensional totals, suppressed and audited", "[disclosure][property]") {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> items(1, 40), people(1, 15), yuan(1, 5000), limit(2, 20);
  std::size_t suppressed = 0;
  for (int round = 0; round < 300; ++round) {
    dataset d;
    d.add_unit(unit{"u", "u", unit_kind::government, side::civilian});
    const auto kinds = d.categories().size();
    std::uniform_int_distribution<std::size_t> category(0, kinds - 1);
    const int n = items(rng);
    for (int i = 0; i < n; ++i) {
      const std::string id = "b" + std::to_string(i);
      d.add_beneficiary(beneficiary{id, beneficiary_kind::veteran, "", people(rng)});
      aid_item it;
      it.date = date(2023);
      it.category = d.categories().at(static_cast<std::uint32_t>(category(rng))).key;
      it.provider = "u";
      it.beneficiary = id;
      it.amount = money_interval::exact(money::from_yuan(yuan(rng)));
      d.add_item(it);
    }
    totals_query q;
    q.by = {dimension::parse("category")};
    const totals raw = compute_totals(d, q);
    const totals t = suppress_small_cells(raw, limit(rng));
    INFO("round " << round);
    REQUIRE(disclosure_failures(t).empty());
    const auto truth = published_tables(raw), published = published_tables(t);
    for (std::size_t k = 0; k < published.size(); ++k) {
      for (const feasible_range& r : audit(published[k])) {
        const std::int64_t v = *truth[k].cells[r.cell];
        CHECK(r.low <= v);
        CHECK((!r.high || v <= *r.high));
        ++suppressed;
      }
    }
  }
  CHECK(suppressed > 300);
}

TEST_CASE("the CLI's published totals pass an audit built from the CSV alone",
          "[disclosure][cli]") {
  const std::string demo = "'" AIDSTAT_SOURCE_DIR "/examples/data/city-2023'";
  for (const char* by : {"provider", "category", "category --by year"}) {
    const std::string args = std::string("totals ") + demo + " --by " + by + " --format csv";
    const auto open = test::run_cli(args);
    const auto safe = test::run_cli(args + " --min-cell 100");
    REQUIRE(open.status == 0);
    REQUIRE(safe.status == 0);
    const auto rows_of = test::plain_csv_rows;
    const auto truth = rows_of(open.out), published = rows_of(safe.out);
    REQUIRE(truth.size() == published.size());
    const std::size_t keys = by == std::string("category --by year") ? 2 : 1;
    // records, amount_min, amount_max, headcount: the cells, then the grand total from
    // the run without keys (which publishes it in every format but CSV).
    const auto grand = rows_of(test::run_cli(std::string("totals ") + demo + " --format csv").out);
    for (std::size_t col = 0; col < 4; ++col) {
      published_table t;
      std::vector<std::int64_t> values;
      // Amounts in fen, counts as they are; an empty cell holds none of the measure.
      const auto number = [&](const std::string& s) -> std::int64_t {
        if (s.empty()) return 0;
        return col == 1 || col == 2 ? parse_money(s).min().fen() : std::stoll(s);
      };
      for (std::size_t r = 1; r < published.size(); ++r) {
        const std::string& cell = published[r][keys + col];
        const bool hidden = !published[r][keys + 4].empty();
        values.push_back(number(truth[r][keys + col]));
        t.cells.push_back(hidden ? std::nullopt : std::optional(number(cell)));
        t.names.push_back(published[r][0]);
      }
      t.cells.push_back(number(grand[1][col]));
      values.push_back(number(grand[1][col]));
      t.names.push_back("total");
      table_total total{
          t.cells.size() - 1, {}, col == 3 ? total_relation::distinct : total_relation::sum};
      for (std::size_t i = 0; i + 1 < t.cells.size(); ++i) total.parts.push_back(i);
      t.totals.push_back(total);
      for (const feasible_range& r : audit(t)) {
        if (published[r.cell + 1][keys + 4] != "primary") continue;
        INFO(by << " column " << col << " cell " << t.names[r.cell]);
        CHECK(protects(r, values[r.cell]));
      }
    }
  }
}

namespace {

// A record of the group of cell (row, from) in cell (row, to) too: its people are
// then counted in two cells of that row.
struct shared_group {
  std::size_t row, from, to;
};

// A headcount pivot of providers x categories in which each person is in one cell:
// every row and column total is exactly the sum of its cells, but for the rows of
// `shared` groups, whose people are counted in two of their cells.
pivot_result headcount_pivot(const std::vector<std::vector<int>>& people,
                             const std::vector<shared_group>& shared = {}) {
  static const char* const categories[] = {"condolence", "education", "medical", "culture",
                                           "legal_aid"};
  dataset d;
  for (std::size_t i = 0; i < people.size(); ++i)
    d.add_unit(unit("u" + std::to_string(i), "Unit " + std::to_string(i), unit_kind::enterprise,
                    side::civilian));
  for (std::size_t i = 0; i < people.size(); ++i) {
    for (std::size_t j = 0; j < people[i].size(); ++j) {
      if (people[i][j] == 0) continue;
      const std::string who = "b" + std::to_string(i) + "_" + std::to_string(j);
      d.add_beneficiary(beneficiary(who, beneficiary_kind::veteran, "", people[i][j]));
      aid_item it;
      it.date = date::parse("2023-06-01");
      it.category = categories[j];
      it.provider = "u" + std::to_string(i);
      it.beneficiary = who;
      it.amount = parse_money("100");
      d.add_item(it);
    }
  }
  for (const shared_group& g : shared) {
    if (people[g.row][g.from] == 0) continue;
    aid_item it;
    it.date = date::parse("2023-07-01");
    it.category = categories[g.to];
    it.provider = "u" + std::to_string(g.row);
    it.beneficiary = "b" + std::to_string(g.row) + "_" + std::to_string(g.from);
    d.add_item(it);
  }
  pivot_query q;
  q.rows = dimension::parse("provider");
  q.cols = dimension::parse("category");
  q.measure = pivot_measure::headcount;
  return compute_pivot(d, q);
}

// The audit an outsider makes of a published headcount pivot, knowing which lines
// hold each person in one cell (a sum of their cells) and which count people in
// more than one (distinct). The primary cells it narrows too far, as
// "row/column: low..high of value".
std::vector<std::string> outside_audit(const pivot_result& p) {
  const auto rows = static_cast<std::size_t>(p.people.rows()),
             cols = static_cast<std::size_t>(p.people.cols());
  published_table t;
  t.measure = "headcount";
  std::vector<std::int64_t> truth;
  const auto add = [&](std::int64_t v, suppression s) {
    truth.push_back(v);
    t.cells.push_back(s == suppression::none ? std::optional<std::int64_t>(v) : std::nullopt);
  };
  for (std::size_t i = 0; i < rows; ++i)
    for (std::size_t j = 0; j < cols; ++j)
      add(p.people(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)),
          p.suppressed(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)));
  for (std::size_t i = 0; i < rows; ++i)
    add(p.row_totals[i].headcount(),
        p.row_suppressed.empty() ? suppression::none : p.row_suppressed[i]);
  for (std::size_t j = 0; j < cols; ++j)
    add(p.col_totals[j].headcount(),
        p.col_suppressed.empty() ? suppression::none : p.col_suppressed[j]);
  add(p.grand.headcount(), p.grand_suppressed);
  table_total grand_by_rows{rows * cols + rows + cols, {}, total_relation::sum};
  table_total grand_by_cols = grand_by_rows;
  for (std::size_t i = 0; i < rows; ++i) {
    table_total line{rows * cols + i, {}, total_relation::sum};
    for (std::size_t j = 0; j < cols; ++j) line.parts.push_back(i * cols + j);
    t.totals.push_back(line);
    grand_by_rows.parts.push_back(rows * cols + i);
  }
  for (std::size_t j = 0; j < cols; ++j) {
    table_total line{rows * cols + rows + j, {}, total_relation::sum};
    for (std::size_t i = 0; i < rows; ++i) line.parts.push_back(i * cols + j);
    t.totals.push_back(line);
    grand_by_cols.parts.push_back(rows * cols + rows + j);
  }
  t.totals.push_back(grand_by_rows);
  t.totals.push_back(grand_by_cols);
  for (table_total& line : t.totals) {
    std::int64_t sum = 0;
    for (std::size_t part : line.parts) sum += truth[part];
    if (sum != truth[line.total]) line.relation = total_relation::distinct;
  }
  t.names.assign(t.cells.size(), "");
  std::vector<std::string> narrowed;
  for (const feasible_range& r : audit(t)) {
    if (r.cell >= rows * cols || p.cell_suppressed[r.cell] != suppression::primary) continue;
    if (!protects(r, truth[r.cell]))
      narrowed.push_back(std::to_string(r.cell / cols) + "/" + std::to_string(r.cell % cols) +
                         ": " + std::to_string(r.low) + ".." +
                         (r.high ? std::to_string(*r.high) : "") + " of " +
                         std::to_string(truth[r.cell]));
  }
  return narrowed;
}

}  // namespace

TEST_CASE("an outsider who knows each person is in one cell cannot narrow a primary cell",
          "[disclosure]") {
  // 6 providers x 5 categories, people in one cell each; cells under 5 are primary.
  const pivot_result p = suppress_small_cells(headcount_pivot({{4, 12, 30, 0, 9},
                                                               {20, 3, 15, 7, 11},
                                                               {0, 25, 4, 18, 6},
                                                               {14, 8, 22, 2, 40},
                                                               {9, 16, 0, 27, 3},
                                                               {33, 5, 12, 10, 21}}),
                                              5);
  std::size_t primary = 0;
  for (suppression s : p.cell_suppressed) primary += s == suppression::primary;
  CHECK(primary == 5);
  CHECK(disclosure_failures(p).empty());
  CHECK(outside_audit(p) == std::vector<std::string>{});
}

TEST_CASE("random pivots, people in one cell or shared between cells, audited as an outsider",
          "[disclosure][property]") {
  std::mt19937 rng(20261203);
  std::uniform_int_distribution<int> side(2, 6), people(0, 25), min_cell(3, 8);
  int shared_rows = 0;  // rows whose people are counted in two cells: lines of both kinds
  for (int round = 0; round < 150; ++round) {
    const int rows = side(rng), cols = std::min(5, side(rng));
    std::vector<std::vector<int>> cells(static_cast<std::size_t>(rows),
                                        std::vector<int>(static_cast<std::size_t>(cols)));
    for (auto& row : cells)
      for (int& c : row) c = people(rng) % 3 == 0 ? people(rng) % 6 : people(rng);
    // Every other table shares a few groups between two cells of their row.
    std::vector<shared_group> shared;
    for (int k = 0; round % 2 && k < 3; ++k)
      shared.push_back({static_cast<std::size_t>(people(rng) % rows),
                        static_cast<std::size_t>(people(rng) % cols),
                        static_cast<std::size_t>(people(rng) % cols)});
    const pivot_result p = suppress_small_cells(headcount_pivot(cells, shared), min_cell(rng));
    for (Eigen::Index i = 0; i < p.people.rows(); ++i)
      shared_rows += p.people.row(i).sum() > p.row_totals[static_cast<std::size_t>(i)].headcount();
    INFO("round " << round);
    CHECK(disclosure_failures(p).empty());
    CHECK(outside_audit(p) == std::vector<std::string>{});
  }
  CHECK(shared_rows > 50);
}
