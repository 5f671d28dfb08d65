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
  std::condition_variable changed;
  std::map<size_t, Result> ready;
  size_t next_to_start = 0, next_to_consume = 0;
  bool stop = false;
  std::exception_ptr failure;

  auto worker = [&] {
    for (;;) {
      size_t index;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] {
          return stop || next_to_start >= count || (next_to_start < next_to_consume + window && waiting_bytes < budget);
        });
        if (stop || next_to_start >= count) return;
        index = next_to_start++;
      }
      try {
        Result r = produce(index);
        size_t bytes = cost(r);
        std::lock_guard lock(mutex);
        waiting_bytes += bytes;
        ready.emplace(index, std::move(r));
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
        stop = true;
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned j = 0; j < jobs; ++j) threads.emplace_back(worker);

  try {
    while (next_to_consume < count) {
      std::optional<Result> result;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || ready.count(next_to_consume); });
        if (stop) break;
        auto it = ready.find(next_to_consume);
        waiting_bytes -= std::min(waiting_bytes, cost(it->second));
        result.emplace(std::move(it->second));
        ready.erase(it);
      }
      consume(next_to_consume, std::move(*result));
      {
        std::lock_guard lock(mutex);
        ++next_to_consume;
      }
      changed.notify_all();
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
  changed.notify_all();
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
