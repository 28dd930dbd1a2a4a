"""Judge assignment (分配评审专家) by min-cost flow: propose which judges of a
campaign's panel judge which entries, with the reasons, and record a proposal all or
nothing through the campaign's own ``assign`` path (docs/assignment.md).

A proposal is a plain value: the library's proposal is read out in full and its C
handle freed before ``propose_assignment`` returns, so it outlives nothing and may
be edited before it is applied."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from typing import Iterable, Optional

from . import _capi as C
from .campaign import Campaign
from .enums import TextEncoding
from .registry import Registry

__all__ = ["Availability", "JudgeChoice", "Exclusion", "EntryAssignment", "Proposal",
           "propose_assignment", "apply_assignment"]

U64_MAX = 2**64 - 1


_Pair, _Availability = C.AssignmentPair, C.JudgeAvailability
_Options, _Choice = C.AssignmentOptions, C.JudgeChoice
_OPTIONS_VERSION = 1


class _Handle:
    """Owns a kx_assignment (the library's proposal, with its explanation) for
    `Proposal.to_csv`; freed with the Proposal."""

    def __init__(self, handle: ctypes.c_void_p) -> None:
        self.handle = handle

    def __del__(self) -> None:
        if self.handle:
            C.lib.kx_assignment_free(self.handle)
            self.handle = None


@dataclass(frozen=True)
class Availability:
    """A judge's declared availability: their load range in this campaign (entries
    they already have count) and a cost per entry; ``max_load=0`` declares them
    unavailable.

    >>> kexie.Availability(judge=3, max_load=4, cost_per_entry=20)
    """

    judge: int
    min_load: int = 0
    max_load: int = 0
    cost_per_entry: int = 0

    def __post_init__(self) -> None:
        for f in ("judge", "min_load", "max_load", "cost_per_entry"):
            C.u32(getattr(self, f), "Availability." + f)


@dataclass(frozen=True)
class JudgeChoice:
    """Why a judge was chosen for an entry."""

    judge: int
    kept: bool                 #: already assigned before the proposal
    expertise: bool            #: a listing of theirs names the entry's category
    organization: int          #: the organization counted for spread
    shares_organization: bool  #: another judge of the entry is from it too
    cost: int                  #: what the pair adds to the proposal's cost


@dataclass(frozen=True)
class Exclusion:
    """A judge a hard rule kept off an entry, with the rule id and the reason."""

    judge: int
    rule: str
    reason: str


@dataclass(frozen=True)
class EntryAssignment:
    """One entry of a proposal: its judges and why, and who was excluded."""

    entry: int
    judges: tuple[JudgeChoice, ...]
    excluded: tuple[Exclusion, ...]


@dataclass(frozen=True)
class Proposal:
    """A proposed assignment: the new (judge, entry) pairs, the total cost and, for
    each entry, the reasons.

    >>> p = kexie.propose_assignment(c, seed=7)
    >>> p.pairs[:2]
    [(4, 1), (5, 1)]
    """

    pairs: list[tuple[int, int]]
    cost: int
    entries: dict[int, EntryAssignment] = field(default_factory=dict)
    _handle: Optional[_Handle] = field(default=None, repr=False, compare=False)

    def to_csv(self, campaign: Campaign, *, chinese: bool = False, explain: bool = True,
               encoding: TextEncoding = TextEncoding.UTF8) -> bytes:
        """The new pairs as an assignments CSV file the office can edit and
        ``Campaign.import_assignments_csv`` reads back: judge (the external key, 工号)
        and entry (the application number), then judge_name, organization, expertise,
        shares_organization and cost unless ``explain=False``; Chinese headers (评委,
        项目编号, ...) with ``chinese=True``. `campaign` is the proposal's campaign.
        InvalidArgument (rule table.field) for a judge without an external key; ValueError
        for a proposal whose pairs were edited (write the edited file yourself).

        >>> open("assignments.csv", "wb").write(p.to_csv(c))
        """
        if self._handle is None or not self._handle.handle:
            raise ValueError("kexie: this Proposal was not made by propose_assignment")
        if self.pairs != _read_pairs(self._handle.handle):
            raise ValueError("kexie: the proposal's pairs were edited; to_csv writes the "
                             "library's proposal only")
        if not isinstance(campaign, Campaign):
            raise TypeError("kexie: campaign must be a Campaign, not %s"
                            % type(campaign).__name__)
        chinese_flag = _flag(chinese, "chinese")
        explain_flag = _flag(explain, "explain")
        encoding = C.enum_in(encoding, TextEncoding, "encoding")
        data, length = C.c_void_p(), C.c_size()
        with C.hold((campaign, Campaign, "campaign", False),
                    (campaign._registry, Registry, "registry", False)) as (h, reg):
            C.check(C.lib.kx_assignment_csv(ctypes.byref(data), ctypes.byref(length),
                                            self._handle.handle, h, reg, encoding,
                                            chinese_flag, explain_flag))
        try:
            return ctypes.string_at(data, length.value)
        finally:
            C.lib.kx_string_free(data)


def _u64(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("kexie: %s must be an int, not %s" % (what, type(value).__name__))
    if not 0 <= value <= U64_MAX:
        raise ValueError("kexie: %s %d is out of range [0, 2**64)" % (what, value))
    return int(value)


def _flag(value: object, what: str) -> int:
    if not isinstance(value, bool):
        raise TypeError("kexie: %s must be a bool, not %s" % (what, type(value).__name__))
    return 1 if value else 0


def propose_assignment(campaign: Campaign, *, judges_per_entry: int = 0,
                       load: Optional[tuple[int, int]] = None,
                       availability: Iterable[Availability] = (),
                       expertise_cost: int = 100, spread_cost: int = 50,
                       spread_required: bool = False, seed: int = 0,
                       candidates_per_entry: int = 0) -> Proposal:
    """Proposes judges for every entry of `campaign` (which it does not change).
    ``load=(min, max)`` declares every judge's load range (balanced within one when
    None). Raises InvalidArgument for options that do not fit the panel and
    RuleViolation ``assignment.load`` or ``assignment.infeasible`` (A12), whose
    message names the entries that cannot reach their judges and why.

    >>> p = kexie.propose_assignment(c, seed=2025, spread_required=True)
    >>> kexie.apply_assignment(c, p)
    """
    if not isinstance(campaign, Campaign):
        raise TypeError("kexie: campaign must be a Campaign, not %s" % type(campaign).__name__)
    declared = list(availability)
    for a in declared:
        if not isinstance(a, Availability):
            raise TypeError("kexie: availability items must be Availability, not %s"
                            % type(a).__name__)
    arr = (_Availability * max(len(declared), 1))()
    for i, a in enumerate(declared):
        arr[i] = _Availability(a.judge, a.min_load, a.max_load, a.cost_per_entry)
    o = _Options()
    o.version = _OPTIONS_VERSION
    o.judges_per_entry = C.u32(judges_per_entry, "judges_per_entry")
    if load is not None:
        if not isinstance(load, tuple) or len(load) != 2:
            raise TypeError("kexie: load must be a (min, max) tuple")
        o.declare_load = 1
        o.load_min = C.u32(load[0], "load[0]")
        o.load_max = C.u32(load[1], "load[1]")
    o.availability = arr
    o.availability_count = len(declared)
    o.expertise_cost = C.u32(expertise_cost, "expertise_cost")
    o.spread_cost = C.u32(spread_cost, "spread_cost")
    o.spread_required = _flag(spread_required, "spread_required")
    o.seed = _u64(seed, "seed")
    o.candidates_per_entry = C.u32(candidates_per_entry, "candidates_per_entry")
    handle = C.c_void_p()
    with C.hold((campaign, Campaign, "campaign", False)) as (h,):
        C.check(C.lib.kx_assignment_propose(ctypes.byref(handle), h, ctypes.byref(o)))
    owner = _Handle(handle)  # frees the handle when the Proposal goes
    return _read(owner)


def _read_pairs(handle: ctypes.c_void_p) -> list[tuple[int, int]]:
    n, cost = C.c_size(), C.c_i64()
    C.check(C.lib.kx_assignment_summary(ctypes.byref(n), ctypes.byref(cost), handle))
    pairs = []
    pair = _Pair()
    for i in range(n.value):
        C.check(C.lib.kx_assignment_pair_at(ctypes.byref(pair), handle, i))
        pairs.append((pair.judge, pair.entry))
    return pairs


def _read(owner: _Handle) -> Proposal:
    handle = owner.handle
    n, cost = C.c_size(), C.c_i64()
    C.check(C.lib.kx_assignment_summary(ctypes.byref(n), ctypes.byref(cost), handle))
    pairs = _read_pairs(handle)
    entries: dict[int, EntryAssignment] = {}
    chosen, excluded = C.c_size(), C.c_size()
    entry = 1
    # Entries are numbered from 1 without gaps; the first unknown id ends the list.
    while C.lib.kx_assignment_entry(ctypes.byref(chosen), ctypes.byref(excluded), handle,
                                    entry) == 0:
        judges = []
        ch = _Choice()
        for i in range(chosen.value):
            C.check(C.lib.kx_assignment_choice(ctypes.byref(ch), handle, entry, i))
            judges.append(JudgeChoice(ch.judge, bool(ch.kept), bool(ch.expertise),
                                      ch.organization, bool(ch.shares_organization), ch.cost))
        out = []
        judge = C.c_u32()
        for i in range(excluded.value):
            rule, reason = C.c_void_p(), C.c_void_p()
            C.check(C.lib.kx_assignment_exclusion(ctypes.byref(judge), ctypes.byref(rule),
                                                  ctypes.byref(reason), handle, entry, i))
            out.append(Exclusion(judge.value, C.owned_text(rule), C.owned_text(reason)))
        entries[entry] = EntryAssignment(entry, tuple(judges), tuple(out))
        entry += 1
    return Proposal(pairs, cost.value, entries, owner)


def apply_assignment(campaign: Campaign, proposal: Proposal) -> None:
    """Records a proposal's pairs, all or nothing (see `Campaign.assign_all`).

    >>> kexie.apply_assignment(c, kexie.propose_assignment(c))
    """
    if not isinstance(proposal, Proposal):
        raise TypeError("kexie: proposal must be a Proposal, not %s" % type(proposal).__name__)
    if not isinstance(campaign, Campaign):
        raise TypeError("kexie: campaign must be a Campaign, not %s" % type(campaign).__name__)
    campaign.assign_all(proposal.pairs)
