// The C API over evaluation.hpp: the yearly evaluation of enterprise associations
// (考核评价, A14). The rubric comes as rubric lines (kexie::parse_rubric_lines) and
// figures by name (the enumerations' name tables); one core call per function.
#include <memory>
#include <string>
#include <vector>

#include "capi.hpp"
#include "handles.hpp"
#include "kexie/evaluation.hpp"
#include "kexie/evaluation_document.hpp"
#include "kexie/rubric_text.hpp"
#include "kexie/text.hpp"

struct kx_evaluation {
  explicit kx_evaluation(kexie::Evaluation e) : evaluation(std::move(e)) {}
  kexie::Evaluation evaluation;
};

namespace {

template <class E>
kexie::Result<E> named(const char* text, const char* what) {
  if (text == nullptr) return kx::null_arg(what);
  if (auto v = kexie::enum_from_string<E>(text)) return *v;
  return kx::invalid(std::string("unknown ") + what + " " + kexie::quote_input(text));
}

}  // namespace

int kx_evaluation_new(kx_evaluation** out, const kx_registry* registry, uint32_t guide, int year,
                      const char* rubric_name, const char* rubric_lines,
                      const kx_figure_binding* bindings, size_t binding_count) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    *out = nullptr;
    KX_NEED(registry);
    KX_NEED(rubric_lines);
    if (binding_count > 0 && bindings == nullptr) return kx::null_arg("bindings");
    KX_TRY(kx::array_size(binding_count, sizeof(kx_figure_binding), "bindings"));
    KX_TRY_ASSIGN(const std::vector<kexie::IndicatorSpec> specs,
                  kexie::parse_rubric_lines(rubric_lines));
    KX_TRY_ASSIGN(kexie::Rubric rubric,
                  kexie::Rubric::build(std::string(kx::opt(rubric_name)), specs));
    std::vector<kexie::FigureBinding> figures;
    for (std::size_t i = 0; i < binding_count; ++i) {
      const kx_figure_binding& b = bindings[i];
      KX_NEED(b.indicator);
      KX_TRY_ASSIGN(const kexie::EvaluationFigure f,
                    named<kexie::EvaluationFigure>(b.figure, "evaluation figure"));
      kexie::FigureBinding fb{b.indicator, f, std::nullopt};
      if (b.activity_type != nullptr) {
        KX_TRY_ASSIGN(fb.type, named<kexie::ActivityType>(b.activity_type, "activity type"));
      }
      figures.push_back(std::move(fb));
    }
    KX_TRY_ASSIGN(kexie::Evaluation e,
                  kexie::Evaluation::create(registry->registry(), {.guide = kexie::OrgId{guide},
                                                                   .year = year,
                                                                   .rubric = std::move(rubric),
                                                                   .figures = std::move(figures)}));
    *out = new kx_evaluation(std::move(e));
    return KX_OK;
  });
}

void kx_evaluation_free(kx_evaluation* evaluation) { delete evaluation; }

int kx_evaluation_add_judge(kx_evaluation* evaluation, const kx_registry* registry,
                            uint32_t judge) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(evaluation);
    KX_NEED(registry);
    return evaluation->evaluation.add_judge(registry->registry(), kexie::PersonId{judge});
  });
}

int kx_evaluation_mark(kx_evaluation* evaluation, const kx_registry* registry, uint32_t judge,
                       uint32_t association, const char* indicator, const char* mark) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(evaluation);
    KX_NEED(registry);
    KX_NEED(indicator);
    KX_TRY_ASSIGN(const kexie::Decimal value, kx::decimal(mark, "mark"));
    return evaluation->evaluation.mark(registry->registry(), kexie::PersonId{judge},
                                       kexie::OrgId{association}, indicator, value);
  });
}

int kx_evaluation_score_foreach(const kx_evaluation* evaluation, const kx_registry* registry,
                                const kx_book* book, kx_evaluation_result_cb cb, void* payload) {
  int stop = 0;
  const int rc = kx::guard([&]() -> kx::Rc {
    KX_NEED(evaluation);
    KX_NEED(registry);
    KX_NEED(book);
    KX_NEED(cb);
    KX_TRY_ASSIGN(const std::vector<kexie::EvaluationResult> results,
                  evaluation->evaluation.score(registry->registry(), book->book()));
    for (const kexie::EvaluationResult& r : results) {
      const std::string total = r.total.to_string();
      if ((stop = cb(r.association.value(), r.rank, total.c_str(), payload)) != 0) break;
    }
    return KX_OK;
  });
  return rc != 0 ? rc : kx::stopped(stop);
}

int kx_evaluation_to_document(char** out, const kx_evaluation* evaluation,
                              const kx_registry* registry, const kx_book* book) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    *out = nullptr;
    KX_NEED(evaluation);
    KX_NEED(registry);
    KX_NEED(book);
    KX_TRY_ASSIGN(const std::vector<kexie::EvaluationResult> results,
                  evaluation->evaluation.score(registry->registry(), book->book()));
    KX_TRY_ASSIGN(const std::string text,
                  kexie::write_evaluation_document(registry->registry(), evaluation->evaluation,
                                                   results, registry->codes));
    return kx::give(out, text);
  });
}

int kx_evaluation_name_exemplary(const kx_evaluation* evaluation, kx_registry* registry,
                                 const kx_book* book, size_t count, const char* min_total,
                                 uint32_t actor, const char* basis, size_t* named) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(evaluation);
    KX_NEED(registry);
    KX_NEED(book);
    KX_TRY_ASSIGN(const kexie::Decimal floor, kx::decimal(min_total, "min_total"));
    KX_TRY_ASSIGN(const std::vector<kexie::EvaluationResult> results,
                  evaluation->evaluation.score(registry->registry(), book->book()));
    KX_TRY_ASSIGN(const std::vector<kexie::OrgId> list,
                  evaluation->evaluation.name_exemplary(registry->registry(), results, count, floor,
                                                        kexie::PersonId{actor}, kx::opt(basis)));
    if (named != nullptr) *named = list.size();
    return KX_OK;
  });
}
