/* C API tests: version, errors, strings, dates, timestamps, energy, weights and
 * Kendall's W, including every error path. */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>

#include "kx_test.h"

static void test_version(void) {
  CHECK(STREQ(kx_version_string(), "0.1.0"));
  CHECK(kx_version_number() == KX_VERSION);
}

static void test_errors(void) {
  const kx_error *e = kx_error_last();
  int32_t d = 0;
  CHECK(e != NULL);
  kx_error_clear();
  CHECK(kx_error_last()->code == KX_OK && STREQ(kx_error_last()->message, ""));
  CHECK(STREQ(kx_error_last()->rule, "") && STREQ(kx_error_last()->article, ""));
  FAILS(KX_EINVALID, kx_date_parse(&d, "2024-02-30"));
  CHECK(kx_error_last() == e); /* the same thread-local struct, updated */
  OK(kx_date_parse(&d, "2024-02-29"));
  CHECK(kx_error_last()->code == KX_EINVALID); /* success does not reset it */
  kx_error_clear();
  CHECK(kx_error_last()->code == KX_OK);
  CHECK(STREQ(kx_error_name(KX_OK), "ok"));
  CHECK(STREQ(kx_error_name(KX_EINVALID), "invalid_argument"));
  CHECK(STREQ(kx_error_name(KX_ENOTFOUND), "not_found"));
  CHECK(STREQ(kx_error_name(KX_EEXISTS), "already_exists"));
  CHECK(STREQ(kx_error_name(KX_ERULE), "rule_violation"));
  CHECK(STREQ(kx_error_name(KX_ETRANSITION), "illegal_transition"));
  CHECK(STREQ(kx_error_name(KX_EPERMISSION), "permission_denied"));
  CHECK(STREQ(kx_error_name(KX_ECONFLICT), "conflict_of_interest"));
  CHECK(STREQ(kx_error_name(KX_EINCONSISTENT), "inconsistent_judgements"));
  CHECK(STREQ(kx_error_name(KX_ECORRUPT), "corrupt_data"));
  CHECK(STREQ(kx_error_name(KX_EVERSION), "unsupported_version"));
  CHECK(STREQ(kx_error_name(KX_EIO), "io_error"));
  CHECK(STREQ(kx_error_name(KX_EOVERFLOW), "overflow"));
  CHECK(STREQ(kx_error_name(KX_EINTERNAL), "internal"));
  CHECK(STREQ(kx_error_name(-13), "unknown"));
  CHECK(STREQ(kx_error_name(5), "unknown"));
  kx_string_free(NULL);
}

static void *fail_in_thread(void *arg) {
  int32_t d;
  int *seen = (int *)arg;
  seen[0] = kx_date_parse(&d, "not a date");
  seen[1] = kx_error_last()->code;
  return NULL;
}

/* The last error is per thread: a failure on another thread leaves ours alone. */
static void test_errors_are_thread_local(void) {
  pthread_t t;
  int seen[2] = {0, 0};
  uint32_t id;
  kx_registry *reg = NULL;
  OK(kx_registry_new(&reg, NULL));
  FAILS(KX_ENOTFOUND, kx_registry_parent(&id, reg, 7, "2025-01-01"));
  CHECK(pthread_create(&t, NULL, fail_in_thread, seen) == 0);
  CHECK(pthread_join(t, NULL) == 0);
  CHECK(seen[0] == KX_EINVALID && seen[1] == KX_EINVALID);
  CHECK(kx_error_last()->code == KX_ENOTFOUND);
  kx_registry_free(reg);
}

static void test_dates(void) {
  int32_t d = -1;
  int64_t us = 0;
  char text[11];
  OK(kx_date_parse(&d, "1970-01-02"));
  CHECK(d == 1);
  OK(kx_date_format(text, 0));
  CHECK(STREQ(text, "1970-01-01"));
  OK(kx_date_format(text, 19782));
  CHECK(STREQ(text, "2024-02-29"));
  FAILS(KX_EINVALID, kx_date_format(text, 5000000));
  FAILS(KX_EINVALID, kx_date_parse(&d, NULL));
  FAILS(KX_EINVALID, kx_date_parse(NULL, "2024-01-01"));
  OK(kx_timestamp_parse(&us, "1970-01-01T00:00:01Z"));
  CHECK(us == 1000000);
  OK(kx_timestamp_parse(&us, "1970-01-01T08:00:00+08:00"));
  CHECK(us == 0);
  FAILS(KX_EINVALID, kx_timestamp_parse(&us, "yesterday"));
}

