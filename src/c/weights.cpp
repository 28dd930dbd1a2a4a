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
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < cols; ++c) m(r, c) = values[r * cols + c];
  }
  return m;
}

kexie::Result<kexie::AhpOptions> ahp_options_of(const kx_ahp_options* options) {
  kexie::AhpOptions o;
  if (options == nullptr) return o;
  KX_TRY(kx::check_version(options->version, KX_AHP_OPTIONS_VERSION, "kx_ahp_options"));
  KX_TRY_ASSIGN(o.method, kx::enum_arg<kexie::AhpMethod>(options->method, "method"));
  KX_TRY_ASSIGN(o.ri_table, kx::enum_arg<kexie::RandomIndexTable>(options->ri_table, "ri_table"));
  o.threshold = options->threshold;
  o.pass_rule = options->pass_at_most ? kexie::PassRule::at_most : kexie::PassRule::below;
  o.saaty_scale = options->saaty_scale != 0;
  o.require_consistency = options->require_consistency != 0;
  return o;
}

kexie::Result<kexie::KendallOptions> kendall_options_of(const kx_kendall_options* options) {
  kexie::KendallOptions o;
  if (options == nullptr) return o;
  KX_TRY(kx::check_version(options->version, KX_KENDALL_OPTIONS_VERSION, "kx_kendall_options"));
  KX_TRY_ASSIGN(o.missing, kx::enum_arg<kexie::MissingMarks>(options->missing, "missing"));
  o.tie_correction = options->tie_correction != 0;
  return o;
}

// The marks table, NaN meaning "no mark"; an infinite mark is refused.
kexie::Result<kexie::PanelMarks> panel_marks_of(const double* marks, std::size_t entries,
                                                std::size_t judges) {
  kexie::PanelMarks table(entries, judges);
  for (std::size_t e = 0; e < entries; ++e) {
    for (std::size_t j = 0; j < judges; ++j) {
      const double v = marks[e * judges + j];
      if (std::isnan(v)) continue;
      if (!std::isfinite(v)) {
        return kx::invalid("mark (" + std::to_string(e) + ", " + std::to_string(j) +
                           ") is not finite");
      }
      table.set(e, j, v);
    }
  }
  return table;
}

}  // namespace

extern "C" {

int kx_weights_ahp(double* weights, kx_ahp_result* result, const double* matrix, size_t n,
                   const kx_ahp_options* options) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(weights);
    KX_NEED(matrix);
    if (n == 0) return kx::invalid("the matrix is empty");
    KX_TRY(kx::table_size(n, n, sizeof(double), "n", "n"));
    KX_TRY_ASSIGN(const kexie::AhpOptions o, ahp_options_of(options));
    KX_TRY_ASSIGN(const kexie::AhpResult r, kexie::ahp(matrix_of(matrix, n, n), o));
    for (std::size_t i = 0; i < n; ++i) weights[i] = r.weights[i];
    if (result != nullptr) {
      *result = {r.lambda_max, r.ci, r.ri, r.cr, r.consistent ? 1 : 0, r.worst.row, r.worst.col};
    }
    return KX_OK;
  });
}

int kx_weights_entropy(double* weights, const double* data, size_t rows, size_t cols,
                       const int* kinds, int normalization) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(weights);
    KX_NEED(data);
    KX_TRY(kx::table_size(rows, cols, sizeof(double), "rows", "cols"));
    KX_TRY(kx::array_size(cols, sizeof(double), "cols"));
    std::vector<kexie::CriterionKind> k;
    if (kinds != nullptr) {
      for (std::size_t c = 0; c < cols; ++c) {
        KX_TRY_ASSIGN(const auto kind, kx::enum_arg<kexie::CriterionKind>(kinds[c], "kind"));
        k.push_back(kind);
      }
    }
    KX_TRY_ASSIGN(const auto n,
                  kx::enum_arg<kexie::EntropyNormalization>(normalization, "normalization"));
    KX_TRY_ASSIGN(const kexie::ObjectiveWeights w,
                  kexie::entropy_weights(matrix_of(data, rows, cols), k, n));
    for (std::size_t c = 0; c < cols; ++c) weights[c] = w.weights[c];
    return KX_OK;
  });
}

int kx_weights_quantize(kx_decimal* out, const double* weights, size_t n, int places) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(weights);
    KX_TRY(kx::array_size(
        n, sizeof(kx_decimal) > sizeof(double) ? sizeof(kx_decimal) : sizeof(double), "n"));
    const std::vector<double> w(weights, weights + n);
    KX_TRY_ASSIGN(const std::vector<kexie::Decimal> q, kexie::quantize_weights(w, places));
    std::vector<kx_decimal> tmp(q.size());  // all or nothing
    for (std::size_t i = 0; i < q.size(); ++i) KX_TRY(kx::put(&tmp[i], q[i]));
    for (std::size_t i = 0; i < q.size(); ++i) out[i] = tmp[i];
    return KX_OK;
  });
}

int kx_kendall_w(kx_kendall_result* out, const double* marks, size_t entries, size_t judges,
                 const kx_kendall_options* options) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(marks);
    KX_TRY_ASSIGN(const kexie::KendallOptions o, kendall_options_of(options));
    KX_TRY(kx::table_size(entries, judges, sizeof(double), "entries", "judges"));
    if (entries == 0 || judges == 0) {
      return kx::invalid("Kendall's W needs at least 2 entries and 2 judges");
    }
    KX_TRY_ASSIGN(const kexie::PanelMarks table, panel_marks_of(marks, entries, judges));
    KX_TRY_ASSIGN(const kexie::KendallW w, kexie::kendall_w(table, o));
    *out = {w.w, w.chi_squared, w.df, w.p_value, w.judges, w.entries};
    return KX_OK;
  });
}

}  // extern "C"
