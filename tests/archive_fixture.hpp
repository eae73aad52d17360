// The dataset stored in tests/fixtures/v1.*: frozen. Archives of format version 1
// must load into exactly this dataset for as long as aidstat exists.
#pragma once

#include "aidstat/amount_text.hpp"
#include "aidstat/dataset.hpp"

namespace aidstat::test {

inline dataset fixture_v1() {
  taxonomy tax = taxonomy::standard();
  tax.add(category{"veteran_jobs", "退役军人就业", "Veteran jobs", "employment"});
  dataset d(std::move(tax));
  d.add_unit(unit("city", "xx市", unit_kind::government, side::civilian, "", "xx市"));
  d.add_unit(unit("police", "市公安局", unit_kind::government, side::civilian, "city", "xx市"));
  d.add_unit(unit("73051", "73051部队", unit_kind::military_unit, side::military));
  d.add_beneficiary(beneficiary("needy", beneficiary_kind::active_member, "73051", 27));
  d.add_beneficiary(beneficiary("kids", beneficiary_kind::member_child, "", 94));
  d.add_commitment({"c1", 2023, "education", "city", "部队子女入学", parse_money("80万元"),
                    commitment_status::done});
  d.add_commitment(
      {"c2", 2023, "other", "police", "送法进军营", std::nullopt, commitment_status::dropped});
  stated_total st;
  st.id = "s1";
  st.year = 2023;
  st.category = "condolence";
  st.provider = "city";
  st.amount = parse_money("1100余万元");
  st.note = "全市共为部队送去慰问款物1100余万元";
  d.add_stated_total(st);
  const auto add = [&](const char* when, const char* cat, const char* from, const char* to,
                       const char* who, const char* amount, const char* qty, const char* note) {
    aid_item it;
    it.date = date::parse(when);
    it.category = cat;
    it.provider = from;
    it.recipient = to;
    it.beneficiary = who;
    if (*amount) it.amount = parse_money(amount);
    if (*qty) {
      const quantity_text q = parse_quantity(qty);
      it.quantity = q.value;
      it.measure = q.unit;
    }
    it.note = note;
    d.add_item(it);
  };
  add("2023", "condolence", "city", "73051", "", "319万元", "", "春节, \"八一\"\n慰问");
  add("2023-07-29", "condolence", "police", "73051", "", "1100余万元", "", "");
  add("2023-03", "education", "city", "", "kids", "78.8万元", "94人", "");
  add("2022", "veteran_jobs", "73051", "city", "needy", "近3万元", "3000余人次", "见 README");
  add("2022-12-31", "legal_aid", "police", "73051", "", "", "百余件", "");
  return d;
}

}  // namespace aidstat::test
