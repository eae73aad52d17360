// The C++ usage example of README.md, verbatim between the markers.
// README-BEGIN
#include <aidstat/aidstat.hpp>
#include <iostream>

int main() {
  aidstat::dataset d;  // with the default taxonomy
  d.add_unit({"city", "市委市政府", aidstat::unit_kind::government, aidstat::side::civilian});
  d.add_unit({"73051", "73051部队", aidstat::unit_kind::military_unit, aidstat::side::military});
  aidstat::aid_item gift;
  gift.date = aidstat::date(2023, 1);
  gift.category = "condolence", gift.provider = "city", gift.recipient = "73051";
  gift.amount = aidstat::parse_money("1100余万元");  // [11000000, 12000000] yuan
  d.add_item(gift);
  aidstat::totals t = aidstat::compute_totals(d, {{aidstat::dimension::parse("category")}, {}});
  aidstat::write_totals(std::cout, t, aidstat::output_format::table, aidstat::money_unit::wan);
}
// README-END
