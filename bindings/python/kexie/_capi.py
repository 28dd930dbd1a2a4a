"""The ctypes layer: finds and loads libkexie_c, declares the C structs of
include/kexie/kexie.h and every function's prototype, and turns a negative
return code into the matching exception (errors.py). Nothing here is public."""

from __future__ import annotations

import collections
import contextlib
import ctypes
import ctypes.util
import datetime
import decimal
import glob
import itertools
import os
import sysconfig
import threading
from typing import Any, Callable, Iterator, Mapping, Optional

from . import errors

__all__: list[str] = []  # nothing here is public

_HERE = os.path.dirname(os.path.abspath(__file__))

#: The environment variable naming the libkexie_c to load (a path); when set,
#: nothing else is tried. KEXIE_C_LIBRARY, its earlier name, is read when it is unset.
LIBRARY_ENV = "KEXIE_LIBRARY"
_OLD_LIBRARY_ENV = "KEXIE_C_LIBRARY"

#: The build trees of a source checkout, in the order they are tried. Sanitizer
#: presets (asan, tsan, fuzz) are never on it: an instrumented libkexie_c cannot be
#: loaded into an uninstrumented interpreter.
BUILD_PRESETS = ("dev", "release", "clang", "coverage")


def _in_dir(directory: str) -> list[str]:
    """The libkexie_c files of `directory`, the unversioned name first, then the
    versioned ones in name order (all are the same library in an install)."""
    plain = os.path.join(directory, "libkexie_c.so")
    found = [plain] if os.path.exists(plain) else []
    return found + sorted(glob.glob(os.path.join(directory, "libkexie_c.so.*")))


def _candidates(environ: Mapping[str, str], package_dir: str) -> list[str]:
    """Where libkexie_c is looked for, in order (a pure function of the environment
    and the package's directory, so that the order is tested):

    1. the path in ``KEXIE_LIBRARY`` (or ``KEXIE_C_LIBRARY``) -- and nothing else;
    2. the package's own directory, then the install's library directory
       ``<prefix>/lib`` (three levels above ``<prefix>/lib/pythonX.Y/site-packages/kexie``)
       and its multiarch and ``lib64`` siblings;
    3. in a source checkout (``bindings/python/kexie``), ``build/<preset>/src/c`` for
       the presets of BUILD_PRESETS in that order -- never by modification time, never
       a sanitizer build;
    4. the system loader (``ctypes.util.find_library``, then ``libkexie_c.so``).
    """
    explicit = environ.get(LIBRARY_ENV) or environ.get(_OLD_LIBRARY_ENV)
    if explicit:
        return [explicit]
    out = _in_dir(package_dir)
    libdir = os.path.normpath(os.path.join(package_dir, "..", "..", ".."))
    prefix = os.path.dirname(libdir)
    multiarch = sysconfig.get_config_var("MULTIARCH")
    for d in (libdir, os.path.join(libdir, multiarch) if multiarch else None,
              os.path.join(prefix, "lib64")):
        if d:
            out += _in_dir(d)
    repo = os.path.normpath(os.path.join(package_dir, "..", "..", ".."))
    if os.path.exists(os.path.join(repo, "include", "kexie", "kexie.h")):
        for preset in BUILD_PRESETS:
            out += _in_dir(os.path.join(repo, "build", preset, "src", "c"))
    found = ctypes.util.find_library("kexie_c")
    if found:
        out.append(found)
    out.append("libkexie_c.so")
    seen: set[str] = set()
    return [p for p in out if not (p in seen or seen.add(p))]


def _load() -> ctypes.CDLL:
    tried = []
    for path in _candidates(os.environ, _HERE):
        try:
            return ctypes.CDLL(path)
        except OSError as e:
            tried.append("%s (%s)" % (path, e))
    raise ImportError("kexie: cannot load libkexie_c; set %s to its path. Tried: %s"
                      % (LIBRARY_ENV, "; ".join(tried)))


lib = _load()

c_int, c_uint, c_u32, c_i32, c_i64, c_size = (ctypes.c_int, ctypes.c_uint, ctypes.c_uint32,
                                              ctypes.c_int32, ctypes.c_int64, ctypes.c_size_t)
c_str, c_void_p, c_double, P = ctypes.c_char_p, ctypes.c_void_p, ctypes.c_double, ctypes.POINTER


class Error(ctypes.Structure):
    _fields_ = [("code", c_int), ("message", c_str), ("rule", c_str), ("article", c_str)]


class DocumentProblem(ctypes.Structure):
    _fields_ = [("pointer", c_str), ("line", c_u32), ("column", c_u32), ("rule", c_str),
                ("article", c_str), ("message", c_str)]


class DecimalText(ctypes.Structure):
    _fields_ = [("text", ctypes.c_char * 48)]


class RegistryOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("young_age_max", c_int), ("annual_hours_min", c_int),
                ("professional_share_num", c_int), ("professional_share_den", c_int),
                ("employer_tied_membership", c_int)]


class OrgSpec(ctypes.Structure):
    _fields_ = [("version", c_uint), ("kind", c_int), ("name", c_str), ("parent", c_u32),
                ("effective", c_str), ("level", c_int), ("enterprise_name", c_str),
                ("ownership", c_int), ("industry", c_str), ("region", c_str)]


class EnterpriseSpec(ctypes.Structure):
    _fields_ = [("version", c_uint), ("name", c_str), ("credit_code", c_str),
                ("ownership", c_int), ("industry", c_str), ("region", c_str),
                ("high_tech_zone", c_int), ("development_zone", c_int), ("new_economy", c_int),
                ("local", c_u32), ("registered", c_str)]


class FigureBinding(ctypes.Structure):
    _fields_ = [("indicator", c_str), ("figure", c_str), ("activity_type", c_str)]


class CoverageCounts(ctypes.Structure):
    _fields_ = [("enterprises", ctypes.c_size_t), ("with_association", ctypes.c_size_t),
                ("without_association", ctypes.c_size_t), ("workers", ctypes.c_size_t),
                ("workers_covered", ctypes.c_size_t)]


class OrgInfo(ctypes.Structure):
    _fields_ = [("id", c_u32), ("kind", c_int), ("level", c_int), ("first_day", c_i32),
                ("last_day", c_i32)]


class PersonSpec(ctypes.Structure):
    _fields_ = [("version", c_uint), ("name", c_str), ("birth", c_str), ("employer", c_u32),
                ("external_key", c_str), ("title", c_int), ("discipline", c_str)]