static void test_energy(void) {
  kx_decimal v;
  int c = -1, u = -1;
  char *cite = NULL;
  OK(kx_energy_to_standard_coal(&v, KX_CARRIER_RAW_COAL, "100", KX_UNIT_T, KX_COAL_TCE));
  CHECK(STREQ(v.text, "71.430000"));
  OK(kx_energy_to_standard_coal(&v, KX_CARRIER_ELECTRICITY_EQUIVALENT, "1000000", KX_UNIT_KWH,
                                KX_COAL_TCE));
  CHECK(STREQ(v.text, "122.900000"));
  FAILS(KX_ENOTFOUND, kx_energy_to_standard_coal(&v, KX_CARRIER_STEAM, "1", KX_UNIT_T, KX_COAL_TCE));
  FAILS(KX_EINVALID, kx_energy_to_standard_coal(&v, KX_CARRIER_RAW_COAL, "-1", KX_UNIT_T, KX_COAL_TCE));
  FAILS(KX_EINVALID, kx_energy_to_standard_coal(&v, KX_CARRIER_RAW_COAL, "1", KX_UNIT_KWH, KX_COAL_TCE));
  FAILS(KX_EINVALID, kx_energy_to_standard_coal(&v, 99, "1", KX_UNIT_T, KX_COAL_TCE));
  FAILS(KX_EINVALID, kx_energy_to_standard_coal(&v, KX_CARRIER_RAW_COAL, "1e3", KX_UNIT_T, KX_COAL_TCE));
  OK(kx_energy_citation(&cite, KX_CARRIER_RAW_COAL, "100", KX_UNIT_T, KX_COAL_TCE));
  CHECK(cite != NULL && strstr(cite, "71.430000") != NULL && strstr(cite, "GB/T 2589") != NULL);
  kx_string_free(cite);
  FAILS(KX_ENOTFOUND, kx_energy_citation(&cite, KX_CARRIER_STEAM, "1", KX_UNIT_T, KX_COAL_TCE));
  OK(kx_energy_grid_emissions(&v, "1000000", KX_UNIT_KWH, 2022, KX_GRID_LOCATION_AVERAGE));
  CHECK(STREQ(v.text, "536.600000"));
  FAILS(KX_ENOTFOUND, kx_energy_grid_emissions(&v, "1", KX_UNIT_KWH, 2030, KX_GRID_LOCATION_AVERAGE));
  FAILS(KX_EINVALID, kx_energy_grid_emissions(&v, "1", KX_UNIT_T, 2022, KX_GRID_LOCATION_AVERAGE));
  OK(kx_energy_carrier_parse(&c, "diesel"));
  CHECK(c == KX_CARRIER_DIESEL);
  FAILS(KX_EINVALID, kx_energy_carrier_parse(&c, "plutonium"));
  OK(kx_energy_unit_parse(&u, "MWh"));
  CHECK(u == KX_UNIT_MWH);
  OK(kx_energy_unit_parse(&u, "10^4 t"));
  CHECK(u == KX_UNIT_10K_T);
  FAILS(KX_EINVALID, kx_energy_unit_parse(&u, "furlong"));
}

static int near(double a, double b) { return fabs(a - b) < 1e-9; }

