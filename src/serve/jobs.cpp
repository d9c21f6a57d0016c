#include "serve/jobs.hpp"

#include <algorithm>

namespace borderline::serve {

JobPool::JobPool(unsigned workers, std::size_t max_waiting) : max_waiting_(max_waiting) {
    for (unsigned i = 0; i < std::max(1u, workers); ++i) workers_.emplace_back([this] { work(); });
}

JobPool::~JobPool() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    ready_.notify_all();
    for (auto& t : workers_) t.join();
}

bool JobPool::submit(std::function<void()> job) {
    {
        std::lock_guard lock(mutex_);
        if (waiting_.size() >= max_waiting_) return false;
        waiting_.push_back(std::move(job));
    }
    ready_.notify_one();
    return true;
}

std::size_t JobPool::waiting() const {
    std::lock_guard lock(mutex_);
    return waiting_.size();
}

std::size_t JobPool::running() const {
    std::lock_guard lock(mutex_);
    return running_;
}

void JobPool::work() {
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(mutex_);
            ready_.wait(lock, [&] { return stopping_ || !waiting_.empty(); });
            if (waiting_.empty()) return;  // stopping, and nothing left to do
            job = std::move(waiting_.front());
            waiting_.pop_front();
            ++running_;
        }
        job();  // jobs catch their own exceptions (server.cpp)
        std::lock_guard lock(mutex_);
        --running_;
    }
}

}  // namespace borderline::serve
