// The evaluation document, kexie.evaluation/1: a yearly evaluation's result (考核评价,
// A14) — every association ranked with its total, each objective figure with the
// facts it was computed from, each judged indicator with the panel's marks (and which
// were dropped), and which associations hold the 先进企业科协 award for the following
// year. Written only, canonically. docs/documents.md describes it.
#ifndef KEXIE_EVALUATION_DOCUMENT_HPP
#define KEXIE_EVALUATION_DOCUMENT_HPP

#include <span>
#include <string>

#include "kexie/evaluation.hpp"
#include "kexie/export.hpp"
#include "kexie/registry_document.hpp"
#include "kexie/result.hpp"

namespace kexie {
inline namespace v1 {

/// The canonical kexie.evaluation/1 text of `results` (from `evaluation.score`):
/// the guide, year and rubric, then each association best first with its rank,
/// total, figures (value, indicator value, facts) and judged indicators (marks,
/// dropped, combined value), and `exemplary` — whether `registry` records the
/// association as exemplary on the first day of the following year (as
/// `Evaluation::name_exemplary` does). Organizations and people are named by `codes`
/// ("org:12" / "person:7" without one). `not_found` for an association `registry`
/// does not hold.
/// \param registry the registry the evaluation was scored over
/// \param evaluation the evaluation (its guide, year and rubric)
/// \param results its `score` results, best first
/// \param codes the codes organizations and people are named by
/// \return the document's text; `not_found` as above
///
///   auto results = ev.score(reg, book).value();
///   std::string text = kexie::write_evaluation_document(reg, ev, results, codes).value();
[[nodiscard]] KEXIE_API Result<std::string> write_evaluation_document(
    const Registry& registry, const Evaluation& evaluation,
    std::span<const EvaluationResult> results, const RegistryCodes& codes);

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_EVALUATION_DOCUMENT_HPP
