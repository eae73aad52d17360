#include <catch2/catch.hpp>

#include "aidstat/archive.hpp"
#include "aidstat/load_csv.hpp"
#include "aidstat/open_dataset.hpp"
#include "test_support.hpp"

using namespace aidstat;

TEST_CASE("open_dataset takes a directory or an archive, whichever the path is", "[open_dataset]") {
  test::temp_dir dir;
  dir.write("items.csv", "date,category,provider,amount\n2023-01,condolence,city,1100余万元\n");
  const dataset d = load_dataset(dir.path());
  const auto archive = dir.path() / "city.aidstat";
  save_archive(d, archive);
  CHECK(storage_of(dir.path()) == dataset_storage::csv_directory);
  CHECK(storage_of(archive) == dataset_storage::archive);
  CHECK(open_dataset(dir.path()) == d);
  CHECK(open_dataset(archive) == d);
  // Only the amounts of an archive: fewer columns, the same amounts.
  const dataset amounts = open_dataset(archive, item_fields::amounts);
  CHECK(amounts.item_count() == 1);
  CHECK_THROWS_AS(amounts.require_fields(item_fields::category, "totals by category"), query_error);
  CHECK_THROWS_AS(open_dataset(dir.path() / "nowhere"), io_error);
}
