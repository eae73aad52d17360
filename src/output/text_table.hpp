// A table of text cells written aligned for a terminal or as Markdown: shared by
// every human-readable output. Internal.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace aidstat::detail {

/// Header, body rows and an optional total row; numeric columns align right.
struct text_table {
  std::vector<std::string> header;             ///< column names
  std::vector<bool> right;                     ///< right-align column i
  std::vector<std::vector<std::string>> rows;  ///< body
  std::vector<std::string> total;              ///< total row, empty for none

  /// Adds a column name, right-aligned or not.
  void column(std::string name, bool right_align) {
    header.push_back(std::move(name));
    right.push_back(right_align);
  }
  /// Writes the table aligned by display width, rules around the body; control
  /// characters in cells shown as \xNN.
  void write_aligned(std::ostream& out) const;
  /// Writes the table as GitHub-flavoured Markdown: controls as \xNN, and <, >, &
  /// as HTML entities and | escaped, so that no cell becomes markup.
  void write_markdown(std::ostream& out) const;

 private:
  void write_aligned_as_is(std::ostream& out) const;
};

/// A key for people: "慰问 (condolence)" when the label differs from the key.
inline std::string key_cell(const std::string& key, const std::string& label) {
  return !label.empty() && label != key ? label + " (" + key + ")" : key;
}

}  // namespace aidstat::detail