class PersonInfo(ctypes.Structure):
    _fields_ = [("id", c_u32), ("birth", c_i32), ("employer", c_u32), ("title", c_int)]


class MembershipInfo(ctypes.Structure):
    _fields_ = [("id", c_u32), ("person", c_u32), ("org", c_u32), ("role", c_int),
                ("first_day", c_i32), ("last_day", c_i32)]


class AppointmentInfo(ctypes.Structure):
    _fields_ = [("id", c_u32), ("person", c_u32), ("org", c_u32), ("role", c_int),
                ("first_day", c_i32), ("last_day", c_i32)]


class HonourSpec(ctypes.Structure):
    _fields_ = [("version", c_uint), ("kind", c_int), ("person", c_u32),
                ("organization", c_u32), ("grantor", c_u32), ("title", c_str),
                ("basis", c_str), ("activity", c_u32), ("date", c_str)]


class HonourInfo(ctypes.Structure):
    _fields_ = [("id", c_u32), ("kind", c_int), ("person", c_u32), ("organization", c_u32),
                ("grantor", c_u32), ("title", c_str), ("basis", c_str), ("activity", c_u32),
                ("date", c_i32)]


class MemberFilter(ctypes.Structure):
    _fields_ = [("version", c_uint), ("role", c_int), ("young", c_int), ("min_title", c_int),
                ("discipline", c_str)]


class MemberRow(ctypes.Structure):
    _fields_ = [("person", c_u32), ("org", c_u32), ("roles", c_uint), ("title", c_int),
                ("birth", c_i32), ("young", c_int)]


class Rollup(ctypes.Structure):
    _fields_ = [("members", c_size), ("young", c_size), ("experts", c_size)]


class EducationStatus(ctypes.Structure):
    _fields_ = [("year", c_int), ("hours", c_int), ("professional_hours", c_int),
                ("compliant", c_int), ("shortfall", c_int)]


class ActivityPlan(ctypes.Structure):
    _fields_ = [("version", c_uint), ("type", c_int), ("title", c_str), ("organizer", c_u32),
                ("owner", c_u32), ("responsible", c_u32), ("team", P(c_u32)),
                ("team_count", c_size), ("planned_first", c_str), ("planned_last", c_str),
                ("details", c_int), ("detail_value", c_u32), ("detail_kind2", c_int)]


class ActivityInfo(ctypes.Structure):
    _fields_ = [("id", c_u32), ("type", c_int), ("state", c_int), ("organizer", c_u32),
                ("owner", c_u32), ("responsible", c_u32), ("has_grade", c_int),
                ("grade", c_int), ("score", DecimalText), ("created", c_i64),
                ("last_event", c_i64)]


class AuditRecord(ctypes.Structure):
    _fields_ = [("sequence", ctypes.c_uint64), ("activity", c_u32), ("actor", c_u32),
                ("at", c_i64), ("operation", c_int), ("from_", c_int), ("to", c_int),
                ("code", c_int), ("security_event", c_int), ("rule", c_str), ("reason", c_str),
                ("message", c_str), ("hash", c_str)]


class AuditVerification(ctypes.Structure):
    _fields_ = [("fault", c_int), ("first_bad", ctypes.c_uint64)]


class AwardTier(ctypes.Structure):
    _fields_ = [("name", c_str), ("by_count", c_int), ("share", c_str), ("count", c_u32),
                ("rounding", c_int), ("min_score", c_str)]


class CampaignOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("name", c_str), ("organizer", c_u32), ("as_of", c_str),
                ("year", c_int), ("aggregation", c_int), ("drop_low", c_uint),
                ("drop_high", c_uint), ("trim_from", c_uint), ("normalize", c_int),
                ("min_judges", c_u32), ("veto_threshold", c_u32),
                ("max_judges_per_entry", c_u32), ("rank_per_category", c_int),
                ("tie_breaks", c_str), ("tiers", P(AwardTier)), ("tier_count", c_size),
                ("boundary_ties", c_int), ("cusp_margin", c_str), ("unit_min_awarded", c_u32),
                ("unit_max", c_u32), ("people_top_tiers", c_u32), ("people_min_share", c_str),
                ("people_max", c_u32), ("max_team_size", c_u32),
                # version 2 (issue 13)
                ("expert_rule", c_int), ("expert_field_match", c_int), ("enforce_scope", c_int),
                ("entry_deadline", c_str)]


class Indicator(ctypes.Structure):
    _fields_ = [("code", c_str), ("name", c_str), ("parent", c_str), ("kind", c_int),
                ("weight", c_str), ("min", c_str), ("max", c_str), ("step", c_str),
                ("figure", c_int), ("tiers", c_str), ("floor", c_str), ("per_unit", c_str),
                ("cap", c_str), ("bonus_cap", c_str)]


class Band(ctypes.Structure):
    _fields_ = [("at_least", c_str), ("min", c_str), ("max", c_str)]


class IndicatorExtra(ctypes.Structure):
    _fields_ = [("code", c_str), ("points", c_str), ("band_figure", c_int),
                ("bands", P(Band)), ("band_count", c_size)]


class PrizeRule(ctypes.Structure):
    _fields_ = [("figure", c_int), ("threshold", c_str), ("share", c_str), ("cap", c_str),
                ("awarded_only", c_int)]


class RubricOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("full_score", c_str), ("extras", P(IndicatorExtra)),
                ("extra_count", c_size), ("prize", P(PrizeRule))]


RUBRIC_OPTIONS_VERSION = 1


class TeamShare(ctypes.Structure):
    _fields_ = [("person", c_u32), ("share", c_str)]


class EnergyClaim(ctypes.Structure):
    _fields_ = [("carrier", c_int), ("quantity", c_str), ("unit", c_int)]


class Patent(ctypes.Structure):
    _fields_ = [("type", c_int), ("status", c_int), ("number", c_str)]


class EntrySpec(ctypes.Structure):
    _fields_ = [("version", c_uint), ("code", c_str), ("title", c_str), ("unit", c_u32),
                ("category", c_int), ("focus", c_uint), ("team", P(TeamShare)),
                ("team_count", c_size), ("in_use_since", c_str), ("energy", P(EnergyClaim)),
                ("energy_count", c_size), ("material_saved_t", c_str), ("co2_avoided_t", c_str),
                ("hours_saved", c_str), ("efficiency_gain_percent", c_str),
                ("annual_benefit_yuan", c_str), ("patents", P(Patent)), ("patent_count", c_size),
                ("achievements_transformed", c_u32)]


