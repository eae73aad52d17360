#include "core/printable.hpp"

namespace aidstat::detail {
namespace {

// The length of the well-formed UTF-8 sequence at the front of `s`, or 0.
std::size_t sequence_at(std::string_view s) {
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
  if (c >= 0xC2 && c <= 0xDF)
    n = 2;
  else if (c >= 0xE0 && c <= 0xEF)
    n = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
  else if (c >= 0xF0 && c <= 0xF4)
    n = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
  if (n == 0 || s.size() < n || b(1) < lo || b(1) > hi) return 0;
  for (std::size_t i = 2; i < n; ++i)
    if (b(i) < 0x80 || b(i) > 0xBF) return 0;
  return n;
}

bool is_control(std::string_view seq) {
  const auto c = static_cast<unsigned char>(seq[0]);
  if (seq.size() == 1) return c < 0x20 || c == 0x7F;
  return seq.size() == 2 && c == 0xC2 && static_cast<unsigned char>(seq[1]) < 0xA0;  // C1
}

void append_hex(std::string& out, std::string_view bytes) {
  static constexpr char hex[] = "0123456789ABCDEF";
  for (char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    out += "\\x";
    out += hex[c >> 4];
    out += hex[c & 15];
  }
}

// True where a quote at `i` opens a span: at the start or after a space or bracket.
bool opens(std::string_view s, std::size_t i) {
  return i == 0 || std::string_view(" \t([{:=").find(s[i - 1]) != std::string_view::npos;
}
// True where a quote at `i` closes one: at the end or before a space or punctuation.
bool closes(std::string_view s, std::size_t i) {
  return i + 1 == s.size() ||
         std::string_view(" \n,;:.)]}!?").find(s[i + 1]) != std::string_view::npos;
}

// `s` with each quoted span longer than kQuotedChars characters cut there with "…".
std::string cut_quotes(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t q = s.find('\'', i);
    if (q == std::string_view::npos || !opens(s, q)) {
      const std::size_t upto = q == std::string_view::npos ? s.size() : q + 1;
      out.append(s.substr(i, upto - i));
      i = upto;
      continue;
    }
    std::size_t end = q + 1, chars = 0, cut = std::string_view::npos;
    for (; end < s.size() && !(s[end] == '\'' && closes(s, end)); ++end) {
      if ((static_cast<unsigned char>(s[end]) & 0xC0) != 0x80 && ++chars == kQuotedChars + 1)
        cut = end;
    }
    if (end == s.size() || cut == std::string_view::npos) {  // unclosed, or short: as it is
      out.append(s.substr(i, std::min(end + 1, s.size()) - i));
      i = end + 1;
      continue;
    }
    out.append(s.substr(i, cut - i));
    out += "…'";
    i = end + 1;
  }
  return out;
}

std::string bounded(std::string text) {
  if (text.size() <= kMessageBytes) return text;
  std::size_t at = kMessageBytes;
  while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  text.resize(at);
  return text + "…";
}

}  // namespace

std::string printable(std::string_view text, std::string_view kept) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::size_t n = sequence_at(text);
    const std::string_view seq = text.substr(0, n ? n : 1);
    if (n && (!is_control(seq) || kept.find(seq[0]) != std::string_view::npos))
      out.append(seq);
    else
      append_hex(out, seq);
    text.remove_prefix(seq.size());
  }
  return out;
}

std::string printable_message(std::string_view text) { return bounded(printable(text, "\n")); }

std::string quoted(std::string_view text) {
  std::size_t end = 0, chars = 0;
  for (; end < text.size(); ++end)
    if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80 && ++chars > kQuotedChars) break;
  return "'" + std::string(text.substr(0, end)) + (end < text.size() ? "…'" : "'");
}

std::string printable_line(std::string_view text) { return bounded(printable(cut_quotes(text))); }

}  // namespace aidstat::detail
