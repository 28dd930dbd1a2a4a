// The C constants of kexie.h tied to the C++ enumerations they stand for: each
// KX_* constant equals its enumerator's value, and the last constant of a group
// is the last enumerator (enum_count − 1), so an enumerator added to a C++
// enumeration without its C constant, or out of order, fails this file's build.
// Nothing here generates code.
#include <variant>

#include "kexie/kexie.h"
#include "kexie/kexie.hpp"

namespace {

#define KX_SAME(c, e) static_assert((c) == static_cast<int>(e), #c " is not " #e)
#define KX_LAST(c, E)                                                    \
  static_assert(static_cast<std::size_t>(c) + 1 == kexie::enum_count<E>, \
                #c " is not the last enumerator of " #E)

// Return codes: the negated kexie::ErrorCode, and KX_EINTERNAL and KX_ENOMEM outside it.
KX_SAME(KX_OK, kexie::ErrorCode::ok);
KX_SAME(-KX_EINVALID, kexie::ErrorCode::invalid_argument);
KX_SAME(-KX_ENOTFOUND, kexie::ErrorCode::not_found);
KX_SAME(-KX_EEXISTS, kexie::ErrorCode::already_exists);
KX_SAME(-KX_ERULE, kexie::ErrorCode::rule_violation);
KX_SAME(-KX_ETRANSITION, kexie::ErrorCode::illegal_transition);
KX_SAME(-KX_EPERMISSION, kexie::ErrorCode::permission_denied);
KX_SAME(-KX_ECONFLICT, kexie::ErrorCode::conflict_of_interest);
KX_SAME(-KX_EINCONSISTENT, kexie::ErrorCode::inconsistent_judgements);
KX_SAME(-KX_ECORRUPT, kexie::ErrorCode::corrupt_data);
KX_SAME(-KX_EVERSION, kexie::ErrorCode::unsupported_version);
KX_SAME(-KX_EIO, kexie::ErrorCode::io_error);
KX_SAME(-KX_EOVERFLOW, kexie::ErrorCode::overflow);
KX_LAST(-KX_EOVERFLOW, kexie::ErrorCode);
static_assert(!kexie::enum_is_valid<kexie::ErrorCode>(-KX_EINTERNAL));
static_assert(!kexie::enum_is_valid<kexie::ErrorCode>(-KX_ENOMEM));
static_assert(!kexie::enum_is_valid<kexie::ErrorCode>(-KX_ECALLBACK));

// Activity details: KX_DETAILS_* is the index in kexie::ActivityDetails, and
// the detail values are the enumerators kexie.h documents.
static_assert(std::is_same_v<std::variant_alternative_t<KX_DETAILS_NONE, kexie::ActivityDetails>,
                             std::monostate>);
static_assert(
    std::is_same_v<std::variant_alternative_t<KX_DETAILS_POPULARIZATION, kexie::ActivityDetails>,
                   kexie::PopularizationDetails>);
static_assert(
    std::is_same_v<std::variant_alternative_t<KX_DETAILS_INNOVATION, kexie::ActivityDetails>,
                   kexie::InnovationDetails>);
static_assert(
    std::is_same_v<std::variant_alternative_t<KX_DETAILS_COOPERATION, kexie::ActivityDetails>,
                   kexie::CooperationDetails>);
static_assert(
    std::is_same_v<std::variant_alternative_t<KX_DETAILS_TRAINING, kexie::ActivityDetails>,
                   kexie::TrainingDetails>);
static_assert(KX_DETAILS_TRAINING + 1 == std::variant_size_v<kexie::ActivityDetails>);
static_assert(kexie::enum_count<kexie::PopularizationEvent> == 3);  // 0 S&T week … 2 workshops
static_assert(kexie::enum_count<kexie::InnovationKind> == 3);       // 0 innovation … 2 creation
static_assert(kexie::enum_count<kexie::TrainingKind> == 2);         // 0 professional, 1 general

// kexie::OrgKind
KX_SAME(KX_ORG_NATIONAL, kexie::OrgKind::national);
KX_SAME(KX_ORG_COMMITTEE, kexie::OrgKind::committee);
KX_SAME(KX_ORG_LOCAL, kexie::OrgKind::local);
KX_SAME(KX_ORG_SOCIETY, kexie::OrgKind::society);
KX_SAME(KX_ORG_ENTERPRISE, kexie::OrgKind::enterprise);
KX_SAME(KX_ORG_BRANCH, kexie::OrgKind::branch);
KX_SAME(KX_ORG_STUDY_GROUP, kexie::OrgKind::study_group);
KX_SAME(KX_ORG_PROXY, kexie::OrgKind::proxy);
KX_SAME(KX_ORG_PARTNER, kexie::OrgKind::partner);
KX_LAST(KX_ORG_PARTNER, kexie::OrgKind);

// kexie::LocalLevel
KX_SAME(KX_LEVEL_NONE, kexie::LocalLevel::none);
KX_SAME(KX_LEVEL_PROVINCIAL, kexie::LocalLevel::provincial);
KX_SAME(KX_LEVEL_SUB_PROVINCIAL, kexie::LocalLevel::sub_provincial);
KX_SAME(KX_LEVEL_PREFECTURE, kexie::LocalLevel::prefecture);
KX_SAME(KX_LEVEL_COUNTY, kexie::LocalLevel::county);
KX_LAST(KX_LEVEL_COUNTY, kexie::LocalLevel);

// kexie::Ownership
KX_SAME(KX_OWNERSHIP_UNSPECIFIED, kexie::Ownership::unspecified);
KX_SAME(KX_OWNERSHIP_STATE, kexie::Ownership::state);
KX_SAME(KX_OWNERSHIP_PRIVATE, kexie::Ownership::private_);
KX_SAME(KX_OWNERSHIP_FOREIGN, kexie::Ownership::foreign);
KX_SAME(KX_OWNERSHIP_MIXED, kexie::Ownership::mixed);
KX_LAST(KX_OWNERSHIP_MIXED, kexie::Ownership);

// kexie::Title
KX_SAME(KX_TITLE_NONE, kexie::Title::none);
KX_SAME(KX_TITLE_JUNIOR, kexie::Title::junior);
KX_SAME(KX_TITLE_INTERMEDIATE, kexie::Title::intermediate);
KX_SAME(KX_TITLE_ASSOCIATE_SENIOR, kexie::Title::associate_senior);
KX_SAME(KX_TITLE_SENIOR, kexie::Title::senior);
KX_LAST(KX_TITLE_SENIOR, kexie::Title);

// kexie::Role
KX_SAME(KX_ROLE_MEMBER, kexie::Role::member);
KX_SAME(KX_ROLE_CHAIR, kexie::Role::chair);
KX_SAME(KX_ROLE_VICE_CHAIR, kexie::Role::vice_chair);
KX_SAME(KX_ROLE_SECRETARY_GENERAL, kexie::Role::secretary_general);
KX_SAME(KX_ROLE_FULL_TIME_STAFF, kexie::Role::full_time_staff);
KX_SAME(KX_ROLE_PART_TIME_STAFF, kexie::Role::part_time_staff);
KX_LAST(KX_ROLE_PART_TIME_STAFF, kexie::Role);

// kexie::ExpertRule, kexie::CampaignPhase
KX_SAME(KX_EXPERTS_BOUND_CAMPAIGNS, kexie::ExpertRule::bound_campaigns);
KX_SAME(KX_EXPERTS_ALWAYS, kexie::ExpertRule::always);
KX_SAME(KX_EXPERTS_OFF, kexie::ExpertRule::off);
KX_SAME(KX_PHASE_UNBOUND, kexie::CampaignPhase::unbound);
KX_SAME(KX_PHASE_APPROVED, kexie::CampaignPhase::approved);
KX_SAME(KX_PHASE_ENTRIES, kexie::CampaignPhase::entries);
KX_SAME(KX_PHASE_CLOSED, kexie::CampaignPhase::closed);
KX_SAME(KX_PHASE_EVALUATION, kexie::CampaignPhase::evaluation);
KX_SAME(KX_PHASE_CONCLUDED, kexie::CampaignPhase::concluded);
KX_SAME(KX_PHASE_COMMENDED, kexie::CampaignPhase::commended);

// kexie::OfficerRole
KX_SAME(KX_OFFICER_CHAIR, kexie::OfficerRole::chair);
KX_SAME(KX_OFFICER_VICE_CHAIR, kexie::OfficerRole::vice_chair);
KX_SAME(KX_OFFICER_SECRETARY_GENERAL, kexie::OfficerRole::secretary_general);
KX_SAME(KX_OFFICER_DEPARTMENT_HEAD, kexie::OfficerRole::department_head);
KX_SAME(KX_OFFICER_SERVICE_STAFF, kexie::OfficerRole::service_staff);
KX_SAME(KX_OFFICER_COMMITTEE_MEMBER, kexie::OfficerRole::committee_member);
KX_LAST(KX_OFFICER_COMMITTEE_MEMBER, kexie::OfficerRole);

// kexie::HonourKind
KX_SAME(KX_HONOUR_AWARDED_ENTRY, kexie::HonourKind::awarded_entry);
KX_SAME(KX_HONOUR_ADVANCED_UNIT, kexie::HonourKind::advanced_unit);
KX_SAME(KX_HONOUR_ADVANCED_INDIVIDUAL, kexie::HonourKind::advanced_individual);
KX_SAME(KX_HONOUR_EXEMPLARY_ASSOCIATION, kexie::HonourKind::exemplary_association);
KX_SAME(KX_HONOUR_OTHER_SCHEME, kexie::HonourKind::other_scheme);
KX_LAST(KX_HONOUR_OTHER_SCHEME, kexie::HonourKind);

// kexie::TrainingKind
KX_SAME(KX_TRAINING_PROFESSIONAL, kexie::TrainingKind::professional);
KX_SAME(KX_TRAINING_GENERAL, kexie::TrainingKind::general);
KX_LAST(KX_TRAINING_GENERAL, kexie::TrainingKind);

// kexie::ActivityState
KX_SAME(KX_STATE_DRAFT, kexie::ActivityState::draft);
KX_SAME(KX_STATE_SUBMITTED, kexie::ActivityState::submitted);
KX_SAME(KX_STATE_WITHDRAWN, kexie::ActivityState::withdrawn);
KX_SAME(KX_STATE_REJECTED, kexie::ActivityState::rejected);
KX_SAME(KX_STATE_APPROVED, kexie::ActivityState::approved);
KX_SAME(KX_STATE_IN_PROGRESS, kexie::ActivityState::in_progress);
KX_SAME(KX_STATE_SUSPENDED, kexie::ActivityState::suspended);
KX_SAME(KX_STATE_TERMINATED, kexie::ActivityState::terminated);
KX_SAME(KX_STATE_COMPLETED, kexie::ActivityState::completed);
KX_SAME(KX_STATE_UNDER_EVALUATION, kexie::ActivityState::under_evaluation);
KX_SAME(KX_STATE_EVALUATED, kexie::ActivityState::evaluated);
KX_SAME(KX_STATE_COMMENDED, kexie::ActivityState::commended);
KX_SAME(KX_STATE_ARCHIVED, kexie::ActivityState::archived);
KX_LAST(KX_STATE_ARCHIVED, kexie::ActivityState);

// kexie::ActivityOperation
KX_SAME(KX_OP_SUBMIT, kexie::ActivityOperation::submit);
KX_SAME(KX_OP_WITHDRAW, kexie::ActivityOperation::withdraw);
KX_SAME(KX_OP_APPROVE, kexie::ActivityOperation::approve);
KX_SAME(KX_OP_REJECT, kexie::ActivityOperation::reject);
KX_SAME(KX_OP_START, kexie::ActivityOperation::start);
KX_SAME(KX_OP_SUSPEND, kexie::ActivityOperation::suspend);
KX_SAME(KX_OP_RESUME, kexie::ActivityOperation::resume);
KX_SAME(KX_OP_TERMINATE, kexie::ActivityOperation::terminate);
KX_SAME(KX_OP_COMPLETE, kexie::ActivityOperation::complete);
KX_SAME(KX_OP_OPEN_EVALUATION, kexie::ActivityOperation::open_evaluation);
KX_SAME(KX_OP_CONCLUDE, kexie::ActivityOperation::conclude);
KX_SAME(KX_OP_COMMEND, kexie::ActivityOperation::commend);
KX_SAME(KX_OP_ARCHIVE, kexie::ActivityOperation::archive);
KX_SAME(KX_OP_REPORT_PROGRESS, kexie::ActivityOperation::report_progress);
KX_SAME(KX_OP_CREATE, kexie::ActivityOperation::create);
KX_LAST(KX_OP_CREATE, kexie::ActivityOperation);

// kexie::EvaluationGrade
KX_SAME(KX_GRADE_EXCELLENT, kexie::EvaluationGrade::excellent);
KX_SAME(KX_GRADE_GOOD, kexie::EvaluationGrade::good);
KX_SAME(KX_GRADE_PASS, kexie::EvaluationGrade::pass);
KX_SAME(KX_GRADE_FAIL, kexie::EvaluationGrade::fail);
KX_LAST(KX_GRADE_FAIL, kexie::EvaluationGrade);

// kexie::ActivityType
KX_SAME(KX_ACTIVITY_ACADEMIC_EXCHANGE, kexie::ActivityType::academic_exchange);
KX_SAME(KX_ACTIVITY_FORWARD_RESEARCH, kexie::ActivityType::forward_research);
KX_SAME(KX_ACTIVITY_TECHNICAL_CONSULTING, kexie::ActivityType::technical_consulting);
KX_SAME(KX_ACTIVITY_TECHNICAL_SERVICE, kexie::ActivityType::technical_service);
KX_SAME(KX_ACTIVITY_TECHNICAL_DEVELOPMENT, kexie::ActivityType::technical_development);
KX_SAME(KX_ACTIVITY_TECHNICAL_TRANSFER, kexie::ActivityType::technical_transfer);
KX_SAME(KX_ACTIVITY_KEY_TECHNOLOGY, kexie::ActivityType::key_technology);
KX_SAME(KX_ACTIVITY_CONTINUING_EDUCATION, kexie::ActivityType::continuing_education);
KX_SAME(KX_ACTIVITY_INNOVATION_METHOD_TRAINING, kexie::ActivityType::innovation_method_training);
KX_SAME(KX_ACTIVITY_MASS_INNOVATION, kexie::ActivityType::mass_innovation);
KX_SAME(KX_ACTIVITY_SCIENCE_POPULARIZATION, kexie::ActivityType::science_popularization);
KX_SAME(KX_ACTIVITY_ASSESSMENT_ADVICE, kexie::ActivityType::assessment_advice);
KX_SAME(KX_ACTIVITY_JIANGBI_CAMPAIGN, kexie::ActivityType::jiangbi_campaign);
KX_SAME(KX_ACTIVITY_FACTORY_SOCIETY, kexie::ActivityType::factory_society);
KX_SAME(KX_ACTIVITY_GOLDEN_BRIDGE, kexie::ActivityType::golden_bridge);
KX_SAME(KX_ACTIVITY_SECRETARY_GENERAL_TRAINING, kexie::ActivityType::secretary_general_training);
KX_LAST(KX_ACTIVITY_SECRETARY_GENERAL_TRAINING, kexie::ActivityType);

// kexie::AuditFault
KX_SAME(KX_AUDIT_OK, kexie::AuditFault::none);
KX_SAME(KX_AUDIT_EDITED, kexie::AuditFault::edited);
KX_SAME(KX_AUDIT_OUT_OF_ORDER, kexie::AuditFault::out_of_order);
KX_SAME(KX_AUDIT_BROKEN_LINK, kexie::AuditFault::broken_link);
KX_SAME(KX_AUDIT_TRUNCATED, kexie::AuditFault::truncated);
KX_SAME(KX_AUDIT_HEAD_MISMATCH, kexie::AuditFault::head_mismatch);
KX_LAST(KX_AUDIT_HEAD_MISMATCH, kexie::AuditFault);

// kexie::Category
KX_SAME(KX_CATEGORY_PROFESSIONAL_SKILLS, kexie::Category::professional_skills);
KX_SAME(KX_CATEGORY_SCIENTIFIC_LITERACY, kexie::Category::scientific_literacy);
KX_SAME(KX_CATEGORY_INNOVATIVE_IDEAS, kexie::Category::innovative_ideas);
KX_SAME(KX_CATEGORY_RATIONALIZATION_PROPOSALS, kexie::Category::rationalization_proposals);
KX_SAME(KX_CATEGORY_TECHNICAL_PATENTS, kexie::Category::technical_patents);
KX_SAME(KX_CATEGORY_ACHIEVEMENT_TRANSFORMATION, kexie::Category::achievement_transformation);
KX_LAST(KX_CATEGORY_ACHIEVEMENT_TRANSFORMATION, kexie::Category);

// kexie::Focus
KX_SAME(KX_FOCUS_ENERGY_SAVING, kexie::Focus::energy_saving);
KX_SAME(KX_FOCUS_CONSUMPTION_REDUCTION, kexie::Focus::consumption_reduction);
KX_SAME(KX_FOCUS_EMISSION_REDUCTION, kexie::Focus::emission_reduction);
KX_SAME(KX_FOCUS_EFFICIENCY_GAIN, kexie::Focus::efficiency_gain);

// kexie::IndicatorKind
KX_SAME(KX_INDICATOR_GROUP, kexie::IndicatorKind::group);
KX_SAME(KX_INDICATOR_JUDGED, kexie::IndicatorKind::judged);
KX_SAME(KX_INDICATOR_OBJECTIVE, kexie::IndicatorKind::objective);
KX_SAME(KX_INDICATOR_BONUS, kexie::IndicatorKind::bonus);
KX_SAME(KX_INDICATOR_VETO, kexie::IndicatorKind::veto);
KX_LAST(KX_INDICATOR_VETO, kexie::IndicatorKind);

// kexie::ClaimedFigure
KX_SAME(KX_FIGURE_ANNUAL_BENEFIT_YUAN, kexie::ClaimedFigure::annual_benefit_yuan);
KX_SAME(KX_FIGURE_ENERGY_SAVED_TCE, kexie::ClaimedFigure::energy_saved_tce);
KX_SAME(KX_FIGURE_CO2_AVOIDED_T, kexie::ClaimedFigure::co2_avoided_t);
KX_SAME(KX_FIGURE_MATERIAL_SAVED_T, kexie::ClaimedFigure::material_saved_t);
KX_SAME(KX_FIGURE_EFFICIENCY_GAIN_PERCENT, kexie::ClaimedFigure::efficiency_gain_percent);
KX_SAME(KX_FIGURE_HOURS_SAVED, kexie::ClaimedFigure::hours_saved);
KX_SAME(KX_FIGURE_PATENTS_GRANTED_INVENTION, kexie::ClaimedFigure::patents_granted_invention);
KX_SAME(KX_FIGURE_PATENTS_GRANTED_OTHER, kexie::ClaimedFigure::patents_granted_other);
KX_SAME(KX_FIGURE_PATENTS_FILED, kexie::ClaimedFigure::patents_filed);
KX_SAME(KX_FIGURE_ACHIEVEMENTS_TRANSFORMED, kexie::ClaimedFigure::achievements_transformed);
KX_LAST(KX_FIGURE_ACHIEVEMENTS_TRANSFORMED, kexie::ClaimedFigure);

// kexie::AggregationMethod
KX_SAME(KX_AGGREGATE_MEAN, kexie::AggregationMethod::mean);
KX_SAME(KX_AGGREGATE_MEDIAN, kexie::AggregationMethod::median);
KX_SAME(KX_AGGREGATE_TRIMMED_MEAN, kexie::AggregationMethod::trimmed_mean);
KX_LAST(KX_AGGREGATE_TRIMMED_MEAN, kexie::AggregationMethod);

// kexie::Rounding
KX_SAME(KX_ROUND_HALF_EVEN, kexie::Rounding::half_even);
KX_SAME(KX_ROUND_HALF_UP, kexie::Rounding::half_up);
KX_SAME(KX_ROUND_HALF_DOWN, kexie::Rounding::half_down);
KX_SAME(KX_ROUND_DOWN, kexie::Rounding::down);
KX_SAME(KX_ROUND_UP, kexie::Rounding::up);
KX_SAME(KX_ROUND_FLOOR, kexie::Rounding::floor);
KX_SAME(KX_ROUND_CEILING, kexie::Rounding::ceiling);
KX_LAST(KX_ROUND_CEILING, kexie::Rounding);

// kexie::BoundaryTies
KX_SAME(KX_TIES_BREAK_BY_CHAIN, kexie::BoundaryTies::break_by_chain);
KX_SAME(KX_TIES_INCLUDE_ALL, kexie::BoundaryTies::include_all);
KX_SAME(KX_TIES_EXCLUDE_ALL, kexie::BoundaryTies::exclude_all);
KX_LAST(KX_TIES_EXCLUDE_ALL, kexie::BoundaryTies);

// kexie::EntryStatus
KX_SAME(KX_ENTRY_RANKED, kexie::EntryStatus::ranked);
KX_SAME(KX_ENTRY_INCOMPLETE, kexie::EntryStatus::incomplete);
KX_SAME(KX_ENTRY_VETOED, kexie::EntryStatus::vetoed);
KX_LAST(KX_ENTRY_VETOED, kexie::EntryStatus);

// kexie::PatentType
KX_SAME(KX_PATENT_INVENTION, kexie::PatentType::invention);
KX_SAME(KX_PATENT_UTILITY_MODEL, kexie::PatentType::utility_model);
KX_SAME(KX_PATENT_DESIGN, kexie::PatentType::design);
KX_LAST(KX_PATENT_DESIGN, kexie::PatentType);

// kexie::PatentStatus
KX_SAME(KX_PATENT_FILED, kexie::PatentStatus::filed);
KX_SAME(KX_PATENT_GRANTED, kexie::PatentStatus::granted);
KX_LAST(KX_PATENT_GRANTED, kexie::PatentStatus);

// kexie::Language
KX_SAME(KX_LANG_CHINESE, kexie::Language::chinese);
KX_SAME(KX_LANG_ENGLISH, kexie::Language::english);
KX_LAST(KX_LANG_ENGLISH, kexie::Language);

// kexie::Carrier
KX_SAME(KX_CARRIER_RAW_COAL, kexie::Carrier::raw_coal);
KX_SAME(KX_CARRIER_WASHED_COAL, kexie::Carrier::washed_coal);
KX_SAME(KX_CARRIER_COKE, kexie::Carrier::coke);
KX_SAME(KX_CARRIER_CRUDE_OIL, kexie::Carrier::crude_oil);
KX_SAME(KX_CARRIER_FUEL_OIL, kexie::Carrier::fuel_oil);
KX_SAME(KX_CARRIER_GASOLINE, kexie::Carrier::gasoline);
KX_SAME(KX_CARRIER_KEROSENE, kexie::Carrier::kerosene);
KX_SAME(KX_CARRIER_DIESEL, kexie::Carrier::diesel);
KX_SAME(KX_CARRIER_LPG, kexie::Carrier::liquefied_petroleum_gas);
KX_SAME(KX_CARRIER_REFINERY_DRY_GAS, kexie::Carrier::refinery_dry_gas);
KX_SAME(KX_CARRIER_NATURAL_GAS, kexie::Carrier::natural_gas);
KX_SAME(KX_CARRIER_HEAT, kexie::Carrier::heat);
KX_SAME(KX_CARRIER_ELECTRICITY_EQUIVALENT, kexie::Carrier::electricity_equivalent_value);
KX_SAME(KX_CARRIER_ELECTRICITY_EQUAL, kexie::Carrier::electricity_equal_value);
KX_SAME(KX_CARRIER_STEAM, kexie::Carrier::steam);
KX_LAST(KX_CARRIER_STEAM, kexie::Carrier);

// kexie::Unit
KX_SAME(KX_UNIT_KG, kexie::Unit::kg);
KX_SAME(KX_UNIT_T, kexie::Unit::t);
KX_SAME(KX_UNIT_10K_T, kexie::Unit::ten_thousand_t);
KX_SAME(KX_UNIT_M3, kexie::Unit::m3);
KX_SAME(KX_UNIT_10K_M3, kexie::Unit::ten_thousand_m3);
KX_SAME(KX_UNIT_KWH, kexie::Unit::kWh);
KX_SAME(KX_UNIT_10K_KWH, kexie::Unit::ten_thousand_kWh);
KX_SAME(KX_UNIT_MWH, kexie::Unit::MWh);
KX_SAME(KX_UNIT_GWH, kexie::Unit::GWh);
KX_SAME(KX_UNIT_KJ, kexie::Unit::kJ);
KX_SAME(KX_UNIT_MJ, kexie::Unit::MJ);
KX_SAME(KX_UNIT_GJ, kexie::Unit::GJ);
KX_LAST(KX_UNIT_GJ, kexie::Unit);

// kexie::CoalUnit
KX_SAME(KX_COAL_KGCE, kexie::CoalUnit::kgce);
KX_SAME(KX_COAL_TCE, kexie::CoalUnit::tce);
KX_LAST(KX_COAL_TCE, kexie::CoalUnit);

// kexie::GridFactorMethod
KX_SAME(KX_GRID_LOCATION_AVERAGE, kexie::GridFactorMethod::location_average);
KX_SAME(KX_GRID_EXCLUDING_MARKET_NON_FOSSIL, kexie::GridFactorMethod::excluding_market_non_fossil);
KX_SAME(KX_GRID_FOSSIL_ONLY, kexie::GridFactorMethod::fossil_only);
KX_LAST(KX_GRID_FOSSIL_ONLY, kexie::GridFactorMethod);

// kexie::AhpMethod
KX_SAME(KX_AHP_EIGENVECTOR, kexie::AhpMethod::eigenvector);
KX_SAME(KX_AHP_GEOMETRIC_MEAN, kexie::AhpMethod::geometric_mean);
KX_SAME(KX_AHP_COLUMN_MEAN, kexie::AhpMethod::column_mean);
KX_LAST(KX_AHP_COLUMN_MEAN, kexie::AhpMethod);

// kexie::RandomIndexTable
KX_SAME(KX_RI_SAATY, kexie::RandomIndexTable::saaty);
KX_SAME(KX_RI_DONEGAN_DODD, kexie::RandomIndexTable::donegan_dodd);
KX_SAME(KX_RI_TUMMALA_LING, kexie::RandomIndexTable::tummala_ling);
KX_LAST(KX_RI_TUMMALA_LING, kexie::RandomIndexTable);

// kexie::CriterionKind
KX_SAME(KX_CRITERION_BENEFIT, kexie::CriterionKind::benefit);
KX_SAME(KX_CRITERION_COST, kexie::CriterionKind::cost);
KX_LAST(KX_CRITERION_COST, kexie::CriterionKind);

// kexie::EntropyNormalization
KX_SAME(KX_ENTROPY_MIN_MAX, kexie::EntropyNormalization::min_max);
KX_SAME(KX_ENTROPY_PROPORTION, kexie::EntropyNormalization::proportion);
KX_LAST(KX_ENTROPY_PROPORTION, kexie::EntropyNormalization);

// kexie::MissingMarks
KX_SAME(KX_MISSING_REFUSE, kexie::MissingMarks::refuse);
KX_SAME(KX_MISSING_DROP_ENTRIES, kexie::MissingMarks::drop_entries);
KX_SAME(KX_MISSING_DROP_JUDGES, kexie::MissingMarks::drop_judges);
KX_LAST(KX_MISSING_DROP_JUDGES, kexie::MissingMarks);

// kexie::TextEncoding
KX_SAME(KX_ENCODING_AUTO, kexie::TextEncoding::automatic);
KX_SAME(KX_ENCODING_UTF8, kexie::TextEncoding::utf8);
KX_SAME(KX_ENCODING_GB18030, kexie::TextEncoding::gb18030);
KX_LAST(KX_ENCODING_GB18030, kexie::TextEncoding);
// kexie::FoundingState, kexie::CoverageDimension, kexie::SgGap (guidance, issue 19)
KX_SAME(KX_FOUNDING_PENDING, kexie::FoundingState::pending);
KX_SAME(KX_FOUNDING_APPROVED, kexie::FoundingState::approved);
KX_SAME(KX_FOUNDING_REFUSED, kexie::FoundingState::refused);
KX_LAST(KX_FOUNDING_REFUSED, kexie::FoundingState);
KX_SAME(KX_COVERAGE_ZONE, kexie::CoverageDimension::zone);
KX_SAME(KX_COVERAGE_NEW_ECONOMY, kexie::CoverageDimension::new_economy);
KX_SAME(KX_COVERAGE_OWNERSHIP, kexie::CoverageDimension::ownership);
KX_SAME(KX_COVERAGE_INDUSTRY, kexie::CoverageDimension::industry);
KX_SAME(KX_COVERAGE_REGION, kexie::CoverageDimension::region);
KX_LAST(KX_COVERAGE_REGION, kexie::CoverageDimension);
KX_SAME(KX_SG_CURRENT, kexie::SgGap::current);
KX_SAME(KX_SG_NO_SECRETARY_GENERAL, kexie::SgGap::no_secretary_general);
KX_SAME(KX_SG_NEVER_TRAINED, kexie::SgGap::never_trained);
KX_SAME(KX_SG_LAPSED, kexie::SgGap::lapsed);
KX_LAST(KX_SG_LAPSED, kexie::SgGap);
// Serving S&T workers (issue 20).
KX_SAME(KX_SERVICE_PROJECT_APPLICATION, kexie::ServiceKind::project_application);
KX_SAME(KX_SERVICE_PATENT_APPLICATION, kexie::ServiceKind::patent_application);
KX_SAME(KX_SERVICE_TITLE_EVALUATION, kexie::ServiceKind::title_evaluation);
KX_LAST(KX_SERVICE_TITLE_EVALUATION, kexie::ServiceKind);
KX_SAME(KX_REQUEST_SUBMITTED, kexie::RequestState::submitted);
KX_SAME(KX_REQUEST_ACCEPTED, kexie::RequestState::accepted);
KX_SAME(KX_REQUEST_DECLINED, kexie::RequestState::declined);
KX_SAME(KX_REQUEST_IN_PROGRESS, kexie::RequestState::in_progress);
KX_SAME(KX_REQUEST_FORWARDED, kexie::RequestState::forwarded);
KX_SAME(KX_REQUEST_GRANTED, kexie::RequestState::granted);
KX_SAME(KX_REQUEST_NOT_GRANTED, kexie::RequestState::not_granted);
KX_SAME(KX_REQUEST_WITHDRAWN, kexie::RequestState::withdrawn);
KX_LAST(KX_REQUEST_WITHDRAWN, kexie::RequestState);
KX_SAME(KX_REQUEST_OP_SUBMIT, kexie::RequestOperation::submit);
KX_SAME(KX_REQUEST_OP_ACCEPT, kexie::RequestOperation::accept);
KX_SAME(KX_REQUEST_OP_DECLINE, kexie::RequestOperation::decline);
KX_SAME(KX_REQUEST_OP_START, kexie::RequestOperation::start);
KX_SAME(KX_REQUEST_OP_FORWARD, kexie::RequestOperation::forward);
KX_SAME(KX_REQUEST_OP_GRANT, kexie::RequestOperation::grant);
KX_SAME(KX_REQUEST_OP_NOT_GRANT, kexie::RequestOperation::not_grant);
KX_SAME(KX_REQUEST_OP_WITHDRAW, kexie::RequestOperation::withdraw);
KX_LAST(KX_REQUEST_OP_WITHDRAW, kexie::RequestOperation);
KX_SAME(KX_PROPOSAL_SUGGESTION, kexie::ProposalKind::suggestion);
KX_SAME(KX_PROPOSAL_OPINION, kexie::ProposalKind::opinion);
KX_SAME(KX_PROPOSAL_APPEAL, kexie::ProposalKind::appeal);
KX_SAME(KX_PROPOSAL_RATIONALIZATION, kexie::ProposalKind::rationalization);
KX_LAST(KX_PROPOSAL_RATIONALIZATION, kexie::ProposalKind);
KX_SAME(KX_PROPOSAL_FILED, kexie::ProposalState::filed);
KX_SAME(KX_PROPOSAL_ACKNOWLEDGED, kexie::ProposalState::acknowledged);
KX_SAME(KX_PROPOSAL_ANSWERED, kexie::ProposalState::answered);
KX_SAME(KX_PROPOSAL_ADOPTED, kexie::ProposalState::adopted);
KX_SAME(KX_PROPOSAL_DECLINED, kexie::ProposalState::declined);
KX_LAST(KX_PROPOSAL_DECLINED, kexie::ProposalState);
KX_SAME(KX_PROPOSAL_OP_FILE, kexie::ProposalOperation::file);
KX_SAME(KX_PROPOSAL_OP_ACKNOWLEDGE, kexie::ProposalOperation::acknowledge);
KX_SAME(KX_PROPOSAL_OP_ANSWER, kexie::ProposalOperation::answer);
KX_SAME(KX_PROPOSAL_OP_ADOPT, kexie::ProposalOperation::adopt);
KX_SAME(KX_PROPOSAL_OP_DECLINE, kexie::ProposalOperation::decline);
KX_SAME(KX_PROPOSAL_OP_ENTER_CAMPAIGN, kexie::ProposalOperation::enter_campaign);
KX_LAST(KX_PROPOSAL_OP_ENTER_CAMPAIGN, kexie::ProposalOperation);

// kexie::ResultsExplanations (results document, issue 15)
KX_SAME(KX_EXPLANATIONS_SUMMARY, kexie::ResultsExplanations::summary);
KX_SAME(KX_EXPLANATIONS_FULL, kexie::ResultsExplanations::full);
KX_LAST(KX_EXPLANATIONS_FULL, kexie::ResultsExplanations);

#undef KX_LAST
#undef KX_SAME

}  // namespace
