// Rewriting an archive as a hostile writer would: a section's payload changed in place
// and its checksum made right again, so that only the library's own checks stand
// between the bytes and an answer.
#pragma once

#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>

#include "io/archive/archive_frame.hpp"

namespace aidstat::test {

/// Where section `name` of archive `data` stands: its payload, and where the length
/// field of its line begins (the checksum follows the 20-digit length and a space).
struct section_span {
  std::size_t payload = 0;
  std::size_t length = 0;
  std::size_t fields = 0;
};

inline section_span find_section(const std::string& data, const std::string& name) {
  const std::string head = "section " + name + " ";
  const std::size_t line = data.find(head);
  if (line == std::string::npos) throw std::logic_error("no section " + name);
  return {data.find('\n', line) + 1, std::stoull(data.substr(line + head.size(), 20)),
          line + head.size()};
}

/// Makes the checksum of section `name` right again after its payload was changed.
inline void fix_checksum(std::string& data, const std::string& name) {
  const section_span s = find_section(data, name);
  char sum[17];
  std::snprintf(sum, sizeof sum, "%016llx",
                static_cast<unsigned long long>(
                    detail::checksum_of(std::string_view(data).substr(s.payload, s.length))));
  data.replace(s.fields + 21, 16, sum);
}

}  // namespace aidstat::test
