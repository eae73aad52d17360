#include <catch2/catch.hpp>

#include "aidstat/amount_text.hpp"
#include "aidstat/entities.hpp"

using namespace aidstat;

TEST_CASE("entities are value types with the defaults the files use", "[entities]") {
  const unit u;
  CHECK(u.kind == unit_kind::other);
  CHECK(u.side == side::unknown);
  const beneficiary b;
  CHECK(b.kind == beneficiary_kind::other);
  CHECK(b.headcount == 1);  // a person
  const beneficiary group("needy", beneficiary_kind::active_member, "garrison", 27);
  CHECK(group.headcount == 27);
  CHECK(group.unit == "garrison");
  const commitment c;
  CHECK(c.status == commitment_status::planned);
}

TEST_CASE("entities compare by every field", "[entities]") {
  const unit a("city", "xx市", unit_kind::government, side::civilian);
  unit b = a;
  CHECK(a == b);
  b.region = "east";
  CHECK_FALSE(a == b);
  aid_item x;
  x.date = date(2023, 7);
  x.category = "condolence";
  x.provider = "city";
  x.amount = parse_money("10万余元");
  aid_item y = x;
  CHECK(x == y);
  y.amount = parse_money("10万元");
  CHECK_FALSE(x == y);
}
