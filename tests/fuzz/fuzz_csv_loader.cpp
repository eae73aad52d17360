// libFuzzer entry point for aidstat::fuzz::csv_loader (see harness.hpp).
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aidstat::fuzz::csv_loader(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
