#include "io/archive/archive_blocks.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <istream>
#include <thread>

#include "aidstat/error.hpp"
#include "core/run_parallel.hpp"
#include "io/archive/archive_entities.hpp"
#include "io/archive/archive_frame.hpp"
#include "io/archive/archive_io.hpp"
#include "io/archive/boost_streams.hpp"
#include "io/archive/section_stream.hpp"
#include "io/items/items_stream.hpp"

namespace aidstat::detail {
namespace {

// The dense column `column` is of `c`, if it is one.
template <class C>
int dense_index(const item_columns& c, const C& column) {
  const void* const dense[] = {&c.year,      &c.month, &c.day,       &c.category,  &c.provider,
                               &c.recipient, &c.form,  &c.direction, &c.amount_min};
  for (int k = 0; k < static_cast<int>(std::size(dense)); ++k)
    if (dense[k] == static_cast<const void*>(&column)) return k;
  return -1;
}

// An archive_reader that reads the sparse columns into `c` and walks past the dense
// ones, noting where each starts in the file and its width.
template <class Ar>
class locating_reader : public archive_reader<Ar> {
 public:
  locating_reader(Ar& ar, std::uint64_t budget, std::uint32_t version, section_stream& in,
                  item_columns& c, archive_blocks::places& at, std::uint64_t rows,
                  std::int16_t& year_base)
      : archive_reader<Ar>(ar, budget, true, true, version),
        in_(in),
        c_(c),
        at_(at),
        rows_(rows),
        year_base_(year_base) {}

  template <class C>
  void column(const char* name, C& to) {
    const int k = dense_index(c_, to);
    if (k < 0) return archive_reader<Ar>::column(name, to);
    locate(name, k, sizeof(typename C::value_type));
  }
  template <class T>
  void ids(const char* name, compact_ids<T>& to) {
    const int k = dense_index(c_, to);
    if (k < 0) return archive_reader<Ar>::ids(name, to);  // a sparse column
    locate(name, k, this->compact() ? this->width(sizeof(T)) : sizeof(T));
  }
  void amounts(const char* name, compact_amounts& to) {
    locate(name, dense_index(c_, to), this->amount_width());
  }
  void years(const char* name, compact_years& to) {
    if (this->compact()) year_base_ = this->template num<std::int16_t>("year_base");
    locate(name, dense_index(c_, to), this->compact() ? this->width(2) : 2);
  }

 private:
  // Notes where dense column k, of `width`-byte values, starts, and walks past it.
  void locate(const char* name, int k, unsigned width) {
    if (this->count(name, width) != rows_) archive_damaged("item columns differ in length");
    const auto pad = this->template num<std::uint8_t>("pad");
    if (pad >= kSectionAlignment) archive_damaged("bad padding before " + std::string(name));
    for (unsigned i = 0; i < pad; ++i) this->template num<std::uint8_t>("pad");
    at_[static_cast<std::size_t>(k)] = {in_.position(), static_cast<std::uint8_t>(width)};
    in_.skip(rows_ * width);
  }

