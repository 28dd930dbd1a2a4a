// DocumentProblem, as people read it.
#include <string>

#include "kexie/document.hpp"

namespace kexie {
inline namespace v1 {

std::string DocumentProblem::to_string() const {
  std::string out = pointer.empty() ? std::string("(document)") : pointer;
  if (line > 0) out += " (" + std::to_string(line) + ':' + std::to_string(column) + ')';
  out += ": " + message;
  if (!rule.empty()) {
    out += " [" + rule;
    if (!article.empty()) out += ", " + article;
    out += ']';
  }
  return out;
}

}  // namespace v1
}  // namespace kexie
