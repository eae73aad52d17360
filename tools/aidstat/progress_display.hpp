// Shows how far a long load or save has got on stderr, when stderr is a terminal and
// the work has taken more than a second (docs/cli.md); never otherwise, so that logs and
// pipes stay clean. AIDSTAT_PROGRESS_AFTER_MS changes the second, for tests.
#pragma once

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "aidstat/work_meter.hpp"

class progress_display {
 public:
  /// Starts showing `meter` as "aidstat: <what> 42%" once the delay has passed.
  progress_display(const aidstat::work_meter& meter, std::string what)
      : meter_(meter), what_(std::move(what)), start_(clock::now()) {
    if (!isatty(STDERR_FILENO)) return;
    if (const char* ms = std::getenv("AIDSTAT_PROGRESS_AFTER_MS"))
      after_ = std::chrono::milliseconds(std::atoll(ms));
    shower_ = std::jthread([this](std::stop_token stop) { show_until(stop); });
  }
  progress_display(const progress_display&) = delete;
  progress_display& operator=(const progress_display&) = delete;

  /// Shows the last state (when past the delay) and clears the line.
  ~progress_display() {
    if (!shower_.joinable()) return;
    shower_.request_stop();
    shower_.join();
    if (clock::now() - start_ >= after_) show();
    if (shown_) std::fputs("\r\033[K", stderr);
  }

 private:
  using clock = std::chrono::steady_clock;

  void show_until(const std::stop_token& stop) {
    while (!stop.stop_requested()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      if (clock::now() - start_ >= after_) show();
    }
  }

  void show() {
    const auto seconds = std::chrono::duration<double>(clock::now() - start_).count();
    const auto f = meter_.fraction();
    std::string line = "\raidstat: " + what_;
    if (f) line += " " + std::to_string(static_cast<int>(*f * 100.0)) + "%";
    line += " (" + std::to_string(static_cast<int>(seconds)) + " s)\033[K";
    if (line == last_) return;  // a terminal needs no repeat
    last_ = line;
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
    shown_ = true;
  }

  const aidstat::work_meter& meter_;
  std::string what_;
  clock::time_point start_;
  std::chrono::milliseconds after_{1000};
  bool shown_ = false;
  std::string last_;  // the line last shown
  std::jthread shower_;
};
