// Boost.Serialization archives over streams, in each of the three archive kinds,
// without Boost's own header. Internal to the archive room.
#pragma once

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>
#include <istream>
#include <ostream>
#include <string_view>

#include "aidstat/archive.hpp"
#include "io/archive/archive_io.hpp"

namespace aidstat::detail {

// Boost's own header is left out: its signature is a string whose length a damaged
// file could set to gigabytes, read before any of our checks. Our header line carries
// the format and version; XML gets its declaration and root element from us too,
// because Boost checks the closing tag in a destructor, where a truncated file would
// end the program.
inline constexpr unsigned kFlags = boost::archive::no_header;
inline constexpr std::string_view kXmlStart =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\" ?>\n"
    "<!DOCTYPE boost_serialization>\n"
    "<boost_serialization signature=\"serialization::archive\" version=\"18\">\n";
inline constexpr std::string_view kXmlEnd = "</boost_serialization>\n";

// Runs body(ar) with a Boost output archive of `format` writing to `out`.
template <class Body>
void with_oarchive(std::ostream& out, archive_format format, Body&& body) {
  switch (format) {
    case archive_format::binary: {
      boost::archive::binary_oarchive ar(out, kFlags);
      body(ar);
      break;
    }
    case archive_format::text: {
      boost::archive::text_oarchive ar(out, kFlags);
      body(ar);
      break;
    }
    case archive_format::xml: {
      out << kXmlStart;
      {
        boost::archive::xml_oarchive ar(out, kFlags);
        body(ar);
      }
      out << kXmlEnd;
      break;
    }
  }
}

// Reads up to and including the <boost_serialization ...> start tag.
inline void skip_xml_start(std::istream& in) {
  std::string head;
  for (char ch; head.size() < 4096 && in.get(ch);) {
    head += ch;
    const auto tag = head.find("<boost_serialization");
    if (tag != std::string::npos && ch == '>') {
      if (head.find("signature=\"serialization::archive\"", tag) == std::string::npos)
        archive_damaged("the XML has no Boost serialization signature");
      return;
    }
  }
  archive_damaged("the XML does not start a Boost serialization archive");
}

// Checks that only white space and the closing tag remain.
inline void expect_xml_end(std::istream& in) {
  std::string tail;
  for (char ch; tail.size() < 4096 && in.get(ch);)
    if (ch != ' ' && ch != '\n' && ch != '\r' && ch != '\t') tail += ch;
  if (tail != "</boost_serialization>") archive_damaged("the XML does not end where the data ends");
}

// Runs body(ar) with a Boost input archive of `format` reading from `in`.
template <class Body>
void with_iarchive(std::istream& in, archive_format format, Body&& body) {
  switch (format) {
    case archive_format::binary: {
      boost::archive::binary_iarchive ar(in, kFlags);
      body(ar);
      break;
    }
    case archive_format::text: {
      boost::archive::text_iarchive ar(in, kFlags);
      body(ar);
      break;
    }
    case archive_format::xml: {
      skip_xml_start(in);
      {
        // Tag names are not compared: Boost 1.74 reads past the expected name when the
        // file's tag is longer (found by the fuzzer). Structure and values are checked.
        boost::archive::xml_iarchive ar(in, kFlags | boost::archive::no_xml_tag_checking);
        body(ar);
      }
      expect_xml_end(in);
      break;
    }
  }
}

}  // namespace aidstat::detail
