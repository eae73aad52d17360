#include "io/xlsx/xml_events.hpp"

#include <expat.h>

#include <cstring>
#include <memory>

#include "aidstat/error.hpp"

namespace aidstat::detail {
namespace {

// A name without its prefix ("x:c" is c, "r:id" is id). Namespaces are not resolved:
// a workbook's parts use one vocabulary each, and resolving them would copy the
// namespace's URI into every element's name, which costs a large sheet a third of its
// parse.
std::string_view local(const char* name) {
  std::string_view n(name);
  const std::size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

struct parse_state {
  XML_Parser parser;
  xml_events* events;
  bool doctype = false;
};

void stop_if_asked(parse_state& s) {
  if (!s.events->stopped().empty()) XML_StopParser(s.parser, XML_FALSE);
}

void XMLCALL on_open(void* data, const XML_Char* name, const XML_Char** attributes) {
  auto& s = *static_cast<parse_state*>(data);
  s.events->open(local(name), attributes);
  stop_if_asked(s);
}

void XMLCALL on_close(void* data, const XML_Char* name) {
  auto& s = *static_cast<parse_state*>(data);
  s.events->close(local(name));
  stop_if_asked(s);
}

void XMLCALL on_text(void* data, const XML_Char* text, int length) {
  auto& s = *static_cast<parse_state*>(data);
  s.events->text({text, static_cast<std::size_t>(length)});
  stop_if_asked(s);
}

void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  auto& s = *static_cast<parse_state*>(data);
  s.doctype = true;
  XML_StopParser(s.parser, XML_FALSE);
}

}  // namespace

const char* attribute(const char** attributes, std::string_view name) {
  for (const char** a = attributes; a && *a; a += 2)
    if (local(a[0]) == name) return a[1];
  return nullptr;
}

void parse_part(const zip_parts& zip, const std::string& name, std::uint64_t cap,
                xml_events& events, const std::string& shown) {
  const std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> parser(XML_ParserCreate(nullptr),
                                                                       XML_ParserFree);
  if (!parser) throw_error<memory_error>("not enough memory to read " + shown);
  parse_state state{parser.get(), &events};
  XML_SetUserData(parser.get(), &state);
  XML_SetElementHandler(parser.get(), on_open, on_close);
  XML_SetCharacterDataHandler(parser.get(), on_text);
  XML_SetStartDoctypeDeclHandler(parser.get(), on_doctype);
  const auto refuse = [&](const std::string& why) {
    throw_error<data_error>(shown + " is damaged: " + name + " line " +
                            std::to_string(XML_GetCurrentLineNumber(parser.get())) + ": " + why);
  };
  const auto feed = [&](std::string_view bytes, bool last) {
    if (XML_Parse(parser.get(), bytes.data(), static_cast<int>(bytes.size()), last) ==
        XML_STATUS_OK)
      return;
    if (state.doctype) refuse("it declares a DOCTYPE, which workbooks never do");
    if (!events.stopped().empty()) refuse(events.stopped());
    refuse(XML_ErrorString(XML_GetErrorCode(parser.get())));
  };
  zip.read(name, cap, [&](std::string_view chunk) { feed(chunk, false); });
  feed({}, true);
}

}  // namespace aidstat::detail
