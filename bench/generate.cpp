// Writes a synthetic dataset:
// aidstat_generate DIR RECORDS [SEED] [NOTATION_SHARE] [full]
#include <iostream>
#include <string>

#include "synthetic.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr
        << "usage: aidstat_generate DIR RECORDS [SEED] [NOTATION_SHARE] [full]\n"
           "  full: every column of items.csv, dates to the day, notes on a third of the rows\n";
    return 2;
  }
  aidstat::bench::synthetic_spec spec;
  spec.records = std::stoull(argv[2]);
  if (argc > 3) spec.seed = std::stoull(argv[3]);
  if (argc > 4) spec.notation_share = std::stod(argv[4]);
  if (argc > 5) {
    if (std::string(argv[5]) != "full") {
      std::cerr << "aidstat_generate: the fifth argument can only be 'full'\n";
      return 2;
    }
    spec.full_rows = true;
  }
  const auto bytes = aidstat::bench::write_synthetic_csv(spec, argv[1]);
  std::cout << "wrote " << spec.records << " records, " << bytes << " bytes of items.csv\n";
}
