// One problem of a refused document (kx_document_problem), as an immutable record.
package org.kexie;

/**
 * Where (a JSON Pointer, and the line and column where the value starts, from 1; 0 when
 * unknown) and what was wrong in a refused document.
 *
 * <pre>{@code for (DocumentProblem p : e.problems()) System.err.println(p); }</pre>
 *
 * @param pointer e.g. "/organizations/0/kind"; "" for the root
 * @param line the line, from 1; 0 when unknown
 * @param column the column in characters, from 1
 * @param rule the domain rule id, or ""
 * @param article the policy article, or ""
 * @param message what was wrong and what was expected
 */
public record DocumentProblem(String pointer, long line, long column, String rule,
    String article, String message) {
  @Override
  public String toString() {
    return pointer + " (" + line + ":" + column + "): " + message;
  }
}
