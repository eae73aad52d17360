// The report's summary (综述) at the top, its figures linked to the appendix, and the
// appendix: the records behind each published category of the year.
#include <fmt/format.h>

#include <map>

#include "aidstat/records.hpp"
#include "aidstat/summary.hpp"
#include "output/report_html.hpp"

namespace aidstat::detail {
namespace {

// The anchor of a category's records in the appendix; "records-all" for the year.
std::string anchor_of(const std::string& category) {
  return "records-" + (category.empty() ? std::string("all") : category);
}

// A sentence as HTML, its figures linked to the records they come from.
std::string sentence_html(const summary_sentence& s) {
  std::string out;
  std::size_t at = 0;
  for (const summary_figure& f : s.figures) {
    const std::size_t found = s.text.find(f.text, at);
    if (found == std::string::npos) break;
    out += escape_html(s.text.substr(at, found - at));
    out += s.about_records
               ? fmt::format(R"(<a href="#{}">{}</a>)", anchor_of(s.category), escape_html(f.text))
               : escape_html(f.text);
    at = found + f.text.size();
  }
  return out + escape_html(s.text.substr(at));
}

std::vector<summary_sentence> sentences(const report_page& p, summary_language lang) {
  summary_options o;
  o.base_year = p.o.base_year, o.current_year = p.o.current_year;
  o.min_cell = p.o.min_cell, o.language = lang, o.threads = p.o.threads;
  return summarize(p.d, p.quality, o);
}

}  // namespace

void write_summary_part(const report_page& p) {
  p.out << "<section class=\"summary\">\n" << heading("h2", "综述", "Summary");
  for (const summary_sentence& s : sentences(p, summary_language::zh))
    p.out << "<p class=\"sentence\">" << sentence_html(s) << "</p>\n";
  for (const summary_sentence& s : sentences(p, summary_language::en))
    p.out << "<p class=\"sentence en\">" << sentence_html(s) << "</p>\n";
  p.out << "</section>\n";
}

std::vector<std::string> category_links(const totals& t) {
  std::vector<std::string> links;
  for (const group_totals& g : t.groups)
    links.push_back(g.suppressed == suppression::none ? fmt::format("#records-{}", g.key[0])
                                                      : std::string());
  return links;
}

void write_appendix_part(const report_page& p, const totals& current) {
  record_filter f;
  f.year = p.o.current_year;
  std::map<std::string, record_list> by_category;
  const record_list all = list_records(p.d, f);
  for (std::size_t row : all.rows) by_category[p.d.item(row).category].rows.push_back(row);
  p.out << "<section class=\"page appendix\" id=\"" << anchor_of("") << "\">\n"
        << heading("h2", fmt::format("附录：{}年记录明细", p.o.current_year),
                   "Appendix: the records behind each figure");
  for (const group_totals& g : current.groups) {
    if (g.suppressed != suppression::none) continue;  // never listed: its figures are not
    const std::string& key = g.key[0];
    p.out << "<h3 id=\"" << escape_html(anchor_of(key)) << "\">"
          << escape_html(g.labels[0] + " (" + key + ")") << "</h3>\n";
    table tab = to_table(by_category[key], p.d);
    tab.html = tab.layout({"provider", "recipient", "amount_text", "quantity", "note"});
    render_html(p.out, tab, p.o.unit);
  }
  p.out << "</section>\n";
}

}  // namespace aidstat::detail
