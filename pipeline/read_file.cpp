#include "pipeline/read_file.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <vector>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace pledge {

namespace {

std::string Hex(const unsigned char* digest, unsigned int length) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(length * 2, '0');
  for (unsigned int i = 0; i < length; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 15];
  }
  return hex;
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (!EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr))
    throw std::runtime_error("OpenSSL SHA-256 failed");
  return Hex(digest, length);
}

std::optional<FileDigest> Sha256OfFile(const std::string& path) {
  // O_NONBLOCK: opening a FIFO to read otherwise waits for a writer, and a named pipe among the
  // inputs hung every run after the first. Only a regular file is hashed; anything else is for
  // ReadInput to refuse with its reason.
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return std::nullopt;
  struct stat info {};
  if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    close(fd);
    return std::nullopt;
  }
  thread_local std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!context || !EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr)) {
    close(fd);
    throw std::runtime_error("OpenSSL SHA-256 failed");
  }
  // A chunk that stays in cache between the kernel's copy and the hash.
  thread_local std::vector<char> chunk(256 << 10);
  // The file is its first st_size bytes, as ReadInput reads it: no read to find the end.
  const uint64_t size = static_cast<uint64_t>(info.st_size);
  FileDigest digest;
  while (digest.size < size) {
    ssize_t n = read(fd, chunk.data(), static_cast<size_t>(std::min<uint64_t>(chunk.size(), size - digest.size)));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      close(fd);
      return std::nullopt;
    }
    if (n == 0) break;  // the file shrank while we read it
    EVP_DigestUpdate(context.get(), chunk.data(), static_cast<size_t>(n));
    digest.size += static_cast<uint64_t>(n);
  }
  close(fd);
  unsigned char bytes[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (!EVP_DigestFinal_ex(context.get(), bytes, &length)) throw std::runtime_error("OpenSSL SHA-256 failed");
  digest.sha256 = Hex(bytes, length);
  return digest;
}

FileBytes ReadInput(const std::string& path, uint64_t max_bytes) {
  FileBytes result;
  auto fail = [&](std::string why) {
    result.error = std::move(why);
    return result;
  };
  struct stat link_info {};
  if (lstat(path.c_str(), &link_info) != 0) return fail(std::string("cannot read: ") + std::strerror(errno));
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) {
    if (S_ISLNK(link_info.st_mode))
      return fail(errno == ELOOP ? "symlink loop" : std::string("broken symlink: ") + std::strerror(errno));
    return fail(std::string("cannot read: ") + std::strerror(errno));
  }
  if (S_ISDIR(info.st_mode)) return fail("is a directory");
  if (!S_ISREG(info.st_mode)) return fail("not a regular file");
  result.size = static_cast<uint64_t>(info.st_size);
  if (result.size > max_bytes)
    return fail("too large: " + std::to_string(result.size) + " bytes, limit " + std::to_string(max_bytes));

  // O_NONBLOCK: a file swapped for a FIFO since the stat above must not make the read wait.
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return fail(std::string("cannot open: ") + std::strerror(errno));
  result.bytes.resize(result.size);
  size_t got = 0;
  while (got < result.bytes.size()) {
    ssize_t n = read(fd, result.bytes.data() + got, result.bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      close(fd);
      return fail(std::string("read error: ") + std::strerror(err));
    }
    if (n == 0) break;  // the file shrank while we read it
    got += static_cast<size_t>(n);
  }
  close(fd);
  result.bytes.resize(got);
  result.ok = true;
  return result;
}

}  // namespace pledge