class Mark(ctypes.Structure):
    _fields_ = [("judge", c_u32), ("entry", c_u32), ("indicator", c_u32), ("mark", c_str)]


class CampaignCounts(ctypes.Structure):
    _fields_ = [("entries", c_size), ("judges", c_size)]


class Standing(ctypes.Structure):
    _fields_ = [("entry", c_u32), ("status", c_int), ("total", c_str), ("rank", c_u32),
                ("position", c_u32)]


class EntryResult(ctypes.Structure):
    _fields_ = [("entry", c_u32), ("code", c_str), ("unit", c_u32), ("enterprise", c_u32),
                ("category", c_int), ("status", c_int), ("total", c_str),
                ("judged_part", c_str), ("objective_part", c_str), ("bonus", c_str),
                ("rank", c_u32), ("position", c_u32), ("tier", c_int), ("award", c_str)]


class ScoreboardCounts(ctypes.Structure):
    _fields_ = [("units", c_size), ("people", c_size), ("cusps", c_size)]


class AdvancedUnit(ctypes.Structure):
    _fields_ = [("unit", c_u32), ("entries", c_u32), ("awarded", c_u32),
                ("awarded_total", c_str), ("participation_rate", c_str), ("tce_saved", c_str)]


class AdvancedPerson(ctypes.Structure):
    _fields_ = [("person", c_u32), ("best_tier", c_u32), ("credit", c_str),
                ("entry_count", c_size)]


class AhpOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("method", c_int), ("ri_table", c_int),
                ("threshold", c_double), ("pass_at_most", c_int), ("saaty_scale", c_int),
                ("require_consistency", c_int)]


class AhpResult(ctypes.Structure):
    _fields_ = [("lambda_max", c_double), ("ci", c_double), ("ri", c_double), ("cr", c_double),
                ("consistent", c_int), ("worst_row", c_size), ("worst_col", c_size)]


class KendallOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("missing", c_int), ("tie_correction", c_int)]


class KendallResult(ctypes.Structure):
    _fields_ = [("w", c_double), ("chi_squared", c_double), ("df", c_size),
                ("p_value", c_double), ("judges", c_size), ("entries", c_size)]


class Buffer(ctypes.Structure):
    _fields_ = [("data", c_void_p), ("size", c_size)]


class SnapshotSaveOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("mode", c_uint)]


ORG_CB = ctypes.CFUNCTYPE(c_int, c_u32, c_void_p)
MEMBERSHIP_CB = ctypes.CFUNCTYPE(c_int, P(MembershipInfo), c_void_p)
APPOINTMENT_CB = ctypes.CFUNCTYPE(c_int, P(AppointmentInfo), c_void_p)
HONOUR_CB = ctypes.CFUNCTYPE(c_int, P(HonourInfo), c_void_p)
AUDIT_CB = ctypes.CFUNCTYPE(c_int, P(AuditRecord), c_void_p)
STANDING_CB = ctypes.CFUNCTYPE(c_int, P(Standing), c_void_p)

# judge assignment (issue 18, kexie.h section "assignment")
class AssignmentPair(ctypes.Structure):
    _fields_ = [("judge", c_u32), ("entry", c_u32)]


class JudgeAvailability(ctypes.Structure):
    _fields_ = [("judge", c_u32), ("min_load", c_u32), ("max_load", c_u32),
                ("cost_per_entry", c_u32)]


class AssignmentOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("judges_per_entry", c_u32), ("declare_load", c_int),
                ("load_min", c_u32), ("load_max", c_u32),
                ("availability", P(JudgeAvailability)), ("availability_count", c_size),
                ("expertise_cost", c_u32), ("spread_cost", c_u32),
                ("spread_required", c_int), ("seed", ctypes.c_uint64),
                ("candidates_per_entry", c_u32)]


class JudgeChoice(ctypes.Structure):
    _fields_ = [("judge", c_u32), ("kept", c_int), ("expertise", c_int),
                ("organization", c_u32), ("shares_organization", c_int), ("cost", c_i64)]


RESULT_CB = ctypes.CFUNCTYPE(c_int, P(EntryResult), c_void_p)
COVERAGE_CB = ctypes.CFUNCTYPE(c_int, c_int, c_str, P(CoverageCounts), c_void_p)
SG_GAP_CB = ctypes.CFUNCTYPE(c_int, c_u32, c_u32, c_int, c_void_p)
EVALUATION_RESULT_CB = ctypes.CFUNCTYPE(c_int, c_u32, ctypes.c_size_t, c_str, c_void_p)

