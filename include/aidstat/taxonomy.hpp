// Program categories and their hierarchy. The default taxonomy follows the
// sample report (docs/file-formats.md lists its keys); applications may build or load their own.
//
//   taxonomy t = taxonomy::standard();
//   t.find("education");              // its index
//   t.closest_key("educaton");        // "education", for "did you mean"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "aidstat/entities.hpp"

namespace aidstat {

/// A set of categories, each with a dense index, optionally with parents.
class taxonomy {
 public:
  /// An empty taxonomy.
  taxonomy() = default;
  /// The default taxonomy (condolence 慰问 ... other), all top-level.
  static taxonomy standard();

  /// Adds a category; its parent (if any) must already be present.
  /// Throws aidstat::error on a duplicate key or an unknown parent. Returns its index.
  std::uint32_t add(category c);
  /// The index of `key`, or empty.
  std::optional<std::uint32_t> find(std::string_view key) const;
  /// The category at `index`.
  const category& at(std::uint32_t index) const { return categories_.at(index); }
  /// The index of the parent of `index`, or `index` itself for a top-level category.
  std::uint32_t parent_of(std::uint32_t index) const { return parents_.at(index); }
  /// Number of categories.
  std::size_t size() const noexcept { return categories_.size(); }
  /// The known key nearest to `text` (by edit distance, or by Chinese name); empty if none is near.
  std::optional<std::string> closest_key(std::string_view text) const;
  /// The hint for an unknown category key `text`: "; did you mean 'education'?", or
  /// `otherwise` when no key is near. Every "unknown category" message ends with it.
  std::string did_you_mean(std::string_view text, std::string_view otherwise = {}) const;
  /// Equal when the same categories stand in the same order.
  friend bool operator==(const taxonomy& a, const taxonomy& b) {
    return a.categories_ == b.categories_;
  }

 private:
  std::vector<category> categories_;
  std::vector<std::uint32_t> parents_;
  std::unordered_map<std::string, std::uint32_t> index_;
};

}  // namespace aidstat
