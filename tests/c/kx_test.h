/* A minimal check harness for the C API tests (C99): each failed check prints
 * the file, line, expression and the library's last error, and main() returns
 * the number of failures. */
#ifndef KX_TEST_H
#define KX_TEST_H

#include <stdio.h>
#include <string.h>

#include "kexie/kexie.h"

static int kx_test_failures = 0;

#define KX_REPORT(what)                                                              \
  do {                                                                               \
    fprintf(stderr, "%s:%d: %s failed (last error %d %s: %s)\n", __FILE__, __LINE__, \
            what, kx_error_last()->code, kx_error_last()->rule,                      \
            kx_error_last()->message);                                               \
    ++kx_test_failures;                                                              \
  } while (0)

/* A condition that must hold. */
#define CHECK(cond) \
  do {              \
    if (!(cond)) KX_REPORT("CHECK(" #cond ")"); \
  } while (0)

/* A call that must succeed. */
#define OK(call)                    \
  do {                              \
    if ((call) != 0) KX_REPORT(#call); \
  } while (0)

/* A call that must fail with `code`; then kx_error_last() must say so. */
#define FAILS(expected, call)                                         \
  do {                                                                \
    int rc_ = (call);                                                 \
    if (rc_ != (expected) || kx_error_last()->code != (expected) ||   \
        kx_error_last()->message[0] == '\0')                          \
      KX_REPORT("FAILS(" #expected ", " #call ")");                       \
  } while (0)

/* Like FAILS, also naming the refusing rule. */
#define FAILS_RULE(expected, rule_id, call)                                      \
  do {                                                                           \
    FAILS(expected, call);                                                           \
    if (strcmp(kx_error_last()->rule, (rule_id)) != 0) KX_REPORT("rule " rule_id); \
  } while (0)

#define STREQ(a, b) (strcmp((a), (b)) == 0)

#endif /* KX_TEST_H */
