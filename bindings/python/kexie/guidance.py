"""Growing and guiding associations (DOMAIN.md §6, A11, A13–A15): enterprises
with their unified social credit codes, employment and yearly support, the
founding lifecycle (筹建 → 成立 or refusal) with its hash-chained trail, coverage
of a local's area, and secretary-general training. Functions over a Registry,
like kexie/guidance.hpp; the facts live in the registry (its snapshots keep them).

>>> e = kexie.add_enterprise(reg, "杭汽轮", "914403001922038216", local=city,
...                          registered=date(1958, 1, 1))
>>> kexie.coverage(reg, city, date(2025, 12, 31)).total.without_association
1
"""

from __future__ import annotations

import ctypes
import datetime
import decimal
from dataclasses import dataclass
from typing import Any, Optional, Union

from . import _capi as C
from .enums import AuditFault, CoverageDimension, FoundingState, Ownership, SgGap
from .lifecycle import AuditVerification
from .registry import Registry

__all__ = ["Evaluation", "EvaluationRow", "CoverageCounts", "CoverageGroup", "Coverage", "SgGapRow", "check_credit_code",
           "add_enterprise", "attach_association", "association_of", "employ",
           "record_support", "apply_founding", "approve_founding", "refuse_founding",
           "founding_state", "verify_founding_trail", "coverage", "coverage_document",
           "add_sg_training",
           "set_sg_training_interval", "sg_out_of_date"]

DecimalLike = Union[decimal.Decimal, int, str]


@dataclass(frozen=True)
class CoverageCounts:
    """Enterprise counts of one coverage group (kexie::CoverageCounts)."""

    enterprises: int
    with_association: int
    without_association: int
    workers: int
    workers_covered: int


@dataclass(frozen=True)
class CoverageGroup:
    """One group of a coverage breakdown: its dimension, value and counts."""

    dimension: CoverageDimension
    value: str
    counts: CoverageCounts


@dataclass(frozen=True)
class Coverage:
    """Coverage of an area on a day: totals and groups (kexie::Coverage)."""

    total: CoverageCounts
    groups: list[CoverageGroup]


@dataclass(frozen=True)
class SgGapRow:
    """An association whose secretary-general is not current (kexie::SgStatus)."""

    association: int
    secretary_general: Optional[int]
    gap: SgGap


def _counts(c: Any) -> CoverageCounts:
    return CoverageCounts(c.enterprises, c.with_association, c.without_association, c.workers,
                          c.workers_covered)


def _flag(value: Any, what: str) -> int:
    if not isinstance(value, bool):
        raise TypeError("kexie: %s must be a bool" % what)
    return 1 if value else 0


def check_credit_code(code: str) -> None:
    """Checks a unified social credit code (GB 32100-2015); raises InvalidArgument
    (rule ``enterprise.credit_code``) naming what is wrong.

    >>> kexie.check_credit_code("91350100M000100Y43")
    """
    C.check(C.lib.kx_credit_code_check(C.s(code, "code")))


def add_enterprise(reg: Registry, name: str, credit_code: str, *, local: int,
                   registered: datetime.date, ownership: Ownership = Ownership.UNSPECIFIED,
                   industry: Optional[str] = None, region: Optional[str] = None,
                   high_tech_zone: bool = False, development_zone: bool = False,
                   new_economy: bool = False) -> int:
    """Registers an enterprise, with or without an association; returns its id.

    >>> kexie.add_enterprise(reg, "杭汽轮", "914403001922038216", local=city,
    ...                      registered=date(1958, 1, 1), high_tech_zone=True)
    """
    spec = C.EnterpriseSpec(1, C.s(name, "name"), C.s(credit_code, "credit_code"),
                            C.enum_in(ownership, Ownership, "ownership"),
                            C.s(industry, "industry"), C.s(region, "region"),
                            _flag(high_tech_zone, "high_tech_zone"),
                            _flag(development_zone, "development_zone"),
                            _flag(new_economy, "new_economy"), C.u32(local, "local"),
                            C.date_in(registered, "registered"))
    out = C.c_u32()
    with C.hold((reg, Registry, "reg", True)) as (h,):
        C.check(C.lib.kx_enterprise_add(ctypes.byref(out), h, ctypes.byref(spec)))
    return out.value


def attach_association(reg: Registry, enterprise: int, association: int,
                       first: datetime.date) -> None:
    """Ties an existing enterprise association to its enterprise from `first`.

    >>> kexie.attach_association(reg, e, steel, date(2001, 1, 1))
    """
    with C.hold((reg, Registry, "reg", True)) as (h,):
        C.check(C.lib.kx_enterprise_attach(h, C.u32(enterprise, "enterprise"),
                                           C.u32(association, "association"),
                                           C.date_in(first, "first")))


