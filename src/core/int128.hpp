// 128-bit integers for exact intermediate products of 64-bit money. Internal.
#pragma once

namespace aidstat::detail {
__extension__ typedef __int128 i128;           ///< signed 128-bit
__extension__ typedef unsigned __int128 u128;  ///< unsigned 128-bit
}  // namespace aidstat::detail
