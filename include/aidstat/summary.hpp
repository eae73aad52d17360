// The sentences an office publishes, written from the records: the year as a whole,
// then each category in the order of the report's tables, the commitments, and the
// reconciliations and data quality when there is something to say. Every figure is
// in the report's notation (format_money_in_text, format_count), so that parse_money
// and parse_count read it back to the computed interval; an approximate figure never
// gets an exact-sounding sentence, a group whose records state no amount is never
// said to be 0元, and a percentage with a zero base is not said.
//
//   summary_options o;
//   o.base_year = 2022;
//   o.current_year = 2023;
//   for (const summary_sentence& s : summarize(d, check_dataset(d), o))
//     std::cout << s.text << "\n";  // 2023年共登记双拥工作记录37条，…
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aidstat/check.hpp"
#include "aidstat/dataset.hpp"
#include "aidstat/enums.hpp"

namespace aidstat {

/// The language the sentences are written in.
enum class summary_language : std::uint8_t { zh, en };

/// The vocabulary of summary_language (key_of, parse_enum, keys_of).
template <>
struct enum_vocabulary<summary_language> {
  static constexpr std::string_view what = "language";
  static constexpr auto entries = std::to_array<enum_entry<summary_language>>({
      {summary_language::zh, "zh", "中文"},
      {summary_language::en, "en", "English"},
  });
};

/// Which year to describe, against which, and how.
struct summary_options {
  int base_year = 0;                                 ///< the year compared against
  int current_year = 0;                              ///< the year described
  std::optional<std::int64_t> min_cell;              ///< disclosure control, as the report's tables
  summary_language language = summary_language::zh;  ///< Chinese or English
  unsigned threads = 0;                              ///< threads to scan with; 0 for all
};

/// One figure a sentence states, with the value it stands for.
struct summary_figure {
  /// What the figure is: an amount, a count (records, people, a quantity) or a
  /// percentage.
  enum class kind : std::uint8_t { money, count, percent };
  kind type = kind::count;          ///< which of amount, count, percent_tenths holds it
  std::string text;                 ///< as the sentence writes it: "1100余万元", "490", "9.5"
  money_interval amount;            ///< a money figure's interval
  count_interval count;             ///< a count's interval
  std::int64_t percent_tenths = 0;  ///< a percentage, in tenths (95 = 9.5%)
  /// Equal when every field is.
  friend bool operator==(const summary_figure&, const summary_figure&) = default;
};

/// One sentence: its text, the category it describes (empty for the whole year or a
/// sentence about no records), and the figures it states, in order.
struct summary_sentence {
  std::string text;                     ///< the sentence, with its full stop
  std::string category;                 ///< the category whose records it describes
  bool about_records = false;           ///< it describes records (the year or a category)
  std::vector<summary_figure> figures;  ///< every figure in `text`
  /// Equal when every field is.
  friend bool operator==(const summary_sentence&, const summary_sentence&) = default;
};

/// The sentences describing `o.current_year` against `o.base_year`. `quality` is the
/// check of the dataset (check_dataset). With `min_cell`, a sentence states only figures
/// the report's protected tables publish. Throws query_error when the years are equal
/// or either is missing (0).
std::vector<summary_sentence> summarize(const dataset& d, const check_report& quality,
                                        const summary_options& o);

}  // namespace aidstat
