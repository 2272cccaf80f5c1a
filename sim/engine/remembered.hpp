#pragma once
// A bounded, thread-safe memory of values built from a key, for what every run of a batch on the
// same camp layout would otherwise build again (the tower coverage, the shelter kernel, the
// population: issue 25). The value is built outside the lock, so other runs go on meanwhile; two
// runs that miss together both build it (the same value) and one is kept. Past `capacity` keys the
// memory starts again, so a study over many layouts does not grow it without bound.
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

namespace campsim::engine {

template <class Key, class Value>
class Remembered {
 public:
  explicit Remembered(std::size_t capacity) : capacity_(capacity) {}

  // The value remembered for `key`, or `build()` (returning a Value, or a unique_ptr or shared_ptr to one), kept.
  template <class Build>
  std::shared_ptr<const Value> get(Key key, Build&& build) {
    {
      std::lock_guard lock(mutex_);
      if (const auto it = values_.find(key); it != values_.end()) return it->second;
    }
    std::shared_ptr<const Value> value = as_shared(std::forward<Build>(build)());
    std::lock_guard lock(mutex_);
    if (values_.size() >= capacity_) values_.clear();
    values_.emplace(std::move(key), value);
    return value;
  }

 private:
  static std::shared_ptr<const Value> as_shared(std::shared_ptr<const Value> value) { return value; }
  static std::shared_ptr<const Value> as_shared(std::unique_ptr<Value> value) { return value; }
  static std::shared_ptr<const Value> as_shared(Value&& value) { return std::make_shared<const Value>(std::move(value)); }

  std::size_t capacity_;
  std::mutex mutex_;
  std::map<Key, std::shared_ptr<const Value>> values_;
};

}  // namespace campsim::engine
