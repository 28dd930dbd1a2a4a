/* Calls the installed C API from C: a standard-coal conversion, a registry with
 * one organization, and a refusal read back through kx_error_last(). */
#include <kexie/kexie.h>

#include <stdio.h>
#include <string.h>

int main(void) {
  kx_decimal tce;
  kx_registry *reg = NULL;
  kx_org_spec spec = KX_ORG_SPEC_INIT;
  uint32_t root = 0, again = 0;
  int ok;
  if (kx_energy_to_standard_coal(&tce, KX_CARRIER_RAW_COAL, "100", KX_UNIT_T, KX_COAL_TCE) != 0 ||
      strcmp(tce.text, "71.430000") != 0)
    return 1;
  if (kx_registry_new(&reg, NULL) != 0) return 2;
  spec.kind = KX_ORG_NATIONAL;
  spec.name = "中国科协";
  spec.effective = "1958-09-18";
  ok = kx_registry_add_org(&root, reg, &spec) == 0 &&
       kx_registry_add_org(&again, reg, &spec) == KX_ERULE &&
       strcmp(kx_error_last()->rule, "org.single_root") == 0;
  kx_registry_free(reg);
  if (!ok) return 3;
  printf("kexie C API %s: %s tce\n", kx_version_string(), tce.text);
  return 0;
}
