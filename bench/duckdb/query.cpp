// The bench's DuckDB reference through its C API, so that no Node.js start is counted
// in DuckDB's time: the bench's queries, on the same files, printed as CSV.
// Built by install.sh against the libduckdb.so that @duckdb/node-bindings ships (which
// ships no header: the few C API functions used are declared here as DuckDB documents
// them).
//
//   duckdb_query csv ITEMS_CSV category|provider|year_category|yoy THREADS
//   duckdb_query db DB_FILE category|provider|year_category|yoy THREADS
//   duckdb_query build ITEMS_CSV DB_FILE 2       CREATE TABLE items AS ... (once)
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

extern "C" {
using idx_t = std::uint64_t;
using duckdb_database = struct duckdb_database_*;
using duckdb_connection = struct duckdb_connection_*;
using duckdb_config = struct duckdb_config_*;
struct duckdb_result {  // DuckDB's layout, with room to spare
  idx_t column_count, row_count, rows_changed;
  void* columns;
  char* error_message;
  void* internal_data;
  char spare[64];
};
int duckdb_create_config(duckdb_config* out);
int duckdb_set_config(duckdb_config config, const char* name, const char* option);
void duckdb_destroy_config(duckdb_config* config);
int duckdb_open_ext(const char* path, duckdb_database* out, duckdb_config config, char** error);
int duckdb_connect(duckdb_database db, duckdb_connection* out);
int duckdb_query(duckdb_connection c, const char* query, duckdb_result* out);
const char* duckdb_result_error(duckdb_result* r);
idx_t duckdb_column_count(duckdb_result* r);
idx_t duckdb_row_count(duckdb_result* r);
const char* duckdb_column_name(duckdb_result* r, idx_t col);
char* duckdb_value_varchar(duckdb_result* r, idx_t col, idx_t row);
void duckdb_free(void* p);
void duckdb_destroy_result(duckdb_result* r);
void duckdb_disconnect(duckdb_connection* c);
void duckdb_close(duckdb_database* db);
}

namespace {

const char* const kColumns =
    "{'date': 'DATE', 'category': 'VARCHAR', 'provider': 'VARCHAR', 'recipient': 'VARCHAR', "
    "'beneficiary': 'VARCHAR', 'form': 'VARCHAR', 'amount': 'DECIMAL(18,2)', "
    "'quantity': 'BIGINT', 'measure': 'VARCHAR', 'note': 'VARCHAR'}";

std::string read_csv(const std::string& file) {
  return "read_csv('" + file + "', header = true, columns = " + kColumns + ")";
}

// The totals grouped by `keys` (SQL expressions AS names), as aidstat's columns.
std::string totals_sql(const std::string& keys, const std::string& from) {
  return "SELECT " + keys +
         ", count(*) AS records, coalesce(sum(amount), 0) AS amount_min, "
         "coalesce(sum(amount), 0) AS amount_max FROM " +
         from + " GROUP BY ALL ORDER BY ALL";
}

std::string sql(const std::string& kind, const std::string& file, const std::string& what) {
  if (kind == "build") return "CREATE OR REPLACE TABLE items AS SELECT * FROM " + read_csv(file);
  const std::string from = kind == "csv" ? read_csv(file) : "items";
  if (what == "category") return totals_sql("category", from);
  if (what == "provider") return totals_sql("provider", from);
  if (what == "year_category") return totals_sql("year(date) AS year, category", from);
  return "SELECT category, coalesce(sum(amount) FILTER (WHERE year(date) = 2022), 0) AS base, "
         "coalesce(sum(amount) FILTER (WHERE year(date) = 2023), 0) AS current FROM " +
         from + " WHERE year(date) IN (2022, 2023) GROUP BY category ORDER BY category";
}

// Whether `what` names a query of sql().
bool known_query(const char* what) {
  for (const char* q : {"category", "provider", "year_category", "yoy"})
    if (!std::strcmp(what, q)) return true;
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  const bool build = argc == 5 && !std::strcmp(argv[1], "build");
  if (argc != 5 || (!build && std::strcmp(argv[1], "csv") && std::strcmp(argv[1], "db")) ||
      (!build && !known_query(argv[3]))) {
    std::fprintf(stderr,
                 "usage: duckdb_query csv|db FILE category|provider|year_category|yoy THREADS "
                 "| build CSV DB 2\n");
    return 2;
  }
  const std::string kind = argv[1], file = argv[2], what = argv[3];
  const std::string path = build ? what : kind == "db" ? file : std::string();
  duckdb_config config = nullptr;
  duckdb_database db = nullptr;
  duckdb_connection con = nullptr;
  char* error = nullptr;
  duckdb_create_config(&config);
  duckdb_set_config(config, "threads", argv[4]);
  if (duckdb_open_ext(path.empty() ? nullptr : path.c_str(), &db, config, &error) != 0 ||
      duckdb_connect(db, &con) != 0) {
    std::fprintf(stderr, "duckdb_query: cannot open %s: %s\n", path.c_str(), error ? error : "");
    return 1;
  }
  duckdb_result r{};
  if (duckdb_query(con, sql(kind, file, what).c_str(), &r) != 0) {
    std::fprintf(stderr, "duckdb_query: %s\n", duckdb_result_error(&r));
    return 1;
  }
  const idx_t columns = duckdb_column_count(&r), rows = duckdb_row_count(&r);
  for (idx_t c = 0; c < columns; ++c) std::printf("%s%s", c ? "," : "", duckdb_column_name(&r, c));
  std::printf("\n");
  for (idx_t row = 0; row < rows; ++row) {
    for (idx_t c = 0; c < columns; ++c) {
      char* v = duckdb_value_varchar(&r, c, row);
      std::printf("%s%s", c ? "," : "", v ? v : "");
      duckdb_free(v);
    }
    std::printf("\n");
  }
  duckdb_destroy_result(&r);
  duckdb_disconnect(&con);
  duckdb_close(&db);
  duckdb_destroy_config(&config);
  return 0;
}
