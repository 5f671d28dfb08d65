// OrderedParallel: run `produce(i)` for i in [0, count) on `jobs` threads and hand the results
// to `consume(i, result)` on the calling thread in index order.
//
// Why: documents are processed in parallel but written by one writer in a fixed order, so a
// run with --jobs 4 leaves exactly the database --jobs 1 would. At most `window` results wait
// in memory, which bounds memory by the largest documents in flight, not the corpus. An
// exception in `produce` or `consume` stops the workers and is rethrown here.
//
// The second form bounds the waiting results by what they hold, `cost(result)` bytes, as well:
// no new item starts while `budget` bytes wait. A long window then costs nothing when results
// are small (an unchanged file: a hash) and never more than the budget when they are large.
//
// ParallelFor: run `work(i)` for i in [0, count) on `jobs` threads, in no order, and return
// when all are done. For work whose results need no order and no writer (each writes its own
// slot): items are claimed with one atomic increment, no lock and no wake-up per item.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace pledge {

template <typename Result, typename Produce, typename Consume, typename Cost>
void OrderedParallel(size_t count, unsigned jobs, Produce produce, Consume consume, Cost cost, size_t window,
                     size_t budget) {
  if (jobs <= 1 || count <= 1) {
    for (size_t i = 0; i < count; ++i) consume(i, produce(i));
    return;
  }
  window = std::max<size_t>(2, window);
  size_t waiting_bytes = 0;
  std::mutex mutex;
  // Two conditions, so that a finished result wakes the consumer only, and consumed results
  // wake only workers waiting for room: with small results (an unchanged file is a hash) the
  // handoffs, not the work, were the cost.
  std::condition_variable room, result_ready;
  std::map<size_t, Result> ready;
  size_t next_to_start = 0, next_to_consume = 0;
  bool stop = false;
  std::exception_ptr failure;

  auto worker = [&] {
    for (;;) {
      size_t index;
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] {
          return stop || next_to_start >= count || (next_to_start < next_to_consume + window && waiting_bytes < budget);
        });
        if (stop || next_to_start >= count) return;
        index = next_to_start++;
      }
      bool wake_consumer, failed = false;
      try {
        Result r = produce(index);
        size_t bytes = cost(r);
        std::lock_guard lock(mutex);
        waiting_bytes += bytes;
        ready.emplace(index, std::move(r));
        wake_consumer = index == next_to_consume;  // later results wait for this one anyway
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
        stop = true;
        wake_consumer = failed = true;
      }
      if (wake_consumer) result_ready.notify_one();
      if (failed) room.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned j = 0; j < jobs; ++j) threads.emplace_back(worker);

  try {
    std::vector<std::pair<Result, size_t>> batch;  // results with their cost
    while (next_to_consume < count) {
      // Every result that is ready in order, taken in one visit to the lock. They count
      // against the budget until each is consumed.
      batch.clear();
      {
        std::unique_lock lock(mutex);
        result_ready.wait(lock, [&] { return stop || ready.count(next_to_consume); });
        if (stop) break;
        for (auto it = ready.find(next_to_consume); it != ready.end() && it->first == next_to_consume + batch.size();
             it = ready.erase(it)) {
          size_t bytes = cost(it->second);
          batch.emplace_back(std::move(it->second), bytes);
        }
      }
      for (auto& [result, bytes] : batch) {
        consume(next_to_consume, std::move(result));
        {
          std::lock_guard lock(mutex);
          ++next_to_consume;
          waiting_bytes -= std::min(waiting_bytes, bytes);
        }
        room.notify_all();  // no system call when no worker waits
      }
    }
  } catch (...) {
    std::lock_guard lock(mutex);
    if (!failure) failure = std::current_exception();
    stop = true;
  }
  {
    std::lock_guard lock(mutex);
    stop = true;
  }
  room.notify_all();
  result_ready.notify_all();
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

template <typename Work>
void ParallelFor(size_t count, unsigned jobs, Work work) {
  if (jobs <= 1 || count <= 1) {
    for (size_t i = 0; i < count; ++i) work(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::exception_ptr failure;
  auto worker = [&] {
    for (size_t i; !stop.load(std::memory_order_relaxed) && (i = next.fetch_add(1, std::memory_order_relaxed)) < count;) {
      try {
        work(i);
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
        stop = true;
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < jobs; ++j) threads.emplace_back(worker);
  worker();  // the calling thread is one of the jobs
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

// At most 2 × jobs results wait, whatever they hold.
template <typename Result, typename Produce, typename Consume>
void OrderedParallel(size_t count, unsigned jobs, Produce produce, Consume consume) {
  OrderedParallel<Result>(
      count, jobs, std::move(produce), std::move(consume), [](const Result&) { return size_t{0}; },
      std::max<size_t>(2, jobs * 2), std::numeric_limits<size_t>::max());
}

}  // namespace pledge
