/* A write-fault shim for aidstat's fault tests, loaded with LD_PRELOAD: it fails the
 * Nth call of one kind (write, fsync, rename, close) made on a file or folder under
 * one folder, as a full disk or a failing device would, and counts those calls.
 *
 *   AIDSTAT_FAULT_DIR    only calls on paths that start with this folder count
 *   AIDSTAT_FAULT_CALL   write | fsync | rename | close
 *   AIDSTAT_FAULT_AT     the call to fail, counted from 1 (0: fail none, only count)
 *   AIDSTAT_FAULT_COUNT  a file to which the count of such calls is written at exit
 *
 * A failed write returns ENOSPC, any other failed call EIO. A failed close still
 * closes the descriptor, as Linux does. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static long g_calls;

static int under_dir(const char* path) {
  const char* dir = getenv("AIDSTAT_FAULT_DIR");
  if (!dir || !path) return 0;
  char full[4096];
  if (path[0] != '/') {
    if (!getcwd(full, sizeof full)) return 0;
    strncat(full, "/", sizeof full - strlen(full) - 1);
    strncat(full, path, sizeof full - strlen(full) - 1);
    path = full;
  }
  return strncmp(path, dir, strlen(dir)) == 0;
}

static int fd_under_dir(int fd) {
  char link[64], target[4096];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  const ssize_t n = readlink(link, target, sizeof target - 1);
  if (n <= 0) return 0;
  target[n] = '\0';
  return under_dir(target);
}

/* True when this call, of kind `call`, is the one to fail. */
static int fails(const char* call, int counted) {
  const char* which = getenv("AIDSTAT_FAULT_CALL");
  if (!counted || !which || strcmp(which, call) != 0) return 0;
  ++g_calls;
  const char* at = getenv("AIDSTAT_FAULT_AT");
  return at && atol(at) == g_calls;
}

__attribute__((destructor)) static void write_count(void) {
  const char* file = getenv("AIDSTAT_FAULT_COUNT");
  if (!file) return;
  FILE* f = fopen(file, "w");
  if (!f) return;
  fprintf(f, "%ld\n", g_calls);
  fclose(f);
}

#define REAL(name, type) ((type)dlsym(RTLD_NEXT, name))

ssize_t write(int fd, const void* buf, size_t n) {
  if (fails("write", fd > 2 && fd_under_dir(fd))) {
    errno = ENOSPC;
    return -1;
  }
  return REAL("write", ssize_t (*)(int, const void*, size_t))(fd, buf, n);
}

int fsync(int fd) {
  if (fails("fsync", fd_under_dir(fd))) {
    errno = EIO;
    return -1;
  }
  return REAL("fsync", int (*)(int))(fd);
}

int close(int fd) {
  const int failing = fails("close", fd > 2 && fd_under_dir(fd));
  const int r = REAL("close", int (*)(int))(fd);
  if (failing) {
    errno = EIO;
    return -1;
  }
  return r;
}

int rename(const char* from, const char* to) {
  if (fails("rename", under_dir(to))) {
    errno = EIO;
    return -1;
  }
  return REAL("rename", int (*)(const char*, const char*))(from, to);
}

int renameat2(int from_dir, const char* from, int to_dir, const char* to, unsigned flags) {
  if (fails("rename", under_dir(to))) {
    errno = EIO;
    return -1;
  }
  return REAL("renameat2", int (*)(int, const char*, int, const char*, unsigned))(
      from_dir, from, to_dir, to, flags);
}
