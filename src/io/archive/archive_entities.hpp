// The entities of an archive body (taxonomy, units, beneficiaries, commitments,
// stated totals, and the number of items). Each entity's fields are listed once, in
// `fields`, and visited both ways: by archive_writer to save and by archive_reader
// to load, so that the two cannot drift apart. Internal.
#pragma once

#include <concepts>
#include <cstdint>
#include <type_traits>

#include "aidstat/dataset.hpp"
#include "io/archive/archive_io.hpp"
#include "model/item_columns.hpp"

namespace aidstat::detail {

/// T, or const T: an entity as the writer (const) or the reader sees it.
template <class E, class T>
concept entity_of = std::same_as<std::remove_const_t<E>, T>;

template <class V, entity_of<category> C>
void fields(V& v, C& c) {
  v.field("key", c.key);
  v.field("name_zh", c.name_zh);
  v.field("name_en", c.name_en);
  v.field("parent", c.parent);
}

template <class V, entity_of<unit> U>
void fields(V& v, U& u) {
  v.field("id", u.id);
  v.field("name", u.name);
  v.field("kind", u.kind);
  v.field("side", u.side);
  v.field("parent", u.parent);
  v.field("region", u.region);
}

template <class V, entity_of<beneficiary> B>
void fields(V& v, B& b) {
  v.field("id", b.id);
  v.field("kind", b.kind);
  v.field("unit", b.unit);
  v.field("headcount", b.headcount);
}

template <class V, entity_of<commitment> C>
void fields(V& v, C& c) {
  static_assert(sizeof(c.year) == 4, "archives hold years as 32-bit numbers");
  v.field("id", c.id);
  v.field("year", c.year);
  v.field("category", c.category);
  v.field("owner", c.owner);
  v.field("title", c.title);
  v.field("target", c.target_amount);
  v.field("status", c.status);
}

template <class V, entity_of<stated_total> S>
void fields(V& v, S& s) {
  static_assert(sizeof(s.year) == 4, "archives hold years as 32-bit numbers");
  v.field("id", s.id);
  v.field("year", s.year);
  v.field("category", s.category);
  v.field("provider", s.provider);
  v.field("recipient", s.recipient);
  v.field("beneficiary_kind", s.beneficiary_kind);
  v.field("amount", s.amount);
  v.field("quantity", s.quantity);
  v.field("measure", s.measure);
  v.field("note", s.note);
}

/// Writes the number of `n` entities as `name`, then each one's fields.
template <class W, class At>
void write_list(W& w, const char* name, std::size_t n, const At& at) {
  w.num(name, static_cast<std::uint64_t>(n));
  for (std::size_t i = 0; i < n; ++i) fields(w, at(i));
}

/// Reads what write_list wrote (each entity at least `size` bytes) and passes each
/// entity to `add`.
template <class T, class R, class Add>
void read_list(R& r, const char* name, std::size_t size, const Add& add) {
  const std::uint64_t n = r.count(name, size);
  for (std::uint64_t i = 0; i < n; ++i) {
    T x;
    fields(r, x);
    add(std::move(x));
  }
}

// The taxonomy, units, beneficiaries, commitments and stated totals, then the
// number of items.
template <class W>
void write_entities(W& w, const dataset& d) {
  const taxonomy& tax = d.categories();
  write_list(w, "categories", tax.size(), [&](std::size_t i) -> const category& {
    return tax.at(static_cast<std::uint32_t>(i));
  });
  write_list(w, "units", d.unit_count(), [&](std::size_t i) -> const unit& {
    return d.unit_at(static_cast<std::uint32_t>(i));
  });
  write_list(w, "beneficiaries", d.beneficiary_count(), [&](std::size_t i) -> const beneficiary& {
    return d.beneficiary_at(static_cast<std::uint32_t>(i));
  });
  write_list(w, "commitments", d.commitments().size(),
             [&](std::size_t i) -> const commitment& { return d.commitments()[i]; });
  write_list(w, "stated_totals", d.stated_totals().size(),
             [&](std::size_t i) -> const stated_total& { return d.stated_totals()[i]; });
  w.num("items", static_cast<std::uint64_t>(d.item_count()));
}

// What write_entities wrote: a dataset without items, and the number of items.
template <class R>
dataset read_entities(R& r, std::uint64_t& items) {
  taxonomy tax;
  read_list<category>(r, "categories", 4, [&](category c) { tax.add(std::move(c)); });
  dataset d(std::move(tax));
  read_list<unit>(r, "units", 8, [&](unit u) { d.add_unit(std::move(u)); });
  read_list<beneficiary>(r, "beneficiaries", 8,
                         [&](beneficiary b) { d.add_beneficiary(std::move(b)); });
  read_list<commitment>(r, "commitments", 8, [&](commitment c) { d.add_commitment(std::move(c)); });
  read_list<stated_total>(r, "stated_totals", 8,
                          [&](stated_total s) { d.add_stated_total(std::move(s)); });
  items = r.template num<std::uint64_t>("items");
  if (items >= no_id) archive_damaged("too many items");
  return d;
}

}  // namespace aidstat::detail
