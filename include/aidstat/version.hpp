// aidstat version. CMake reads the version from the three macros below; everything
// else derives from them.
#pragma once

#define AIDSTAT_VERSION_MAJOR 0
#define AIDSTAT_VERSION_MINOR 2
#define AIDSTAT_VERSION_PATCH 0

#define AIDSTAT_DETAIL_STRING_(x) #x
#define AIDSTAT_DETAIL_STRING(x) AIDSTAT_DETAIL_STRING_(x)

namespace aidstat {
/// The library version as "major.minor.patch".
inline constexpr const char* version_string =
    AIDSTAT_DETAIL_STRING(AIDSTAT_VERSION_MAJOR) "." AIDSTAT_DETAIL_STRING(
        AIDSTAT_VERSION_MINOR) "." AIDSTAT_DETAIL_STRING(AIDSTAT_VERSION_PATCH);
}  // namespace aidstat
