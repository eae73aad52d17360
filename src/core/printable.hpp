// Text from the data made safe to show: bytes that are not UTF-8, NUL and the C0
// and C1 controls (an ESC sequence would retitle a terminal) shown as \xNN, and
// quoted data cut to a readable length. Messages, problems and table cells pass
// through here; CSV and JSON outputs keep the data and escape it as their formats do.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace aidstat::detail {

/// Quoted text in a message is shown up to this many characters, then "…".
inline constexpr std::size_t kQuotedChars = 60;
/// A message is cut after this many bytes.
inline constexpr std::size_t kMessageBytes = 64 * 1024;

/// `text` with every byte that is not part of well-formed UTF-8, and every control
/// character (C0, DEL and C1) but those in `kept`, shown as \xNN.
std::string printable(std::string_view text, std::string_view kept = "");

/// A message for a person: printable (line breaks kept: they separate problems), and
/// cut at kMessageBytes. Quoted paths are never shortened.
std::string printable_message(std::string_view text);

/// One problem with a field of the data: printable, line breaks shown too, each
/// 'quoted' span of more than kQuotedChars characters cut there with "…", and the
/// whole cut at kMessageBytes.
std::string printable_line(std::string_view text);

/// "'text'", with at most kQuotedChars characters of `text`, then "…".
std::string quoted(std::string_view text);

}  // namespace aidstat::detail
