// The library's version, defined in this one place. CMake reads the three
// numbers below to set the project version, the SOVERSION and the package
// version files, so a release changes only this file.
#ifndef KEXIE_VERSION_HPP
#define KEXIE_VERSION_HPP

#include "kexie/export.hpp"

#define KEXIE_VERSION_MAJOR 0
#define KEXIE_VERSION_MINOR 1
#define KEXIE_VERSION_PATCH 0

/// The version as one comparable number: major * 10000 + minor * 100 + patch.
#define KEXIE_VERSION \
  (KEXIE_VERSION_MAJOR * 10000 + KEXIE_VERSION_MINOR * 100 + KEXIE_VERSION_PATCH)

namespace kexie {
inline namespace v1 {

/// The version of the library the program is running against, as "major.minor.patch".
/// Compare it with KEXIE_VERSION (the headers the program was built with) to detect a
/// mismatched shared library.
/// \return a static NUL-terminated string such as "0.1.0" (never null, never freed)
///
///   std::cout << "kexie " << kexie::version_string() << '\n';  // "kexie 0.1.0"
KEXIE_API const char* version_string() noexcept;

/// The runtime version as one number, in the encoding of KEXIE_VERSION.
/// \return major × 10000 + minor × 100 + patch
///
///   if (kexie::version_number() / 10000 != KEXIE_VERSION_MAJOR) abort();
KEXIE_API int version_number() noexcept;

}  // namespace v1
}  // namespace kexie

#endif  // KEXIE_VERSION_HPP
