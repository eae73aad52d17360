#include "analysis/summary_sentences.hpp"

#include <cstdint>

#include "aidstat/amount_text.hpp"
#include "core/int128.hpp"

namespace aidstat::detail {
namespace {

// The change from b to c in tenths of a percent, exactly, rounded half away from zero;
// empty when b is not above 0 or the change is too large to say.
std::optional<std::int64_t> tenths_of(i128 b, i128 c) {
  if (b <= 0) return std::nullopt;
  const i128 num = (c - b) * 1000;
  const i128 mag = num < 0 ? -num : num;
  i128 q = mag / b;
  if (2 * (mag % b) >= b) ++q;
  if (q > INT64_MAX) return std::nullopt;
  return static_cast<std::int64_t>(num < 0 ? -q : q);
}

// "十", "二十三" for 1..99; digits otherwise.
std::string chinese_number(std::int64_t n) {
  static const char* const digits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n < 1 || n > 99) return std::to_string(n);
  if (n < 10) return digits[n];
  return std::string(n >= 20 ? digits[n / 10] : "") + "十" + digits[n % 10];
}

// "，比上年增长约9.5%" / ", up about 9.5% on the year before", or nothing.
void say_change(sentence_writer& w, change_said c, std::string_view zh_what,
                std::string_view en_what) {
  if (!c.tenths) return;
  const std::int64_t t = *c.tenths;
  if (t == 0 && !c.approximate) {
    w.say(std::string("，") + std::string(zh_what) + "与上年持平",
          ", " + std::string(en_what) + "the same as the year before");
    return;
  }
  w.say(std::string("，") + std::string(zh_what) + "比上年" + (t < 0 ? "减少" : "增长") +
            (c.approximate ? "约" : ""),
        ", " + std::string(en_what) + (t < 0 ? "down " : "up ") + (c.approximate ? "about " : ""));
  w.percent(t < 0 ? -t : t).say("%", "% on the year before");
}

}  // namespace

sentence_writer& sentence_writer::say(std::string_view zh_text, std::string_view en_text) {
  s_.text += zh() ? zh_text : en_text;
  return *this;
}

sentence_writer& sentence_writer::put(summary_figure f) {
  s_.text += f.text;
  s_.figures.push_back(std::move(f));
  return *this;
}

sentence_writer& sentence_writer::money(money_interval amount) {
  summary_figure f;
  f.type = summary_figure::kind::money, f.amount = amount, f.text = format_money_in_text(amount);
  return put(std::move(f));
}

sentence_writer& sentence_writer::count(std::int64_t n) {
  summary_figure f;
  f.count = count_interval::exact(aidstat::count{n}), f.text = std::to_string(n);
  return put(std::move(f));
}

sentence_writer& sentence_writer::quantity(count_interval q, std::optional<aidstat::measure> m) {
  summary_figure f;
  f.count = q, f.text = format_count(q, m);
  return put(std::move(f));
}

sentence_writer& sentence_writer::chinese_count(std::int64_t n) {
  summary_figure f;
  f.count = count_interval::exact(aidstat::count{n}), f.text = chinese_number(n);
  return put(std::move(f));
}

sentence_writer& sentence_writer::percent(std::int64_t tenths) {
  summary_figure f;
  f.type = summary_figure::kind::percent, f.percent_tenths = tenths;
  f.text = std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
  return put(std::move(f));
}

summary_sentence sentence_writer::done(std::string category, bool about_records) {
  s_.text += zh() ? "。" : ".";
  s_.category = std::move(category);
  s_.about_records = about_records;
  return std::move(s_);
}