def association_of(reg: Registry, enterprise: int, on: datetime.date) -> Optional[int]:
    """The enterprise's association on `on`, or None.

    >>> kexie.association_of(reg, e, date(2025, 12, 31)) is None
    True
    """
    out = C.c_u32()
    with C.hold((reg, Registry, "reg", False)) as (h,):
        C.check(C.lib.kx_enterprise_association(ctypes.byref(out), h,
                                                 C.u32(enterprise, "enterprise"),
                                                 C.date_in(on, "on")))
    return out.value or None


def employ(reg: Registry, person: int, enterprise: int, first: datetime.date,
           last: Optional[datetime.date] = None) -> None:
    """Records that `person` is employed by `enterprise` (one at a time, A1).

    >>> kexie.employ(reg, li, e, date(2019, 7, 1))
    """
    with C.hold((reg, Registry, "reg", True)) as (h,):
        C.check(C.lib.kx_enterprise_employ(h, C.u32(person, "person"),
                                           C.u32(enterprise, "enterprise"),
                                           C.date_in(first, "first"), C.date_in(last, "last")))


def record_support(reg: Registry, enterprise: int, year: int, full_time_staff: int = 0,
                   part_time_staff: int = 0, budget_yuan: DecimalLike = 0,
                   facilities_m2: DecimalLike = 0) -> None:
    """Records the support (人员、经费、工作条件, A14) the enterprise gives in `year`.

    >>> kexie.record_support(reg, e, 2025, 2, 5, Decimal("300000"), Decimal("120.5"))
    """
    with C.hold((reg, Registry, "reg", True)) as (h,):
        C.check(C.lib.kx_enterprise_support(
            h, C.u32(enterprise, "enterprise"), C.i32(year, "year"),
            C.u32(full_time_staff, "full_time_staff"), C.u32(part_time_staff, "part_time_staff"),
            C.dec_in(budget_yuan, "budget_yuan"), C.dec_in(facilities_m2, "facilities_m2")))


def apply_founding(reg: Registry, enterprise: int, local: int, name: str, applicant: int,
                   at: datetime.datetime, proxy: Optional[int] = None) -> int:
    """The preparatory group (筹建) applies to `local`; returns the application's id.

    >>> f = kexie.apply_founding(reg, e, city, "杭汽轮科协", zhang, at)
    """
    out = C.c_u32()
    with C.hold((reg, Registry, "reg", True)) as (h,):
        C.check(C.lib.kx_founding_apply(ctypes.byref(out), h, C.u32(enterprise, "enterprise"),
                                        C.u32(local, "local"), C.s(name, "name"),
                                        C.u32(applicant, "applicant"), C.opt_u32(proxy, "proxy"),
                                        C.time_in(at, "at")))
    return out.value


def approve_founding(reg: Registry, founding: int, actor: int, at: datetime.datetime,
                     founded: datetime.date, reason: Optional[str] = None) -> int:
    """The local approves (成立); returns the new association's organization id.

    >>> kx = kexie.approve_founding(reg, f, chair, at, date(2025, 5, 1), "条件具备")
    """
    out = C.c_u32()
    with C.hold((reg, Registry, "reg", True)) as (h,):
        C.check(C.lib.kx_founding_approve(ctypes.byref(out), h, C.u32(founding, "founding"),
                                          C.u32(actor, "actor"), C.time_in(at, "at"),
                                          C.date_in(founded, "founded"), C.s(reason, "reason")))
    return out.value


def refuse_founding(reg: Registry, founding: int, actor: int, at: datetime.datetime,
                    reason: str) -> None:
    """The local refuses the application, with a reason.

    >>> kexie.refuse_founding(reg, f, chair, at, "会员不足")
    """
    with C.hold((reg, Registry, "reg", True)) as (h,):
        C.check(C.lib.kx_founding_refuse(h, C.u32(founding, "founding"), C.u32(actor, "actor"),
                                         C.time_in(at, "at"), C.s(reason, "reason")))


def founding_state(reg: Registry, founding: int) -> FoundingState:
    """Where the application stands.

    >>> kexie.founding_state(reg, f) is kexie.FoundingState.APPROVED
    True
    """
    out = ctypes.c_int()
    with C.hold((reg, Registry, "reg", False)) as (h,):
        C.check(C.lib.kx_founding_get_state(ctypes.byref(out), h, C.u32(founding, "founding")))
    return FoundingState(out.value)


