/* The header test: kexie.h compiles as strict C99 (-std=c99 -Wall -Wextra
 * -pedantic -Werror, see CMakeLists.txt) and its version macros agree with the
 * library it links. */
#include "kexie/kexie.h"

#include <stdio.h>
#include <string.h>

int main(void) {
  kx_registry_options r = KX_REGISTRY_OPTIONS_INIT;
  kx_org_spec o = KX_ORG_SPEC_INIT;
  kx_person_spec p = KX_PERSON_SPEC_INIT;
  kx_member_filter f = KX_MEMBER_FILTER_INIT;
  kx_activity_plan a = KX_ACTIVITY_PLAN_INIT;
  kx_campaign_options c = KX_CAMPAIGN_OPTIONS_INIT;
  kx_entry_spec e = KX_ENTRY_SPEC_INIT;
  kx_ahp_options h = KX_AHP_OPTIONS_INIT;
  kx_kendall_options k = KX_KENDALL_OPTIONS_INIT;
  kx_snapshot_save_options s = KX_SNAPSHOT_SAVE_OPTIONS_INIT;
  kx_buffer b = {NULL, 0};
  char expected[32];
  sprintf(expected, "%d.%d.%d", KX_VERSION_MAJOR, KX_VERSION_MINOR, KX_VERSION_PATCH);
  if (kx_version_number() != KX_VERSION || strcmp(kx_version_string(), expected) != 0) {
    fprintf(stderr, "header %s, library %s\n", expected, kx_version_string());
    return 1;
  }
  return (r.version && o.version && p.version && f.version && a.version && c.version && e.version &&
          h.version && k.version && s.version && s.mode == 0644 && b.data == NULL)
             ? 0
             : 1;
}
