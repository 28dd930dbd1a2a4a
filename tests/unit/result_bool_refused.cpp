// Must not compile: `Result<bool>` is refused by a static_assert in kexie/result.hpp,
// because `if (r)` would test the call's success, not its answer (issue 12). The test
// result.bool_refused compiles this file and expects that static_assert's message.
#include "kexie/result.hpp"

kexie::Result<bool> looks_young() { return true; }

int main() { return looks_young() ? 0 : 1; }
