// Helpers shared by the tests: temporary dataset directories and running the CLI.
#pragma once

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace aidstat::test {

/// A fresh directory under the system temp dir, removed when destroyed.
class temp_dir {
 public:
  temp_dir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("aidstat-test-" + std::to_string(rd()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~temp_dir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  /// Writes `text` to file `name` in the directory, byte for byte.
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name, std::ios::binary) << text;
  }

 private:
  std::filesystem::path path_;
};

/// Output and exit status of a command.
struct run_result {
  int status = -1;
  std::string out;  ///< stdout
  std::string err;  ///< stderr
};

/// Runs the aidstat CLI with `args` (a shell-quoted string).
inline run_result run_cli(const std::string& args) {
  temp_dir tmp;
  const auto out = tmp.path() / "out", err = tmp.path() / "err";
  const std::string cmd = std::string("'") + AIDSTAT_CLI + "' " + args + " >'" + out.string() +
                          "' 2>'" + err.string() + "'";
  const int raw = std::system(cmd.c_str());
  run_result r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  const auto slurp = [](const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

/// The demo dataset shipped in examples/.
inline std::filesystem::path demo_dataset() {
  return std::filesystem::path(AIDSTAT_SOURCE_DIR) / "examples/data/city-2023";
}

}  // namespace aidstat::test