def verify_founding_trail(reg: Registry, expected_head: Optional[str] = None) -> AuditVerification:
    """Checks the founding trail's hash chain (against `expected_head`, "count:hex",
    when given).

    >>> kexie.verify_founding_trail(reg).fault is kexie.AuditFault.NONE
    True
    """
    out = C.AuditVerification()
    with C.hold((reg, Registry, "reg", False)) as (h,):
        C.check(C.lib.kx_founding_verify(ctypes.byref(out), h, C.s(expected_head, "head")))
    return AuditVerification(AuditFault(out.fault), out.first_bad)


def coverage(reg: Registry, area: int, on: datetime.date) -> Coverage:
    """Coverage of `area`'s area on `on`, with and without an association, by zone,
    new-economy flag, ownership, industry and region.

    >>> c = kexie.coverage(reg, city, date(2025, 12, 31))
    >>> c.total.with_association, len(c.groups) > 0
    """
    groups: list[CoverageGroup] = []

    def collect(dimension: int, value: bytes, counts: Any, _: object) -> int:
        groups.append(CoverageGroup(CoverageDimension(dimension), value.decode("utf-8"),
                                    _counts(counts.contents)))
        return 0

    total = C.CoverageCounts()
    with C.hold((reg, Registry, "reg", False)) as (h,):
        C.check(C.lib.kx_coverage(ctypes.byref(total), h, C.u32(area, "area"),
                                  C.date_in(on, "on"), C.COVERAGE_CB(collect), None))
    return Coverage(_counts(total), groups)


def coverage_document(reg: Registry, area: int, on: datetime.date,
                      since: Optional[datetime.date] = None) -> str:
    """The canonical kexie.coverage/1 text of `area`'s coverage on `on`; with `since`
    also the coverage on that earlier day and the enterprises newly covered and no
    longer covered.

    >>> text = kexie.coverage_document(reg, city, date(2025, 12, 31), since=date(2024, 12, 31))
    """
    out = C.c_void_p()
    with C.hold((reg, Registry, "reg", False)) as (h,):
        C.check(C.lib.kx_coverage_to_document(ctypes.byref(out), h, C.u32(area, "area"),
                                              C.date_in(on, "on"),
                                              None if since is None
                                              else C.date_in(since, "since")))
    return C.owned_text(out)


def add_sg_training(reg: Registry, person: int, date: datetime.date, hours: int,
                    organizer: int) -> None:
    """Records a secretary-general's training (秘书长培训, A15).

    >>> kexie.add_sg_training(reg, wang, date(2025, 5, 20), 16, province)
    """
    with C.hold((reg, Registry, "reg", True)) as (h,):
        C.check(C.lib.kx_sg_training_add(h, C.u32(person, "person"), C.date_in(date, "date"),
                                         C.i32(hours, "hours"), C.u32(organizer, "organizer")))


def set_sg_training_interval(reg: Registry, months: int) -> None:
    """How often secretaries-general must be trained (default 24 months).

    >>> kexie.set_sg_training_interval(reg, 12)
    """
    with C.hold((reg, Registry, "reg", True)) as (h,):
        C.check(C.lib.kx_sg_training_interval(h, C.i32(months, "months")))


def sg_out_of_date(reg: Registry, area: int, on: datetime.date) -> list[SgGapRow]:
    """The associations under `area` whose secretary-general is not current on `on`.

    >>> [r.gap for r in kexie.sg_out_of_date(reg, city, date(2025, 12, 31))]
    """
    rows: list[SgGapRow] = []

    def collect(association: int, sg: int, gap: int, _: object) -> int:
        rows.append(SgGapRow(association, sg or None, SgGap(gap)))
        return 0

    with C.hold((reg, Registry, "reg", False)) as (h,):
        C.check(C.lib.kx_sg_out_of_date_foreach(h, C.u32(area, "area"), C.date_in(on, "on"),
                                                C.SG_GAP_CB(collect), None))
    return rows


@dataclass(frozen=True)
class EvaluationRow:
    """One association's place in a yearly evaluation: rank (1 = best) and exact total."""

    association: int
    rank: int
    total: decimal.Decimal


