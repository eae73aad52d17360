#include "io/xlsx/workbook_parts.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>

#include "aidstat/error.hpp"
#include "io/xlsx/xml_events.hpp"

namespace aidstat::detail {
namespace {

int number_of(const char* text, int otherwise) {
  int v = otherwise;
  if (text) std::from_chars(text, text + std::char_traits<char>::length(text), v);
  return v;
}

bool is_true(const char* v) {
  return v && (std::string_view(v) == "1" || std::string_view(v) == "true");
}

// The relationships of a part: Id -> Target, and the target of each type's last.
struct relationships final : xml_events {
  std::map<std::string, std::string, std::less<>> targets;
  std::string office_document;
  void open(std::string_view name, const char** a) override {
    if (name != "Relationship") return;
    const char* id = attribute(a, "Id");
    const char* target = attribute(a, "Target");
    const char* type = attribute(a, "Type");
    if (!id || !target) return stop("a relationship without Id or Target");
    targets.emplace(id, target);
    if (type && std::string_view(type).ends_with("/officeDocument")) office_document = target;
  }
  void close(std::string_view) override {}
};

// A relationship's target as a part name: "/xl/x.xml" or, relative to `folder`, "x.xml".
std::string part_name(const std::string& folder, const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  return folder + target;
}

struct workbook_xml final : xml_events {
  std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
  bool date1904 = false;
  void open(std::string_view name, const char** a) override {
    if (name == "workbookPr") date1904 = is_true(attribute(a, "date1904"));
    if (name != "sheet") return;
    const char* sheet = attribute(a, "name");
    const char* id = attribute(a, "id");
    if (!sheet || !id) return stop("a sheet without a name or a relationship");
    if (sheets.size() >= 4096) return stop("more than 4096 sheets");
    sheets.emplace_back(sheet, id);
  }
  void close(std::string_view) override {}
};

struct styles_xml final : xml_events {
  std::map<int, std::string> codes;
  std::vector<date_shown> xfs;
  bool in_cell_xfs = false;
  void open(std::string_view name, const char** a) override {
    if (name == "numFmt") {
      const char* code = attribute(a, "formatCode");
      codes[number_of(attribute(a, "numFmtId"), -1)] = code ? code : "";
    } else if (name == "cellXfs") {
      in_cell_xfs = true;
    } else if (name == "xf" && in_cell_xfs) {
      if (xfs.size() >= 65536) return stop("more than 65536 cell styles");
      const int id = number_of(attribute(a, "numFmtId"), 0);
      const auto code = codes.find(id);
      xfs.push_back(date_format_shows(id, code == codes.end() ? "" : code->second));
    }
  }
  void close(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs = false;
  }
};

struct shared_strings_xml final : xml_events {
  std::vector<std::string>& out;
  int in_t = 0, in_phonetic = 0;
  explicit shared_strings_xml(std::vector<std::string>& o) : out(o) {}
  void open(std::string_view name, const char**) override {
    if (name == "si") {
      if (out.size() >= max_shared_strings)
        return stop("more than " + std::to_string(max_shared_strings) + " shared strings");
      out.emplace_back();
    } else if (name == "t") {
      ++in_t;
    } else if (name == "rPh") {
      ++in_phonetic;
    }
  }
  void close(std::string_view name) override {
    if (name == "t") --in_t;
    if (name == "rPh") --in_phonetic;
  }
  void text(std::string_view t) override {
    if (in_t && !in_phonetic && !out.empty()) out.back().append(t);
  }
};

}  // namespace

workbook_parts read_workbook_parts(const zip_parts& zip, const std::string& shown) {
  constexpr std::uint64_t small_part = std::uint64_t{64} << 20;  // workbook, rels, styles
  relationships package;
  if (zip.has("_rels/.rels")) parse_part(zip, "_rels/.rels", small_part, package, shown);
  const std::string book =
      package.office_document.empty() ? "xl/workbook.xml" : part_name("", package.office_document);
  const std::string folder = book.substr(0, book.rfind('/') + 1);
  const std::string rels = folder + "_rels/" + book.substr(folder.size()) + ".rels";
  workbook_xml wb;
  parse_part(zip, book, small_part, wb, shown);
  relationships book_rels;
  parse_part(zip, rels, small_part, book_rels, shown);
  workbook_parts out;
  out.date1904 = wb.date1904;
  for (const auto& [name, id] : wb.sheets) {
    const auto target = book_rels.targets.find(id);
    if (target == book_rels.targets.end())
      throw_error<data_error>(shown + " is damaged: sheet " + name + " has no part");
    out.sheets.push_back({name, part_name(folder, target->second)});
  }
  if (zip.has(folder + "styles.xml")) {
    styles_xml styles;
    parse_part(zip, folder + "styles.xml", small_part, styles, shown);
    out.styles = std::move(styles.xfs);
  }
  if (zip.has(folder + "sharedStrings.xml")) {
    shared_strings_xml strings(out.shared_strings);
    parse_part(zip, folder + "sharedStrings.xml", max_part_bytes, strings, shown);
  }
  return out;
}

namespace {

// A built-in format's date precision (ECMA-376 18.8.30, and the CJK ids 27-36, 50-58).
date_shown built_in(int id) {
  switch (id) {
    case 14:
    case 15:
    case 16:
    case 22:
    case 28:
    case 29:
    case 30:
    case 31:
    case 51:
    case 53:
    case 54:
    case 58:
      return date_shown::day;
    case 17:
    case 27:
    case 36:
    case 50:
    case 52:
    case 57:
      return date_shown::month;
    case 18:
    case 19:
    case 20:
    case 21:
    case 32:
    case 33:
    case 34:
    case 35:
    case 45:
    case 46:
    case 47:
    case 55:
    case 56:
      return date_shown::time;
    default:
      return date_shown::none;
  }
}

// The letters of a format's first section that are codes: quoted text, escaped
// characters and [bracketed] parts (colours, locales, elapsed time) left out.
std::string code_letters(const std::string& code) {
  std::string out;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == ';') break;
    if (c == '"') {
      i = std::min(code.find('"', i + 1), code.size());
    } else if (c == '[') {
      i = std::min(code.find(']', i + 1), code.size());
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (std::isalpha(static_cast<unsigned char>(c))) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

}  // namespace

date_shown date_format_shows(int id, const std::string& code) {
  if (code.empty()) return built_in(id);
  std::string lower = code;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "general" || lower == "@") return date_shown::none;
  const std::string letters = code_letters(code);
  bool year = false, month = false, day = false, time = false;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    const char c = letters[i];
    if (c == 'y') year = true;
    if (c == 'd') day = true;
    if (c == 'h' || c == 's') time = true;
    if (c != 'm') continue;
    // m is minutes right after an hour or right before seconds, otherwise the month.
    const std::size_t run_end = letters.find_first_not_of('m', i);
    const bool after_hour = i > 0 && letters[i - 1] == 'h';
    const bool before_second = run_end != std::string::npos && letters[run_end] == 's';
    (after_hour || before_second ? time : month) = true;
    i = (run_end == std::string::npos ? letters.size() : run_end) - 1;
  }
  if (day) return date_shown::day;
  if (month) return date_shown::month;
  if (year) return date_shown::year;
  return time ? date_shown::time : date_shown::none;
}

}  // namespace aidstat::detail
