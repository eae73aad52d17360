// The report's style sheet.
#include "output/report_html.hpp"

namespace aidstat::detail {

const std::string_view report_css = R"(
:root { --base: #9db4cf; --current: #c0392b; --ink: #222; --rule: #ccc; }
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
       color: var(--ink); margin: 24px auto; max-width: 960px; line-height: 1.45; background: #fff; }
h1 { font-size: 26px; margin: 0 0 4px; } h1 small { display: block; font-size: 16px; color: #555; font-weight: normal; }
h2 { font-size: 19px; border-bottom: 2px solid var(--current); padding-bottom: 3px; margin-top: 28px; }
h2 small, h3 small { color: #666; font-weight: normal; margin-left: 8px; }
h3 { font-size: 16px; margin: 18px 0 6px; }
p.meta, p.note { color: #555; font-size: 13px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0 10px; }
th, td { border-bottom: 1px solid var(--rule); padding: 4px 6px; text-align: right; }
th { background: #f3f3f3; } th:first-child, td:first-child { text-align: left; }
tr.total td { font-weight: bold; border-top: 2px solid #888; }
td.suppressed { color: #a00; font-weight: bold; text-align: center; }
.status-inconsistent { color: #a00; } .status-incomplete { color: #b36b00; }
svg.chart { width: 100%; height: auto; display: block; }
svg .grid { stroke: #e4e4e4; } svg .axis, svg .label, svg .legend text { font-size: 11px; fill: #444; }
svg .bar.base { fill: var(--base); } svg .bar.current { fill: var(--current); }
svg .range.base { fill: var(--base); opacity: .45; } svg .range.current { fill: var(--current); opacity: .35; }
svg .whisker { stroke: #333; stroke-width: 1.2; fill: none; }
svg .band { fill: var(--current); opacity: .18; } svg .line { fill: none; stroke: var(--current); stroke-width: 2; }
svg .point { fill: var(--current); }
section.page { break-before: page; }
p.sentence { margin: 4px 0; font-size: 15px; } p.sentence.en { font-size: 13px; color: #444; }
p.sentence a, td a { color: inherit; text-decoration: none; border-bottom: 1px dotted #888; }
table.records td:last-child { text-align: left; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11px; line-height: 1.3; }
  table { font-size: 10.5px; margin: 4px 0 6px; } th, td { padding: 2px 5px; }
  h1 { font-size: 20px; } h2 { font-size: 15px; margin-top: 14px; } h3 { font-size: 13px; margin: 10px 0 4px; }
  p.note, p.meta { font-size: 10px; margin: 4px 0; }
  svg.chart.bars { max-height: 118mm; } svg.chart.trend { max-height: 80mm; }
  tr, svg { break-inside: avoid; } h2, h3 { break-after: avoid; }
}
)";

}  // namespace aidstat::detail