_H = c_void_p  # every opaque handle
_PROTOTYPES = {
    "kx_version_string": (c_str, []),
    "kx_version_number": (c_int, []),
    "kx_error_last": (P(Error), []),
    "kx_error_clear": (None, []),
    "kx_error_name": (c_str, [c_int]),
    "kx_error_problem_count": (c_size, []),
    "kx_error_problem": (P(DocumentProblem), [c_size]),
    "kx_registry_from_document": (c_int, [P(_H), c_str, c_size]),
    "kx_registry_to_document": (c_int, [P(c_void_p), _H]),
    "kx_campaign_from_documents": (c_int, [P(_H), _H, c_str, c_size, c_str, c_size]),
    "kx_scoreboard_to_document": (c_int, [P(c_void_p), _H, _H, _H]),
    "kx_campaign_to_documents": (c_int, [P(c_void_p), P(c_void_p), _H, _H]),
    "kx_scoreboard_to_document_with": (c_int, [P(c_void_p), _H, _H, _H, c_u32]),
    "kx_string_free": (None, [c_void_p]),
    "kx_date_parse": (c_int, [P(c_i32), c_str]),
    "kx_date_format": (c_int, [ctypes.c_char_p, c_i32]),
    "kx_timestamp_parse": (c_int, [P(c_i64), c_str]),
    "kx_registry_new": (c_int, [P(_H), P(RegistryOptions)]),
    "kx_registry_free": (None, [_H]),
    "kx_registry_add_org": (c_int, [P(c_u32), _H, P(OrgSpec)]),
    # guidance (issue 19)
    "kx_credit_code_check": (c_int, [c_str]),
    "kx_enterprise_add": (c_int, [P(c_u32), _H, P(EnterpriseSpec)]),
    "kx_enterprise_attach": (c_int, [_H, c_u32, c_u32, c_str]),
    "kx_enterprise_association": (c_int, [P(c_u32), _H, c_u32, c_str]),
    "kx_enterprise_employ": (c_int, [_H, c_u32, c_u32, c_str, c_str]),
    "kx_enterprise_support": (c_int, [_H, c_u32, c_int, c_u32, c_u32, c_str, c_str]),
    "kx_founding_apply": (c_int, [P(c_u32), _H, c_u32, c_u32, c_str, c_u32, c_u32, c_str]),
    "kx_founding_approve": (c_int, [P(c_u32), _H, c_u32, c_u32, c_str, c_str, c_str]),
    "kx_founding_refuse": (c_int, [_H, c_u32, c_u32, c_str, c_str]),
    "kx_founding_get_state": (c_int, [P(c_int), _H, c_u32]),
    "kx_founding_verify": (c_int, [P(AuditVerification), _H, c_str]),
    "kx_coverage": (c_int, [P(CoverageCounts), _H, c_u32, c_str, COVERAGE_CB, c_void_p]),
    "kx_coverage_to_document": (c_int, [P(c_void_p), _H, c_u32, c_str, c_str]),
    "kx_sg_training_add": (c_int, [_H, c_u32, c_str, c_int, c_u32]),
    "kx_sg_training_interval": (c_int, [_H, c_int]),
    "kx_sg_out_of_date_foreach": (c_int, [_H, c_u32, c_str, SG_GAP_CB, c_void_p]),
    "kx_evaluation_new": (c_int, [P(_H), _H, c_u32, c_int, c_str, c_str, P(FigureBinding),
                                  ctypes.c_size_t]),
    "kx_evaluation_free": (None, [_H]),
    "kx_evaluation_add_judge": (c_int, [_H, _H, c_u32]),
    "kx_evaluation_mark": (c_int, [_H, _H, c_u32, c_u32, c_str, c_str]),
    "kx_evaluation_score_foreach": (c_int, [_H, _H, _H, EVALUATION_RESULT_CB, c_void_p]),
    "kx_evaluation_to_document": (c_int, [P(c_void_p), _H, _H, _H]),
    "kx_evaluation_name_exemplary": (c_int, [_H, _H, _H, ctypes.c_size_t, c_str, c_u32, c_str,
                                             P(ctypes.c_size_t)]),
    "kx_registry_org": (c_int, [P(OrgInfo), _H, c_u32]),
    "kx_registry_org_name": (c_int, [P(c_void_p), _H, c_u32]),
    "kx_registry_parent": (c_int, [P(c_u32), _H, c_u32, c_str]),
    "kx_registry_dissolve": (c_int, [_H, c_u32, c_str]),
    "kx_registry_subtree_foreach": (c_int, [_H, c_u32, c_str, c_int, ORG_CB, c_void_p]),
    "kx_registry_add_person": (c_int, [P(c_u32), _H, P(PersonSpec)]),
    "kx_registry_person": (c_int, [P(PersonInfo), _H, c_u32]),
    "kx_registry_person_name": (c_int, [P(c_void_p), _H, c_u32]),
    "kx_registry_find_person": (c_int, [P(c_u32), _H, c_u32, c_str]),
    "kx_registry_is_young": (c_int, [P(c_int), _H, c_u32, c_str]),
    "kx_registry_add_membership": (c_int, [P(c_u32), _H, c_u32, c_u32, c_int, c_str, c_str]),
    "kx_registry_end_membership": (c_int, [_H, c_u32, c_str]),
    "kx_registry_memberships_foreach": (c_int, [_H, c_u32, MEMBERSHIP_CB, c_void_p]),
    "kx_registry_members": (c_int, [P(P(MemberRow)), P(c_size), _H, c_u32, c_str,
                                    P(MemberFilter)]),
    "kx_member_rows_free": (None, [P(MemberRow)]),
    "kx_registry_rollup": (c_int, [P(Rollup), _H, c_u32, c_str]),
    "kx_registry_appoint": (c_int, [P(c_u32), _H, c_u32, c_u32, c_int, c_str, c_str]),
    "kx_registry_end_appointment": (c_int, [_H, c_u32, c_str]),
    "kx_registry_add_expert": (c_int, [P(c_u32), _H, c_u32, c_u32, P(c_str), c_size, c_str,
                                       c_str]),
    "kx_registry_appointments_foreach": (c_int, [_H, c_u32, c_str, APPOINTMENT_CB, c_void_p]),
    "kx_registry_add_training": (c_int, [P(c_u32), _H, c_u32, c_int, c_int, c_str]),
    "kx_registry_education_status": (c_int, [P(EducationStatus), _H, c_u32, c_int]),
    "kx_registry_record_honour": (c_int, [P(c_u32), _H, P(HonourSpec)]),
    "kx_registry_record_honours": (c_int, [_H, P(HonourSpec), c_size]),
    "kx_registry_honours_foreach": (c_int, [_H, c_u32, c_u32, HONOUR_CB, c_void_p]),
    "kx_registry_honours_granted_foreach": (c_int, [_H, c_u32, c_str, c_str, HONOUR_CB,
                                                    c_void_p]),
    "kx_registry_award_exemplary": (c_int, [_H, c_u32, c_str, c_str, c_u32, c_str]),
    "kx_actor_backed": (c_int, [_H, _H, c_str]),
    "kx_actor_new": (c_int, [P(_H), c_u32]),
    "kx_actor_from_registry": (c_int, [P(_H), _H, c_u32, c_str]),
    "kx_actor_add_role": (c_int, [_H, c_int, c_u32]),
    "kx_actor_add_expert_pool": (c_int, [_H, c_u32]),
    "kx_actor_free": (None, [_H]),
    "kx_book_new": (c_int, [P(_H), _H]),
    "kx_book_free": (None, [_H]),
    "kx_book_allow_asserted_roles": (c_int, [_H, c_int]),
    "kx_activity_create": (c_int, [P(c_u32), _H, _H, c_str, P(ActivityPlan), c_str]),
    "kx_activity_apply": (c_int, [_H, c_u32, c_int, _H, c_str, c_str]),
    "kx_activity_conclude": (c_int, [P(c_int), _H, c_u32, _H, c_str, c_str, c_str]),
    "kx_activity_report_progress": (c_int, [_H, c_u32, _H, c_str, c_int, c_str]),
    "kx_activity_get": (c_int, [P(ActivityInfo), _H, c_u32]),
    "kx_activity_state_at": (c_int, [P(c_int), _H, c_u32, c_str]),
    "kx_book_size": (c_int, [P(c_size), _H]),
    "kx_book_audit_foreach": (c_int, [_H, AUDIT_CB, c_void_p]),
    "kx_book_chain_head": (c_int, [P(c_void_p), _H]),
    "kx_book_verify_audit": (c_int, [P(AuditVerification), _H, c_str]),
    "kx_campaign_new": (c_int, [P(_H), _H, P(CampaignOptions)]),
    "kx_campaign_free": (None, [_H]),
    "kx_campaign_set_rubric": (c_int, [_H, c_int, c_str, P(Indicator), c_size]),
    "kx_campaign_set_rubric_text": (c_int, [_H, c_int, c_str, c_str]),
    "kx_campaign_set_rubric_ex": (c_int, [_H, c_int, c_str, P(Indicator), c_size,
                                          P(RubricOptions)]),
    "kx_campaign_indicator_index": (c_int, [P(c_u32), _H, c_int, c_str]),
    "kx_campaign_add_entry": (c_int, [P(c_u32), _H, P(EntrySpec)]),
    "kx_campaign_find_entry": (c_int, [P(c_u32), _H, c_str]),
    "kx_campaign_add_judge": (c_int, [P(c_u32), _H, c_u32]),
    "kx_campaign_open": (c_int, [P(_H), _H, _H, c_u32, P(CampaignOptions)]),
    "kx_campaign_phase": (c_int, [P(c_int), _H]),
    "kx_campaign_conclude": (c_int, [_H, _H, _H, c_str, c_str]),
    "kx_campaign_commend": (c_int, [_H, _H, _H, _H, c_str]),
    "kx_campaign_digests": (c_int, [P(c_str), P(c_str), _H]),
    "kx_campaign_add_entry_on": (c_int, [P(c_u32), _H, P(EntrySpec), c_str]),
    "kx_campaign_assign": (c_int, [_H, c_u32, c_u32]),
    "kx_campaign_mark": (c_int, [_H, c_u32, c_u32, c_str, c_str]),
    "kx_campaign_mark_batch": (c_int, [_H, P(Mark), c_size, P(c_size)]),
    "kx_campaign_mark_columns": (c_int, [_H, c_size, c_void_p, c_void_p, c_void_p, c_void_p,
                                         c_int, P(c_size)]),
    "kx_campaign_veto": (c_int, [_H, c_u32, c_u32, c_str, c_str]),
    "kx_campaign_count": (c_int, [P(CampaignCounts), _H]),
    "kx_campaign_standings_foreach": (c_int, [_H, STANDING_CB, c_void_p]),
    "kx_campaign_score": (c_int, [P(_H), _H]),
    "kx_scoreboard_free": (None, [_H]),
    "kx_scoreboard_size": (c_int, [P(c_size), _H]),
    "kx_scoreboard_entry": (c_int, [P(EntryResult), _H, c_size]),
    "kx_scoreboard_find": (c_int, [P(EntryResult), _H, c_u32]),
    "kx_scoreboard_prize": (c_int, [P(c_str), _H, c_u32]),
    "kx_scoreboard_awards_foreach": (c_int, [_H, RESULT_CB, c_void_p]),
    "kx_scoreboard_count": (c_int, [P(ScoreboardCounts), _H]),
    "kx_scoreboard_unit": (c_int, [P(AdvancedUnit), _H, c_size]),
    "kx_scoreboard_person": (c_int, [P(AdvancedPerson), _H, c_size]),
    "kx_scoreboard_digest": (c_int, [P(c_str), _H]),
    "kx_explain_text": (c_int, [P(c_void_p), _H, _H, c_u32, c_int]),
    "kx_explain_json": (c_int, [P(c_void_p), _H, _H, c_u32]),
    "kx_campaign_import_assignments_csv": (c_int, [_H, _H, c_str, c_int]),
    "kx_campaign_import_marks_csv": (c_int, [_H, _H, c_str, c_int]),
    "kx_campaign_import_vetoes_csv": (c_int, [_H, _H, c_str, c_int]),
    "kx_scoreboard_write_xlsx": (c_int, [_H, _H, _H, c_str]),
    "kx_scoreboard_sheet_count": (c_int, [P(c_size), _H, _H, _H]),
    "kx_scoreboard_sheet_csv": (c_int, [P(c_void_p), P(c_size), P(c_void_p), _H, _H, _H,
                                        c_size, c_int]),
    # judge assignment (issue 18)
    "kx_assignment_propose": (c_int, [P(_H), _H, P(AssignmentOptions)]),
    "kx_assignment_free": (None, [_H]),
    "kx_assignment_summary": (c_int, [P(c_size), P(c_i64), _H]),
    "kx_assignment_pair_at": (c_int, [P(AssignmentPair), _H, c_size]),
    "kx_assignment_entry": (c_int, [P(c_size), P(c_size), _H, c_u32]),
    "kx_assignment_choice": (c_int, [P(JudgeChoice), _H, c_u32, c_size]),
    "kx_assignment_exclusion": (c_int, [P(c_u32), P(c_void_p), P(c_void_p), _H, c_u32, c_size]),
    "kx_assignment_csv": (c_int, [P(c_void_p), P(c_size), _H, _H, _H, c_int, c_int, c_int]),
    "kx_campaign_assign_all": (c_int, [_H, P(AssignmentPair), c_size, P(c_size)]),
    "kx_buffer_free": (None, [P(Buffer)]),
    "kx_snapshot_save": (c_int, [c_str, _H, P(_H), c_size, P(_H), c_size,
                                 P(SnapshotSaveOptions)]),
    "kx_snapshot_save_buffer": (c_int, [P(Buffer), _H, P(_H), c_size, P(_H), c_size]),
    "kx_snapshot_load": (c_int, [P(_H), c_str]),
    "kx_snapshot_load_buffer": (c_int, [P(_H), c_void_p, c_size]),
    "kx_snapshot_free": (None, [_H]),
    "kx_snapshot_registry": (c_int, [P(_H), _H]),
    "kx_snapshot_book_count": (c_int, [P(c_size), _H]),
    "kx_snapshot_book": (c_int, [P(_H), _H, c_size]),
    "kx_snapshot_campaign_count": (c_int, [P(c_size), _H]),
    "kx_snapshot_campaign": (c_int, [P(_H), _H, c_size]),
    "kx_energy_carrier_parse": (c_int, [P(c_int), c_str]),
    "kx_energy_unit_parse": (c_int, [P(c_int), c_str]),
    "kx_energy_to_standard_coal": (c_int, [P(DecimalText), c_int, c_str, c_int, c_int]),
    "kx_energy_citation": (c_int, [P(c_void_p), c_int, c_str, c_int, c_int]),
    "kx_energy_grid_emissions": (c_int, [P(DecimalText), c_str, c_int, c_int, c_int]),
    "kx_weights_ahp": (c_int, [P(c_double), P(AhpResult), P(c_double), c_size, P(AhpOptions)]),
    "kx_weights_entropy": (c_int, [P(c_double), P(c_double), c_size, c_size, P(c_int), c_int]),
    "kx_weights_quantize": (c_int, [P(DecimalText), P(c_double), c_size, c_int]),
    "kx_kendall_w": (c_int, [P(KendallResult), P(c_double), c_size, c_size,
                             P(KendallOptions)]),
}

