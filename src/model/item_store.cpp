// The owner of a dataset's item columns: a pointer that copies what it points to.
#include <cstring>
#include <memory>

#include "aidstat/dataset.hpp"
#include "model/item_columns.hpp"
#include "model/item_row.hpp"

namespace aidstat::detail {

item_store::item_store() : columns_(std::make_unique<item_columns>()) {}
item_store::item_store(const item_store& other)
    : columns_(std::make_unique<item_columns>(other.get())),
      transfers_(other.transfers_.load(std::memory_order_relaxed)) {}
item_store::item_store(item_store&& other) noexcept
    : columns_(std::move(other.columns_)),
      transfers_(other.transfers_.exchange(-1, std::memory_order_relaxed)) {}
item_store& item_store::operator=(const item_store& other) {
  if (this != &other) {
    columns_ = std::make_unique<item_columns>(other.get());
    transfers_.store(other.transfers_.load(std::memory_order_relaxed), std::memory_order_relaxed);
  }
  return *this;
}
item_store& item_store::operator=(item_store&& other) noexcept {
  if (this != &other) {
    columns_ = std::move(other.columns_);
    transfers_.store(other.transfers_.exchange(-1, std::memory_order_relaxed),
                     std::memory_order_relaxed);
  }
  return *this;
}
item_store::~item_store() = default;

const item_columns& item_store::get() const noexcept {
  static const item_columns none;  // what a moved-from store reads as
  return columns_ ? *columns_ : none;
}

item_columns& item_store::edit() {
  if (!columns_) columns_ = std::make_unique<item_columns>();
  transfers_.store(-1, std::memory_order_relaxed);
  return *columns_;
}

// Relaxed: the answer is the same whichever reader finds it first, and no reader runs
// beside an edit.
bool item_store::holds_transfers() const {
  const signed char known = transfers_.load(std::memory_order_relaxed);
  if (known >= 0) return known == 1;
  const auto& form = get().form;
  const bool found = !form.empty() &&  // memchr may not take the null data of an empty vector
                     std::memchr(form.data(), transfer_code, form.size()) != nullptr;
  transfers_.store(found ? 1 : 0, std::memory_order_relaxed);
  return found;
}

}  // namespace aidstat::detail
