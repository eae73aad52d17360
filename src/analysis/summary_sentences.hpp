// The sentences of a summary, one kind at a time, in either language, each with the
// figures it states. Internal to analysis (summary.cpp gathers the figures).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "aidstat/summary.hpp"
#include "aidstat/totals.hpp"

namespace aidstat::detail {

/// A sentence being written: text, and each figure as it is written into it.
class sentence_writer {
 public:
  explicit sentence_writer(summary_language lang) : lang_(lang) {}
  /// The words in the sentence's language.
  sentence_writer& say(std::string_view zh, std::string_view en);
  sentence_writer& money(money_interval amount);   ///< "1100余万元"
  sentence_writer& count(std::int64_t n);          ///< "37"
  sentence_writer& chinese_count(std::int64_t n);  ///< "十" (digits above 99)
  sentence_writer& quantity(count_interval q, std::optional<aidstat::measure> m);  ///< "94人"
  sentence_writer& percent(std::int64_t tenths);  ///< "9.5" (without the sign)
  bool zh() const noexcept { return lang_ == summary_language::zh; }
  /// The sentence, about `category`'s records (or the year's, when about_records).
  summary_sentence done(std::string category = {}, bool about_records = false);

 private:
  sentence_writer& put(summary_figure f);  // writes a figure's text and keeps it
  summary_language lang_;
  summary_sentence s_;
};

/// How a change from the base year is said: its percentage in tenths, and whether the
/// interval of the change is wide (then "约").
struct change_said {
  std::optional<std::int64_t> tenths;  ///< empty: nothing to say (a zero or unstated base)
  bool approximate = false;            ///< "增长约9.5%"
};

/// The change from `base` to `current` (amounts), or nothing when either states none or
/// the base is zero.
change_said change_of(const aggregate& base, const aggregate& current);

/// "2023年共登记双拥工作记录37条，金额合计…，惠及490人，金额比上年增长约27.6%。"
summary_sentence year_sentence(summary_language lang, int year, const aggregate& current,
                               change_said change, bool figures_shown);

/// "慰问（condolence）：5条记录，金额1100余万元，比上年增长约9.5%。", "…为新增项目。"
summary_sentence category_sentence(summary_language lang, const std::string& key,
                                   const std::string& name, const aggregate& current, bool is_new,
                                   change_said change);

/// "就业安置：本年未再开展（上年1条记录）。"
summary_sentence discontinued_sentence(summary_language lang, const std::string& key,
                                       const std::string& name, std::int64_t base_records,
                                       bool base_shown);

/// "文化：数字按小格规则不予公布。"
summary_sentence withheld_sentence(summary_language lang, const std::string& key,
                                   const std::string& name);

/// "十件实事已完成10件。"
summary_sentence commitments_sentence(summary_language lang, std::int64_t total, std::int64_t done);

/// "报告数“…”与记录数相差3元。"
summary_sentence gap_sentence(summary_language lang, const std::string& label, money_interval gap);

/// "数据检查发现2处错误、1处警告。"
summary_sentence quality_sentence(summary_language lang, std::int64_t errors,
                                  std::int64_t warnings);

}  // namespace aidstat::detail
