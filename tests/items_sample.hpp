// A sample items.csv with every field form the readers accept, and the units and
// beneficiaries it names: for the tests that hold one reader against another.
#pragma once

#include <cstdint>
#include <random>
#include <string>

#include "test_support.hpp"

namespace aidstat::test {

inline const char* const kUnitsCsv =
    "id,name,kind,side,parent,region\n"
    "city,City,government,civilian,,east\n"
    "firm,Firm,enterprise,civilian,,\n"
    "garrison,Garrison,military_unit,military,,\n"
    "73051,Unit 73051,military_unit,military,garrison,\n"
    "club,Club,social_org,,,\n";
inline const char* const kPeopleCsv =
    "id,kind,unit,headcount\n"
    "needy,active_member,73051,27\n"
    "town,civilian,,300\n"
    "vet,veteran,,1\n";

// A file of `n` rows exercising every field form the readers accept: three date
// precisions, report notations, intervals, Chinese measures, quoted notes with
// commas, quotes and line breaks, CRLF endings, blank lines and a BOM.
// With `any_units`, units are ids a units.csv would not define ("u123", some quoted
// with a doubled quote), first met all through the file.
inline std::string items_csv(std::size_t n, std::uint64_t seed, bool any_units = false) {
  std::mt19937_64 rng(seed);
  const auto pick = [&](std::size_t k) { return static_cast<std::size_t>(rng() % k); };
  static const char* const units[] = {"city", "firm", "garrison", "73051", "club"};
  static const char* const people[] = {"needy", "town", "vet"};
  static const char* const cats[] = {"condolence", "education", "medical", "other", "culture"};
  static const char* const amounts[] = {
      "1200",       "3.5",        "0.05", "12余万元", "近30万元",
      "[1, 2]万元", "1100余万元", "0",    "2,000"};  // quoted below: a thousands separator
  static const char* const quantities[] = {"25", "3000余人次", "14场", "0", "约200人"};
  static const char* const notes[] = {"",           "春节慰问",   "with, comma",
                                      "say \"hi\"", "two\nlines", "crlf\r\nline"};
  std::string out =
      "\xEF\xBB\xBFnote,amount,date,provider,category,recipient,beneficiary,"
      "form,quantity,measure,direction\n";
  for (std::size_t i = 0; i < n; ++i) {
    const int y = 2020 + static_cast<int>(pick(4)), m = 1 + static_cast<int>(pick(12));
    std::string date = std::to_string(y);
    if (pick(3)) date += (m < 10 ? "-0" : "-") + std::to_string(m);
    if (date.size() == 7 && pick(2)) date += "-1" + std::to_string(pick(9));
    std::string note = notes[pick(6)];
    if (note.find_first_of(",\"\n") != std::string::npos) {
      std::string quoted = "\"";
      for (char ch : note) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      note = quoted + "\"";
    }
    std::string amount = pick(5) ? amounts[pick(9)] : "";
    if (amount.find(',') != std::string::npos) amount = "\"" + amount + "\"";
    std::string provider = units[pick(5)];
    std::string recipient = pick(4) ? units[pick(5)] : "";
    if (any_units) {
      provider = pick(100) ? "u" + std::to_string(pick(20000))
                           : "\"q\"\"" + std::to_string(pick(9)) + "\"";
      if (!recipient.empty()) recipient = "r" + std::to_string(pick(5000));
    }
    // About one row in six names neither a recipient nor a beneficiary.
    std::string person = pick(3) == 0 ? people[pick(3)] : "";
    std::string quantity, measure;
    if (pick(3) == 0) {
      quantity = quantities[pick(5)];
      if (quantity == "25" || quantity == "0") measure = pick(2) ? "person" : "人次";
    }
    const char* form = pick(3) ? (pick(2) ? "cash" : "in_kind") : "";
    const char* direction = pick(10) == 0 ? "support_military" : "";
    out += note + "," + amount + "," + date + "," + provider + "," + cats[pick(5)] + "," +
           recipient + "," + person + "," + form + "," + quantity + "," + measure + "," +
           direction + (pick(7) == 0 ? "\r\n" : "\n");
    if (pick(50) == 0) out += "\n";  // a blank line
  }
  return out;
}

// Rows in the sample's column order (note, amount, date, provider, category,
// recipient, beneficiary, form, quantity, measure, direction): transfers between
// the dataset's units, which a per-category total leaves out (docs/transfers.md).
inline const char* const kTransfers =
    ",5000,2023-05-01,city,education,firm,,transfer,,,\n"
    "\"handed on\",1.2万元,2022-11,city,medical,club,,transfer,,,\n";

// A dataset directory: `rows` sample items with the transfers, and units.csv and
// beneficiaries.csv unless left out (without units.csv no beneficiary can name its
// unit).
inline void write_sample(const temp_dir& dir, std::size_t rows, std::uint64_t seed,
                         bool with_units) {
  dir.write("items.csv", items_csv(rows, seed, !with_units) + kTransfers);
  if (with_units) dir.write("units.csv", kUnitsCsv);
  dir.write("beneficiaries.csv", with_units ? std::string(kPeopleCsv)
                                            : "id,kind,unit,headcount\nneedy,active_member,,27\n"
                                              "town,civilian,,300\nvet,veteran,,1\n");
}

}  // namespace aidstat::test
