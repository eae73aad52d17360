#include "io/archive/archive_frame.hpp"

// Header-only: nothing to link, for this library or for those who link it.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <charconv>
#include <cstring>

#include "aidstat/error.hpp"

namespace aidstat::detail {
namespace {

constexpr std::string_view kMagic = "aidstat-archive";
constexpr std::size_t kBufferSize = 1 << 16;

XXH3_state_t* state_of(void* p) { return static_cast<XXH3_state_t*>(p); }

// "00000000000000002304": a length in 20 digits, so that the line keeps its width.
std::string length_field(std::uint64_t n) {
  std::string s = std::to_string(n);
  return std::string(20 - s.size(), '0') + s;
}

// "9f0c2d7e5b1a4c33": a checksum in 16 lowercase hex digits.
std::string checksum_field(std::uint64_t h) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) s[static_cast<std::size_t>(i)] = hex[h & 15];
  return s;
}

// Parses a field of exactly `width` characters of digits (base 10) or hex (base 16).
bool parse_field(std::string_view s, std::size_t width, int base, std::uint64_t& out) {
  if (s.size() != width) return false;
  for (char ch : s)
    if (!((ch >= '0' && ch <= '9') || (base == 16 && ch >= 'a' && ch <= 'f'))) return false;
  return std::from_chars(s.data(), s.data() + s.size(), out, base).ec == std::errc{};
}

// The words of a line, split at single spaces (trailing spaces ignored).
std::vector<std::string_view> words_of(std::string_view line) {
  std::vector<std::string_view> out;
  while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
  for (std::size_t start = 0; start <= line.size();) {
    const std::size_t space = std::min(line.find(' ', start), line.size());
    out.push_back(line.substr(start, space - start));
    start = space + 1;
  }
  return out;
}

}  // namespace

std::uint64_t checksum_of(std::string_view bytes) noexcept {
  return XXH3_64bits(bytes.data(), bytes.size());
}

running_checksum::running_checksum() : state_(XXH3_createState()) {
  if (!state_) detail::throw_error<std::bad_alloc>();
  XXH3_64bits_reset(state_of(state_));
}

running_checksum::~running_checksum() { XXH3_freeState(state_of(state_)); }

void running_checksum::add(const char* p, std::size_t n) noexcept {
  XXH3_64bits_update(state_of(state_), p, n);
}

std::uint64_t running_checksum::value() const noexcept {
  return XXH3_64bits_digest(state_of(state_));
}

// ---- hashing_buffer ----

