// What the header examples may take as given: the demo dataset `d` and its directory,
// an archive of it, and the small CSV files the examples load, all in the working
// directory (the test's own).
#pragma once

#include <filesystem>
#include <fstream>
#include <iostream>

#include "aidstat/aidstat.hpp"
#include "aidstat/analysis_at.hpp"
#include "aidstat/disclosure.hpp"
#include "aidstat/fmt.hpp"
#include "aidstat/pivot.hpp"

using namespace aidstat;

struct prelude {
  std::filesystem::path dir = AIDSTAT_DEMO_DIR;
  dataset d = load_dataset(dir);

  prelude() {
    save_archive(d, "city.aidstat");
    std::ofstream("map.csv") << "year,from,to,share\n2022,employment,other,1\n";
    std::ofstream("deflator.csv") << "year,index\n2022,100\n2023,105\n";
  }
};
