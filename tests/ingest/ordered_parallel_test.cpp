#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>
#include <string>
#include <vector>

#include "ingest/ordered_parallel.h"

using namespace pledge;

TEST_CASE("results arrive in index order whatever the jobs", "[ingest][parallel]") {
  for (unsigned jobs : {1u, 2u, 4u}) {
    std::vector<size_t> order;
    OrderedParallel<size_t>(100, jobs, [](size_t i) { return i * i; },
                            [&](size_t i, size_t v) { CHECK(v == i * i); order.push_back(i); });
    REQUIRE(order.size() == 100);
    for (size_t i = 0; i < order.size(); ++i) CHECK(order[i] == i);
  }
}

TEST_CASE("the byte budget bounds what waits for the consumer", "[ingest][parallel]") {
  // Each result holds 10 bytes; with a budget of 25, no item starts while 25 bytes or more wait:
  // at most 3 results wait, 2 are in production and 1 is being consumed, never the window of 64
  // that a slow consumer (as the SQLite writer is) would otherwise fill.
  std::atomic<size_t> waiting{0}, most_waiting{0};
  std::vector<size_t> order;
  OrderedParallel<std::string>(
      200, 2,
      [&](size_t i) {
        size_t now = ++waiting;
        for (size_t seen = most_waiting; now > seen && !most_waiting.compare_exchange_weak(seen, now);) {}
        return std::string(10, static_cast<char>('a' + i % 26));
      },
      [&](size_t i, std::string s) {
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        --waiting;
        CHECK(s.size() == 10);
        order.push_back(i);
      },
      [](const std::string& s) { return s.size(); }, 64, 25);
  REQUIRE(order.size() == 200);
  for (size_t i = 0; i < order.size(); ++i) CHECK(order[i] == i);
  CHECK(most_waiting <= 3 + 2 + 1);
}

TEST_CASE("an exception in a worker stops the run and reaches the caller", "[ingest][parallel]") {
  CHECK_THROWS_AS(OrderedParallel<int>(50, 2,
                                       [](size_t i) {
                                         if (i == 17) throw std::runtime_error("bad item");
                                         return static_cast<int>(i);
                                       },
                                       [](size_t, int) {}),
                  std::runtime_error);
}
