#include "io/csv/csv_reader.hpp"

#include <bit>
#include <cstdint>
#include <cstring>

#include "core/printable.hpp"

namespace aidstat::detail {

const char* next_special(const char* p, const char* end) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  const auto has = [](std::uint64_t w, char c) {
    const std::uint64_t x = w ^ (ones * static_cast<unsigned char>(c));
    return (x - ones) & ~x & highs;  // high bit set in bytes equal to c (exact for the lowest)
  };
  for (; p + 8 <= end; p += 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    const std::uint64_t hits = has(w, ',') | has(w, '\n') | has(w, '"') | has(w, '\r');
    if (hits) return p + std::countr_zero(hits) / 8;
  }
  while (p < end && *p != ',' && *p != '\n' && *p != '"' && *p != '\r') ++p;
  return p;
}

bool valid_utf8(std::string_view s) noexcept {
  std::size_t i = 0;
  while (i < s.size()) {
    // Eight ASCII bytes at a time: the common case of ids, dates and amounts.
    while (i + 8 <= s.size()) {
      std::uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if (word & 0x8080808080808080u) break;
      i += 8;
    }
    if (i >= s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n;
    std::uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xF0) == 0xE0) {
      // Three bytes, as Chinese characters take: the same checks, unrolled. E0 needs
      // a second byte from A0 (not overlong); ED one below A0 (not a surrogate).
      if (i + 2 >= s.size()) return false;
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      const auto c2 = static_cast<unsigned char>(s[i + 2]);
      if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80 || (c == 0xE0 && c1 < 0xA0) ||
          (c == 0xED && c1 >= 0xA0))
        return false;
      i += 3;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      n = 1, cp = c & 0x1F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;
    for (std::size_t k = 1; k <= n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Two bytes from U+0080, four from U+10000 to U+10FFFF (surrogates take three).
    if (cp < (n == 1 ? 0x80u : 0x10000u) || cp > 0x10FFFF) return false;
    i += n + 1;
  }
  return true;
}

csv_reader::csv_reader(std::string_view text, std::string file)
    : text_(text), file_(std::move(file)) {
  if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
}

void csv_reader::report(sink& s, std::uint32_t line, std::size_t column,
                        const std::string& what) const {
  s.ok = false;
  if (s.problems.size() >= max_problems) return;  // the load stops reading at this many
  s.problems.push_back({{file_, line, static_cast<std::uint32_t>(column)}, printable_line(what)});
}

bool csv_reader::read_quoted(csv_field& f, std::size_t column, sink& s) {
  ++pos_;
  bool closed = false;
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (c == '"') {
      if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
        f.text += '"';
        pos_ += 2;
        continue;
      }
      ++pos_;
      closed = true;
      break;
    }
    // A line break inside the field: LF, or a CR alone (CRLF counts at its LF).
    if (c == '\n' || (c == '\r' && !(pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n'))) ++line_;
    f.text += c;
    ++pos_;
  }
  if (!closed) {
    report(s, f.line, column,
           "a quoted field is never closed; add the missing '\"' (the rest of the file was "
           "read as part of this field)");
    return false;
  }
  if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
    report(s, line_, column,
           "text follows a closing quote; a quote inside a quoted field must be doubled "
           "(\"\")");
    while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n') ++pos_;
  }
  return true;
}

void csv_reader::read_unquoted(csv_field& f, std::size_t column, sink& s) {
  const std::size_t start = pos_;
  bool stray_quote = false;
  const char* data = text_.data();
  const std::size_t size = text_.size();
  while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n') {
    // Skip plain bytes eight at a time; a '\r' stops it: the end of a CRLF or CR line.
    pos_ = static_cast<std::size_t>(next_special(data + pos_, data + size) - data);
    if (pos_ >= size || data[pos_] == ',' || data[pos_] == '\n') break;
    if (data[pos_] == '\r' && (pos_ + 1 == size || data[pos_ + 1] != '\n')) break;  // a CR line end
    if (text_[pos_] == '"' && !stray_quote) {
      stray_quote = true;
      report(s, line_, column,
             "a quote appears inside an unquoted field; quote the whole field and double "
             "the quote (\"\")");
    }
    ++pos_;
  }
  std::size_t end = pos_;
  if (end > start && text_[end - 1] == '\r') --end;
  f.text.assign(text_.substr(start, end - start));
}

bool csv_reader::next(std::vector<csv_field>& fields, bool& ok, std::vector<problem>& problems) {
  fields.clear();
  ok = true;
  // Skip blank lines (they hold no data).
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\n' || !(pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n')) ++line_;
    ++pos_;
  }
  if (pos_ >= text_.size()) return false;
  record_line_ = line_;
  sink s{problems, ok};
  for (;;) {
    csv_field f;
    f.line = line_;
    const std::size_t column = fields.size() + 1;
    if (pos_ < text_.size() && text_[pos_] == '"') {
      if (!read_quoted(f, column, s)) {
        fields.push_back(std::move(f));
        return true;
      }
    } else {
      read_unquoted(f, column, s);
    }
    if (!valid_utf8(f.text))
      report(s, f.line, column, "the field is not valid UTF-8; save the file as UTF-8");
    fields.push_back(std::move(f));
    if (pos_ >= text_.size()) return true;
    if (text_[pos_] == ',') {
      ++pos_;
      continue;
    }
    // The line ends: LF, CRLF, or CR alone (old Mac files), each one line.
    if (text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    ++line_;
    return true;
  }
}

}  // namespace aidstat::detail
