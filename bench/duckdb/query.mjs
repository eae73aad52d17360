// The bench's DuckDB reference: the same queries as aidstat, on the same files, with
// the same column types, run as a fresh process (bench/side_by_side.py times it).
//
//   node query.mjs csv ITEMS_CSV QUERY THREADS     read_csv with explicit types
//   node query.mjs db DB_FILE QUERY THREADS        the table `items` of a database file
//   node query.mjs build ITEMS_CSV DB_FILE         CREATE TABLE items AS ... (once)
//
// QUERY is `category` (per-category totals) or `yoy` (2022 against 2023 by category).
// Prints the answer as CSV, in aidstat's columns, so the two can be compared.
import { DuckDBInstance } from "@duckdb/node-api";

const COLUMNS = `{'date': 'DATE', 'category': 'VARCHAR', 'provider': 'VARCHAR',
  'recipient': 'VARCHAR', 'beneficiary': 'VARCHAR', 'form': 'VARCHAR',
  'amount': 'DECIMAL(18,2)', 'quantity': 'BIGINT', 'measure': 'VARCHAR', 'note': 'VARCHAR'}`;

function source(kind, file) {
  if (kind === "csv") return `read_csv('${file}', header = true, columns = ${COLUMNS})`;
  return "items";
}

const QUERIES = {
  category: (from) => `SELECT category, count(*) AS records,
      coalesce(sum(amount), 0) AS amount_min, coalesce(sum(amount), 0) AS amount_max
    FROM ${from} GROUP BY category ORDER BY category`,
  yoy: (from) => `SELECT category,
      coalesce(sum(amount) FILTER (WHERE year(date) = 2022), 0) AS base,
      coalesce(sum(amount) FILTER (WHERE year(date) = 2023), 0) AS current
    FROM ${from} WHERE year(date) IN (2022, 2023) GROUP BY category ORDER BY category`,
};

async function main() {
  const [kind, file, what, threads] = process.argv.slice(2);
  if (kind === "build") {
    const instance = await DuckDBInstance.create(what);
    const db = await instance.connect();
    await db.run(`CREATE OR REPLACE TABLE items AS SELECT * FROM ${source("csv", file)}`);
    return;
  }
  if (!(kind in { csv: 1, db: 1 }) || !(what in QUERIES)) {
    console.error("usage: node query.mjs csv|db FILE category|yoy THREADS | build CSV DB");
    process.exit(2);
  }
  const instance = await DuckDBInstance.create(kind === "db" ? file : ":memory:",
                                               { threads: String(threads || 2) });
  const db = await instance.connect();
  const reader = await db.runAndReadAll(QUERIES[what](source(kind, file)));
  const rows = reader.getRowsJS();
  console.log(reader.columnNames().join(","));
  for (const row of rows) console.log(row.map((v) => String(v)).join(","));
}

main().catch((e) => {
  console.error(`query.mjs: ${e.message}`);
  process.exit(1);
});
