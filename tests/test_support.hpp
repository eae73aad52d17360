// Helpers shared by the tests: temporary dataset directories and running the CLI.
#pragma once

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "aidstat/amount_text.hpp"
#include "aidstat/dataset.hpp"

namespace aidstat::test {

/// A fresh directory under the system temp dir, removed when destroyed.
class temp_dir {
 public:
  temp_dir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("aidstat-test-" + std::to_string(rd()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~temp_dir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  /// Writes `text` to file `name` in the directory, byte for byte.
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name, std::ios::binary) << text;
  }

 private:
  std::filesystem::path path_;
};

/// The bytes of a file ("" when there is none).
inline std::string file_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

/// Output and exit status of a command.
struct run_result {
  int status = -1;
  std::string out;  ///< stdout
  std::string err;  ///< stderr
};

/// Runs the aidstat CLI with `args` (a shell-quoted string), after the environment
/// settings `env` ("A=1 B=2") when given.
inline run_result run_cli(const std::string& args, const std::string& env = "") {
  temp_dir tmp;
  const auto out = tmp.path() / "out", err = tmp.path() / "err";
  const std::string cmd = (env.empty() ? "" : "env " + env + " ") + "'" + AIDSTAT_CLI + "' " +
                          args + " >'" + out.string() + "' 2>'" + err.string() + "'";
  const int raw = std::system(cmd.c_str());
  run_result r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  const auto slurp = [](const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

/// A dataset with a civilian unit "city" (its beneficiary group "kids", 10 children,
/// belongs to "army") and a military unit "army".
inline dataset city_and_army(std::int64_t kids = 10) {
  dataset d;
  d.add_unit(unit("city", "市政府", unit_kind::government, side::civilian));
  d.add_unit(unit("army", "驻军", unit_kind::military_unit, side::military));
  d.add_beneficiary(beneficiary("kids", beneficiary_kind::member_child, "army", kids));
  return d;
}

/// Adds a record written as a report would: `when` is YYYY[-MM[-DD]]; `amount` and
/// `quantity` in report notation ("" for none; the quantity's measure word gives
/// its measure); empty ids for no recipient or beneficiary.
inline void add_record(dataset& d, const std::string& when, const std::string& category,
                       const std::string& provider, const std::string& recipient,
                       const std::string& who, const std::string& amount,
                       const std::string& quantity) {
  aid_item it;
  it.date = date::parse(when);
  it.category = category;
  it.provider = provider;
  it.recipient = recipient;
  it.beneficiary = who;
  if (!amount.empty()) it.amount = parse_money(amount);
  if (!quantity.empty()) {
    const quantity_text q = parse_quantity(quantity);
    it.quantity = q.value;
    it.measure = q.unit;
  }
  d.add_item(it);
}

/// Adds a record from "city" to "army": `when` is YYYY[-MM[-DD]], `amount` is in report
/// notation ("" for none), `who` a beneficiary id ("" for none).
inline void add_gift(dataset& d, const std::string& when, const std::string& category,
                     const std::string& amount, const std::string& who = "") {
  add_record(d, when, category, "city", "army", who, amount, "");
}

/// The demo dataset shipped in examples/.
inline std::filesystem::path demo_dataset() {
  return std::filesystem::path(AIDSTAT_SOURCE_DIR) / "examples/data/city-2023";
}

/// The rows of CSV text without quoted fields (the CLI's output for plain keys),
/// split on commas; a trailing comma ends a row with an empty cell.
inline std::vector<std::vector<std::string>> plain_csv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    rows.emplace_back();
    std::istringstream cells(line);
    for (std::string cell; std::getline(cells, cell, ',');) rows.back().push_back(cell);
    if (!line.empty() && line.back() == ',') rows.back().emplace_back();
  }
  return rows;
}

}  // namespace aidstat::test
