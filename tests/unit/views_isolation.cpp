// Compiled into views_test: every public header but views.hpp (and the optional
// Boost bridge date_boost.hpp), then a check that none of them brought range-v3
// or Boost in. A header that starts including either fails the build (issue 12:
// range-v3 only in kexie/views.hpp, so snapshot.hpp and the rest stay light).
#include "kexie/activity.hpp"
#include "kexie/actor.hpp"
#include "kexie/agreement.hpp"
#include "kexie/audit.hpp"
#include "kexie/awards.hpp"
#include "kexie/campaign.hpp"
#include "kexie/date.hpp"
#include "kexie/decimal.hpp"
#include "kexie/energy.hpp"
#include "kexie/entry.hpp"
#include "kexie/error.hpp"
#include "kexie/explain.hpp"
#include "kexie/ids.hpp"
#include "kexie/lifecycle.hpp"
#include "kexie/matrix.hpp"
#include "kexie/membership.hpp"
#include "kexie/organization.hpp"
#include "kexie/panel.hpp"
#include "kexie/person.hpp"
#include "kexie/policy.hpp"
#include "kexie/ranking.hpp"
#include "kexie/registry.hpp"
#include "kexie/report.hpp"
#include "kexie/result.hpp"
#include "kexie/rubric.hpp"
#include "kexie/snapshot.hpp"
#include "kexie/sys/file_ops.hpp"
#include "kexie/version.hpp"
#include "kexie/weights.hpp"

#ifdef RANGES_V3_DETAIL_CONFIG_HPP
#error "a public kexie header other than kexie/views.hpp includes range-v3"
#endif
#ifdef BOOST_CONFIG_HPP
#error "a public kexie header other than kexie/date_boost.hpp includes Boost"
#endif

namespace kexie_test {
int headers_without_range_v3() { return 28; }
}  // namespace kexie_test
