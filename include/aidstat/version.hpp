// aidstat version. CMake reads the version from the three macros below.
#pragma once

#define AIDSTAT_VERSION_MAJOR 0
#define AIDSTAT_VERSION_MINOR 1
#define AIDSTAT_VERSION_PATCH 0

namespace aidstat {
/// The library version as "major.minor.patch".
inline constexpr const char* version_string = "0.1.0";
}  // namespace aidstat
