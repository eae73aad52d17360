// The report's SVG charts and style sheet, written by hand: no script, no network.
#include <fmt/format.h>

#include <algorithm>

#include "output/report_html.hpp"

namespace aidstat::detail {
namespace {

// Yuan of a fen amount, for scaling.
double yuan_value(money m) { return static_cast<double>(m.fen()) / 100.0; }

// A round axis maximum at or above v: 1, 2 or 5 times a power of ten.
double nice_ceiling(double v) {
  if (v <= 0) return 1;
  double step = 1;
  while (step * 10 <= v) step *= 10;
  for (const double f : {1.0, 2.0, 5.0, 10.0})
    if (f * step >= v) return f * step;
  return 10 * step;
}

// An axis label in the table's unit.
std::string axis_label(double yuan_value, money_unit unit) {
  return unit == money_unit::wan ? fmt::format("{}万元", yuan_value / 10000.0)
                                 : fmt::format("{}元", yuan_value);
}

// Horizontal grid lines and labels at 0, 1/4, ... of `top`, over height h from y0.
std::string grid(double top, double x0, double x1, double y0, double h, money_unit unit) {
  std::string out;
  for (int i = 0; i <= 4; ++i) {
    const double y = y0 + h - h * i / 4.0;
    out +=
        fmt::format(R"svg(<line class="grid" x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}"/>)svg",
                    x0, y, x1, y);
    out +=
        fmt::format(R"svg(<text class="axis" x="{:.1f}" y="{:.1f}" text-anchor="end">{}</text>)svg",
                    x0 - 6, y + 4, escape_html(axis_label(top * i / 4.0, unit)));
  }
  return out;
}

// One year's bar: solid to the lower bound, a hatched range to the upper, a whisker.
std::string bar(const money_interval& a, const char* year_class, double x, double w, double y0,
                double h, double top) {
  const double lo = h * yuan_value(a.min()) / top, hi = h * yuan_value(a.max()) / top;
  std::string out = fmt::format(
      R"svg(<rect class="bar {}" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}"/>)svg",
      year_class, x, y0 + h - lo, w, lo);
  if (a.max() != a.min()) {
    out += fmt::format(
        R"svg(<rect class="range {}" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}"/>)svg",
        year_class, x, y0 + h - hi, w, hi - lo);
    out += fmt::format(
        R"svg(<path class="whisker" d="M{:.1f} {:.1f}h{:.1f}M{:.1f} {:.1f}V{:.1f}M{:.1f} {:.1f}h{:.1f}"/>)svg",
        x + w * 0.2, y0 + h - hi, w * 0.6, x + w / 2, y0 + h - hi, y0 + h - lo, x + w * 0.2,
        y0 + h - lo, w * 0.6);
  }
  return out;
}

}  // namespace

std::string bar_chart_svg(const std::vector<bar_entry>& bars, int base_year, int current_year,
                          money_unit unit) {
  double most = 0;
  for (const bar_entry& b : bars)
    for (const auto& a : {b.base, b.current})
      if (a) most = std::max(most, yuan_value(a->max()));
  const double top = nice_ceiling(most);
  // A page-wide chart whatever the number of categories: slots share the width.
  const double x0 = 90, y0 = 20, h = 260, width = 900;
  const double slot =
      (width - x0 - 20) / static_cast<double>(std::max<std::size_t>(bars.size(), 1));
  const double bar_width = std::min(18.0, slot * 0.36);
  std::string out = fmt::format(
      R"svg(<svg class="chart bars" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {:.0f} 400" role="img"><title>{} / {}</title>)svg",
      width, base_year, current_year);
  out += grid(top, x0, width - 10, y0, h, unit);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const bar_entry& b = bars[i];
    const double x = x0 + slot * static_cast<double>(i) + slot / 2 - bar_width - 1;
    out += fmt::format(R"svg(<g class="bar-group" data-category="{}">)svg", escape_html(b.key));
    if (b.base) out += bar(*b.base, "base", x, bar_width, y0, h, top);
    if (b.current) out += bar(*b.current, "current", x + bar_width + 2, bar_width, y0, h, top);
    out += fmt::format(
        R"svg(<text class="label" transform="translate({:.1f} {:.1f}) rotate(-40)" text-anchor="end">{}</text></g>)svg",
        x + bar_width + 1, y0 + h + 14, escape_html(b.label));
  }
  out += fmt::format(
      R"svg(<g class="legend"><rect class="bar base" x="{0:.0f}" y="382" width="12" height="12"/><text x="{1:.0f}" y="392">{2}</text><rect class="bar current" x="{3:.0f}" y="382" width="12" height="12"/><text x="{4:.0f}" y="392">{5}</text><rect class="range current" x="{6:.0f}" y="382" width="12" height="12"/><text x="{7:.0f}" y="392">范围 range (N余, 约N …)</text></g></svg>)svg",
      x0, x0 + 16, base_year, x0 + 70, x0 + 86, current_year, x0 + 140, x0 + 156);
  return out;
}

std::string trend_chart_svg(const std::vector<trend_point>& years, money_unit unit) {
  double most = 0;
  for (const trend_point& p : years)
    if (p.amount) most = std::max(most, yuan_value(p.amount->max()));
  const double top = nice_ceiling(most);
  const double x0 = 90, y0 = 20, h = 220, width = 900;
  const double step =
      (width - x0 - 20) / static_cast<double>(std::max<std::size_t>(years.size(), 1));
  std::string out = fmt::format(
      R"svg(<svg class="chart trend" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {:.0f} 280" role="img"><title>trend</title>)svg",
      width);
  out += grid(top, x0, width - 10, y0, h, unit);
  std::string upper, lower, line;
  std::string points;
  for (std::size_t i = 0; i < years.size(); ++i) {
    const double x = x0 + step * (static_cast<double>(i) + 0.5);
    out += fmt::format(
        R"svg(<text class="axis" x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)svg", x,
        y0 + h + 18, years[i].year);
    if (!years[i].amount) continue;
    const auto& a = *years[i].amount;
    const double lo = y0 + h - h * yuan_value(a.min()) / top,
                 hi = y0 + h - h * yuan_value(a.max()) / top;
    upper += fmt::format("{}{:.1f} {:.1f}", upper.empty() ? "M" : "L", x, hi);
    lower = fmt::format("L{:.1f} {:.1f}", x, lo) + lower;
    line += fmt::format("{}{:.1f},{:.1f}", line.empty() ? "" : " ", x, (lo + hi) / 2);
    points += fmt::format(
        R"svg(<circle class="point" data-year="{}" data-min="{}" data-max="{}" cx="{:.1f}" cy="{:.1f}" r="3.5"/>)svg",
        years[i].year, format_yuan_decimal(a.min()), format_yuan_decimal(a.max()), x,
        (lo + hi) / 2);
  }
  if (!upper.empty()) out += fmt::format(R"svg(<path class="band" d="{}{}Z"/>)svg", upper, lower);
  if (!line.empty()) out += fmt::format(R"svg(<polyline class="line" points="{}"/>)svg", line);
  return out + points + "</svg>";
}

}  // namespace aidstat::detail
