// libFuzzer entry point for aidstat::fuzz::amount_text (see harness.hpp).
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aidstat::fuzz::amount_text(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