  section_stream& in_;
  item_columns& c_;
  archive_blocks::places& at_;
  std::uint64_t rows_;
  std::int16_t& year_base_;
};

// Rows ascending and below n in every sparse column: what lets a block take its
// share of each by binary search.
void require_in_order(const item_columns& c, std::uint64_t n) {
  const auto ascending = [&](auto rows) {
    for (std::size_t k = 0; k < rows.size(); ++k)
      if (rows[k] >= n || (k && rows[k - 1] >= rows[k]))
        archive_damaged("a sparse column is out of order");
  };
  ascending(c.quantity.rows), ascending(c.beneficiary.rows);
  std::vector<std::uint32_t> rows;
  for (const auto* approx : {&c.amount_approx, &c.quantity_approx}) {
    rows.clear();
    for (const approx_entry& e : *approx) rows.push_back(e.row);
    ascending(rows);
  }
  if (c.quantity.measures.size() != c.quantity.rows.size() ||
      c.quantity.mins.size() != c.quantity.rows.size() ||
      c.beneficiary.ids.size() != c.beneficiary.rows.size())
    archive_damaged("sparse columns differ in length");
}

// [lo, hi): the positions of `rows` (ascending) that lie in [first, first + n).
std::pair<std::size_t, std::size_t> share(const std::vector<std::uint32_t>& rows,
                                          std::uint64_t first, std::size_t n) {
  const auto lo = std::lower_bound(rows.begin(), rows.end(), first);
  const auto hi = std::lower_bound(lo, rows.end(), first + n);
  return {static_cast<std::size_t>(lo - rows.begin()), static_cast<std::size_t>(hi - rows.begin())};
}

// The entries of `from` in rows [first, first + n), renumbered from 0, into `to`.
void approx_share(const std::vector<approx_entry>& from, std::uint64_t first, std::size_t n,
                  std::vector<approx_entry>& to) {
  const auto lo =
      std::lower_bound(from.begin(), from.end(), first,
                       [](const approx_entry& e, std::uint64_t r) { return e.row < r; });
  for (auto it = lo; it != from.end() && it->row < first + n; ++it)
    to.push_back({static_cast<std::uint32_t>(it->row - first), it->max});
}

}  // namespace

archive_blocks::archive_blocks(const std::filesystem::path& file, item_fields fields)
    : file_(file),
      fields_(fields & static_cast<item_fields>(static_cast<std::uint16_t>(item_fields::all) ^
                                                static_cast<std::uint16_t>(item_fields::notes))) {
  read_sections(file);
  require_in_order(sparse_, rows_);
}

void archive_blocks::read_sections(const std::filesystem::path& file) {
  file_.load(file_.bytes().substr(0, 256));
  frame_reader frame(file_.bytes(), file.string(), [this](std::string_view p) { file_.load(p); });
  if (frame.kind() != "binary" || frame.version() < 3)
    throw_error<data_error>(file.string() + ": not a binary archive of format 3 or later");
  version_ = frame.version();
  compact_ = version_ >= kCompactSince;
  const section_view entities = frame.next("entities");
  file_.load(entities.payload);
  frame.verify(entities);
  memory_buffer buffer(entities.payload);
  std::istream in(&buffer);
  with_iarchive(in, archive_format::binary, [&](auto& ar) {
    archive_reader r(ar, entities.payload.size(), true, true);
    shell_ = read_entities(r, rows_);
  });
  std::vector<std::pair<item_fields, section_view>> wanted;
  for (const item_group& entry : item_sections(frame.version())) {
    section_view s = frame.next(entry.name);
    if (contains(fields_, entry.group)) wanted.emplace_back(entry.group, std::move(s));
  }
  // Each section on a thread of its own, as many at once as the machine has cores:
  // each fills columns and places of its own group.
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> errors(wanted.size());
  const auto threads = static_cast<unsigned>(std::clamp<std::size_t>(
      std::thread::hardware_concurrency(), 1, std::max<std::size_t>(wanted.size(), 1)));
  run_parallel(threads, [&](unsigned) {
    for (std::size_t k; (k = next++) < wanted.size();) {
      try {
        read_section(frame, wanted[k].first, wanted[k].second);
      } catch (...) {
        errors[k] = std::current_exception();
      }
    }
  });
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
  frame.finish();
}

void archive_blocks::read_section(const frame_reader& frame, item_fields group,
                                  const section_view& s) {
  section_stream bytes(file_, s.payload);
  std::istream from(&bytes);
  with_iarchive(from, archive_format::binary, [&](auto& ar) {
    locating_reader r(ar, s.payload.size(), version_, bytes, sparse_, at_, rows_, year_base_);
    visit_group(r, group, sparse_);
  });
  frame.verify(s, bytes.finish());
}

void archive_blocks::read(std::uint64_t first, std::size_t n, item_columns& block) const {
  clear_keeping_room(block);
  block.rows = n;
  // Each dense column read at its width straight into its room in the block.
  const auto dense = [&](dense_column k, auto& column) {
    const dense_place place = at_[static_cast<std::size_t>(k)];
    if (place.at == 0) return;
    const std::uint64_t from = place.at + first * place.width;
    const std::size_t bytes = n * place.width;
    using C = std::remove_reference_t<decltype(column)>;
    char* to = nullptr;
    if constexpr (std::is_same_v<C, compact_years>) {
      // Before format 4, whole years: the offsets from 0 (damage shows out of range).
      to = column.assign_bytes(compact_ ? year_base_ : 0, place.width, n);
    } else if constexpr (std::is_same_v<C, compact_ids<std::uint16_t>> ||
                         std::is_same_v<C, compact_ids<std::uint32_t>> ||
                         std::is_same_v<C, compact_amounts>) {
      to = column.assign_bytes(place.width, n);
    } else {
      column.resize(n);
      to = reinterpret_cast<char*>(column.data());
    }
    file_.read_into(from, to, bytes);
  };
  dense(dense_column::year, block.year), dense(dense_column::month, block.month);
  dense(dense_column::day, block.day), dense(dense_column::category, block.category);
  dense(dense_column::provider, block.provider), dense(dense_column::recipient, block.recipient);
  dense(dense_column::form, block.form), dense(dense_column::direction, block.direction);
  dense(dense_column::amount_min, block.amount_min);
  const sparse_quantities& q = sparse_.quantity;
  for (auto [k, end] = share(q.rows, first, n); k < end; ++k) {
    block.quantity.rows.push_back(static_cast<std::uint32_t>(q.rows[k] - first));
    block.quantity.measures.push_back(q.measures[k]), block.quantity.mins.push_back(q.mins[k]);
  }
  const sparse_ids& b = sparse_.beneficiary;
  for (auto [k, end] = share(b.rows, first, n); k < end; ++k) {
    block.beneficiary.rows.push_back(static_cast<std::uint32_t>(b.rows[k] - first));
    block.beneficiary.ids.push_back(b.ids[k]);
  }
  approx_share(sparse_.amount_approx, first, n, block.amount_approx);
  approx_share(sparse_.quantity_approx, first, n, block.quantity_approx);
  check_columns(shell_, block, n, fields_);
}

}  // namespace aidstat::detail
