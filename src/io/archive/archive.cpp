// Archives: a header line, then the body as Boost.Serialization archives without
// Boost's own header (boost_streams.hpp). Format 3 frames the body in sections, each with
// its length and XXH3 checksum (archive_frame.hpp); formats 1 and 2, one archive
// after the header line, still load.
#include "aidstat/archive.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

#include "aidstat/error.hpp"
#include "core/run_parallel.hpp"
#include "io/archive/archive_entities.hpp"
#include "io/archive/archive_frame.hpp"
#include "io/archive/archive_io.hpp"
#include "io/archive/boost_streams.hpp"
#include "io/archive/section_stream.hpp"
#include "io/fs/atomic_file.hpp"
#include "io/fs/file_bytes.hpp"

namespace aidstat {

namespace detail {
/// Installs checked item columns into a dataset (a friend of dataset).
struct archive_access {
  static void set_items(dataset& d, item_columns&& c, item_fields loaded) {
    d.items_.edit() = std::move(c);
    d.loaded_ = loaded;
  }
};
}  // namespace detail

namespace {

using detail::archive_damaged;
using detail::with_iarchive;
using detail::with_oarchive;

constexpr std::string_view kMagic = "aidstat-archive";
// ---- format 3: sections ----

void write_framed(std::ostream& out, const dataset& d, archive_format format, work_meter* meter) {
  const auto sections = detail::item_sections(archive_version);
  if (meter) meter->total = 1 + sections.size();
  detail::frame_writer frame(out, key_of(format), archive_version);
  const auto section = [&](std::string_view name, auto&& write) {
    detail::hashing_buffer& buffer = frame.begin_section(name);
    std::ostream s(&buffer);
    with_oarchive(s, format, [&](auto& ar) {
      detail::archive_writer w(ar, format == archive_format::binary ? &buffer : nullptr);
      write(w);
    });
    if (!s) detail::throw_error<io_error>("cannot write the archive");
    frame.end_section();
    if (meter) meter->advance(1);
  };
  section("entities", [&](auto& w) { detail::write_entities(w, d); });
  for (const item_group& entry : sections) {
    const item_fields group = entry.group;
    section(entry.name, [&](auto& w) { detail::visit_group(w, group, detail::columns_of(d)); });
  }
  frame.finish();
}

// Parses one verified section with read(r), naming it in any error.
template <class Read>
void read_section(const detail::frame_reader& frame, const detail::section_view& s,
                  archive_format format, Read&& read) {
  frame.verify(s);
  try {
    detail::memory_buffer buffer(s.payload);
    std::istream in(&buffer);
    with_iarchive(in, format, [&](auto& ar) {
      detail::archive_reader r(ar, s.payload.size(), format == archive_format::binary, true,
                               frame.version());
      read(r);
    });
  } catch (const std::bad_alloc&) {
    throw;  // not damage: read_archive_from says so
  } catch (const std::exception& e) {
    archive_damaged("section '" + s.name + "': " + e.what());
  }
}

// read_section for a section read from `file` as it is parsed, each byte once: its
// checksum is known only at the end, so a parse error counts only if the checksum
// matches, and a section whose checksum does not is damaged, as read_section says.
template <class Read>
void read_section_from(const detail::frame_reader& frame, const detail::file_bytes& file,
                       const detail::section_view& s, archive_format format, Read&& read) {
  detail::section_stream bytes(file, s.payload);
  std::string parse_error;
  try {
    std::istream in(&bytes);
    with_iarchive(in, format, [&](auto& ar) {
      detail::archive_reader r(ar, s.payload.size(), format == archive_format::binary, true,
                               frame.version());
      read(r);
    });
  } catch (const std::bad_alloc&) {
    throw;  // not damage: read_archive_from says so
  } catch (const io_error&) {
    throw;  // the file could not be read, or was cut: it says so itself
  } catch (const std::exception& e) {
    parse_error = e.what();
    if (parse_error.empty()) parse_error = "unreadable";
  }
  frame.verify(s, bytes.finish());
  if (!parse_error.empty()) archive_damaged("section '" + s.name + "': " + parse_error);
}

// The bytes of item sections from which they are read on several threads.
constexpr std::size_t kParallelBytes = std::size_t{1} << 20;

// Parses the item sections `wanted` (group, section) into `c`, on up to as many
// threads as the machine has, largest first: each group fills columns of its own.
// Throws the error of the first damaged section in archive order, as reading them
// one after another would.
void read_item_sections(const detail::frame_reader& frame, archive_format format,
                        const std::vector<std::pair<item_fields, detail::section_view>>& wanted,
                        detail::item_columns& c, work_meter* meter,
                        const detail::file_bytes* source) {
  std::vector<std::size_t> order(wanted.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return wanted[a].second.payload.size() > wanted[b].second.payload.size();
  });
  std::vector<std::exception_ptr> errors(wanted.size());
  std::atomic<std::size_t> next{0};
  // A thread of its own pays only for megabytes of sections; a small archive is read
  // on the calling thread.
  std::size_t bytes = 0;
  for (const auto& w : wanted) bytes += w.second.payload.size();
  const unsigned threads = bytes < kParallelBytes
                               ? 1
                               : static_cast<unsigned>(std::clamp<std::size_t>(
                                     std::thread::hardware_concurrency(), 1, wanted.size()));
  detail::run_parallel(threads, [&](unsigned) {
    for (std::size_t k; (k = next++) < order.size();) {
      const item_fields group = wanted[order[k]].first;  // (clang 14 cannot capture a binding)
      const detail::section_view& s = wanted[order[k]].second;
      try {
        const auto visit = [&](auto& r) { detail::visit_group(r, group, c); };
        if (source)
          read_section_from(frame, *source, s, format, visit);
        else
          read_section(frame, s, format, visit);
        if (meter) meter->advance(s.payload.size());
      } catch (...) {
        errors[order[k]] = std::current_exception();
      }
    }
  });
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
}

// Reads the sections of `fields` (checking their checksums), and walks past the rest.
dataset read_framed(std::string_view bytes, const std::string& name, item_fields fields,
                    work_meter* meter, const detail::file_bytes* source) {
  std::function<void(std::string_view)> need;
  if (source) need = [source](std::string_view part) { source->load(part); };
  detail::frame_reader frame(bytes, name, need);
  const auto format = parse_enum<archive_format>(frame.kind());
  if (!format) archive_damaged("unknown archive kind '" + frame.kind() + "'");
  dataset d;
  std::uint64_t n = 0;
  const detail::section_view entities = frame.next("entities");
  if (source) source->load(entities.payload);
  read_section(frame, entities, *format, [&](auto& r) { d = detail::read_entities(r, n); });
  if (meter) meter->advance(entities.payload.size());
  std::vector<std::pair<item_fields, detail::section_view>> wanted;
  for (const item_group& entry : detail::item_sections(frame.version())) {
    detail::section_view s = frame.next(entry.name);
    if (contains(fields, entry.group))
      wanted.emplace_back(entry.group, std::move(s));
    else if (meter)
      meter->advance(s.payload.size());  // walked past
  }
  frame.finish();
  detail::item_columns c;
  c.rows = static_cast<std::size_t>(n);
  read_item_sections(frame, *format, wanted, c, meter, source);
  detail::check_columns(d, c, n, fields);
  detail::archive_access::set_items(d, std::move(c), fields);
  return d;
}

// ---- formats 1 and 2: one archive, loaded whole ----

// Format 1 kept beneficiary, measure and quantity as dense columns.
template <class R>
void read_version1_middle(R& r, detail::item_columns& c, std::uint64_t n) {
  const auto people = r.template vec<std::uint32_t>("beneficiary");
  c.form = r.template vec<std::uint8_t>("form");
  const auto measures = r.template vec<std::uint8_t>("measure");
  c.direction = r.template vec<std::uint8_t>("direction");
  r.amounts("amount_min", c.amount_min);
  r.approx("amount_approx_rows", "amount_approx_max", c.amount_approx);
  const auto quantities = r.template vec<std::int64_t>("quantity_min");
  r.approx("quantity_approx_rows", "quantity_approx_max", c.quantity_approx);
  if (people.size() != n || measures.size() != n || quantities.size() != n)
    archive_damaged("item columns differ in length");
  for (std::uint32_t row = 0; row < n; ++row) {
    if (people[row] != detail::no_id)
      c.beneficiary.rows.push_back(row), c.beneficiary.ids.push_back(people[row]);
    if ((quantities[row] == detail::no_value) != (measures[row] == 0))
      archive_damaged("an item quantity and its measure disagree");
    if (measures[row] != 0) {
      c.quantity.rows.push_back(row);
      c.quantity.measures.push_back(measures[row]);
      c.quantity.mins.push_back(quantities[row]);
    }
  }
}

dataset read_unframed(std::string_view body, archive_format format, std::uint32_t version) {
  dataset d;
  detail::item_columns c;
  std::uint64_t n = 0;
  detail::memory_buffer buffer(body);
  std::istream in(&buffer);
  with_iarchive(in, format, [&](auto& ar) {
    detail::archive_reader r(ar, body.size(), format == archive_format::binary, false);
    d = detail::read_entities(r, n);
    c.rows = static_cast<std::size_t>(n);
    for (const item_group& entry : item_groups) {  // formats 1 and 2 hold them all
      const item_fields group = entry.group;
      // Format 1 held the groups from form to beneficiaries otherwise, at form's place.
      const bool same_in_version1 = group == item_fields::dates || group == item_fields::category ||
                                    group == item_fields::units || group == item_fields::notes;
      if (version > 1 || same_in_version1)
        detail::visit_group(r, group, c);
      else if (group == item_fields::form)
        read_version1_middle(r, c, n);
    }
  });
  detail::check_columns(d, c, n, item_fields::all);
  detail::archive_access::set_items(d, std::move(c), item_fields::all);
  return d;
}

// ---- the header line ----

struct header_line {
  archive_format format;
  std::uint32_t version;
  std::size_t size;  // bytes of the line, with its line break
};

// "aidstat-archive KIND VERSION" (formats 1 and 2), or with the length and the
// checksum after it (format 3 on, checked by frame_reader).
header_line read_header(std::string_view bytes) {
  const std::size_t eol = bytes.substr(0, 200).find('\n');
  const std::string_view line = bytes.substr(0, std::min(eol, bytes.size()));
  if (!line.starts_with(std::string(kMagic) + " "))
    archive_damaged("it does not start with '" + std::string(kMagic) + "'");
  if (eol == std::string_view::npos) archive_damaged("the header line is damaged");
  std::vector<std::string_view> words;
  for (std::size_t at = 0; at <= line.size();) {
    const std::size_t space = std::min(line.find(' ', at), line.size());
    words.push_back(line.substr(at, space - at));
    at = space + 1;
  }
  const auto format = parse_enum<archive_format>(words[1]);
  if (!format || words.size() < 3)
    archive_damaged("unknown archive kind in '" + std::string(line) + "'");
  std::uint32_t version = 0;
  for (char ch : words[2]) {
    if (ch < '0' || ch > '9' || version > 100000)
      archive_damaged("bad version in '" + std::string(line) + "'");
    version = version * 10 + static_cast<std::uint32_t>(ch - '0');
  }
  if (version == 0 || (version < 3 && words.size() != 3))
    archive_damaged("bad version in '" + std::string(line) + "'");
  return {*format, version, eol + 1};
}

}  // namespace

