"""kexie for Python: the rules, lifecycle and exact campaign scoring of enterprise
S&T associations (企业科协), over the stable C API (libkexie_c) with ctypes.

Dates are datetime.date, instants timezone-aware datetime.datetime, exact
numbers decimal.Decimal; every refusal raises a KexieError subclass carrying
the message, the rule id and the policy article.

>>> import kexie
>>> with kexie.Registry() as reg:
...     cast = reg.add_organization(kexie.OrgKind.NATIONAL, "中国科协",
...                                 effective=datetime.date(1958, 9, 18))

The library is found through KEXIE_C_LIBRARY, then a build tree next to this
source checkout, then an install next to the package, then the system loader.
"""

from . import _capi
from .analysis import (AhpResult, KendallResult, ahp, citation, entropy_weights,
                       grid_emissions, kendall_w, parse_carrier, parse_unit, quantize_weights,
                       to_standard_coal)
from .campaign import (AdvancedPerson, AdvancedUnit, AwardTier, Campaign, EntryResult,
                       Indicator, Scoreboard, Standing)
from .enums import *  # noqa: F401,F403 (the KX_* enumerations)
from .errors import (AlreadyExists, ConflictOfInterest, CorruptData, IllegalTransition,
                     InconsistentJudgements, InternalError, InvalidArgument, KexieError,
                     KexieIOError, NotFound, Overflow, PermissionDenied, RuleViolation,
                     UnsupportedVersion)
from .lifecycle import Activity, ActivityBook, ActivityInfo, Actor, AuditRecord, \
    AuditVerification
from .registry import Membership, MemberRow, Organization, Person, Registry, Rollup
from .snapshot import Snapshot, load_snapshot, save_snapshot

__version__ = _capi.lib.kx_version_string().decode("ascii")


def version():
    """The loaded libkexie_c's version, e.g. "0.1.0"."""
    return _capi.lib.kx_version_string().decode("ascii")


def library_path():
    """The path of the libkexie_c that was loaded."""
    return _capi.lib._name
