// RunLock: one writer per database, across processes.
//
// Contract:
//   RunLock::Acquire(db_path, wait_seconds) takes an exclusive flock on "<db_path>.lock",
//   retrying until wait_seconds have passed; returns nullopt when another process still holds
//   it. The lock is released when the RunLock is destroyed or the process dies (the kernel
//   drops flocks of dead processes, so a kill -9 never leaves a stale lock behind).
#pragma once

#include <optional>
#include <string>

namespace pledge {

class RunLock {
 public:
  static std::optional<RunLock> Acquire(const std::string& db_path, double wait_seconds);
  RunLock(RunLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  RunLock& operator=(RunLock&&) = delete;
  ~RunLock();

 private:
  explicit RunLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace pledge
