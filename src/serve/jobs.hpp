// The render pool: N workers and a bounded line of waiting jobs, so a burst
// of requests is answered 503 at once instead of piling up without limit.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace borderline::serve {

class JobPool {
public:
    JobPool(unsigned workers, std::size_t max_waiting);
    /// Runs the jobs still waiting, then joins the workers.
    ~JobPool();
    JobPool(const JobPool&) = delete;
    JobPool& operator=(const JobPool&) = delete;

    /// Queues a job; false (and the job is not kept) when max_waiting jobs
    /// are already waiting.
    bool submit(std::function<void()> job);

    [[nodiscard]] std::size_t waiting() const;
    [[nodiscard]] std::size_t running() const;

private:
    void work();

    mutable std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> waiting_;
    std::size_t max_waiting_;
    std::size_t running_ = 0;
    bool stopping_ = false;
    std::vector<std::thread> workers_;
};

}  // namespace borderline::serve
