// Totals as bytes: one Boost binary section, field by field through the archive
// writer and reader (every count checked against the bytes left), in a frame of
// kind "totals" with its length and checksum; read back, every invariant the
// merge relies on is checked.
#include "aidstat/partial.hpp"

#include <algorithm>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <sstream>
#include <string_view>
#include <unordered_map>

#include "aidstat/error.hpp"
#include "engine/key_order.hpp"
#include "io/archive/archive_io.hpp"

namespace aidstat {
namespace {

constexpr std::string_view kKind = "totals";
constexpr std::uint32_t kVersion = 1;
constexpr unsigned kFlags = boost::archive::no_header;

// The distinct beneficiaries of every group and the grand total, (id, headcount) sorted
// by id: a partial stores each once, and its groups refer to them by place.
using people_table = std::vector<std::pair<std::string, std::int64_t>>;

// The people of a partial being written, and the place of each id among them.
struct people_index {
  people_table table;
  std::unordered_map<std::string_view, std::uint32_t> place;
};

people_index people_of(const totals& t) {
  std::unordered_map<std::string_view, std::int64_t> headcounts;
  const auto add = [&](const aggregate& a) {
    for (const auto& [id, headcount] : a.beneficiaries)
      if (headcounts.try_emplace(id, headcount).first->second != headcount)
        detail::throw_error<data_error>("beneficiary '" + id +
                                        "' has two headcounts in these totals");
  };
  for (const group_totals& g : t.groups) add(g.figures);
  add(t.grand);
  people_index out;
  out.table.reserve(headcounts.size());
  for (const auto& [id, headcount] : headcounts) out.table.emplace_back(id, headcount);
  std::sort(out.table.begin(), out.table.end());
  for (std::size_t i = 0; i < out.table.size(); ++i)
    out.place.emplace(out.table[i].first, static_cast<std::uint32_t>(i));
  return out;
}

template <class W>
void write_aggregate(W& w, const aggregate& a, const people_index& people) {
  w.num("records", a.records);
  w.num("amount_records", a.amount_records);
  w.num("approximate_records", a.approximate_records);
  w.num("amount_min", a.amount.min().fen());
  w.num("amount_max", a.amount.max().fen());
  w.num("quantity_records", a.quantity_records);
  w.num("quantity_min", a.quantity.min().value());
  w.num("quantity_max", a.quantity.max().value());
  w.opt_enum("quantity_measure", a.quantity_measure);
  w.num("mixed_measures", static_cast<std::uint8_t>(a.mixed_measures));
  w.num("transfers_excluded", a.transfers_excluded);
  std::vector<std::uint32_t> places;
  places.reserve(a.beneficiaries.size());
  for (const auto& person : a.beneficiaries) places.push_back(people.place.at(person.first));
  w.vec("beneficiaries", places);
}

// A count that must not be negative.
template <class R>
std::int64_t read_count(R& r, const char* name) {
  const auto v = r.template num<std::int64_t>(name);
  if (v < 0) detail::archive_damaged(std::string(name) + " is negative");
  return v;
}

template <class R>
aggregate read_aggregate(R& r, const people_table& people) {
  aggregate a;
  a.records = read_count(r, "records");
  a.amount_records = read_count(r, "amount_records");
  a.approximate_records = read_count(r, "approximate_records");
  const auto amount_min = r.template num<std::int64_t>("amount_min");
  const auto amount_max = r.template num<std::int64_t>("amount_max");
  a.quantity_records = read_count(r, "quantity_records");
  const auto quantity_min = r.template num<std::int64_t>("quantity_min");
  const auto quantity_max = r.template num<std::int64_t>("quantity_max");
  if (amount_min > amount_max || quantity_min > quantity_max)
    detail::archive_damaged("an interval's lower bound is above its upper bound");
  a.amount = money_interval(money{amount_min}, money{amount_max});
  a.quantity = count_interval(count{quantity_min}, count{quantity_max});
  a.quantity_measure = r.template opt_enum<measure>("quantity_measure");
  const auto mixed = r.template num<std::uint8_t>("mixed_measures");
  if (mixed > 1 || (mixed && a.quantity_measure))
    detail::archive_damaged("mixed measures are not a yes or a no");
  a.mixed_measures = mixed == 1;
  a.transfers_excluded = read_count(r, "transfers_excluded");
  const auto places = r.template vec<std::uint32_t>("beneficiaries");
  a.beneficiaries.reserve(places.size());
  for (std::size_t i = 0; i < places.size(); ++i) {
    if (places[i] >= people.size() || (i && places[i] <= places[i - 1]))
      detail::archive_damaged("a group's beneficiaries are out of order, listed twice or unknown");
    a.beneficiaries.push_back(people[places[i]]);
  }
  return a;
}

template <class W>
void write_totals(W& w, const totals& t) {
  w.num("by", static_cast<std::uint64_t>(t.by.size()));
  for (const dimension& d : t.by) {
    w.num("kind", static_cast<std::uint8_t>(d.kind));
    w.num("depth", d.depth);
  }
  const people_index people = people_of(t);
  w.num("people", static_cast<std::uint64_t>(people.table.size()));
  for (const auto& [id, headcount] : people.table) {
    w.str("id", id);
    w.num("headcount", headcount);
  }
  w.num("groups", static_cast<std::uint64_t>(t.groups.size()));
  for (const group_totals& g : t.groups) {
    for (std::size_t i = 0; i < t.by.size(); ++i) {
      w.str("key", g.key.at(i));
      w.str("label", g.labels.at(i));
    }
    write_aggregate(w, g.figures, people);
    w.num("suppressed", static_cast<std::uint8_t>(g.suppressed));
  }
  write_aggregate(w, t.grand, people);
  w.num("holds_transfers", static_cast<std::uint8_t>(t.holds_transfers));
  w.num("has_min_cell", static_cast<std::uint8_t>(t.min_cell.has_value()));
  w.num("min_cell", t.min_cell.value_or(0));
  w.num("grand_suppressed", static_cast<std::uint8_t>(t.grand_suppressed));
}

template <class R>
totals read_totals(R& r) {
  totals t;
  const std::uint64_t keys = r.count("by", 5);
  for (std::uint64_t i = 0; i < keys; ++i) {
    dimension d;
    d.kind = r.template enum_value<dimension_kind>("kind");
    d.depth = r.template num<std::uint32_t>("depth");
    t.by.push_back(d);
  }
  const std::uint64_t n = r.count("people", 16);  // an id's length and a headcount
  people_table people;
  people.reserve(static_cast<std::size_t>(n));
  for (std::uint64_t i = 0; i < n; ++i) {
    std::string id = r.str("id");
    const std::int64_t headcount = read_count(r, "headcount");
    if (!people.empty() && !(people.back().first < id))
      detail::archive_damaged("beneficiary '" + id + "' is out of order or listed twice");
    people.emplace_back(std::move(id), headcount);
  }
  // A group takes at least its key and label lengths and its figures' fixed fields.
  const std::uint64_t groups = r.count("groups", 16 * keys + 80);
  t.groups.reserve(static_cast<std::size_t>(groups));
  for (std::uint64_t i = 0; i < groups; ++i) {
    group_totals g;
    for (std::uint64_t k = 0; k < keys; ++k) {
      g.key.push_back(r.str("key"));
      g.labels.push_back(r.str("label"));
    }
    g.figures = read_aggregate(r, people);
    g.suppressed = r.template enum_value<suppression>("suppressed");
    if (!t.groups.empty() && !detail::key_less(t.by, t.groups.back().key, g.key))
      detail::archive_damaged("its groups are out of order or listed twice");
    t.groups.push_back(std::move(g));
  }
  t.grand = read_aggregate(r, people);
  const auto transfers = r.template num<std::uint8_t>("holds_transfers");
  const auto has_min_cell = r.template num<std::uint8_t>("has_min_cell");
  const auto min_cell = r.template num<std::int64_t>("min_cell");
  if (transfers > 1 || has_min_cell > 1) detail::archive_damaged("a flag is not a yes or a no");
  t.holds_transfers = transfers == 1;
  if (has_min_cell) t.min_cell = min_cell;
  t.grand_suppressed = r.template enum_value<suppression>("grand_suppressed");
  return t;
}

}  // namespace

std::string totals_to_bytes(const totals& t) {
  std::ostringstream out;
  detail::frame_writer frame(out, kKind, kVersion);
  detail::hashing_buffer& buffer = frame.begin_section("totals");
  {
    std::ostream s(&buffer);
    boost::archive::binary_oarchive ar(s, kFlags);
    detail::archive_writer w(ar, nullptr);
    write_totals(w, t);
  }
  frame.end_section();
  frame.finish();
  return std::move(out).str();
}

totals totals_from_bytes(std::string_view bytes, const std::string& name) {
  detail::frame_reader frame(bytes, name);
  if (frame.kind() != kKind)
    detail::throw_error<data_error>(name + " is an archive of kind '" + frame.kind() +
                                    "', not partial totals");
  const detail::section_view s = frame.next("totals");
  frame.verify(s);
  frame.finish();
  try {
    detail::memory_buffer buffer(s.payload);
    std::istream in(&buffer);
    boost::archive::binary_iarchive ar(in, kFlags);
    detail::archive_reader r(ar, s.payload.size(), true, false);
    totals t = read_totals(r);
    if (in.peek() != std::char_traits<char>::eof())
      detail::archive_damaged("bytes follow the totals");
    return t;
  } catch (const error&) {
    detail::rethrow_with_prefix(name + ": ");
  } catch (const std::bad_alloc&) {
    detail::throw_error<memory_error>("not enough memory to load " + name +
                                      "; the file is not at fault: free memory and try again");
  } catch (const std::exception& e) {  // Boost's archive_exception: the bytes ran out
    detail::throw_error<data_error>(name + ": the partial totals are damaged: " + e.what());
  }
}

}  // namespace aidstat
