// aidstat progress DATASET [--year Y] [--by DIM]...
// aidstat check    DATASET [--strict]
// aidstat save     DATASET -o FILE [--archive binary|text|xml]
// aidstat export   DATASET -o DIR|FILE.xlsx
#include "options.hpp"
#include "progress_display.hpp"

namespace aidstat_cli {
namespace {

int run_progress(const options& o) {
  as::progress_query q;
  q.year = o.year;
  as_usage([&] {
    for (const auto& b : o.by) q.by.push_back(as::parse_key<as::progress_dimension>(b));
    return 0;
  });
  const as::dataset d = load(o, as::fields_for(q));
  emit(o, {{"progress", as::to_table(as::compute_progress(d, q))}});
  return 0;
}

int run_check(const options& o) {
  const as::check_report r = as::check_dataset_at(o.dataset);
  if (format_of(o) != as::output_format::table) {
    emit(o, {{"findings", as::to_table(r)}, {"reconciliations", as::to_table(r.reconciliations)}});
    return r.errors() || (o.strict && r.warnings()) ? 1 : 0;
  }
  for (const auto& f : r.findings) std::cout << f.to_string() << "\n";
  std::cout << r.errors() << (r.errors() == 1 ? " error, " : " errors, ") << r.warnings()
            << (r.warnings() == 1 ? " warning" : " warnings") << ", " << r.reconciliations.size()
            << " stated total(s) reconciled\n";
  return r.errors() || (o.strict && r.warnings()) ? 1 : 0;
}

int run_save(const options& o) {
  const as::dataset d = load(o, as::item_fields::all);
  as::work_meter meter;
  const progress_display shown(meter, "saving " + o.output);
  as::save_archive(d, o.output, *as::parse_enum<as::archive_format>(o.archive), &meter);
  return 0;
}

int run_export(const options& o) {
  if (std::filesystem::path(o.output).extension() == ".xlsx")
    as::export_workbook(load(o, as::item_fields::all), o.output);
  else
    as::export_csv(load(o, as::item_fields::all), o.output);
  return 0;
}

}  // namespace

void add_dataset_commands(CLI::App& app, options& o, command_list& commands) {
  CLI::App* progress = app.add_subcommand("progress", "Completion of planned commitments");
  add_dataset(progress, o);
  progress->add_option("--year", o.year, "Only commitments of this year");
  progress->add_option("--by", o.by, "Group by " + listed<as::progress_dimension>());
  add_output(progress, o);
  commands.emplace_back(progress, run_progress);

  CLI::App* check =
      app.add_subcommand("check", "Validate, reconcile stated totals, find duplicates");
  add_dataset(check, o);
  check->add_flag("--strict", o.strict, "Exit 1 on warnings too (incomplete totals, duplicates)");
  add_output(check, o);
  commands.emplace_back(check, run_check);

  CLI::App* save = app.add_subcommand("save", "Write the dataset to one archive file");
  add_dataset(save, o);
  save->add_option("-o,--output", o.output, "Archive file to write")->required();
  save->add_option("--archive", o.archive, "Archive kind")
      ->check(CLI::IsMember(as::keys_of<as::archive_format>()));
  commands.emplace_back(save, run_save);

  CLI::App* exporter =
      app.add_subcommand("export", "Write the dataset as CSV files or as an Excel workbook");
  add_dataset(exporter, o);
  exporter
      ->add_option(
          "-o,--output", o.output,
          "Directory to write the CSV files into, or a workbook FILE.xlsx (one sheet a file)")
      ->required();
  commands.emplace_back(exporter, run_export);
}

}  // namespace aidstat_cli
