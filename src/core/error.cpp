#include "aidstat/error.hpp"

namespace aidstat {

namespace detail {

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
}  // namespace

std::string printable_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::size_t n = sequence_at(text);
    if (n) {
      out.append(text.substr(0, n));
      text.remove_prefix(n);
      continue;
    }
    static constexpr char hex[] = "0123456789ABCDEF";
    const auto c = static_cast<unsigned char>(text[0]);
    out += "\\x";
    out += hex[c >> 4];
    out += hex[c & 15];
    text.remove_prefix(1);
  }
  return out;
}

}  // namespace detail

std::string problem::to_string() const {
  std::string out;
  if (!where.file.empty()) {
    out += where.file;
    if (where.line) out += ":" + std::to_string(where.line);
    if (where.line && where.column) out += ":" + std::to_string(where.column);
    out += ": ";
  }
  return detail::printable_utf8(out + message);
}

namespace {
std::string join(const std::vector<problem>& ps) {
  std::string out =
      std::to_string(ps.size()) + (ps.size() == 1 ? " problem" : " problems") + " in the data:";
  constexpr std::size_t shown = 100;  // the full list is in problems()
  for (std::size_t i = 0; i < ps.size() && i < shown; ++i) out += "\n" + ps[i].to_string();
  if (ps.size() > shown) out += "\n... and " + std::to_string(ps.size() - shown) + " more";
  return out;
}
}  // namespace

validation_error::validation_error(std::vector<problem> problems)
    : data_error(join(problems)), problems_(std::move(problems)) {}

namespace detail {

void rethrow_with_prefix(const std::string& prefix) {
  try {
    throw;
  } catch (const validation_error&) {
    throw;
  } catch (const parse_error& e) {
    throw_error<parse_error>(prefix + e.what());
  } catch (const overflow_error& e) {
    throw_error<overflow_error>(prefix + e.what());
  } catch (const query_error& e) {
    throw_error<query_error>(prefix + e.what());
  } catch (const io_error& e) {
    throw_error<io_error>(prefix + e.what());
  } catch (const data_error& e) {
    throw_error<data_error>(prefix + e.what());
  } catch (const error& e) {
    throw_error<error>(prefix + e.what());
  }
}

}  // namespace detail

}  // namespace aidstat