hashing_buffer::hashing_buffer(std::streambuf* to)
    : to_(to), state_(XXH3_createState()), buffer_(kBufferSize) {
  if (!state_) detail::throw_error<std::bad_alloc>();
  XXH3_64bits_reset(state_of(state_));
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

hashing_buffer::~hashing_buffer() { XXH3_freeState(state_of(state_)); }

std::uint64_t hashing_buffer::position() const noexcept {
  return passed_ + static_cast<std::uint64_t>(pptr() - pbase());
}

bool hashing_buffer::flush_buffer() {
  const auto n = static_cast<std::streamsize>(pptr() - pbase());
  if (n == 0) return true;
  XXH3_64bits_update(state_of(state_), pbase(), static_cast<std::size_t>(n));
  passed_ += static_cast<std::uint64_t>(n);
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return to_->sputn(buffer_.data(), n) == n;
}

hashing_buffer::int_type hashing_buffer::overflow(int_type ch) {
  if (!flush_buffer()) return traits_type::eof();
  if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
  *pptr() = traits_type::to_char_type(ch);
  pbump(1);
  return ch;
}

std::streamsize hashing_buffer::xsputn(const char* s, std::streamsize n) {
  if (n < static_cast<std::streamsize>(kBufferSize / 4)) return std::streambuf::xsputn(s, n);
  // Large blocks (columns) go straight through.
  if (!flush_buffer()) return 0;
  XXH3_64bits_update(state_of(state_), s, static_cast<std::size_t>(n));
  passed_ += static_cast<std::uint64_t>(n);
  return to_->sputn(s, n);
}

int hashing_buffer::sync() { return flush_buffer() ? 0 : -1; }

std::uint64_t hashing_buffer::finish() {
  if (!flush_buffer()) throw_error<io_error>("cannot write the archive");
  return XXH3_64bits_digest(state_of(state_));
}

// ---- frame_writer ----

frame_writer::frame_writer(std::ostream& out, std::string_view kind, std::uint32_t version)
    : out_(out), kind_(kind), version_(version) {
  // The header line, with its length and checksum written by finish().
  out_ << kMagic << ' ' << kind_ << ' ' << version_ << ' ' << length_field(0) << ' '
       << checksum_field(0) << '\n';
}

hashing_buffer& frame_writer::begin_section(std::string_view name) {
  name_ = name;
  line_at_ = out_.tellp();
  const std::size_t bare = 8 + name.size() + 1 + 20 + 1 + 16 + 1;  // "section NAME LEN SUM\n"
  const auto at = static_cast<std::size_t>(line_at_) + bare;
  padding_ = (kSectionAlignment - at % kSectionAlignment) % kSectionAlignment;
  out_ << "section " << name_ << ' ' << length_field(0) << ' ' << checksum_field(0)
       << std::string(padding_, ' ') << '\n';
  section_ = std::make_unique<hashing_buffer>(out_.rdbuf());
  return *section_;
}

void frame_writer::end_section() {
  const std::uint64_t sum = section_->finish();
  const std::uint64_t length = section_->position();
  section_.reset();
  const std::streampos end = out_.tellp();
  out_.seekp(line_at_);
  out_ << "section " << name_ << ' ' << length_field(length) << ' ' << checksum_field(sum);
  out_.seekp(end);
}

void frame_writer::finish() {
  const auto length = static_cast<std::uint64_t>(out_.tellp());
  std::string line = std::string(kMagic) + ' ' + kind_ + ' ' + std::to_string(version_) + ' ' +
                     length_field(length);
  line += ' ' + checksum_field(checksum_of(line));
  out_.seekp(0);
  out_ << line;
  out_.seekp(static_cast<std::streamoff>(length));
}

// ---- frame_reader ----

frame_reader::frame_reader(std::string_view bytes, std::string name,
                           std::function<void(std::string_view)> need)
    : bytes_(bytes), name_(std::move(name)), need_(std::move(need)) {
  const std::string_view line = line_at(0);
  if (line.data() == nullptr) damaged("the header line is damaged");
  const std::size_t eol = line.size();
  const auto words = words_of(line);
  std::uint64_t length = 0, sum = 0;
  if (words.size() != 5 || words[0] != kMagic || !parse_field(words[3], 20, 10, length) ||
      !parse_field(words[4], 16, 16, sum) ||
      line.size() != static_cast<std::size_t>(words[4].data() - line.data()) + 16)
    damaged("the header line is damaged");
  if (checksum_of(line.substr(0, line.size() - 17)) != sum)
    damaged("the header line is damaged (its checksum does not match)");
  if (length != bytes_.size())
    damaged("it declares " + std::to_string(length) + " bytes but has " +
            std::to_string(bytes_.size()) +
            (length > bytes_.size() ? ": it was cut short" : ": bytes were added"));
  kind_ = std::string(words[1]);
  const std::string_view v = words[2];
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), version_);
  if (ec != std::errc{} || end != v.data() + v.size() || v.size() > 9 || v[0] == '+')
    damaged("the header line is damaged (its version is not a number)");
  at_ = eol + 1;
}

section_view frame_reader::next(std::string_view expected) {
  const std::string where = "section '" + std::string(expected) + "'";
  const std::string_view line = line_at(at_);
  if (line.data() == nullptr) damaged("the line that starts " + where + " is damaged");
  const std::size_t eol = at_ + line.size();
  const auto words = words_of(line);
  std::uint64_t length = 0, sum = 0;
  if (words.size() != 4 || words[0] != "section" || words[1] != expected ||
      !parse_field(words[2], 20, 10, length) || !parse_field(words[3], 16, 16, sum))
    damaged("the line that starts " + where + " is damaged");
  at_ = eol + 1;
  if (at_ % kSectionAlignment != 0 || length > bytes_.size() - at_)
    damaged("the line that starts " + where + " is damaged");
  section_view s{std::string(expected), bytes_.substr(at_, length), sum};
  at_ += length;
  return s;
}

std::string_view frame_reader::line_at(std::size_t at) const {
  const std::string_view window = bytes_.substr(std::min(at, bytes_.size()), 201);
  if (need_) need_(window);
  const std::size_t eol = window.find('\n');
  if (eol == std::string_view::npos || eol > 200) return {};
  return window.substr(0, eol);
}

void frame_reader::verify(const section_view& s) const { verify(s, checksum_of(s.payload)); }

void frame_reader::verify(const section_view& s, std::uint64_t actual) const {
  if (actual != s.checksum)
    damaged("section '" + s.name + "' is damaged (its checksum does not match)");
}

void frame_reader::finish() const {
  if (at_ != bytes_.size()) damaged("bytes follow the last section");
}

void frame_reader::damaged(const std::string& why) const {
  throw_error<data_error>(name_ + ": the archive is damaged: " + why +
                          "; restore it from a copy or save the dataset again");
}

}  // namespace aidstat::detail
