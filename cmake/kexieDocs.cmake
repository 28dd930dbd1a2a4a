# The API reference (issue 21): a `docs` target running Doxygen (Debian's
# doxygen) over include/kexie/ and kexie.h with README.md and docs/*.md as pages.
# Output: <build>/docs/html (build/dev/docs/html with the dev preset).
#
# Every undocumented public symbol, parameter or return value is a warning
# (cmake/Doxyfile.in). scripts/check_doxygen.py compares the warnings with the
# list still to be documented (docs/doxygen-todo.txt, now empty) and fails on any
# other; with KEXIE_DOCS_STRICT (on by default since the list became empty)
# Doxygen itself fails on any warning (WARN_AS_ERROR = FAIL_ON_WARNINGS).
find_package(Doxygen 1.9 QUIET)
if(NOT DOXYGEN_FOUND)
  message(STATUS "kexie: doxygen not found, no docs target (scripts/deps.sh installs it)")
  return()
endif()

option(KEXIE_DOCS_STRICT "Doxygen fails on any warning (WARN_AS_ERROR)" ON)
if(KEXIE_DOCS_STRICT)
  set(KEXIE_DOXYGEN_WARN_AS_ERROR FAIL_ON_WARNINGS)
else()
  set(KEXIE_DOXYGEN_WARN_AS_ERROR NO)
endif()
set(KEXIE_DOCS_OUTPUT "${PROJECT_BINARY_DIR}/docs")
# Before the Doxyfile: its FILTER_PATTERNS runs scripts/doxygen_example_filter.py.
find_package(Python3 COMPONENTS Interpreter)
configure_file("${PROJECT_SOURCE_DIR}/cmake/Doxyfile.in" "${KEXIE_DOCS_OUTPUT}/Doxyfile" @ONLY)
add_custom_target(docs
  COMMAND "${CMAKE_COMMAND}" -E rm -rf "${KEXIE_DOCS_OUTPUT}/html"
  COMMAND Doxygen::doxygen "${KEXIE_DOCS_OUTPUT}/Doxyfile"
  COMMAND "${Python3_EXECUTABLE}" "${PROJECT_SOURCE_DIR}/scripts/check_doxygen.py"
          "${KEXIE_DOCS_OUTPUT}/warnings.log" "${PROJECT_SOURCE_DIR}"
          "${PROJECT_SOURCE_DIR}/docs/doxygen-todo.txt"
  WORKING_DIRECTORY "${KEXIE_DOCS_OUTPUT}"
  COMMENT "Doxygen: the API reference in ${KEXIE_DOCS_OUTPUT}/html"
  VERBATIM)
