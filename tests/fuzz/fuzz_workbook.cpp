// libFuzzer entry point for aidstat::fuzz::workbook (see harness.hpp).
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aidstat::fuzz::workbook(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
