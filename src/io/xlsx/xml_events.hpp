// A workbook part's XML as a stream of events, parsed by expat as the part inflates:
// memory stays with the element at hand, never the part. Element and attribute names
// come without their namespace prefix. A part that declares a DOCTYPE (which no .xlsx
// writer makes: it is how entity-expansion attacks begin) is refused. Internal.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "io/xlsx/zip_parts.hpp"

namespace aidstat::detail {

/// What a part's parse is told; stop() from any handler ends the parse with that error.
class xml_events {
 public:
  virtual ~xml_events() = default;
  /// An element opens; `attributes` is expat's list: name, value, ..., null.
  virtual void open(std::string_view name, const char** attributes) = 0;
  /// An element closes.
  virtual void close(std::string_view name) = 0;
  /// Character data inside the element at hand (may come in several pieces).
  virtual void text(std::string_view) {}
  /// Ends the parse: the part is refused with `why`.
  void stop(std::string why) { stopped_ = std::move(why); }
  /// Why the parse was stopped, or empty.
  const std::string& stopped() const { return stopped_; }

 private:
  std::string stopped_;
};

/// The value of attribute `name` (without prefix), or nullptr.
const char* attribute(const char** attributes, std::string_view name);

/// Parses part `name` of `zip` into `events`, inflating at most `cap` bytes; throws
/// data_error naming `shown` and the part, with the line, when the XML is malformed, has
/// a DOCTYPE, or a handler stopped it.
void parse_part(const zip_parts& zip, const std::string& name, std::uint64_t cap,
                xml_events& events, const std::string& shown);

}  // namespace aidstat::detail
