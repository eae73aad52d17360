// The bodies of the fuzz targets, shared by the libFuzzer entry points (fuzz_*.cpp,
// built with clang) and the regular test suite, which runs every input under
// tests/fuzz/corpus/ (the seeds and every crash ever found) through them.
// Each returns normally for any input: bad input must be an aidstat::error.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aidstat/amount_text.hpp"
#include "aidstat/archive.hpp"
#include "aidstat/error.hpp"
#include "aidstat/load_csv.hpp"
#include "aidstat/totals.hpp"
#include "aidstat/workbook.hpp"
#include "io/archive/archive_frame.hpp"  // src/: checksums, to reseal archives
#include "io/items/items_checked.hpp"
#include "io/items/items_fast.hpp"  // src/: the two items readers are compared

namespace aidstat::fuzz {

/// Stops the program when a property fails (libFuzzer reports the input).
inline void require(bool ok) {
  if (!ok) std::abort();
}

/// The amount parser: never crashes; what it reads is an ordered interval; exact
/// amounts and "[a, b]" displays read back to the same interval.
inline void amount_text(std::string_view text) {
  try {
    const figure f = parse_figure(text);
    require(f.min_centi <= f.max_centi);
    if (f.kind == figure_kind::quantity) return;
    const money_interval m = parse_money(text);
    for (money_unit unit : {money_unit::yuan, money_unit::wan}) {
      const std::string shown = format_money(m, unit);
      if (m.is_exact() || shown.starts_with("[")) require(parse_money(shown) == m);
    }
  } catch (const aidstat::error&) {
  }
}

/// The CSV loader: the input is split at NUL bytes into items.csv, units.csv,
/// beneficiaries.csv, categories.csv, commitments.csv and stated_totals.csv.
inline void csv_loader(std::string_view bytes) {
  std::vector<std::string> parts(1);
  for (char c : bytes) {
    if (c == '\0' && parts.size() < 6)
      parts.emplace_back();
    else
      parts.back() += c;
  }
  dataset_texts t;
  t.items = {"items.csv", parts[0]};
  const char* names[] = {"",
                         "units.csv",
                         "beneficiaries.csv",
                         "categories.csv",
                         "commitments.csv",
                         "stated_totals.csv"};
  std::optional<csv_text>* slots[] = {nullptr,       &t.units,       &t.beneficiaries,
                                      &t.categories, &t.commitments, &t.stated_totals};
  for (std::size_t i = 1; i < parts.size(); ++i) *slots[i] = csv_text{names[i], parts[i]};
  try {
    const dataset d = read_dataset(t);
    const totals by_category = compute_totals(d, {{dimension::parse("category")}, {}});
    require(by_category.grand.records == static_cast<std::int64_t>(d.item_count()));
  } catch (const aidstat::error&) {
  }
  // The parallel items reader takes a file only when the checking reader would take
  // it whole, and then builds the same items, units and lines (with or without
  // units.csv).
  try {
    dataset_texts entities = t;
    entities.items = {"items.csv", "date,category,provider\n"};
    const dataset base = read_dataset(entities);
    dataset fast = base, checked = base;
    std::vector<std::uint32_t> fast_lines, checked_lines;
    const bool units = t.units.has_value();
    if (!detail::read_items_fast(detail::view_of(t.items), fast, 2, &fast_lines, units)) return;
    std::vector<problem> problems;
    detail::read_items_checked(detail::view_of(t.items), checked, units,
                               t.beneficiaries.has_value(), problems, &checked_lines);
    require(problems.empty());
    require(fast == checked);
    require(fast_lines == checked_lines);
  } catch (const aidstat::error&) {
  }
}

/// `bytes` with the declared length and every checksum of format 3 made right, as a
/// hostile writer could: the fuzzer then reaches the parsers behind the checksums.
/// Empty when the frame cannot be found.
inline std::optional<std::string> resealed(std::string_view bytes) {
  std::string s(bytes);
  const std::size_t eol = s.find('\n');
  if (eol == std::string::npos || eol < 55 || !s.starts_with("aidstat-archive ")) return {};
  const auto put = [&](std::size_t at, std::size_t width, std::uint64_t v, int base) {
    for (std::size_t i = width; i-- > 0; v /= static_cast<std::uint64_t>(base))
      s[at + i] = "0123456789abcdef"[v % static_cast<std::uint64_t>(base)];
  };
  put(eol - 37, 20, s.size(), 10);
  for (std::size_t at = eol + 1; at < s.size();) {
    const std::size_t end = s.find('\n', at), name_end = s.find(' ', at + 8);
    if (end == std::string::npos || name_end == std::string::npos || name_end + 38 > end) break;
    std::uint64_t length = 0;
    for (std::size_t i = name_end + 1; i < name_end + 21; ++i) {
      if (s[i] < '0' || s[i] > '9') return {};
      length = length * 10 + static_cast<std::uint64_t>(s[i] - '0');
    }
    if (length > s.size() - end - 1) break;
    put(name_end + 22, 16, detail::checksum_of(std::string_view(s).substr(end + 1, length)), 16);
    at = end + 1 + length;
  }
  put(eol - 16, 16, detail::checksum_of(std::string_view(s).substr(0, eol - 17)), 16);
  return s;
}

/// The archive loader: never crashes, never allocates beyond the input's size,
/// whole or for one query (seeking past the columns it does not read); and the
/// same once the input's checksums are made right.
inline void archive(std::string_view bytes) {
  if (const auto fixed = resealed(bytes); fixed && *fixed != bytes) archive(*fixed);
  try {
    const dataset d = read_archive(bytes, "fuzz");
    const totals all = compute_totals(d, {{dimension::parse("year")}, {}});
    require(all.grand.records == static_cast<std::int64_t>(d.item_count()));
  } catch (const aidstat::error&) {
  }
  try {
    const totals_query q{{dimension::parse("category")}, {}};
    const dataset d = read_archive(bytes, "fuzz", fields_for(q));
    require(compute_totals(d, q).grand.records == static_cast<std::int64_t>(d.item_count()));
  } catch (const aidstat::error&) {
  }
}

/// The workbook reader: never crashes; a workbook that loads has its records counted
/// once each. The bytes go through a file, as the reader opens one.
inline void workbook(std::string_view bytes) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("aidstat-fuzz-" + std::to_string(::getpid()) + ".xlsx");
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  try {
    const dataset d = load_workbook(path);
    const totals all = compute_totals(d, {{dimension::parse("year")}, {}});
    require(all.grand.records == static_cast<std::int64_t>(d.item_count()));
  } catch (const aidstat::error&) {
  }
  std::error_code ec;
  std::filesystem::remove(path, ec);
}

}  // namespace aidstat::fuzz
