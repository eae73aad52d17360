import aidstat

ds = aidstat.load("examples/data/city-2023")
t = aidstat.totals(ds, by=["category"], year=2023)
print(t.head(4).to_string(index=False))
print(t["amount_max"].dtype, f"{t['amount_max'].sum():.2f}")  # float64 yuan, to the fen
exact = aidstat.totals(ds, by=["category"], year=2023, exact=True)
print(repr(exact["amount_max"].sum()))  # decimal.Decimal on request
print(aidstat.parse_money("1100余万元"))
try:
    aidstat.totals(ds, by=["colour"])
except aidstat.query_error as e:
    print("query_error:", str(e)[:40], "...")
