// The whole C++ API of kexie in one include. Each header it pulls in is one
// concept and can be included on its own.
#ifndef KEXIE_KEXIE_HPP
#define KEXIE_KEXIE_HPP

#include "kexie/date.hpp"
#include "kexie/decimal.hpp"
#include "kexie/error.hpp"
#include "kexie/ids.hpp"
#include "kexie/result.hpp"
#include "kexie/version.hpp"
// weights and panel agreement
// registry
// lifecycle
// energy

#endif  // KEXIE_KEXIE_HPP
