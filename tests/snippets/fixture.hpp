// The names the examples in the public headers' comments use without declaring
// them (issue 21: the examples compile). scripts/extract_header_examples.py puts
// each header's examples in namespace kexie_examples_<header>; the names common to
// many headers are declared in kexie_examples_common (seen by every header), and a
// name that means something else in one header is declared in that header's
// namespace, which hides the common one. Declarations only: the examples are
// compiled (the header_examples target, the docs.header_examples test), never run.
#ifndef KEXIE_TESTS_SNIPPETS_FIXTURE_HPP
#define KEXIE_TESTS_SNIPPETS_FIXTURE_HPP

#include <sys/stat.h>  // S_IFCHR, S_IFREG: the file-mode bits of sys/file_ops.hpp's examples
#include <cassert>
#include <cstdint>
#include <iostream>
#include <range/v3/range/conversion.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kexie/kexie.hpp"

namespace kexie_examples_common {
using namespace kexie;            // the examples may name kexie's types unqualified
using namespace kexie::literals;  // "2025-06-30"_date, "87.5"_dec

// The registry and the objects built over it.
extern Registry reg;
extern Registry registry;
extern ActivityBook book;
extern Campaign campaign;
extern ServiceDesk desk;
extern Rubric rubric;
extern Snapshot snap;
extern Evaluation ev;
extern Scoreboard board;
extern CampaignSpec spec;
extern ActivityPlan plan;

// Days and instants.
extern Date today;
extern Date day;
extern Date d;
extern Timestamp at;
extern Timestamp at2;
extern Timestamp now;
extern Timestamp t0;
extern Timestamp t1;
extern Timestamp t2;

// Organizations.
extern OrgId org;
extern OrgId ent;
extern OrgId province;
extern OrgId prov;
extern OrgId city;
extern OrgId hangzhou;
extern OrgId zhejiang;
extern OrgId shanghai;
extern OrgId workshop;
extern OrgId study_group;
extern OrgId cast;
extern OrgId kx;
extern OrgId baosteel;

// People.
extern PersonId person;
extern PersonId li;
extern PersonId wang;
extern PersonId zhao;
extern PersonId zhang;
extern PersonId expert;
extern PersonId wang_id;

// Documents and tables.
extern std::string text;
extern CampaignRules rules;
extern LoadedRegistry loaded;
extern RegistryCodes codes;
extern Table table;

// The people who act: a person (the registry derives their roles), or an Actor
// in the headers whose calls take one (activity, campaign).
extern Actor actor;
extern PersonId chair;
extern PersonId secretary;
extern PersonId staff;
extern Actor owner;

// An id an earlier example returned: of whichever kind the call takes.
struct AnyId {
  template <class T>
  operator T() const;  // NOLINT(google-explicit-constructor): stands for any id
};
extern AnyId id;
extern Timestamp at3;
extern Timestamp at4;
extern std::vector<JudgeId> judges;

// What an example does with a value it got (declared, never called).
template <class... A>
void use(const A&...);
template <class... A>
void remind(const A&...);
template <class... A>
void report(const A&...);
template <class... A>
void store(const A&...);
template <class... A>
void alert(const A&...);
template <class... A>
void invite(const A&...);
template <class... A>
void show(const A&...);
std::string load();
}  // namespace kexie_examples_common

namespace kexie_examples_activity {
using namespace kexie_examples_common;
extern Actor chair;
extern Actor secretary;
extern Actor wang;
extern Actor expert;
extern Activity activity;
extern Timestamp t_approved;
}  // namespace kexie_examples_activity

namespace kexie_examples_actor {
using namespace kexie_examples_common;
extern PersonId li_id;
extern PersonId p;
}  // namespace kexie_examples_actor

namespace kexie_examples_audit {
using namespace kexie_examples_common;
extern AuditRecord r;
extern std::vector<AuditRecord> records;
extern ChainHead head;
extern AuditVerification v;
template <class... A>
void restore_from_backup(const A&...);
}  // namespace kexie_examples_audit

namespace kexie_examples_service_desk {
using namespace kexie_examples_common;
extern ServiceRequestId r;
extern ProposalId p;
extern AnyId spec;  // a ServiceRequestSpec or a ProposalSpec
}  // namespace kexie_examples_service_desk

namespace kexie_examples_guidance {
using namespace kexie_examples_common;
extern EnterpriseId e;
extern OrgId association;
extern OrgId baosteel_kx;
extern FoundingId f;
extern FoundingRecord r;
extern ChainHead head;
extern Coverage c;
extern CoverageGroup g;
extern SgStatus s;
extern Date y2024;
extern Date y2025;
template <class... A>
void count_activities_of(const A&...);
template <class... A>
void remind_to_found(const A&...);
}  // namespace kexie_examples_guidance

namespace kexie_examples_registry {
using namespace kexie_examples_common;
extern MemberIndex idx;
extern OrgId branch;
extern OrgId other_enterprise;
extern OrgId dissolved_group;
extern OrgId activity_owner;
extern OrgId approver;
extern OrgId group;
extern OrgId university;
extern OrgId busy_org;
extern AnyId m;
extern AnyId e;
extern AnyId a;
extern AnyId h;
extern AnyId l;
extern AnyId t;
}  // namespace kexie_examples_registry

namespace kexie_examples_campaign {
using namespace kexie_examples_common;
extern Actor chair;
extern FuelCarbon coal_params;
extern JudgeId j;
extern EntryId e;
extern EntrySpec entry_spec;
extern PersonId expert_person;
extern ActivityId activity;
extern std::vector<AssignmentInput> pairs;
extern std::vector<EntryId> entries;
extern Campaign c;
}  // namespace kexie_examples_campaign

