// The `aidstat` command: statistics of a support-program dataset (docs/cli.md).
//
//   aidstat totals   DATASET [--by DIM]... [--where DIM=VALUE]... [--year Y | --from D --to D]
//   aidstat yoy      DATASET --base Y1 --year Y2 [--by DIM]...
//   aidstat trend    DATASET --from Y1 --to Y2 [--by DIM]...
//   aidstat pivot    DATASET --rows DIM --cols DIM
//   aidstat progress DATASET [--year Y] [--by DIM]...
//   aidstat check    DATASET [--strict]
//   aidstat save     DATASET -o FILE
//   aidstat export   DATASET -o DIR
//   aidstat report   DATASET --base Y1 --year Y2 -o FILE.html
//
// Each subcommand lives in the file named in options.hpp. DATASET is a directory of CSV
// files or an archive written by `save`. A load or a save longer than a second shows
// its progress on stderr when it is a terminal.
//
// Exit status: 0 on success, 1 on data errors, 2 on usage errors. Errors go to
// stderr as "aidstat: " and a sentence.
#include <iostream>

#include "options.hpp"

namespace {

namespace cli = aidstat_cli;

// Runs the parsed command; exit status 0, 1 on data errors, 2 on usage errors.
int run(const cli::command_list& commands, const cli::options& o) {
  try {
    for (const auto& [cmd, run_command] : commands)
      if (cmd->parsed()) return run_command(o);
  } catch (const cli::usage_error& e) {
    std::cerr << "aidstat: " << e.what() << "\n";
    return 2;
  } catch (const aidstat::error& e) {
    std::cerr << "aidstat: " << e.what() << "\n";
    return 1;
  } catch (const std::bad_alloc&) {
    std::cerr << "aidstat: not enough memory for this command; the data is not at fault: "
                 "free memory and try again\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "aidstat: internal error: " << e.what() << "\n";
    return 1;
  }
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  aidstat::remove_temporary_files_on_signals();  // Ctrl-C during a save leaves no temporary
  CLI::App app{"aidstat: statistics of support-program data (拥军优属 / veterans' support)",
               "aidstat"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(aidstat::version_string));
  cli::options o;
  cli::command_list commands;
  cli::add_totals(app, o, commands);
  cli::add_records(app, o, commands);
  cli::add_report(app, o, commands);
  cli::add_comparisons(app, o, commands);
  cli::add_pivot(app, o, commands);
  cli::add_dataset_commands(app, o, commands);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "aidstat: " << e.what() << "\n";
    std::cerr << "Run 'aidstat --help' for usage.\n";
    return 2;
  }
  return run(commands, o);
}
