// The C API over kexie's weights and panel agreement: AHP, entropy weights,
// quantization to exact decimals, Kendall's W.
#include <cmath>

#include "capi.hpp"
#include "kexie/agreement.hpp"
#include "kexie/matrix.hpp"
#include "kexie/weights.hpp"

namespace {

kexie::Matrix matrix_of(const double* values, std::size_t rows, std::size_t cols) {
  kexie::Matrix m(rows, cols);
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t c = 0; c < cols; ++c) m(r, c) = values[r * cols + c];
  return m;
}

}  // namespace

extern "C" {

int kx_weights_ahp(double* weights, kx_ahp_result* result, const double* matrix, size_t n,
                   const kx_ahp_options* options) {
  return kx::guard([&] {
    kx::need(weights, "weights");
    kx::need(matrix, "matrix");
    if (n == 0) kx::refuse(kexie::ErrorCode::invalid_argument, "the matrix is empty");
    kexie::AhpOptions o;
    if (options != nullptr) {
      kx::check_version(options->version, KX_AHP_OPTIONS_VERSION, "kx_ahp_options");
      o.method = kx::enum_of<kexie::AhpMethod>(options->method, 3, "method");
      o.ri_table = kx::enum_of<kexie::RandomIndexTable>(options->ri_table, 3, "ri_table");
      o.threshold = options->threshold;
      o.pass_rule = options->pass_at_most ? kexie::PassRule::at_most : kexie::PassRule::below;
      o.saaty_scale = options->saaty_scale != 0;
      o.require_consistency = options->require_consistency != 0;
    }
    const kexie::AhpResult r = kx::take(kexie::ahp(matrix_of(matrix, n, n), o));
    for (std::size_t i = 0; i < n; ++i) weights[i] = r.weights[i];
    if (result != nullptr)
      *result = {r.lambda_max, r.ci, r.ri, r.cr, r.consistent ? 1 : 0, r.worst.row, r.worst.col};
  });
}

int kx_weights_entropy(double* weights, const double* data, size_t rows, size_t cols,
                       const int* kinds, int normalization) {
  return kx::guard([&] {
    kx::need(weights, "weights");
    kx::need(data, "data");
    std::vector<kexie::CriterionKind> k;
    if (kinds != nullptr)
      for (std::size_t c = 0; c < cols; ++c)
        k.push_back(kx::enum_of<kexie::CriterionKind>(kinds[c], 2, "kind"));
    const kexie::ObjectiveWeights w = kx::take(kexie::entropy_weights(
        matrix_of(data, rows, cols), k,
        kx::enum_of<kexie::EntropyNormalization>(normalization, 2, "normalization")));
    for (std::size_t c = 0; c < cols; ++c) weights[c] = w.weights[c];
  });
}

int kx_weights_quantize(kx_decimal* out, const double* weights, size_t n, int places) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(weights, "weights");
    const std::vector<double> w(weights, weights + n);
    const std::vector<kexie::Decimal> q = kx::take(kexie::quantize_weights(w, places));
    std::vector<kx_decimal> tmp(q.size());  // all or nothing
    for (std::size_t i = 0; i < q.size(); ++i) kx::put(&tmp[i], q[i]);
    for (std::size_t i = 0; i < q.size(); ++i) out[i] = tmp[i];
  });
}

int kx_kendall_w(kx_kendall_result* out, const double* marks, size_t entries, size_t judges,
                 const kx_kendall_options* options) {
  return kx::guard([&] {
    kx::need(out, "out");
    kx::need(marks, "marks");
    kexie::KendallOptions o;
    if (options != nullptr) {
      kx::check_version(options->version, KX_KENDALL_OPTIONS_VERSION, "kx_kendall_options");
      o.missing = kx::enum_of<kexie::MissingMarks>(options->missing, 3, "missing");
      o.tie_correction = options->tie_correction != 0;
    }
    if (entries == 0 || judges == 0)
      kx::refuse(kexie::ErrorCode::invalid_argument, "Kendall's W needs at least 2 entries and 2 judges");
    kexie::PanelMarks table(entries, judges);
    for (std::size_t e = 0; e < entries; ++e)
      for (std::size_t j = 0; j < judges; ++j) {
        const double v = marks[e * judges + j];
        if (std::isnan(v)) continue;
        if (!std::isfinite(v))
          kx::refuse(kexie::ErrorCode::invalid_argument, "mark (" + std::to_string(e) + ", " +
                                                             std::to_string(j) + ") is not finite");
        table.set(e, j, v);
      }
    const kexie::KendallW w = kx::take(kexie::kendall_w(table, o));
    *out = {w.w, w.chi_squared, w.df, w.p_value, w.judges, w.entries};
  });
}

}  // extern "C"
