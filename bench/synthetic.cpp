#include "synthetic.hpp"

#include <array>
#include <cmath>
#include <fstream>
#include <random>
#include <vector>

#include "aidstat/amount_text.hpp"

namespace aidstat::bench {
namespace {

// Category popularity: a few programs take most records, as in real offices.
constexpr std::array<const char*, 13> kCategories = {"pension_subsidy",
                                                     "condolence",
                                                     "charity_relief",
                                                     "medical",
                                                     "education",
                                                     "employment",
                                                     "legal_aid",
                                                     "skills_training",
                                                     "culture",
                                                     "infrastructure",
                                                     "publicity",
                                                     "defense_education",
                                                     "other"};
constexpr std::array<double, 13> kWeights = {30, 20, 12, 9, 7, 6, 4, 3, 3, 2, 2, 1, 1};
constexpr std::array<const char*, 4> kMeasures = {"person", "person_time", "session", "household"};
// Notes as offices write them, for rows of the full layout.
constexpr std::array<const char*, 6> kNotes = {"春节走访慰问", "八一建军节慰问", "助学金发放",
                                               "医疗救助",     "困难帮扶",       "送温暖活动"};

// One record's fields, drawn from the seeded generator.
struct draw {
  std::mt19937_64 rng;
  std::discrete_distribution<int> category{kWeights.begin(), kWeights.end()};
  std::vector<double> provider_cdf;

  draw(const synthetic_spec& s) : rng(s.seed) {
    double sum = 0;
    for (std::uint32_t i = 0; i < s.providers; ++i) {
      sum += 1.0 / std::pow(i + 1.0, 0.9);  // Zipf-like
      provider_cdf.push_back(sum);
    }
    for (double& c : provider_cdf) c /= sum;
  }
  std::uint32_t provider() {
    const double u = std::uniform_real_distribution<double>(0, 1)(rng);
    const auto it = std::lower_bound(provider_cdf.begin(), provider_cdf.end(), u);
    return static_cast<std::uint32_t>(
        std::min<std::size_t>(it - provider_cdf.begin(), provider_cdf.size() - 1));
  }
};

// A plain amount in yuan with two decimals, or a report notation.
std::string amount_text(draw& d, double notation_share) {
  std::uniform_real_distribution<double> u(0, 1);
  const std::uint64_t fen = 10'000 + d.rng() % 50'000'000;  // 100 yuan .. 500k yuan
  if (u(d.rng) < notation_share) {
    static constexpr std::array<const char*, 4> forms = {"%llu余万元", "近%llu万元", "约%llu万元",
                                                         "%llu多万元"};
    char buf[64];
    std::snprintf(buf, sizeof buf, forms[d.rng() % forms.size()],
                  static_cast<unsigned long long>(1 + fen / 1'000'000));
    return buf;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%llu.%02llu", static_cast<unsigned long long>(fen / 100),
                static_cast<unsigned long long>(fen % 100));
  return buf;
}

}  // namespace

std::uint64_t write_synthetic_csv(const synthetic_spec& spec, const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  {
    std::ofstream units(dir / "units.csv", std::ios::binary);
    units << "id,name,kind,side,parent,region\n";
    for (std::uint32_t i = 0; i < spec.providers; ++i)
      units << 'p' << i << ",provider " << i << ",government,civilian,,r" << (i % 17) << '\n';
    for (std::uint32_t i = 0; i < spec.recipients; ++i)
      units << 'm' << i << ",unit " << i << ",military_unit,military,,\n";
  }
  draw d(spec);
  std::ofstream items(dir / "items.csv", std::ios::binary);
  items << (spec.full_rows
                ? "date,category,provider,recipient,beneficiary,form,amount,quantity,measure,note\n"
                : "date,category,provider,recipient,form,amount,quantity,measure\n");
  std::string line;
  for (std::uint64_t r = 0; r < spec.records; ++r) {
    line.clear();
    const int year = 2019 + static_cast<int>(d.rng() % 6),
              month = 1 + static_cast<int>(d.rng() % 12);
    char date[16];
    if (spec.full_rows)
      std::snprintf(date, sizeof date, "%d-%02d-%02d", year, month,
                    1 + static_cast<int>(d.rng() % 28));
    else
      std::snprintf(date, sizeof date, "%d-%02d", year, month);
    line += date;
    line += ',';
    line += kCategories[static_cast<std::size_t>(d.category(d.rng))];
    line += ",p" + std::to_string(d.provider());
    line += ",m" + std::to_string(d.rng() % spec.recipients);
    if (spec.full_rows) line += ',';  // no beneficiary: the recipient unit is given
    line += d.rng() % 2 ? ",cash," : ",in_kind,";
    line += amount_text(d, spec.notation_share);
    if (d.rng() % 4 == 0) {
      line += ',' + std::to_string(1 + d.rng() % 50) + ',' + kMeasures[d.rng() % kMeasures.size()];
    } else {
      line += ",,";
    }
    if (spec.full_rows) {
      line += ',';
      if (d.rng() % 3 == 0) line += kNotes[d.rng() % kNotes.size()];
    }
    line += '\n';
    items << line;
  }
  items.flush();
  return static_cast<std::uint64_t>(items.tellp());
}

dataset make_synthetic(const synthetic_spec& spec) {
  dataset out;
  for (std::uint32_t i = 0; i < spec.providers; ++i)
    out.add_unit(unit("p" + std::to_string(i), "provider " + std::to_string(i),
                      unit_kind::government, side::civilian, "", "r" + std::to_string(i % 17)));
  for (std::uint32_t i = 0; i < spec.recipients; ++i)
    out.add_unit(unit("m" + std::to_string(i), "unit " + std::to_string(i),
                      unit_kind::military_unit, side::military));
  draw d(spec);
  out.reserve_items(spec.records);
  aid_item it;
  for (std::uint64_t r = 0; r < spec.records; ++r) {
    const int year = 2019 + static_cast<int>(d.rng() % 6),
              month = 1 + static_cast<int>(d.rng() % 12);
    it.date = date(year, month);
    it.category = kCategories[static_cast<std::size_t>(d.category(d.rng))];
    it.provider = "p" + std::to_string(d.provider());
    it.recipient = "m" + std::to_string(d.rng() % spec.recipients);
    it.form = d.rng() % 2 ? aid_form::cash : aid_form::in_kind;
    it.amount = parse_money(amount_text(d, spec.notation_share));
    if (d.rng() % 4 == 0) {
      it.quantity = count_interval::exact(count{static_cast<std::int64_t>(1 + d.rng() % 50)});
      it.measure = parse_enum<measure>(kMeasures[d.rng() % kMeasures.size()]);
    } else {
      it.quantity.reset();
      it.measure.reset();
    }
    out.add_item(it);
  }
  return out;
}

}  // namespace aidstat::bench
