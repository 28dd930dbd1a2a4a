// The runtime version, compiled from the same numbers as the headers.
#include "kexie/version.hpp"

namespace kexie {
inline namespace v1 {

#define KEXIE_STRINGIFY_IMPL(x) #x
#define KEXIE_STRINGIFY(x) KEXIE_STRINGIFY_IMPL(x)

const char* version_string() noexcept {
  return KEXIE_STRINGIFY(KEXIE_VERSION_MAJOR) "." KEXIE_STRINGIFY(
      KEXIE_VERSION_MINOR) "." KEXIE_STRINGIFY(KEXIE_VERSION_PATCH);
}

int version_number() noexcept { return KEXIE_VERSION; }

}  // namespace v1
}  // namespace kexie
