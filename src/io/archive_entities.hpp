// The entities of an archive body (taxonomy, units, beneficiaries, commitments,
// stated totals, and the number of items), written and read field by field with
// archive_writer and archive_reader. Internal.
#pragma once

#include <cstdint>

#include "aidstat/dataset.hpp"
#include "io/archive_io.hpp"

namespace aidstat::detail {

inline std::int64_t fen_of(money m) { return m.fen(); }
inline std::int64_t units_of(count c) { return c.value(); }

// The taxonomy, units, beneficiaries, commitments and stated totals, then the
// number of items.
template <class W>
void write_entities(W& w, const dataset& d) {
  const taxonomy& tax = d.categories();
  w.num("categories", static_cast<std::uint64_t>(tax.size()));
  for (std::uint32_t i = 0; i < tax.size(); ++i) {
    const category& c = tax.at(i);
    w.str("key", c.key);
    w.str("name_zh", c.name_zh);
    w.str("name_en", c.name_en);
    w.str("parent", c.parent);
  }
  w.num("units", static_cast<std::uint64_t>(d.unit_count()));
  for (std::uint32_t i = 0; i < d.unit_count(); ++i) {
    const unit& u = d.unit_at(i);
    w.str("id", u.id);
    w.str("name", u.name);
    w.num("kind", static_cast<std::uint8_t>(u.kind));
    w.num("side", static_cast<std::uint8_t>(u.side));
    w.str("parent", u.parent);
    w.str("region", u.region);
  }
  w.num("beneficiaries", static_cast<std::uint64_t>(d.beneficiary_count()));
  for (std::uint32_t i = 0; i < d.beneficiary_count(); ++i) {
    const beneficiary& b = d.beneficiary_at(i);
    w.str("id", b.id);
    w.num("kind", static_cast<std::uint8_t>(b.kind));
    w.str("unit", b.unit);
    w.num("headcount", b.headcount);
  }
  w.num("commitments", static_cast<std::uint64_t>(d.commitments().size()));
  for (const commitment& c : d.commitments()) {
    w.str("id", c.id);
    w.num("year", static_cast<std::int32_t>(c.year));
    w.str("category", c.category);
    w.str("owner", c.owner);
    w.str("title", c.title);
    w.opt_interval("target", c.target_amount, fen_of);
    w.num("status", static_cast<std::uint8_t>(c.status));
  }
  w.num("stated_totals", static_cast<std::uint64_t>(d.stated_totals().size()));
  for (const stated_total& s : d.stated_totals()) {
    w.str("id", s.id);
    w.num("year", static_cast<std::int32_t>(s.year));
    w.str("category", s.category);
    w.str("provider", s.provider);
    w.str("recipient", s.recipient);
    w.opt_enum("beneficiary_kind", s.beneficiary_kind);
    w.opt_interval("amount", s.amount, fen_of);
    w.opt_interval("quantity", s.quantity, units_of);
    w.opt_enum("measure", s.measure);
    w.str("note", s.note);
  }
  w.num("items", static_cast<std::uint64_t>(d.item_count()));
}

// What write_entities wrote: a dataset without items, and the number of items.
template <class R>
dataset read_entities(R& r, std::uint64_t& items) {
  taxonomy tax;
  const std::uint64_t ncat = r.count("categories", 4);
  for (std::uint64_t i = 0; i < ncat; ++i) {
    category c;
    c.key = r.str("key");
    c.name_zh = r.str("name_zh");
    c.name_en = r.str("name_en");
    c.parent = r.str("parent");
    tax.add(std::move(c));
  }
  dataset d(std::move(tax));
  const std::uint64_t nunits = r.count("units", 8);
  for (std::uint64_t i = 0; i < nunits; ++i) {
    unit u;
    u.id = r.str("id");
    u.name = r.str("name");
    u.kind = r.template enum_value<unit_kind>("kind");
    u.side = r.template enum_value<side>("side");
    u.parent = r.str("parent");
    u.region = r.str("region");
    d.add_unit(std::move(u));
  }
  const std::uint64_t npeople = r.count("beneficiaries", 8);
  for (std::uint64_t i = 0; i < npeople; ++i) {
    beneficiary b;
    b.id = r.str("id");
    b.kind = r.template enum_value<beneficiary_kind>("kind");
    b.unit = r.str("unit");
    b.headcount = r.template num<std::int64_t>("headcount");
    d.add_beneficiary(std::move(b));
  }
  const std::uint64_t ncommit = r.count("commitments", 8);
  for (std::uint64_t i = 0; i < ncommit; ++i) {
    commitment c;
    c.id = r.str("id");
    c.year = r.template num<std::int32_t>("year");
    c.category = r.str("category");
    c.owner = r.str("owner");
    c.title = r.str("title");
    c.target_amount = r.template opt_interval<money>("target");
    c.status = r.template enum_value<commitment_status>("status");
    d.add_commitment(std::move(c));
  }
  const std::uint64_t nstated = r.count("stated_totals", 8);
  for (std::uint64_t i = 0; i < nstated; ++i) {
    stated_total s;
    s.id = r.str("id");
    s.year = r.template num<std::int32_t>("year");
    s.category = r.str("category");
    s.provider = r.str("provider");
    s.recipient = r.str("recipient");
    s.beneficiary_kind = r.template opt_enum<beneficiary_kind>("beneficiary_kind");
    s.amount = r.template opt_interval<money>("amount");
    s.quantity = r.template opt_interval<count>("quantity");
    s.measure = r.template opt_enum<measure>("measure");
    s.note = r.str("note");
    d.add_stated_total(std::move(s));
  }
  items = r.template num<std::uint64_t>("items");
  if (items >= no_id) archive_damaged("too many items");
  return d;
}

}  // namespace aidstat::detail
