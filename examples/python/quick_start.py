import aidstat

ds = aidstat.load("examples/data/city-2023")
t = aidstat.totals(ds, by=["category"], year=2023)
print(t.head(4).to_string(index=False))
print(repr(t["amount_max"].sum()))  # Decimal yuan, summed exactly
print(aidstat.parse_money("1100余万元"))
try:
    aidstat.totals(ds, by=["colour"])
except aidstat.query_error as e:
    print("query_error:", str(e)[:40], "...")