void save_archive(const dataset& d, const std::filesystem::path& file, archive_format format,
                  work_meter* meter) {
  d.require_fields(item_fields::all, "saving an archive");
  detail::write_file_atomically(file,
                                [&](std::ostream& out) { write_framed(out, d, format, meter); });
}

namespace {

std::string not_enough_memory(const std::string& name) {
  return "not enough memory to load " + name +
         "; the file is not at fault: free memory, or load fewer fields, and try again";
}

// read_archive, and where `source` holds the bytes, each part read from the file when
// it is needed, and released as soon as it is in its columns (they are copies). A
// file changed underneath is said to be so, never called damaged.
dataset read_archive_from(std::string_view bytes, const std::string& name, item_fields fields,
                          work_meter* meter, const detail::file_bytes* source) {
  if (meter) meter->total = bytes.size();
  const std::string prefix = name + ": ";
  try {
    const header_line h = read_header(bytes);
    if (h.version > archive_version)
      detail::throw_error<data_error>(
          prefix + "written by a newer aidstat (archive format " + std::to_string(h.version) +
          "); this version reads formats up to " + std::to_string(archive_version));
    if (source && h.version < 3) source->load_all();
    dataset d = h.version >= 3 ? read_framed(bytes, name, fields, meter, source)
                               : read_unframed(bytes.substr(h.size), h.format, h.version);
    if (source) source->check_unchanged();
    if (meter) meter->done = bytes.size();
    return d;
  } catch (const memory_error&) {
    throw;
  } catch (const std::bad_alloc&) {
    detail::throw_error<memory_error>(not_enough_memory(name));
  } catch (const io_error&) {
    throw;  // the file could not be read, or was changed: it says so itself
  } catch (const error& e) {
    if (source) source->check_unchanged();
    if (std::string_view(e.what()).starts_with(prefix)) throw;
    detail::rethrow_with_prefix(prefix);
  } catch (const std::exception& e) {
    if (source) source->check_unchanged();
    // Boost archive exceptions, stream errors, bad_alloc of a bounded size...
    detail::throw_error<data_error>(
        prefix + "the archive is damaged or not an aidstat archive: " + e.what());
  }
}

}  // namespace

dataset read_archive(std::string_view bytes, const std::string& name, item_fields fields,
                     work_meter* meter) {
  return read_archive_from(bytes, name, fields, meter, nullptr);
}

archive_info read_archive_info(const std::filesystem::path& file) {
  const detail::file_bytes bytes(file);
  bytes.load(bytes.bytes().substr(0, 256));
  try {
    const header_line h = read_header(bytes.bytes());
    return {h.format, h.version};
  } catch (const error&) {
    detail::rethrow_with_prefix(file.string() + ": ");
  }
}

dataset load_archive(const std::filesystem::path& file, item_fields fields, work_meter* meter) {
  try {
    const detail::file_bytes bytes(file);
    bytes.load(bytes.bytes().substr(0, 256));  // the header line; the rest as it is needed
    return read_archive_from(bytes.bytes(), file.string(), fields, meter, &bytes);
  } catch (const std::bad_alloc&) {
    detail::throw_error<memory_error>(not_enough_memory(file.string()));
  }
}

}  // namespace aidstat
