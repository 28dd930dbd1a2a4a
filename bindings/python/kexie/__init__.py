"""kexie for Python: the rules, lifecycle and exact campaign scoring of enterprise
S&T associations (企业科协), over the stable C API (libkexie_c) with ctypes.

Dates are datetime.date, instants timezone-aware datetime.datetime, exact
numbers decimal.Decimal; every refusal raises a KexieError subclass carrying
the message, the rule id and the policy article. Results are frozen dataclasses;
queries return lists.

Objects over C handles (Registry, ActivityBook, Campaign, Scoreboard, Actor,
Snapshot) may be shared between threads: read-only calls on one registry and what
is built over it run concurrently, calls that change it run alone. They cannot be
copied or pickled; a book, campaign or scoreboard keeps what it is built over
alive. Every argument is checked before it reaches C (docs/reliability.md).

>>> import kexie
>>> with kexie.Registry() as reg:
...     cast = reg.add_organization(kexie.OrgKind.NATIONAL, "中国科协",
...                                 effective=datetime.date(1958, 9, 18))

The library is found through KEXIE_LIBRARY, then next to the package and in the
install's ``<prefix>/lib``, then in this source checkout's build/<preset>/src/c
(dev, release, clang, coverage, in that order), then by the system loader; see
library_path().
"""

from __future__ import annotations

from . import _capi, enums
from .analysis import (AhpResult, KendallResult, ahp, citation, entropy_weights,
                       grid_emissions, kendall_w, parse_carrier, parse_unit, quantize_weights,
                       to_standard_coal)
from .assignment import (Availability, EntryAssignment, Exclusion, JudgeChoice, Proposal,
                         apply_assignment, propose_assignment)
from .campaign import (AdvancedPerson, AdvancedUnit, AwardTier, Campaign, CampaignSpec,
                       EntryResult, Indicator, PrizeRule, Scoreboard, Standing)
from .columns import TOTAL_SCALE, StandingColumns  # noqa: F401 (TOTAL_SCALE: a constant, not in __all__)
from .enums import *  # noqa: F401,F403 (the KX_* enumerations)
from .errors import (AlreadyExists, CallbackStopped, ConflictOfInterest, CorruptData, DocumentProblem,
                     IllegalTransition,
                     InconsistentJudgements, InternalError, InvalidArgument, KexieError,
                     KexieIOError, NotFound, OutOfMemory, Overflow, PermissionDenied,
                     RuleViolation, UnsupportedVersion)
from .guidance import (Coverage, CoverageCounts, CoverageGroup, Evaluation, EvaluationRow,
                       SgGapRow, add_enterprise,
                       add_sg_training, apply_founding, approve_founding, association_of,
                       attach_association, check_credit_code, coverage, coverage_document,
                       employ, founding_state,
                       record_support, refuse_founding, set_sg_training_interval,
                       sg_out_of_date, verify_founding_trail)
from .lifecycle import (Activity, ActivityBook, ActivityInfo, Actor, AuditRecord, check_backed,
                        AuditVerification)
from .registry import (Appointment, EducationStatus, Honour, Membership, MemberRow,
                       Organization, Person, Registry, Rollup)
from .services import (CandidateDecision, OverdueAnswer, ProposalInfo, QueuePlace, ServiceDesk,
                       ServiceRequestInfo, check_patent_number, recommend)
from .snapshot import Snapshot, load_snapshot, load_snapshot_bytes, save_snapshot

__version__: str = _capi.lib.kx_version_string().decode("ascii")


def version() -> str:
    """The loaded libkexie_c's version, e.g. "0.1.0".

    >>> kexie.version()
    '0.1.0'
    """
    return str(_capi.lib.kx_version_string().decode("ascii"))


def library_path() -> str:
    """The path of the libkexie_c that was loaded.

    >>> kexie.library_path()
    '/usr/local/lib/libkexie_c.so'
    """
    return str(_capi.lib._name)


__all__ = [
    # analysis
    "AhpResult", "KendallResult", "ahp", "citation", "entropy_weights", "grid_emissions",
    "kendall_w", "parse_carrier", "parse_unit", "quantize_weights", "to_standard_coal",
    # assignment
    "Availability", "EntryAssignment", "Exclusion", "JudgeChoice", "Proposal",
    "apply_assignment", "propose_assignment",
    # campaign
    "AdvancedPerson", "AdvancedUnit", "AwardTier", "Campaign", "CampaignSpec", "EntryResult",
    "Indicator", "PrizeRule", "Scoreboard", "Standing", "StandingColumns",
    # errors
    "AlreadyExists", "CallbackStopped", "ConflictOfInterest", "CorruptData", "DocumentProblem",
    "IllegalTransition",
    "InconsistentJudgements", "InternalError", "InvalidArgument", "KexieError", "KexieIOError",
    "NotFound", "OutOfMemory", "Overflow", "PermissionDenied", "RuleViolation",
    "UnsupportedVersion",
    # guidance (issue 19)
    "Coverage", "CoverageCounts", "CoverageGroup", "Evaluation", "EvaluationRow", "SgGapRow",
    "add_enterprise",
    "add_sg_training", "apply_founding", "approve_founding", "association_of",
    "attach_association", "check_credit_code", "coverage", "coverage_document", "employ",
    "founding_state",
    "record_support", "refuse_founding", "set_sg_training_interval", "sg_out_of_date",
    "verify_founding_trail",
    # lifecycle
    "Activity", "ActivityBook", "ActivityInfo", "Actor", "AuditRecord", "AuditVerification",
    "check_backed",
    # registry
    "Appointment", "EducationStatus", "Honour", "Membership", "MemberRow", "Organization",
    "Person", "Registry", "Rollup",
    # services
    "CandidateDecision", "OverdueAnswer", "ProposalInfo", "QueuePlace", "ServiceDesk",
    "ServiceRequestInfo", "check_patent_number", "recommend",
    # snapshot
    "Snapshot", "load_snapshot", "load_snapshot_bytes", "save_snapshot",
    # this module
    "version", "library_path",
]
__all__ += enums.__all__  # the KX_* enumerations
