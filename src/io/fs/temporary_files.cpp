#include "aidstat/temporary_files.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <random>
#include <string>

#include "aidstat/error.hpp"
#include "io/fs/fd_output.hpp"
#include "io/fs/temporary_files.hpp"

namespace aidstat {
namespace {

// The temporaries being written now, for the signal handler. This list is the one
// piece of process-wide state in aidstat: signals belong to the process. A slot is
// free (0), being filled (1) or holds a path (2); the handler reads only slots in
// state 2, and uses only unlink and rmdir, which are safe in a signal handler.
struct cleanup_slot {
  std::atomic<int> state{0};
  bool folder = false;
  std::array<char, 4096> path{};
};
constexpr int kSlots = 64;
std::array<cleanup_slot, kSlots> g_slots;

constexpr std::array<int, 3> kSignals{SIGINT, SIGTERM, SIGHUP};

void remove_then_die(int sig) {
  for (int pass = 0; pass < 2; ++pass)  // files first, then the folders they were in
    for (cleanup_slot& s : g_slots)
      if (s.state.load(std::memory_order_acquire) == 2 && s.folder == (pass == 1))
        pass == 0 ? ::unlink(s.path.data()) : ::rmdir(s.path.data());
  std::signal(sig, SIG_DFL);
  ::raise(sig);
}

std::string temporary_prefix(const std::filesystem::path& destination) {
  return "." + destination.filename().string() + ".tmp-";
}

// The writer's process id in a temporary's name ".NAME.tmp-PID-RANDOM", or 0.
pid_t writer_of(const std::string& name, std::size_t prefix) {
  pid_t pid = 0;
  for (std::size_t i = prefix; i < name.size() && name[i] >= '0' && name[i] <= '9'; ++i) {
    if (i - prefix == 9) return 0;  // no process id is that long: not one of ours
    pid = pid * 10 + (name[i] - '0');
  }
  return pid;
}

// True when the temporary at `path` was left by a dead writer: nobody holds its lock,
// and its writer's process is gone or the file is older than the moment between
// creating a temporary and locking it.
bool abandoned(const std::filesystem::path& path, pid_t writer) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return false;
  bool dead = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
  struct stat st {};
  const bool writer_alive = writer > 0 && (::kill(writer, 0) == 0 || errno == EPERM);
  if (dead && writer_alive && ::fstat(fd, &st) == 0) dead = ::time(nullptr) - st.st_mtime > 10;
  ::close(fd);
  return dead;
}

}  // namespace

void remove_temporary_files_on_signals() {
  struct sigaction action {};
  action.sa_handler = remove_then_die;
  sigemptyset(&action.sa_mask);
  for (int sig : kSignals) sigaddset(&action.sa_mask, sig);
  for (int sig : kSignals) ::sigaction(sig, &action, nullptr);
}

std::size_t remove_stale_temporaries(const std::filesystem::path& given) {
  std::error_code ec;
  const std::filesystem::path destination = detail::destination_path(given);
  const std::filesystem::path dir =
      destination.has_parent_path() ? destination.parent_path() : std::filesystem::path(".");
  const std::string prefix = temporary_prefix(destination);
  std::size_t removed = 0;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(prefix) || !abandoned(it->path(), writer_of(name, prefix.size())))
      continue;
    std::error_code remove_ec;
    if (std::filesystem::remove_all(it->path(), remove_ec) > 0) ++removed;
  }
  return removed;
}

namespace detail {

std::filesystem::path destination_path(const std::filesystem::path& p) {
  std::error_code ec;
  std::filesystem::path out = std::filesystem::absolute(p, ec).lexically_normal();
  if (ec) out = p.lexically_normal();
  while (!out.has_filename() && out.has_parent_path() && out != out.root_path())
    out = out.parent_path();
  return out;
}

std::filesystem::path temporary_path_for(const std::filesystem::path& destination) {
  std::random_device rd;
  const std::filesystem::path dir =
      destination.has_parent_path() ? destination.parent_path() : std::filesystem::path(".");
  return dir /
         (temporary_prefix(destination) + std::to_string(::getpid()) + "-" + std::to_string(rd()));
}

signal_cleanup::signal_cleanup(const std::filesystem::path& path, bool folder) {
  const std::string text = std::filesystem::absolute(path).string();
  for (int i = 0; i < kSlots && text.size() < g_slots[0].path.size(); ++i) {
    int expected = 0;
    if (!g_slots[i].state.compare_exchange_strong(expected, 1)) continue;
    std::memcpy(g_slots[i].path.data(), text.c_str(), text.size() + 1);
    g_slots[i].folder = folder;
    g_slots[i].state.store(2, std::memory_order_release);
    slot_ = i;
    return;
  }
}

signal_cleanup::~signal_cleanup() {
  if (slot_ >= 0)
    g_slots[static_cast<std::size_t>(slot_)].state.store(0, std::memory_order_release);
}

void lock_temporary(int fd, const std::filesystem::path& path) {
  if (::flock(fd, LOCK_EX) != 0)
    throw_error<io_error>("cannot lock " + path.string() + ": " + reason_of(errno));
}

}  // namespace detail
}  // namespace aidstat
