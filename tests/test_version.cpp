#include <catch2/catch.hpp>
#include <string>

#include "aidstat/version.hpp"

TEST_CASE("the version string is the version CMake builds", "[version]") {
  // AIDSTAT_PROJECT_VERSION is CMake's PROJECT_VERSION, read from the same macros.
  CHECK(std::string(aidstat::version_string) == AIDSTAT_PROJECT_VERSION);
  CHECK(std::string(aidstat::version_string) == std::to_string(AIDSTAT_VERSION_MAJOR) + "." +
                                                    std::to_string(AIDSTAT_VERSION_MINOR) + "." +
                                                    std::to_string(AIDSTAT_VERSION_PATCH));
}