namespace kexie_examples_entry_table {
using namespace kexie_examples_common;
extern EntryId e;  // an entry of the campaign that scored `board`
}  // namespace kexie_examples_entry_table

namespace kexie_examples_result {
using namespace kexie_examples_common;
extern Result<Date> parsed;
extern Date since;
extern Date date;
extern Result<OrgId> r;
extern OrgId group;
extern Status st;
extern LinkId l;
extern OrgId o;
}  // namespace kexie_examples_result

namespace kexie_examples_table_import {
using namespace kexie_examples_common;
extern Campaign c;
extern TableRegistry loaded;
extern JudgeCodes judges;
extern Table judges_table;
extern Table assignments_table;
extern Table marks_table;
extern Table vetoes_table;
}  // namespace kexie_examples_table_import

namespace kexie_examples_evaluation {
using namespace kexie_examples_common;
extern EvaluationSpec spec;
extern FigureValue v;
extern std::vector<EvaluationResult> results;
extern Rubric r;
extern std::vector<FigureBinding> bindings;
}  // namespace kexie_examples_evaluation

namespace kexie_examples_energy {
using namespace kexie_examples_common;
extern Decimal v;
extern CoefficientTable table;
extern CoefficientTable t;
extern FuelCarbon coal;
}  // namespace kexie_examples_energy

namespace kexie_examples_enterprise {
using namespace kexie_examples_common;
extern EnterpriseSpec spec;
extern FoundingApplicationSpec application;
extern FoundingApplication app;
extern EnterpriseId e;
extern EnterpriseId hz_turbine;
extern FoundingRecord r;
extern OrgId union_org;
extern FoundingId f;
}  // namespace kexie_examples_enterprise

namespace kexie_examples_rubric {
using namespace kexie_examples_common;
extern MarkBands bands;
extern Decimal benefit;
extern std::vector<IndicatorSpec> specs;
extern Rubric sheet;
}  // namespace kexie_examples_rubric

namespace kexie_examples_weights {
using namespace kexie_examples_common;
extern Matrix m1;
extern Matrix m2;
extern Matrix m3;
extern AhpResult r1;
extern AhpResult r2;
extern std::vector<double> ahp_w;
extern std::vector<double> entropy_w;
extern std::vector<double> critic_w;
extern Matrix data;
extern std::vector<CriterionKind> kinds;
}  // namespace kexie_examples_weights

namespace kexie_examples_recommendation {
using namespace kexie_examples_common;
extern CandidateDecision decision;
extern CandidateDecision d;
extern Programme programme;
extern Programme p;
extern std::vector<PersonId> nominees;
}  // namespace kexie_examples_recommendation

namespace kexie_examples_table {
using namespace kexie_examples_common;
extern Campaign c;
extern Table t;
}  // namespace kexie_examples_table

namespace kexie_examples_table_export {
using namespace kexie_examples_common;
extern Campaign c;
extern std::vector<ResultSheet> sheets;
}  // namespace kexie_examples_table_export

namespace kexie_examples_campaign_document {
using namespace kexie_examples_common;
extern Campaign c;
}  // namespace kexie_examples_campaign_document

namespace kexie_examples_organization {
using namespace kexie_examples_common;
extern Organization org;
}  // namespace kexie_examples_organization

namespace kexie_examples_explain {
using namespace kexie_examples_common;
extern EntryId entry;
extern Explanation x;
}  // namespace kexie_examples_explain

namespace kexie_examples_agreement {
using namespace kexie_examples_common;
extern Matrix ranks;
extern PanelMarks marks;
}  // namespace kexie_examples_agreement

namespace kexie_examples_report_agreement {
using namespace kexie_examples_common;
extern PanelAgreement agreement;
}  // namespace kexie_examples_report_agreement

namespace kexie_examples_service_record {
using namespace kexie_examples_common;
extern ServiceRecord r;
}  // namespace kexie_examples_service_record

namespace kexie_examples_entries_document {
using namespace kexie_examples_common;
extern CampaignEntries entries;
extern LoadedRegistry reg;
}  // namespace kexie_examples_entries_document

namespace kexie_examples_table_registry {
using namespace kexie_examples_common;
extern TableRegistry loaded;
extern Table orgs;
extern Table people;
}  // namespace kexie_examples_table_registry

namespace kexie_examples_snapshot {
using namespace kexie_examples_common;
extern std::vector<std::byte> bytes;
}  // namespace kexie_examples_snapshot

namespace kexie_examples_lifecycle {
using namespace kexie_examples_common;
extern LifecyclePolicy policy;
extern ActivityOperation op;
}  // namespace kexie_examples_lifecycle

namespace kexie_examples_membership {
using namespace kexie_examples_common;
extern Honour h;
extern ActivityId campaign_activity;
}  // namespace kexie_examples_membership

namespace kexie_examples_activity {
using namespace kexie_examples_common;
extern Actor chair;
extern Actor secretary;
extern kexie::ActivityId id;
extern kexie::Actor actor;
extern kexie::Actor wang;
extern kexie::Actor chair;
extern kexie::Actor owner;
extern kexie::Actor secretary;
}  // namespace kexie_examples_activity

namespace kexie_examples_assignment {
using namespace kexie_examples_common;
extern AssignmentOptions options;
extern AssignmentProposal proposal;
extern JudgeId busy;
extern std::vector<AssignmentInput> my_pairs;
}  // namespace kexie_examples_assignment

namespace kexie_examples_coverage_document {
using namespace kexie_examples_common;
extern Date y2024;
extern Date y2025;
}  // namespace kexie_examples_coverage_document

namespace kexie_examples_services_document {
using namespace kexie_examples_common;
extern Programme p;
extern std::vector<PersonId> nominees;
}  // namespace kexie_examples_services_document

#endif  // KEXIE_TESTS_SNIPPETS_FIXTURE_HPP