class Evaluation(C.OwnedHandle):
    """The yearly evaluation (考核评价, A14) of the enterprise associations under a
    guiding local: a rubric given as rubric lines, objective indicators bound to
    figures by name (``{"B": "activities_completed"}`` or, narrowed to an activity
    type, ``{"B": ("activities_held", "science_popularization")}``), a panel.
    It keeps no reference to the registry or book; every call takes them.

    >>> ev = kexie.Evaluation(reg, city, 2025, "A|成效||judged|0.6|0|100|1\\n"
    ...     "B|培训||objective|0.4||||annual_benefit_yuan||0|100|100",
    ...     {"B": "secretary_general_trained"})
    """

    def __init__(self, reg: Registry, guide: int, year: int, rubric_lines: str,
                 figures: dict[str, Any], name: str = "考核评价") -> None:
        self._fresh()
        if not isinstance(figures, dict):
            raise TypeError("kexie: figures must be a dict of indicator code to figure, not %s"
                            % type(figures).__name__)
        rows = []
        for code, figure in figures.items():
            kind, activity_type = (figure, None) if isinstance(figure, str) else figure
            rows.append(C.FigureBinding(C.s(code, "indicator"), C.s(kind, "figure"),
                                        C.s(activity_type, "activity_type")))
        array = (C.FigureBinding * max(1, len(rows)))(*rows)
        h = C.c_void_p()
        with C.hold((reg, Registry, "reg", False)) as (r,):
            C.check(C.lib.kx_evaluation_new(ctypes.byref(h), r, C.u32(guide, "guide"),
                                            C.i32(year, "year"), C.s(name, "name"),
                                            C.s(rubric_lines, "rubric_lines"), array, len(rows)))
        self._adopt(h, C.lib.kx_evaluation_free)

    def add_judge(self, reg: Registry, judge: int) -> None:
        """Adds a judge to the panel.

        >>> ev.add_judge(reg, expert)
        """
        with C.hold((self, Evaluation, "self", True), (reg, Registry, "reg", False)) as (h, r):
            C.check(C.lib.kx_evaluation_add_judge(h, r, C.u32(judge, "judge")))

    def mark(self, reg: Registry, judge: int, association: int, indicator: str,
             value: DecimalLike) -> None:
        """Records a judge's mark on a judged indicator of an association.

        >>> ev.mark(reg, expert, kx, "A", Decimal("88"))
        """
        with C.hold((self, Evaluation, "self", True), (reg, Registry, "reg", False)) as (h, r):
            C.check(C.lib.kx_evaluation_mark(h, r, C.u32(judge, "judge"),
                                             C.u32(association, "association"),
                                             C.s(indicator, "indicator"),
                                             C.dec_in(value, "value")))

    def score(self, reg: Registry, book: Any) -> list[EvaluationRow]:
        """Every association's rank and total, best first.

        >>> [(r.association, r.total) for r in ev.score(reg, book)]
        """
        from .lifecycle import ActivityBook

        rows: list[EvaluationRow] = []

        def collect(association: int, rank: int, total: bytes, _: object) -> int:
            rows.append(EvaluationRow(association, rank, decimal.Decimal(total.decode("ascii"))))
            return 0

        with C.hold((self, Evaluation, "self", False), (reg, Registry, "reg", False),
                    (book, ActivityBook, "book", False)) as (h, r, b):
            C.check(C.lib.kx_evaluation_score_foreach(h, r, b, C.EVALUATION_RESULT_CB(collect),
                                                      None))
        return rows

    def to_document(self, reg: Registry, book: Any) -> str:
        """The canonical kexie.evaluation/1 text of the result: every association best
        first with its total, figures (and their facts), judged marks, and whether it
        holds the 先进企业科协 award for the following year.

        >>> doc = json.loads(ev.to_document(reg, book))
        """
        from .lifecycle import ActivityBook

        out = C.c_void_p()
        with C.hold((self, Evaluation, "self", False), (reg, Registry, "reg", False),
                    (book, ActivityBook, "book", False)) as (h, r, b):
            C.check(C.lib.kx_evaluation_to_document(ctypes.byref(out), h, r, b))
        return C.owned_text(out)

    def name_exemplary(self, reg: Registry, book: Any, count: int, min_total: DecimalLike,
                       actor: int, basis: str) -> int:
        """Names the best `count` associations at or above `min_total` 先进企业科协 for
        the following year; returns how many were named.

        >>> ev.name_exemplary(reg, book, 1, Decimal(80), chair, "2025 年度考核评价")
        1
        """
        from .lifecycle import ActivityBook

        named = ctypes.c_size_t()
        with C.hold((self, Evaluation, "self", False), (reg, Registry, "reg", True),
                    (book, ActivityBook, "book", False)) as (h, r, b):
            C.check(C.lib.kx_evaluation_name_exemplary(
                h, r, b, C.size(count, "count"), C.dec_in(min_total, "min_total"),
                C.u32(actor, "actor"), C.s(basis, "basis"), ctypes.byref(named)))
        return named.value