static void test_weights(void) {
  double a[] = {1, 2, 4, 0.5, 1, 2, 0.25, 0.5, 1};
  double bad[] = {1, 9, 1.0 / 9, 1.0 / 9, 1, 9, 9, 1.0 / 9, 1};
  double w[3] = {0, 0, 0};
  double data[] = {1, 10, 2, 10, 3, 10};
  double ones[] = {1, 1, 1};
  int kinds[] = {KX_CRITERION_BENEFIT, KX_CRITERION_COST};
  kx_ahp_result r;
  kx_ahp_options o = KX_AHP_OPTIONS_INIT;
  kx_decimal q[3];
  OK(kx_weights_ahp(w, &r, a, 3, NULL));
  CHECK(near(w[0], 4.0 / 7) && near(w[1], 2.0 / 7) && near(w[2], 1.0 / 7));
  CHECK(r.consistent == 1 && fabs(r.cr) < 1e-9);
  o.method = KX_AHP_GEOMETRIC_MEAN;
  OK(kx_weights_ahp(w, NULL, a, 3, &o));
  CHECK(near(w[0], 4.0 / 7));
  OK(kx_weights_ahp(w, &r, bad, 3, &o));
  CHECK(r.consistent == 0 && r.cr > 0.1);
  o.require_consistency = 1;
  FAILS(KX_EINCONSISTENT, kx_weights_ahp(w, &r, bad, 3, &o));
  CHECK(STREQ(kx_error_last()->rule, "weights.ahp_consistency"));
  a[1] = -2;
  FAILS(KX_EINVALID, kx_weights_ahp(w, NULL, a, 3, NULL));
  FAILS(KX_EINVALID, kx_weights_ahp(w, NULL, a, 0, NULL));
  o.version = 99;
  FAILS(KX_EINVALID, kx_weights_ahp(w, NULL, ones, 1, &o));
  OK(kx_weights_entropy(w, data, 3, 2, NULL, KX_ENTROPY_MIN_MAX));
  CHECK(near(w[0], 1) && near(w[1], 0));
  OK(kx_weights_entropy(w, data, 3, 2, kinds, KX_ENTROPY_PROPORTION));
  CHECK(w[0] > 0.99);
  FAILS(KX_EINVALID, kx_weights_entropy(w, data, 1, 2, NULL, KX_ENTROPY_MIN_MAX));
  FAILS(KX_EINVALID, kx_weights_entropy(w, data, 3, 2, NULL, 7));
  OK(kx_weights_quantize(q, ones, 3, 2));
  CHECK(STREQ(q[0].text, "0.34") && STREQ(q[1].text, "0.33") && STREQ(q[2].text, "0.33"));
  FAILS(KX_EINVALID, kx_weights_quantize(q, ones, 3, 16));
  FAILS(KX_EINVALID, kx_weights_quantize(q, ones, 0, 2));
}

static void test_kendall(void) {
  /* 4 entries × 3 judges who rank them identically: W = 1. */
  double same[] = {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4};
  double holes[] = {1, 1, 1, 2, 2, 2, 3, NAN, 3, 4, 4, 4};
  kx_kendall_result r;
  kx_kendall_options o = KX_KENDALL_OPTIONS_INIT;
  OK(kx_kendall_w(&r, same, 4, 3, NULL));
  CHECK(near(r.w, 1) && r.df == 3 && r.judges == 3 && r.entries == 4 && near(r.chi_squared, 9));
  CHECK(r.p_value < 0.05);
  FAILS(KX_EINVALID, kx_kendall_w(&r, holes, 4, 3, NULL));
  o.missing = KX_MISSING_DROP_ENTRIES;
  OK(kx_kendall_w(&r, holes, 4, 3, &o));
  CHECK(r.entries == 3 && near(r.w, 1));
  FAILS(KX_EINVALID, kx_kendall_w(&r, same, 1, 3, NULL));
  FAILS(KX_EINVALID, kx_kendall_w(&r, same, 0, 0, NULL));
  same[0] = INFINITY;
  FAILS(KX_EINVALID, kx_kendall_w(&r, same, 4, 3, NULL));
}

int main(void) {
  test_version();
  test_errors();
  test_errors_are_thread_local();
  test_dates();
  test_energy();
  test_weights();
  test_kendall();
  if (kx_test_failures) fprintf(stderr, "%d check(s) failed\n", kx_test_failures);
  return kx_test_failures != 0;
}