for _name, (_res, _args) in _PROTOTYPES.items():
    _f = getattr(lib, _name)
    _f.restype = _res
    _f.argtypes = _args


def check(rc: int) -> int:
    """Raises the exception for a negative return code; returns rc otherwise."""
    if rc < 0:
        e = lib.kx_error_last().contents
        exc = errors.from_code(rc, _text(e.message), _text(e.rule), _text(e.article))
        exc.problems = _problems()
        raise exc
    return rc


def _problems() -> list[errors.DocumentProblem]:
    """The problems of the refused document behind the last error (often none)."""
    out = []
    for i in range(lib.kx_error_problem_count()):
        p = lib.kx_error_problem(i).contents
        out.append(errors.DocumentProblem(_text(p.pointer), p.line, p.column, _text(p.rule),
                                          _text(p.article), _text(p.message)))
    return out


def _text(raw: Optional[bytes]) -> str:
    # "replace": an error message quoting text that is not UTF-8 must not hide the
    # error behind a UnicodeDecodeError
    return raw.decode("utf-8", "replace") if raw else ""


def text(raw: Optional[bytes]) -> str:
    """A borrowed C string as str."""
    return _text(raw)


def owned_text(ptr: ctypes.c_void_p) -> str:
    """A library-allocated char* as str; frees it."""
    try:
        return ctypes.string_at(ptr).decode("utf-8")
    finally:
        lib.kx_string_free(ptr)


