// Running one piece of work per thread and carrying exceptions back. Internal.
#pragma once

#include <exception>
#include <thread>
#include <vector>

namespace aidstat::detail {

/// Calls work(t) for every t in [0, threads), each on its own thread (the calling
/// thread takes t = 0), and waits for all of them. Rethrows the exception of the
/// lowest t that threw one, after every thread has finished.
template <class Work>
void run_parallel(unsigned threads, const Work& work) {
  std::vector<std::exception_ptr> errors(threads);
  const auto guarded = [&](unsigned t) {
    try {
      work(t);
    } catch (...) {
      errors[t] = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(guarded, t);
  guarded(0);
  for (auto& th : pool) th.join();
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace aidstat::detail
