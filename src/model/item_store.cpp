// The owner of a dataset's item columns: a pointer that copies what it points to.
#include <memory>

#include "aidstat/dataset.hpp"
#include "model/item_columns.hpp"

namespace aidstat::detail {

item_store::item_store() : columns_(std::make_unique<item_columns>()) {}
item_store::item_store(const item_store& other)
    : columns_(std::make_unique<item_columns>(other.get())) {}
item_store::item_store(item_store&& other) noexcept = default;
item_store& item_store::operator=(const item_store& other) {
  if (this != &other) columns_ = std::make_unique<item_columns>(other.get());
  return *this;
}
item_store& item_store::operator=(item_store&& other) noexcept = default;
item_store::~item_store() = default;

const item_columns& item_store::get() const noexcept {
  static const item_columns none;  // what a moved-from store reads as
  return columns_ ? *columns_ : none;
}

item_columns& item_store::edit() {
  if (!columns_) columns_ = std::make_unique<item_columns>();
  return *columns_;
}

}  // namespace aidstat::detail