# --- argument checks: every value is checked here, before it reaches C ----------

U32_MAX = 2**32 - 1


def _integer(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("kexie: %s must be an int, not %s" % (what, type(value).__name__))
    return int(value)  # an IntEnum becomes its plain value


def document(value: Any, what: str) -> bytes:
    """A JSON document's bytes: str (as UTF-8), bytes, bytearray or memoryview.
    TypeError for anything else (bytes(n) of an int n would be n zero bytes)."""
    if isinstance(value, str):
        try:
            return value.encode("utf-8")
        except UnicodeEncodeError as e:
            raise ValueError("kexie: %s is not valid text (%s)" % (what, e.reason)) from None
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    raise TypeError("kexie: %s must be str or bytes, not %s" % (what, type(value).__name__))


def u32(value: Any, what: str) -> int:
    """An id or count for a uint32_t: an int in [0, 2**32)."""
    value = _integer(value, what)
    if not 0 <= value <= U32_MAX:
        raise ValueError("kexie: %s %d is out of range [0, 2**32)" % (what, value))
    return value


def opt_u32(value: Any, what: str) -> int:
    """An optional id: None is 0 (the C API's "none")."""
    return 0 if value is None else u32(value, what)


def i32(value: Any, what: str) -> int:
    """An int for a C int: in [-2**31, 2**31)."""
    value = _integer(value, what)
    if not -2**31 <= value < 2**31:
        raise ValueError("kexie: %s %d is out of range for a C int" % (what, value))
    return value


def size(value: Any, what: str) -> int:
    """A non-negative int for a size_t or an unsigned."""
    return u32(value, what)


def enum_in(value: Any, cls: Any, what: str) -> int:
    """An enumerator of `cls` (or its int value) as an int; ValueError for a value
    that is not one of cls's."""
    if isinstance(value, cls):
        return int(value)
    try:
        return int(cls(_integer(value, what)))
    except ValueError:
        raise ValueError("kexie: %r is not a %s" % (value, cls.__name__)) from None


def s(value: Optional[str], what: str = "text") -> Optional[bytes]:
    """A str (or None) as UTF-8 bytes for a const char *; TypeError for other
    types, ValueError for an embedded NUL or text that is not valid Unicode."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError("kexie: %s must be a str, not %s" % (what, type(value).__name__))
    if "\0" in value:
        raise ValueError("kexie: %s contains a NUL character" % what)
    try:
        return value.encode("utf-8")
    except UnicodeEncodeError as e:
        raise ValueError("kexie: %s is not valid Unicode (%s)" % (what, e.reason)) from None


#: kexie::Decimal's limits (include/kexie/decimal.hpp): at most 18 places after the
#: point (more is InvalidArgument) and a coefficient of at most 18 digits (more is
#: Overflow). Checked here on the number's exponent and digit count, before it is
#: written out as text, so that Decimal('1E+1000000000') is refused at once
#: instead of being expanded to a billion digits.
MAX_PLACES = 18
MAX_DIGITS = 18


def _decimal_text(value: decimal.Decimal, what: str) -> bytes:
    """A finite Decimal within kexie's limits as fixed-point text."""
    if not value.is_finite():
        raise ValueError("kexie: %s must be finite" % what)
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    places = -exponent if exponent < 0 else 0
    if places > MAX_PLACES:
        raise errors.InvalidArgument("kexie: %s has %d places after the point; at most %d"
                                     % (what, places, MAX_PLACES))
    if value.is_zero():
        if exponent > 0:  # 0E+1000000000 is 0
            value = decimal.Decimal((sign, (0,), 0))
        return format(value, "f").encode("ascii")
    written = len(digits) + (exponent if exponent > 0 else 0)
    if written > MAX_DIGITS:
        raise errors.Overflow("kexie: %s has %d significant digits; at most %d"
                              % (what, written, MAX_DIGITS))
    return format(value, "f").encode("ascii")


def dec_in(value: Any, what: str = "decimal") -> Optional[bytes]:
    """A decimal input (Decimal, int or str) as exact text; None stays None.
    TypeError for a float (inexact) or another type, ValueError for a str or
    Decimal that is not a finite number; InvalidArgument for more than 18 places
    and Overflow for more than 18 significant digits (kexie's decimal limits),
    both found without expanding the number."""
    if value is None:
        return None
    if isinstance(value, float):
        raise TypeError("kexie: pass decimals as decimal.Decimal, int or str, not float")
    if isinstance(value, bool) or not isinstance(value, (int, str, decimal.Decimal)):
        raise TypeError("kexie: %s must be a Decimal, int or str, not %s"
                        % (what, type(value).__name__))
    if isinstance(value, str):
        if "\0" in value:
            raise ValueError("kexie: %s contains a NUL character" % what)
        try:
            value = decimal.Decimal(value.strip()) if value.strip() else None
        except (decimal.InvalidOperation, ValueError):
            value = None
        if value is None:
            raise ValueError("kexie: %s is not a decimal number" % what)
    if isinstance(value, decimal.Decimal):
        return _decimal_text(value, what)
    value = int(value)  # an IntEnum becomes its plain value
    if not -10**MAX_DIGITS < value < 10**MAX_DIGITS:
        raise errors.Overflow("kexie: %s has more than %d significant digits"
                              % (what, MAX_DIGITS))
    return str(value).encode("ascii")


def path_in(value: Any, what: str = "path") -> bytes:
    """A file path (str or os.PathLike) as bytes for a const char *. TypeError for
    bytes-like objects (snapshot data is not a path: see load_snapshot_bytes) and
    other types, ValueError for an embedded NUL or an empty path."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        raise TypeError("kexie: %s must be a str or os.PathLike, not %s (for snapshot "
                        "bytes use kexie.load_snapshot_bytes)" % (what, type(value).__name__))
    if not isinstance(value, (str, os.PathLike)):
        raise TypeError("kexie: %s must be a str or os.PathLike, not %s"
                        % (what, type(value).__name__))
    raw = os.fsencode(value)
    if not isinstance(raw, bytes):
        raise TypeError("kexie: %s is not a path" % what)
    if b"\0" in raw:
        raise ValueError("kexie: %s contains a NUL character" % what)
    if not raw:
        raise ValueError("kexie: %s is empty" % what)
    return raw


def dec_out(raw: Optional[bytes]) -> Optional[decimal.Decimal]:
    """Decimal text (bytes) from the library as a Decimal."""
    text_ = raw.decode("ascii") if isinstance(raw, bytes) else raw
    return decimal.Decimal(text_) if text_ else None


_EPOCH = datetime.date(1970, 1, 1)
_EPOCH_TS = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
MAX_DAY = 2932896


def date_in(value: Optional[datetime.date], what: str = "date") -> Optional[bytes]:
    """A datetime.date (or "YYYY-MM-DD") as bytes; None stays None."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        raise TypeError("kexie: pass a datetime.date, not a datetime")
    if isinstance(value, datetime.date):
        return value.isoformat().encode("ascii")
    if isinstance(value, str):
        return s(value, what)
    raise TypeError("kexie: %s must be a datetime.date, not %s" % (what, type(value).__name__))


def date_out(days: int) -> datetime.date:
    """Days since 1970-01-01 as a datetime.date."""
    return _EPOCH + datetime.timedelta(days=days)


def time_in(value: datetime.datetime, what: str = "time") -> bytes:
    """An aware datetime (or ISO text) as bytes."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise ValueError("kexie: timestamps must be timezone-aware")
        return value.isoformat().encode("ascii")
    if isinstance(value, str):
        return s(value, what) or b""
    raise TypeError("kexie: %s must be a datetime.datetime, not %s"
                    % (what, type(value).__name__))


def time_out(micros: int) -> datetime.datetime:
    """Microseconds since the epoch as an aware UTC datetime."""
    return _EPOCH_TS + datetime.timedelta(microseconds=micros)


# --- ownership, lifetimes and locking ----------------------------------------------
#
# Every C handle is held by one _Node. A node may have a parent: the node of the
# C object it reads (a book or campaign over a registry, a scoreboard over its
# campaign, everything a loaded snapshot lends out over the snapshot). A node
# with live children is never freed: closing it only marks it closed, and the C
# object is freed when its last child goes. All the nodes of one tree (a
# registry, or a loaded snapshot, with everything built over it) share one
# readers-writer lock: read-only calls hold it shared, calls that change a C
# object hold it exclusively, and frees run only when nobody holds it. An Actor
# is a tree of its own. See docs/reliability.md, "Python binding".

_serials = itertools.count(1)


class RWLock:
    """A readers-writer lock, writer-preferring and not reentrant (the package
    never takes it twice on one thread), with deferred actions: ``defer(fn)``
    runs `fn` as soon as neither readers nor a writer hold the lock -- at once
    when free, else at the last release -- without waiting for them. Its state
    is guarded by ``mutex`` (reentrant, held only briefly, never while waiting);
    finalizers do not even wait for that (close_soon)."""

    def __init__(self) -> None:
        self.serial = next(_serials)  # the order locks are taken in, to avoid deadlocks
        self.mutex = threading.Condition(threading.RLock())
        self._readers = 0
        self._writer = False
        self._writers_waiting = 0
        self._deferred: list[Callable[[], None]] = []

    def acquire(self, write: bool) -> None:
        with self.mutex:
            if write:
                self._writers_waiting += 1
                try:
                    while self._writer or self._readers:
                        self.mutex.wait()
                finally:
                    self._writers_waiting -= 1
                self._writer = True
            else:
                while self._writer or self._writers_waiting:
                    self.mutex.wait()
                self._readers += 1

    def release(self, write: bool) -> None:
        with self.mutex:
            if write:
                self._writer = False
            else:
                self._readers -= 1
            self._run_deferred()
            self.mutex.notify_all()

    def defer(self, fn: Callable[[], None]) -> None:
        with self.mutex:
            self._deferred.append(fn)
            self._run_deferred()

    def _run_deferred(self) -> None:
        while self._deferred and not self._writer and not self._readers:
            fn = self._deferred.pop(0)
            try:
                fn()
            except Exception:  # a free never fails; never let one break the lock
                pass


class _Node:
    """One C handle: freed by `free` (None when borrowed) once closed and without
    children; `parent` is the node it reads, kept alive (and unfreed) by it."""

    __slots__ = ("handle", "free", "kind", "lock", "parent", "children", "closed")

    def __init__(self, handle: Any, free: Any, kind: str, lock: RWLock,
                 parent: Optional["_Node"]) -> None:
        self.handle = handle
        self.free = free
        self.kind = kind
        self.lock = lock
        self.parent = parent
        self.children = 0
        self.closed = False
        if parent is not None:
            with lock.mutex:
                parent.children += 1

    def close(self) -> None:
        with self.lock.mutex:
            if self.closed:
                return
            self.closed = True
            self.lock.defer(self._release)

    def _release(self) -> None:
        """Frees the handle when closed and childless; runs with the tree's lock
        free and its mutex held."""
        if self.handle is None or self.children or not self.closed:
            return
        handle, self.handle = self.handle, None
        if self.free is not None:
            self.free(handle)
        parent, self.parent = self.parent, None
        if parent is not None:
            parent.children -= 1
            parent._release()


#: Nodes whose Python object was collected while their tree's mutex was busy in
#: another thread: closed by the next call that finds the mutex free. A finalizer
#: may run on any thread at any allocation, even one inside a lock's mutex, so it
#: never waits for a mutex (two finalizers waiting for each other's would deadlock).
_finalized: "collections.deque[_Node]" = collections.deque()


def close_soon(node: _Node) -> None:
    """Closes `node` now if its tree's mutex is free (or held by this thread), else
    at the next call into the package; never blocks."""
    _finalized.append(node)
    _drain_finalized()


def _drain_finalized() -> None:
    for _ in range(len(_finalized)):
        try:
            node = _finalized.popleft()
        except IndexError:
            return
        if node.lock.mutex.acquire(blocking=False):
            try:
                node.close()
            finally:
                node.lock.mutex.release()
        else:
            _finalized.append(node)


def _refuse_copy(obj: Any) -> TypeError:
    return TypeError("kexie: a %s owns a C object and cannot be copied or pickled; share "
                     "the same object (it is safe to, see docs/reliability.md), or use "
                     "save_snapshot() and load_snapshot_bytes() for an independent copy"
                     % type(obj).__name__)


def node_of(obj: Any, cls: Any, what: str) -> _Node:
    """The live node of `obj`, which must be a `cls`: TypeError for another type,
    ValueError once closed."""
    if not isinstance(obj, cls):
        raise TypeError("kexie: %s must be a %s, not %s"
                        % (what, cls.__name__, type(obj).__name__))
    node = obj.__dict__.get("_node")
    if node is None or node.closed:
        raise ValueError("kexie: %s is closed" % type(obj).__name__)
    return node


@contextlib.contextmanager
def hold(*uses: tuple[Any, Any, str, bool]) -> Iterator[list[Any]]:
    """Checks each (object, class, what, write) and holds the locks of their trees
    -- exclusively where any of them is written, in a fixed order -- for the
    duration of the block, yielding the C handles (ValueError for a closed one)."""
    if _finalized:
        _drain_finalized()
    nodes = [node_of(obj, cls, what) for obj, cls, what, _ in uses]
    modes: dict[RWLock, bool] = {}
    for node, (_, _, _, write) in zip(nodes, uses):
        modes[node.lock] = modes.get(node.lock, False) or write
    taken: list[tuple[RWLock, bool]] = []
    try:
        for lock, write in sorted(modes.items(), key=lambda kv: kv[0].serial):
            lock.acquire(write)
            taken.append((lock, write))
        handles = []
        for node, (obj, _, _, _) in zip(nodes, uses):
            if node.closed or node.handle is None:  # closed by another thread meanwhile
                raise ValueError("kexie: %s is closed" % type(obj).__name__)
            handles.append(node.handle)
        yield handles
    finally:
        for lock, write in reversed(taken):
            lock.release(write)


class OwnedHandle:
    """Base of every Python object over one C handle. An owning object frees the
    handle by ``close()``, at the end of a ``with`` block, or when it is collected;
    using it after ``close()`` raises ValueError. Objects built over it (books and
    campaigns over a registry, scoreboards over a campaign) keep it alive: closing
    it while they live only marks it closed, and the C object is freed when the
    last of them goes. It cannot be copied or pickled (TypeError).

    A borrowed object stands for a handle that a loaded Snapshot owns; its
    ``close()`` only forgets the handle."""

    def _fresh(self) -> None:
        """Refuses to initialize an object twice (which would lose its handle)."""
        if self.__dict__.get("_node") is not None:
            raise TypeError("kexie: this %s is already initialized" % type(self).__name__)

    def _adopt(self, handle: Any, free: Any, parent: Optional[_Node] = None) -> None:
        """Takes `handle`, freed with `free` (None: borrowed); `parent` is the node
        of the object it reads. Called with the parent's lock held."""
        lock = parent.lock if parent is not None else RWLock()
        self.__dict__["_node"] = _Node(handle, free, type(self).__name__, lock, parent)

    @contextlib.contextmanager
    def _reading(self, cls: Any) -> Iterator[Any]:
        """Holds the tree's lock shared; yields the handle. `cls` is the class whose
        method runs, checked so that ``Registry.rollup(book, ...)`` is a TypeError."""
        with hold((self, cls, "self", False)) as handles:
            yield handles[0]

    @contextlib.contextmanager
    def _writing(self, cls: Any) -> Iterator[Any]:
        """Holds the tree's lock exclusively; yields the handle."""
        with hold((self, cls, "self", True)) as handles:
            yield handles[0]

    @property
    def borrowed(self) -> bool:
        """True when a loaded Snapshot owns the C handle."""
        node = self.__dict__.get("_node")
        return node is not None and node.free is None

    def close(self) -> None:
        """Frees the C handle -- once nothing built over it is left -- or only
        forgets it when borrowed; safe to call twice, and from any thread."""
        node = self.__dict__.get("_node")
        if node is not None:
            node.close()

    @property
    def closed(self) -> bool:
        """True after ``close()``."""
        node = self.__dict__.get("_node")
        return node is None or node.closed

    @property
    def handle(self) -> ctypes.c_void_p:
        """The raw C handle, for calling libkexie_c directly (unsynchronized: the
        caller keeps the thread-safety rules); ValueError once closed."""
        node = self.__dict__.get("_node")
        if node is None or node.closed or node.handle is None:
            raise ValueError("kexie: %s is closed" % type(self).__name__)
        return node.handle  # type: ignore[no-any-return]

    def __copy__(self) -> Any:
        raise _refuse_copy(self)

    def __deepcopy__(self, memo: Any) -> Any:
        raise _refuse_copy(self)

    def __reduce_ex__(self, protocol: Any) -> Any:
        raise _refuse_copy(self)

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            node = self.__dict__.get("_node")
            if node is not None and not node.closed:
                close_soon(node)
        except Exception:  # interpreter shutdown
            pass