change_said change_of(const aggregate& base, const aggregate& current) {
  if (base.amount_unstated() || current.amount_unstated()) return {};
  const auto fen = [](money m) { return static_cast<i128>(m.fen()); };
  const money_interval b = base.amount, c = current.amount;
  change_said out;
  out.tenths = tenths_of(fen(b.min()) + fen(b.max()), fen(c.min()) + fen(c.max()));
  if (!out.tenths) return {};
  // Wide when the extremes of the change do not round to the same tenth.
  const auto low = tenths_of(fen(b.max()), fen(c.min()));
  const auto high = tenths_of(fen(b.min()), fen(c.max()));
  out.approximate = !low || !high || *low != *high;
  return out;
}

summary_sentence year_sentence(summary_language lang, int year, const aggregate& current,
                               change_said change, bool figures_shown) {
  sentence_writer w(lang);
  const std::string y = std::to_string(year);
  w.say(y + "年共登记双拥工作记录", "In " + y + ", ").count(current.records);
  w.say("条", " records were entered");
  if (!figures_shown) return w.done({}, true);
  if (current.amount_records) w.say("，金额合计", ", amounting to ").money(current.amount);
  if (current.headcount())
    w.say("，惠及", ", reaching ").count(current.headcount()).say("人", " people");
  say_change(w, change, "金额", "the amount ");
  return w.done({}, true);
}

// "慰问：" / "Condolence visits: ".
sentence_writer named(summary_language lang, const std::string& name) {
  sentence_writer w(lang);
  w.say(name + "：", name + ": ");
  return w;
}

summary_sentence category_sentence(summary_language lang, const std::string& key,
                                   const std::string& name, const aggregate& current, bool is_new,
                                   change_said change) {
  sentence_writer w = named(lang, name);
  w.count(current.records).say("条记录", current.records == 1 ? " record" : " records");
  // No amount stated: the records and the quantity say what was done, never 0元.
  if (current.amount_records) w.say("，金额", ", ").money(current.amount);
  // A count of people is said once, as the people reached, when those are known.
  const bool people_twice =
      current.quantity_measure == aidstat::measure::person && current.headcount();
  if (current.has_quantity() && !people_twice)
    w.say("，", ", ").quantity(current.quantity, current.quantity_measure);
  if (current.headcount())
    w.say("，惠及", ", reaching ").count(current.headcount()).say("人", " people");
  if (is_new)
    w.say("，为新增项目", ", a new item this year");
  else
    say_change(w, change, "", "");
  return w.done(key, true);
}

summary_sentence discontinued_sentence(summary_language lang, const std::string& key,
                                       const std::string& name, std::int64_t base_records,
                                       bool base_shown) {
  sentence_writer w = named(lang, name);
  w.say("本年未再开展", "not carried on this year");
  if (base_shown)
    w.say("（上年", " (")
        .count(base_records)
        .say("条记录）",
             base_records == 1 ? " record the year before)" : " records the year before)");
  return w.done(key, false);
}

summary_sentence withheld_sentence(summary_language lang, const std::string& key,
                                   const std::string& name) {
  return named(lang, name)
      .say("数字按小格规则不予公布", "figures withheld, as small cells are")
      .done(key, false);
}

summary_sentence commitments_sentence(summary_language lang, std::int64_t total,
                                      std::int64_t done) {
  sentence_writer w(lang);
  if (w.zh())
    return w.chinese_count(total).say("件实事已完成", "").count(done).say("件", "").done();
  return w.count(done).say("", " of ").count(total).say("", " commitments completed").done();
}

summary_sentence gap_sentence(summary_language lang, const std::string& label, money_interval gap) {
  sentence_writer w(lang);
  w.say("报告数“" + label + "”与记录数相差",
        "The stated total \"" + label + "\" differs from the records by ");
  return w.money(gap).done();
}

summary_sentence quality_sentence(summary_language lang, std::int64_t errors,
                                  std::int64_t warnings) {
  sentence_writer w(lang);
  w.say("数据检查发现", "The data check found ").count(errors).say("处错误、", " errors and ");
  return w.count(warnings).say("处警告", " warnings").done();
}

}  // namespace aidstat::detail
