"""Judge assignment (分配评审专家) by min-cost flow: propose which judges of a
campaign's panel judge which entries, with the reasons, and record a proposal all or
nothing through the campaign's own ``assign`` path (docs/assignment.md).

A proposal is a plain value: the library's proposal is read out in full and its C
handle freed before ``propose_assignment`` returns, so it outlives nothing and may
be edited before it is applied."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

from . import _capi as C
from .campaign import Campaign

__all__ = ["Availability", "JudgeChoice", "Exclusion", "EntryAssignment", "Proposal",
           "propose_assignment", "apply_assignment", "assign_all"]

U64_MAX = 2**64 - 1


class _Pair(ctypes.Structure):
    _fields_ = [("judge", C.c_u32), ("entry", C.c_u32)]


class _Availability(ctypes.Structure):
    _fields_ = [("judge", C.c_u32), ("min_load", C.c_u32), ("max_load", C.c_u32),
                ("cost_per_entry", C.c_u32)]


class _Options(ctypes.Structure):
    _fields_ = [("version", C.c_uint), ("judges_per_entry", C.c_u32), ("declare_load", C.c_int),
                ("load_min", C.c_u32), ("load_max", C.c_u32),
                ("availability", C.P(_Availability)), ("availability_count", C.c_size),
                ("expertise_cost", C.c_u32), ("spread_cost", C.c_u32),
                ("spread_required", C.c_int), ("seed", ctypes.c_uint64),
                ("candidates_per_entry", C.c_u32)]


class _Choice(ctypes.Structure):
    _fields_ = [("judge", C.c_u32), ("kept", C.c_int), ("expertise", C.c_int),
                ("organization", C.c_u32), ("shares_organization", C.c_int), ("cost", C.c_i64)]


_OPTIONS_VERSION = 1
_H = C.c_void_p
# The prototypes of this module's C functions (kexie.h, section "assignment").
for _name, _res, _args in (
        ("kx_assignment_propose", C.c_int, [C.P(_H), _H, C.P(_Options)]),
        ("kx_assignment_free", None, [_H]),
        ("kx_assignment_summary", C.c_int, [C.P(C.c_size), C.P(C.c_i64), _H]),
        ("kx_assignment_pair_at", C.c_int, [C.P(_Pair), _H, C.c_size]),
        ("kx_assignment_entry", C.c_int, [C.P(C.c_size), C.P(C.c_size), _H, C.c_u32]),
        ("kx_assignment_choice", C.c_int, [C.P(_Choice), _H, C.c_u32, C.c_size]),
        ("kx_assignment_exclusion", C.c_int, [C.P(C.c_u32), C.P(C.c_void_p), C.P(C.c_void_p),
                                              _H, C.c_u32, C.c_size]),
        ("kx_campaign_assign_all", C.c_int, [_H, C.P(_Pair), C.c_size, C.P(C.c_size)])):
    _f = getattr(C.lib, _name)
    _f.restype = _res
    _f.argtypes = _args


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
    with campaign._reading(Campaign) as h:
        C.check(C.lib.kx_assignment_propose(ctypes.byref(handle), h, ctypes.byref(o)))
    try:
        return _read(handle)
    finally:
        C.lib.kx_assignment_free(handle)


def _read(handle: ctypes.c_void_p) -> Proposal:
    n, cost = C.c_size(), C.c_i64()
    C.check(C.lib.kx_assignment_summary(ctypes.byref(n), ctypes.byref(cost), handle))
    pairs = []
    pair = _Pair()
    for i in range(n.value):
        C.check(C.lib.kx_assignment_pair_at(ctypes.byref(pair), handle, i))
        pairs.append((pair.judge, pair.entry))
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
    return Proposal(pairs, cost.value, entries)


def assign_all(campaign: Campaign, pairs: Sequence[tuple[int, int]]) -> None:
    """Records (judge, entry) `pairs` through ``Campaign.assign``'s path, all or
    nothing: a pair it would refuse raises (its message says which pair) and nothing
    is recorded.

    >>> kexie.assign_all(c, [(1, 1), (2, 1)])
    """
    if not isinstance(campaign, Campaign):
        raise TypeError("kexie: campaign must be a Campaign, not %s" % type(campaign).__name__)
    items = list(pairs)
    arr = (_Pair * max(len(items), 1))()
    for i, p in enumerate(items):
        if not isinstance(p, tuple) or len(p) != 2:
            raise TypeError("kexie: pairs must be (judge, entry) tuples")
        arr[i] = _Pair(C.u32(p[0], "judge"), C.u32(p[1], "entry"))
    with campaign._writing(Campaign) as h:
        C.check(C.lib.kx_campaign_assign_all(h, arr, len(items), None))


def apply_assignment(campaign: Campaign, proposal: Proposal) -> None:
    """Records a proposal's pairs, all or nothing (see `assign_all`).

    >>> kexie.apply_assignment(c, kexie.propose_assignment(c))
    """
    if not isinstance(proposal, Proposal):
        raise TypeError("kexie: proposal must be a Proposal, not %s" % type(proposal).__name__)
    assign_all(campaign, proposal.pairs)
