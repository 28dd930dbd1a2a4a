// A small dense matrix of doubles, the input shape shared by the weighting
// methods (a pairwise comparison matrix, an alternatives × criteria data
// matrix; see weights.hpp) and the panel statistics (agreement.hpp). It is a
// plain value: rows × columns, stored row by row, compared element-wise. It
// does no linear algebra of its own; the methods that need floating point do
// their arithmetic in src/, in a fixed order.
#ifndef KEXIE_MATRIX_HPP
#define KEXIE_MATRIX_HPP

#include <cstddef>
#include <initializer_list>
#include <span>
#include <stdexcept>
#include <vector>

namespace kexie {
inline namespace v1 {

/// A rows × cols matrix of doubles, row-major.
///
///   kexie::Matrix a{{1.0, 3.0}, {1.0 / 3.0, 1.0}};
///   assert(a.rows() == 2 && a(0, 1) == 3.0);
///   kexie::Matrix data(100, 12);            // zeros
///   data(5, 3) = 42.0;
class Matrix {
 public:
  /// The empty 0 × 0 matrix.
  Matrix() = default;

  /// A rows × cols matrix filled with `fill`. A size whose cell count overflows
  /// std::size_t is a programmer error and throws std::length_error.
  /// \param rows number of rows
  /// \param cols number of columns
  /// \param fill the value of every element (0 by default)
  Matrix(std::size_t rows, std::size_t cols, double fill = 0.0)
      : rows_(rows), cols_(cols), values_(area(rows, cols), fill) {}

  /// From nested braces, one inner list per row. Ragged rows are a programmer
  /// error and throw std::invalid_argument.
  /// \param rows the rows, each a braced list of the same length
  Matrix(std::initializer_list<std::initializer_list<double>> rows)
      : rows_(rows.size()), cols_(rows.size() == 0 ? 0 : rows.begin()->size()) {
    values_.reserve(rows_ * cols_);
    for (const auto& row : rows) {
      if (row.size() != cols_) throw std::invalid_argument("kexie::Matrix: ragged rows");
      values_.insert(values_.end(), row.begin(), row.end());
    }
  }

  /// Number of rows.
  /// \return the row count, 0 for the empty matrix
  [[nodiscard]] std::size_t rows() const noexcept { return rows_; }
  /// Number of columns.
  /// \return the column count, 0 for the empty matrix
  [[nodiscard]] std::size_t cols() const noexcept { return cols_; }
  /// True when rows() == cols().
  /// \return true for a square matrix (the empty one included)
  [[nodiscard]] bool square() const noexcept { return rows_ == cols_; }
  /// True for a matrix with no elements.
  /// \return true when rows() or cols() is 0
  [[nodiscard]] bool empty() const noexcept { return values_.empty(); }

  /// Element (r, c), unchecked.
  /// \param r the row, from 0; below `rows()` (not checked)
  /// \param c the column, from 0; below `cols()` (not checked)
  /// \return a reference to the element, valid while the matrix lives
  [[nodiscard]] double& operator()(std::size_t r, std::size_t c) noexcept {
    return values_[r * cols_ + c];
  }
  /// Element (r, c), unchecked.
  /// \param r the row, from 0; below `rows()` (not checked)
  /// \param c the column, from 0; below `cols()` (not checked)
  /// \return the element's value
  [[nodiscard]] double operator()(std::size_t r, std::size_t c) const noexcept {
    return values_[r * cols_ + c];
  }
  /// Element (r, c); throws std::out_of_range outside the matrix.
  /// \param r the row, from 0
  /// \param c the column, from 0
  /// \return the element's value
  [[nodiscard]] double at(std::size_t r, std::size_t c) const {
    if (r >= rows_ || c >= cols_) throw std::out_of_range("kexie::Matrix::at");
    return values_[r * cols_ + c];
  }

  /// Row r as a contiguous span, unchecked.
  /// \param r the row, from 0; below `rows()` (not checked)
  /// \return `cols()` elements, borrowed: valid until the matrix is changed or destroyed
  [[nodiscard]] std::span<const double> row(std::size_t r) const noexcept {
    return {values_.data() + r * cols_, cols_};
  }
  /// All elements, row by row.
  /// \return rows() × cols() elements, borrowed like `row`
  [[nodiscard]] std::span<const double> values() const noexcept { return values_; }

  /// Element-wise equality (same shape, same doubles).
  friend bool operator==(const Matrix&, const Matrix&) = default;

 private:
  static std::size_t area(std::size_t rows, std::size_t cols) {
    if (cols != 0 && rows > static_cast<std::size_t>(-1) / cols) {
      throw std::length_error("kexie::Matrix: rows × cols overflows");
    }
    return rows * cols;
  }

  std::size_t rows_ = 0;
  std::size_t cols_ = 0;
  std::vector<double> values_;
};

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_MATRIX_HPP
