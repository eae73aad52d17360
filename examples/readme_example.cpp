// The C++ usage example of README.md, verbatim between the markers.
#include <iostream>
// README-BEGIN
#include <aidstat/aidstat.hpp>

int main() {
  aidstat::dataset d;  // the default taxonomy of SPEC 2
  d.add_unit({"city", "市委市政府", aidstat::unit_kind::government, aidstat::side::civilian});
  d.add_unit({"73051", "73051部队", aidstat::unit_kind::military_unit, aidstat::side::military});
  aidstat::aid_item gift;
  gift.date = aidstat::date(2023, 1);
  gift.category = "condolence";
  gift.provider = "city";
  gift.recipient = "73051";
  gift.amount = aidstat::parse_money("1100余万元");
  d.add_item(gift);
  aidstat::totals_query q;
  q.by = {aidstat::dimension::parse("category")};
  aidstat::write_totals_table(std::cout, aidstat::compute_totals(d, q), aidstat::money_unit::wan);
}
// README-END
