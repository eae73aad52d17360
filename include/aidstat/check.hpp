// Data quality: every validation problem, the reconciliation of stated
// totals against their records, and duplicate records, as structured findings.
//
//   check_report r = check_dataset_directory(dir);  // e.g. examples/data/city-2023
//   for (const finding& f : r.findings) std::cout << f.to_string() << "\n";
//   return r.errors() ? 1 : 0;
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "aidstat/archive.hpp"
#include "aidstat/dataset.hpp"
#include "aidstat/enums.hpp"
#include "aidstat/error.hpp"
#include "aidstat/load_csv.hpp"

namespace aidstat {

/// How serious a finding is: errors make `aidstat check` fail.
enum class finding_level : std::uint8_t { error, warning, note };

/// The vocabulary of finding_level (key_of, parse_enum, keys_of).
template <>
struct enum_vocabulary<finding_level> {
  static constexpr std::string_view what = "finding level";
  static constexpr auto entries = std::to_array<enum_entry<finding_level>>({
      {finding_level::error, "error", "错误"},
      {finding_level::warning, "warning", "警告"},
      {finding_level::note, "note", "提示"},
  });
};

/// What kind of check found it.
enum class finding_kind : std::uint8_t {
  validation,      ///< a problem in the files
  reconciliation,  ///< a stated total against its records
  duplicate,       ///< records that agree on every identifying field
  unnamed,         ///< records that name neither a recipient unit nor a beneficiary
  protection,      ///< an archive without checksums
  overflow,        ///< sums too large for any total to hold
  formula,         ///< text that a spreadsheet would open as a formula
};

/// The vocabulary of finding_kind (key_of, parse_enum, keys_of).
template <>
struct enum_vocabulary<finding_kind> {
  static constexpr std::string_view what = "finding kind";
  static constexpr auto entries = std::to_array<enum_entry<finding_kind>>({
      {finding_kind::validation, "validation", "校验"},
      {finding_kind::reconciliation, "reconciliation", "核对"},
      {finding_kind::duplicate, "duplicate", "重复"},
      {finding_kind::unnamed, "unnamed", "未写对象"},
      {finding_kind::protection, "protection", "无校验和"},
      {finding_kind::overflow, "overflow", "溢出"},
      {finding_kind::formula, "formula", "公式"},
  });
};

/// How a stated total compares with the interval computed from its records.
enum class reconciliation_status : std::uint8_t {
  consistent,    ///< the two intervals overlap
  inconsistent,  ///< the records exceed what is stated: they cannot both be right
  incomplete,    ///< the records cover less than stated
};

/// The vocabulary of reconciliation_status (key_of, parse_enum, keys_of).
template <>
struct enum_vocabulary<reconciliation_status> {
  static constexpr std::string_view what = "reconciliation status";
  static constexpr auto entries = std::to_array<enum_entry<reconciliation_status>>({
      {reconciliation_status::consistent, "consistent", "一致"},
      {reconciliation_status::inconsistent, "inconsistent", "矛盾"},
      {reconciliation_status::incomplete, "incomplete", "不完整"},
  });
};

/// One stated figure (the amount, or the quantity in its measure) against its records.
struct figure_reconciliation {
  reconciliation_status status = reconciliation_status::consistent;  ///< how they compare
  /// The smallest distance between the stated and the recorded interval (0 when
  /// consistent): fen for the amount, units of the measure for the quantity.
  std::int64_t gap = 0;

  /// Equal when status and gap are equal.
  friend bool operator==(const figure_reconciliation&, const figure_reconciliation&) = default;
};

/// One stated total reconciled, figure by figure: the amount over every record of
/// its group, the quantity over the records of the stated measure.
struct reconciliation {
  std::string id;  ///< the stated total's id
  /// What the stated total says, for people: its note, or else its category, year
  /// and provider ("condolence 2023 city").
  std::string label;
  reconciliation_status status;                   ///< the worse of the figures' statuses
  std::optional<money_interval> stated_amount;    ///< what the report says
  money_interval recorded_amount;                 ///< what the records add up to
  std::optional<count_interval> stated_quantity;  ///< the stated quantity
  count_interval recorded_quantity;               ///< the records' quantities of that measure
  std::int64_t records = 0;                       ///< records in the group
  std::optional<figure_reconciliation> amount;    ///< the amount, when one is stated
  std::optional<figure_reconciliation> quantity;  ///< the quantity, when one is stated
  /// Equal when every field is.
  friend bool operator==(const reconciliation&, const reconciliation&) = default;
};

/// One finding: what, where, how serious.
struct finding {
  finding_level level = finding_level::error;    ///< error, warning or note
  finding_kind kind = finding_kind::validation;  ///< which check found it
  source_location where;                         ///< file, line, column when known
  std::string message;                           ///< a sentence for a program officer

  /// "items.csv:12: error: message".
  std::string to_string() const;
  /// Equal when every field is.
  friend bool operator==(const finding&, const finding&) = default;
};

/// All findings of a check, in file order, and the reconciliations.
struct check_report {
  std::vector<finding> findings;                ///< every finding
  std::vector<reconciliation> reconciliations;  ///< one per stated total

  /// Number of findings at level error.
  std::size_t errors() const noexcept;
  /// Number of findings at level warning.
  std::size_t warnings() const noexcept;
  /// Equal when every field is.
  friend bool operator==(const check_report&, const check_report&) = default;
};

/// Reconciles every stated total of `d` with the records beneath it: the records of
/// its year, category (and subcategories), provider and recipient (and the units
/// below them) and beneficiary kind. Each stated figure gets its own status and gap.
std::vector<reconciliation> reconcile(const dataset& d);

/// Groups of item rows that agree on date, category, provider, recipient,
/// beneficiary and amount (each group at least two rows, rows ascending). Records
/// without an amount must also agree on quantity and measure.
std::vector<std::vector<std::size_t>> find_duplicates(const dataset& d);

/// Checks a loaded dataset: reconciliation (inconsistent is an error, incomplete a
/// warning) and duplicates (warnings). `sources` locates records in their files.
check_report check_dataset(const dataset& d, const dataset_sources* sources = nullptr);

/// Loads and checks a dataset directory: every validation problem (errors), or, when
/// it loads, everything check_dataset finds. Throws io_error when it cannot be read.
check_report check_dataset_directory(const std::filesystem::path& dir);

/// Loads and checks an archive file: damage (an error naming the section), an
/// archive of a format without checksums (a warning: damage to it would go
/// unnoticed), and, when it loads, everything check_dataset finds (archives keep
/// no lines, so findings name rows). Throws io_error when it cannot be read.
check_report check_archive_file(const std::filesystem::path& file);

/// check_archive_file for a file, check_dataset_directory for a directory; first
/// removes the temporaries that a killed save or export left beside it.
check_report check_dataset_at(const std::filesystem::path& path);

}  // namespace aidstat
