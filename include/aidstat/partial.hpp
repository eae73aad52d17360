// Partial aggregates as bytes (docs/python.md): the totals of one shard of a dataset,
// computed where the shard lives, sent to another process or machine, and merged
// there exactly with the totals of the other shards.
//
// The bytes are an archive frame (docs/archive-format.md) of kind `totals`: a
// header line that declares the length, and one section with an XXH3 checksum, so a
// partial damaged in transit is refused with an error rather than merged. A partial
// carries each group's distinct beneficiaries, so people reached stay exact when the
// same beneficiary appears in two shards: each beneficiary's id and headcount once,
// and each group's as 4-byte places in that list.
//
//   const totals_query q{{dimension::parse("category")}, {}};
//   std::string bytes = totals_to_bytes(compute_totals(d, q));  // where a shard lives
//   totals merged = totals_from_bytes(bytes);                    // elsewhere
//   merged.merge(totals_from_bytes(bytes));                  // with another shard's bytes
#pragma once

#include <string>
#include <string_view>

#include "aidstat/totals.hpp"

namespace aidstat {

/// The bytes of `t`, every field of it, in a checksummed frame.
std::string totals_to_bytes(const totals& t);

/// The totals held by `bytes` (totals_to_bytes). Throws aidstat::error naming `name`
/// when they are damaged, truncated, not a partial, or inconsistent (groups out of
/// order or twice, an interval upside down, a beneficiary listed twice); never
/// allocates more than the bytes' own size.
totals totals_from_bytes(std::string_view bytes, const std::string& name = "the partial totals");

}  // namespace aidstat
