#include "ingest/run_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>
#include <thread>

namespace pledge {

std::optional<RunLock> RunLock::Acquire(const std::string& db_path, double wait_seconds) {
  std::string lock_path = db_path + ".lock";
  int fd = open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error("cannot open lock file " + lock_path + ": " + std::strerror(errno));
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(wait_seconds);
  while (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      int err = errno;
      close(fd);
      throw std::runtime_error("cannot lock " + lock_path + ": " + std::strerror(err));
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      close(fd);
      return std::nullopt;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return RunLock(fd);
}

RunLock::~RunLock() {
  if (fd_ >= 0) close(fd_);  // closing releases the flock
}

}  // namespace pledge
