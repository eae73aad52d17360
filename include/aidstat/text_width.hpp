// Terminal display width of UTF-8 text, so that tables with Chinese names line up.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace aidstat {

/// Columns `text` takes in a terminal: 2 for East Asian wide and fullwidth
/// characters (汉字, fullwidth punctuation), 0 for combining marks, 1 otherwise.
std::size_t display_width(std::string_view text) noexcept;

/// `text` padded with spaces to `width` columns, on the right (or left when `right_align`).
std::string pad_to_width(std::string_view text, std::size_t width, bool right_align = false);

}  // namespace aidstat
