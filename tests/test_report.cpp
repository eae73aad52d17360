// The HTML report (docs/cli.md): every figure read back out of the page equals the CSV
// output of the matching command, with and without disclosure control, and the page
// is self-contained. (tests/report/render_check.py renders it in Chromium.)
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "aidstat/amount_text.hpp"
#include "aidstat/report.hpp"
#include "test_support.hpp"

using namespace aidstat;
using test::run_cli;

namespace {

const std::string kDemo = "'" AIDSTAT_SOURCE_DIR "/examples/data/city-2023'";

const auto csv_rows = test::plain_csv_rows;

// The attributes of every <tr> in the <table class="name"> of `html`, in order.
std::vector<std::map<std::string, std::string>> table_rows(const std::string& html,
                                                           const std::string& name) {
  const auto begin = html.find("<table class=\"" + name + "\"");
  REQUIRE(begin != std::string::npos);
  const auto end = html.find("</table>", begin);
  const std::string table = html.substr(begin, end - begin);
  std::vector<std::map<std::string, std::string>> rows;
  const std::regex tr(R"(<tr([^>]*)>(.*?)</tr>)"), attr(R"re(([a-z-]+)="([^"]*)")re");
  for (auto it = std::sregex_iterator(table.begin(), table.end(), tr); it != std::sregex_iterator();
       ++it) {
    const std::string attrs = (*it)[1];
    if (attrs.find("data-") == std::string::npos) continue;  // the header row
    std::map<std::string, std::string> row;
    for (auto a = std::sregex_iterator(attrs.begin(), attrs.end(), attr);
         a != std::sregex_iterator(); ++a)
      row[(*a)[1]] = (*a)[2];
    const std::string cells = (*it)[2];
    for (auto a = std::sregex_iterator(cells.begin(), cells.end(), attr);
         a != std::sregex_iterator(); ++a)
      row[(*a)[1]] = (*a)[2];
    row["html"] = cells;
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string report(const std::string& extra) {
  test::temp_dir dir;
  const auto out = dir.path() / "r.html";
  const auto r =
      run_cli("report " + kDemo + " --base 2022 --year 2023 -o '" + out.string() + "' " + extra);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.err, Catch::Contains("wrote the report to"));
  std::ifstream in(out);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The amount a cell shows, as report notation read back in yuan with two decimals.
std::pair<std::string, std::string> shown_amount(const std::string& cells, const std::string& min) {
  const auto at = cells.find("data-amount-min=\"" + min + "\"");
  REQUIRE(at != std::string::npos);
  auto from = cells.find('>', at) + 1;
  if (cells.compare(from, 3, "<a ") == 0) from = cells.find('>', from) + 1;  // its link
  const money_interval m = parse_money(cells.substr(from, cells.find('<', from) - from));
  return {format_yuan_decimal(m.min()), format_yuan_decimal(m.max())};
}

}  // namespace

TEST_CASE("the report's totals equal totals CSV, with and without --min-cell", "[report][cli]") {
  for (const std::string extra : {"", "--min-cell 30"}) {
    const std::string html = report(extra);
    const auto csv = csv_rows(
        run_cli("totals " + kDemo + " --year 2023 --by category --format csv " + extra).out);
    auto rows = table_rows(html, "totals");
    REQUIRE(rows.size() == csv.size());  // the groups and the total row; CSV has a header
    const bool protected_ = !extra.empty();
    std::size_t hidden = 0;
    for (std::size_t i = 1; i < csv.size(); ++i) {
      const auto& c = csv[i];
      auto row = rows[i - 1];
      INFO(extra << " " << c[0]);
      CHECK(row["data-key"] == c[0]);
      if (protected_ && !c[5].empty()) {
        CHECK(row["data-suppressed"] == c[5]);
        CHECK(row.count("data-records") == 0);  // nothing of it is published
        ++hidden;
        continue;
      }
      CHECK(row["data-records"] == c[1]);
      CHECK(row["data-amount-min"] == c[2]);
      CHECK(row["data-amount-max"] == c[3]);
      CHECK(row["data-headcount"] == c[4]);
      if (!c[2].empty()) CHECK(shown_amount(row["html"], c[2]) == std::pair(c[2], c[3]));
    }
    CHECK((hidden > 0) == protected_);
    // The total row equals the grand total.
    const auto grand = csv_rows(run_cli("totals " + kDemo + " --year 2023 --format csv").out);
    CHECK(rows.back().at("data-records") == grand[1][0]);
    CHECK(rows.back().at("data-amount-min") == grand[1][1]);
    CHECK(rows.back().at("data-amount-max") == grand[1][2]);
  }
}

TEST_CASE("the report's year over year, trend, progress and check equal their CSV",
          "[report][cli]") {
  const std::string html = report("");
  const auto yoy =
      csv_rows(run_cli("yoy " + kDemo + " --base 2022 --year 2023 --by category --format csv").out);
  const auto rows = table_rows(html, "yoy");
  REQUIRE(rows.size() + 1 == yoy.size());
  for (std::size_t i = 1; i < yoy.size(); ++i) {
    auto row = rows[i - 1];
    const auto& c = yoy[i];
    INFO(c[0]);
    CHECK(row["data-key"] == c[0]);
    CHECK(row["data-base-min"] == c[1]);
    CHECK(row["data-base-max"] == c[2]);
    CHECK(row["data-current-min"] == c[3]);
    CHECK(row["data-current-max"] == c[4]);
    CHECK(row["data-delta-min"] == c[5]);
    CHECK(row["data-delta-max"] == c[6]);
    CHECK(row["data-pct-change"] == c[7]);
    CHECK(row["data-status"] == c[8]);
  }
  // One bar group per category of the comparison.
  std::size_t groups = 0;
  for (auto at = html.find("class=\"bar-group\""); at != std::string::npos;
       at = html.find("class=\"bar-group\"", at + 1))
    ++groups;
  CHECK(groups == yoy.size() - 1);

  // The trend's points are the totals by year.
  const auto years = csv_rows(run_cli("totals " + kDemo + " --by year --format csv").out);
  const std::regex point(R"re(data-year="(\d+)" data-min="([^"]*)" data-max="([^"]*)")re");
  std::vector<std::vector<std::string>> points;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), point);
       it != std::sregex_iterator(); ++it)
    points.push_back({(*it)[1], (*it)[2], (*it)[3]});
  REQUIRE(points.size() + 1 == years.size());
  for (std::size_t i = 1; i < years.size(); ++i)
    CHECK(points[i - 1] == std::vector<std::string>{years[i][0], years[i][2], years[i][3]});

  // Commitments: done of total, as progress counts them.
  const auto progress =
      csv_rows(run_cli("progress " + kDemo + " --year 2023 --by category --format csv").out);
  const auto done = table_rows(html, "progress");
  REQUIRE(done.size() == progress.size());  // the categories and the overall row
  for (std::size_t i = 1; i < progress.size(); ++i) {
    auto row = done[i - 1];
    CHECK(row["data-key"] == progress[i][0]);
    CHECK(row["data-done"] == progress[i][3]);
    CHECK(row["data-total"] == progress[i][5]);
  }
  CHECK(done.back().at("data-done") == "10");  // all ten practical things
  CHECK(done.back().at("data-total") == "10");

  // Reconciliation and quality: check's own counts.
  const auto rec = table_rows(html, "reconciliation");
  CHECK(rec.size() == 4);
  for (auto row : rec) CHECK(row["data-status"] == "consistent");
  const auto check = run_cli("check " + kDemo);
  CHECK_THAT(check.out, Catch::Contains("0 errors, 0 warnings, 4 stated total(s) reconciled"));
  const auto quality = table_rows(html, "quality");
  CHECK(quality[0].at("data-errors") == "0");
  CHECK(quality[1].at("data-warnings") == "0");
}

TEST_CASE("the report is one file that needs nothing else", "[report]") {
  const std::string html = report("--unit yuan");
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  for (const char* outside :
       {"http://", "https://", "<script", "<link", "src=", "@import", "url("}) {
    INFO(outside);
    // The SVG namespace is a name, not a fetch.
    std::string rest = html;
    for (auto at = rest.find("xmlns=\"http://www.w3.org/2000/svg\""); at != std::string::npos;
         at = rest.find("xmlns=\"http://www.w3.org/2000/svg\""))
      rest.erase(at, 34);
    CHECK(rest.find(outside) == std::string::npos);
  }
  CHECK_THAT(html, Catch::Contains("Microsoft YaHei"));
  CHECK_THAT(html, Catch::Contains("@page { size: A4"));
  CHECK_THAT(html, Catch::Contains("元</td>"));  // --unit yuan

  // The library call behind it refuses a report of one year.
  dataset d;
  report_options o;
  o.base_year = o.current_year = 2023;
  std::ostringstream out;
  CHECK_THROWS_AS(write_report(out, d, check_report{}, o), query_error);
  CHECK(out.str().empty());
}

TEST_CASE("the report opens with the summary, its figures linked to an appendix of records",
          "[report][cli]") {
  for (const std::string extra : {"", "--min-cell 30"}) {
    INFO(extra);
    const std::string html = report(extra);
    const auto summary = html.find("<section class=\"summary\">");
    REQUIRE(summary != std::string::npos);
    CHECK(summary < html.find("<table class=\"totals\">"));
    // Every link lands on an anchor of the page.
    const std::regex href(R"re(href="#([^"]+)")re"), id(R"re(id="([^"]+)")re");
    std::set<std::string> anchors;
    for (auto a = std::sregex_iterator(html.begin(), html.end(), id); a != std::sregex_iterator();
         ++a)
      anchors.insert((*a)[1]);
    std::size_t links = 0;
    for (auto a = std::sregex_iterator(html.begin(), html.end(), href); a != std::sregex_iterator();
         ++a, ++links)
      CHECK(anchors.count((*a)[1]) == 1);
    CHECK(links > 20);
    // The condolence records of 2023 (items.csv lines 2, 3, 5, 6 and 7) are listed under
    // their anchor: 5 rows. A suppressed category's records never are.
    const auto csv = csv_rows(
        run_cli("totals " + kDemo + " --year 2023 --by category --format csv " + extra).out);
    for (std::size_t i = 1; i + 1 < csv.size(); ++i) {
      const bool listed = anchors.count("records-" + csv[i][0]) == 1;
      CHECK(listed == (extra.empty() || csv[i][5].empty()));
    }
    if (extra.empty()) {
      const auto at = html.find("id=\"records-condolence\"");
      const auto table = html.find("<tbody>", at);
      const auto end = html.find("</tbody>", table);
      std::size_t rows = 0;
      for (auto p = html.find("<tr", table); p < end; p = html.find("<tr", p + 1)) ++rows;
      CHECK(rows == 5);
    }
  }
}
