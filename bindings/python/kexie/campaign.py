"""Campaigns (讲理想、比贡献): rubrics, entries, judges, marks, scoring, awards and
explanations, with exact decimals throughout."""

from __future__ import annotations

import array
import ctypes
import datetime
import decimal
import json
import os
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Optional, Sequence, Union

from . import _capi as C
from . import columns as _columns
from .enums import (AggregationMethod, BoundaryTies, Carrier, Category, EntryStatus, ExpertRule,
                    Figure, Phase,
                    Focus, IndicatorKind, Language, PatentStatus, PatentType,
                    ResultsExplanations, Rounding, TextEncoding, Unit)

from .registry import Registry

__all__ = ["AwardTier", "CampaignSpec", "Indicator", "Campaign", "Scoreboard", "Standing",
           "EntryResult", "AdvancedUnit", "AdvancedPerson"]

DecimalLike = Union[decimal.Decimal, int, str]


def _check_decimal(value: Any, what: str) -> None:
    C.dec_in(value, what)  # raises TypeError / ValueError now, not at the C call


@dataclass(frozen=True)
class AwardTier:
    """An award tier: exactly one of `share` (a decimal in [0, 1] of the eligible
    entries, turned into places with `rounding`) or `count` places; `min_score`
    is the lowest total that may receive it.

    >>> kexie.AwardTier("一等奖", share=Decimal("0.10"), min_score=80)
    >>> kexie.AwardTier("特等奖", count=1)
    """

    name: str
    share: Optional[DecimalLike] = None
    count: Optional[int] = None
    min_score: Optional[DecimalLike] = None
    rounding: Rounding = Rounding.FLOOR

    def __post_init__(self) -> None:
        C.s(self.name, "AwardTier.name")
        if (self.share is None) == (self.count is None):
            raise ValueError("kexie: AwardTier %r needs exactly one of share and count"
                             % self.name)
        _check_decimal(self.share, "AwardTier.share")
        if self.count is not None:
            C.u32(self.count, "AwardTier.count")
        _check_decimal(self.min_score, "AwardTier.min_score")
        C.enum_in(self.rounding, Rounding, "AwardTier.rounding")


@dataclass(frozen=True)
class Indicator:
    """One rubric indicator; decimals as Decimal, int or str; `tiers` a sequence
    of (at_least, points) pairs of an objective indicator reading `figure`.

    >>> kexie.Indicator("A.1", "创新性", "A", kexie.IndicatorKind.JUDGED, "0.5", 0, 100, "0.5")
    """

    code: str
    name: str
    parent: Optional[str]
    kind: IndicatorKind
    weight: Optional[DecimalLike] = None
    min: Optional[DecimalLike] = None
    max: Optional[DecimalLike] = None
    step: Optional[DecimalLike] = None
    figure: Optional[Figure] = None
    tiers: Optional[Sequence[tuple[DecimalLike, DecimalLike]]] = None
    floor: Optional[DecimalLike] = None
    per_unit: Optional[DecimalLike] = None
    cap: Optional[DecimalLike] = None
    bonus_cap: Optional[DecimalLike] = None
    #: Points sheets (``set_rubric(..., full_score=100)``): the indicator's maximum
    #: points, given instead of a weight.
    points: Optional[DecimalLike] = None
    #: Banded judged indicators: the figure that selects the band, and the bands as
    #: (at_least, min, max) triples — a figure selects the band with the highest
    #: threshold it reaches; marks must then lie within [min, max].
    band_figure: Optional[Figure] = None
    bands: Optional[Sequence[tuple[DecimalLike, DecimalLike, DecimalLike]]] = None

    def __post_init__(self) -> None:
        C.s(self.code, "Indicator.code")
        C.s(self.name, "Indicator.name")
        C.s(self.parent, "Indicator.parent")
        C.enum_in(self.kind, IndicatorKind, "Indicator.kind")
        for f in ("weight", "min", "max", "step", "floor", "per_unit", "cap", "bonus_cap"):
            _check_decimal(getattr(self, f), "Indicator." + f)
        if self.figure is not None:
            C.enum_in(self.figure, Figure, "Indicator.figure")
        if self.tiers is not None:
            tiers = tuple((a, p) for a, p in self.tiers)
            for a, p in tiers:
                _check_decimal(a, "Indicator.tiers")
                _check_decimal(p, "Indicator.tiers")
            object.__setattr__(self, "tiers", tiers)
        _check_decimal(self.points, "Indicator.points")
        if self.band_figure is not None:
            C.enum_in(self.band_figure, Figure, "Indicator.band_figure")
        if self.bands is not None:
            bands = tuple((a, lo, hi) for a, lo, hi in self.bands)
            for band in bands:
                for x in band:
                    _check_decimal(x, "Indicator.bands")
            if bands and self.band_figure is None:
                raise ValueError("kexie: Indicator.bands needs a band_figure")
            object.__setattr__(self, "bands", bands)


@dataclass(frozen=True)
class PrizeRule:
    """A prize (奖金) from a claimed figure (kexie::PrizeRule): `share` of the figure
    above `threshold`, at most `cap` yuan, rounded half-even to the fen; shown as
    EntryResult.prize, never part of a total, rank or tier.

    >>> kexie.PrizeRule(kexie.Figure.ANNUAL_BENEFIT_YUAN, 500000, "0.02", cap=50000)
    """

    figure: Figure
    threshold: DecimalLike
    share: DecimalLike
    cap: Optional[DecimalLike] = None
    awarded_only: bool = False

    def __post_init__(self) -> None:
        C.enum_in(self.figure, Figure, "PrizeRule.figure")
        for f in ("threshold", "share", "cap"):
            _check_decimal(getattr(self, f), "PrizeRule." + f)
        if not isinstance(self.awarded_only, bool):
            raise TypeError("kexie: PrizeRule.awarded_only must be a bool")


@dataclass(frozen=True)
class CampaignSpec:
    """A campaign's configuration (kexie::CampaignSpec, kx_campaign_options); every
    field but the first four has the C API's default. Checked when made (types and
    ranges); the library checks the rules when the Campaign is built.

    >>> spec = kexie.CampaignSpec("2025 讲比", province, date(2025, 11, 30), 2024,
    ...                           tiers=(kexie.AwardTier("一等奖", count=1, min_score=60),),
    ...                           tie_breaks=("objective_total", "indicator:A.1"))
    >>> campaign = kexie.Campaign(reg, spec)
    >>> stricter = dataclasses.replace(spec, min_judges=5)
    """

    #: The campaign's name.
    name: str
    #: The association running it (an organization id).
    organizer: int
    #: The day registry facts (employers, memberships) are read on.
    as_of: datetime.date
    #: The year of the claimed savings (grid emission factors).
    year: int
    #: Award tiers, best first.
    tiers: Sequence[AwardTier] = ()
    #: Tie-break chain after the total: "objective_total", "top_marks",
    #: "indicator:<code>", "figure:<figure name>".
    tie_breaks: Sequence[str] = ()
    aggregation: AggregationMethod = AggregationMethod.TRIMMED_MEAN
    #: Trimmed mean: marks dropped at each end, once an entry has `trim_from` marks.
    drop_low: int = 1
    drop_high: int = 1
    trim_from: int = 5
    #: Per-judge z-score normalization.
    normalize: bool = False
    min_judges: int = 3
    veto_threshold: int = 1
    max_judges_per_entry: int = 9
    #: Rank and award each category separately.
    rank_per_category: bool = True
    boundary_ties: BoundaryTies = BoundaryTies.BREAK_BY_CHAIN
    #: None is the library's default, 1.
    cusp_margin: Optional[DecimalLike] = None
    #: Advanced units (先进单位): awarded entries needed, and how many are named (0: all).
    unit_min_awarded: int = 2
    unit_max: int = 0
    #: Advanced individuals (先进个人): the tiers that count, the least share, the most named.
    people_top_tiers: int = 1
    people_min_share: Optional[DecimalLike] = None
    people_max: int = 0
    #: Eligibility: the largest team (0: no rule).
    max_team_size: int = 0
    #: Whom the expert rule (panel.expert, A8) applies to: campaigns bound to their
    #: activity by default.
    expert_rule: ExpertRule = ExpertRule.BOUND_CAMPAIGNS
    #: A judge's fields of expertise must name the entry's category (panel.expert_field).
    expert_field_match: bool = False
    #: Entries only from the organizer's subtree (entry.scope, A12).
    enforce_scope: bool = True
    #: The last day entries are accepted (campaign.entry_deadline), or None.
    entry_deadline: Optional[datetime.date] = None

    def __post_init__(self) -> None:
        C.s(self.name, "CampaignSpec.name")
        C.u32(self.organizer, "CampaignSpec.organizer")
        C.date_in(self.as_of, "CampaignSpec.as_of")
        C.i32(self.year, "CampaignSpec.year")
        tiers = tuple(self.tiers)
        for i, tier in enumerate(tiers):
            if not isinstance(tier, AwardTier):
                raise TypeError("kexie: CampaignSpec.tiers[%d] is not an AwardTier" % i)
            tier.__post_init__()  # again when used: object.__setattr__ can change it
        object.__setattr__(self, "tiers", tiers)
        if isinstance(self.tie_breaks, str):
            raise TypeError("kexie: CampaignSpec.tie_breaks is a sequence of str, not a str")
        tie_breaks = tuple(self.tie_breaks)
        for key in tie_breaks:
            C.s(key, "CampaignSpec.tie_breaks")
            if "," in key:
                raise ValueError("kexie: tie-break %r contains a comma" % key)
        object.__setattr__(self, "tie_breaks", tie_breaks)
        C.enum_in(self.aggregation, AggregationMethod, "CampaignSpec.aggregation")
        C.enum_in(self.boundary_ties, BoundaryTies, "CampaignSpec.boundary_ties")
        C.enum_in(self.expert_rule, ExpertRule, "CampaignSpec.expert_rule")
        if self.entry_deadline is not None:
            C.date_in(self.entry_deadline, "CampaignSpec.entry_deadline")
        for f in ("drop_low", "drop_high", "trim_from", "min_judges", "veto_threshold",
                  "max_judges_per_entry", "unit_min_awarded", "unit_max", "people_top_tiers",
                  "people_max", "max_team_size"):
            C.u32(getattr(self, f), "CampaignSpec." + f)
        _check_decimal(self.cusp_margin, "CampaignSpec.cusp_margin")
        _check_decimal(self.people_min_share, "CampaignSpec.people_min_share")


@dataclass(frozen=True)
class Standing:
    """An entry's total and places before awards (Campaign.standings).

    >>> campaign.standings()[0].status
    <EntryStatus.RANKED: 0>
    """

    entry: int
    status: EntryStatus
    total: Optional[decimal.Decimal]
    rank: int
    position: int


@dataclass(frozen=True)
class EntryResult:
    """One entry on a Scoreboard: its total and parts, places, and award (``tier``
    None and ``award`` "" when it has none).

    >>> board.find(e1).award
    '一等奖'
    """

    entry: int
    code: str
    unit: int
    enterprise: int
    category: Category
    status: EntryStatus
    total: Optional[decimal.Decimal]
    judged_part: Optional[decimal.Decimal]
    objective_part: Optional[decimal.Decimal]
    bonus: Optional[decimal.Decimal]
    rank: int
    position: int
    tier: Optional[int]
    award: str
    #: The prize in yuan (PrizeRule), None when the entry's rubric has no prize rule.
    prize: Optional[decimal.Decimal] = None


@dataclass(frozen=True)
class AdvancedUnit:
    """An advanced unit (先进单位) of a Scoreboard.

    >>> board.units()[0].awarded
    """

    unit: int
    entries: int
    awarded: int
    awarded_total: Optional[decimal.Decimal]
    participation_rate: Optional[decimal.Decimal]
    tce_saved: Optional[decimal.Decimal]


@dataclass(frozen=True)
class AdvancedPerson:
    """An advanced individual (先进个人) of a Scoreboard.

    >>> board.people()[0].credit
    """

    person: int
    best_tier: int
    credit: Optional[decimal.Decimal]
    entry_count: int


def _result(r: Any, board: Any = None) -> EntryResult:
    prize = None
    if board is not None:  # the board's handle, while it is held for reading
        raw = C.c_str()
        C.check(C.lib.kx_scoreboard_prize(ctypes.byref(raw), board, r.entry))
        prize = C.dec_out(raw.value)
    return EntryResult(r.entry, C.text(r.code), r.unit, r.enterprise, Category(r.category),
                       EntryStatus(r.status), C.dec_out(r.total), C.dec_out(r.judged_part),
                       C.dec_out(r.objective_part), C.dec_out(r.bonus), r.rank, r.position,
                       None if r.tier < 0 else r.tier, C.text(r.award), prize)


class Campaign(C.OwnedHandle):
    """A campaign over a Registry, configured by a CampaignSpec. The campaign keeps
    the registry alive, and its scoreboards keep the campaign alive.

    >>> spec = kexie.CampaignSpec("2025 讲比", province, date(2025, 11, 30), 2024,
    ...                           tiers=[kexie.AwardTier("一等奖", count=1, min_score=60)])
    >>> with kexie.Campaign(reg, spec) as c:
    ...     c.set_rubric_text(kexie.Category.INNOVATIVE_IDEAS, "细则", text)
    """

    def __init__(self, registry: Registry, spec: CampaignSpec, book: Any = None,
                 activity: Optional[int] = None) -> None:
        """A new campaign over `registry` (kept alive by the campaign: closing the
        registry first only marks it closed); InvalidArgument for a configuration
        the library refuses, TypeError for a `registry` that is not a Registry.
        With `book` and `activity`, the campaign is opened for that 讲比 activity
        (kexie::Campaign::open): its phases follow the activity.

        >>> c = kexie.Campaign(reg, spec, book=book, activity=a.id)   # bound
        """
        self._fresh()
        if not isinstance(registry, Registry):
            raise TypeError("kexie: registry must be a Registry, not %s"
                            % type(registry).__name__)
        if not isinstance(spec, CampaignSpec):
            raise TypeError("kexie: Campaign needs a CampaignSpec, not %s"
                            % type(spec).__name__)
        spec.__post_init__()  # again: object.__setattr__ can change a frozen dataclass
        keep: list[Any] = []  # the bytes the C structs point to, alive during the call
        tiers = spec.tiers
        tier_arr = (C.AwardTier * max(len(tiers), 1))()
        for i, t in enumerate(tiers):
            name, share, min_score = C.s(t.name), C.dec_in(t.share), C.dec_in(t.min_score)
            keep += [name, share, min_score]
            tier_arr[i] = C.AwardTier(name, 1 if t.count is not None else 0, share,
                                      C.u32(t.count or 0, "AwardTier.count"),
                                      C.enum_in(t.rounding, Rounding, "AwardTier.rounding"),
                                      min_score)
        opts = C.CampaignOptions(
            1, C.s(spec.name), spec.organizer, C.date_in(spec.as_of), spec.year,
            int(spec.aggregation), spec.drop_low, spec.drop_high, spec.trim_from,
            1 if spec.normalize else 0, spec.min_judges, spec.veto_threshold,
            spec.max_judges_per_entry, 1 if spec.rank_per_category else 0,
            C.s(",".join(spec.tie_breaks)) if spec.tie_breaks else None, tier_arr, len(tiers),
            int(spec.boundary_ties), C.dec_in(spec.cusp_margin), spec.unit_min_awarded,
            spec.unit_max, spec.people_top_tiers, C.dec_in(spec.people_min_share),
            spec.people_max, spec.max_team_size, C.enum_in(spec.expert_rule, ExpertRule,
                                                           "CampaignSpec.expert_rule"),
            1 if spec.expert_field_match else 0, 1 if spec.enforce_scope else 0,
            C.date_in(spec.entry_deadline, "CampaignSpec.entry_deadline")
            if spec.entry_deadline is not None else None)
        opts.version = 2
        h = C.c_void_p()
        if book is not None:
            from .lifecycle import ActivityBook
            with C.hold((registry, Registry, "registry", False),
                        (book, ActivityBook, "book", False)) as (reg, bh):
                C.check(C.lib.kx_campaign_open(ctypes.byref(h), reg, bh,
                                               C.u32(activity or 0, "activity"),
                                               ctypes.byref(opts)))
                self._adopt(h, C.lib.kx_campaign_free, registry.__dict__["_node"])
        else:
            with C.hold((registry, Registry, "registry", False)) as (reg,):
                C.check(C.lib.kx_campaign_new(ctypes.byref(h), reg, ctypes.byref(opts)))
                self._adopt(h, C.lib.kx_campaign_free, registry.__dict__["_node"])
        self._registry = registry
        del keep

    @classmethod
    def from_document(cls, registry: Registry, rules: str, entries: Optional[str] = None
                      ) -> Campaign:
        """A campaign over `registry` (read from a registry document, whose codes the
        documents use) from a kexie.campaign/1 document and, optionally, a
        kexie.entries/1 document with its entries, judges, assignments, marks and
        vetoes; all or nothing. A refused document raises the error of its first
        problem, with every problem in ``.problems``.

        >>> c = kexie.Campaign.from_document(reg, rules_text, entries_text)
        """
        if not isinstance(registry, Registry):
            raise TypeError("kexie: registry must be a Registry, not %s"
                            % type(registry).__name__)
        r = C.document(rules, "rules")
        e = None if entries is None else C.document(entries, "entries")
        self = cls.__new__(cls)
        self._fresh()
        h = C.c_void_p()
        with C.hold((registry, Registry, "registry", False)) as (reg,):
            C.check(C.lib.kx_campaign_from_documents(ctypes.byref(h), reg, r, len(r), e,
                                                     0 if e is None else len(e)))
            self._adopt(h, C.lib.kx_campaign_free, registry.__dict__["_node"])
        self._registry = registry
        return self

    def to_documents(self) -> tuple[str, str]:
        """The campaign as two canonical documents, (kexie.campaign/1,
        kexie.entries/1): its rules (AHP judgements kept where its rubrics came from a
        document) and its entries, judges (coded "J1", "J2", ... by id), assignments,
        marks and vetoes, named by the codes of the registry document its registry was
        read from. ``Campaign.from_document`` reads them back to the same digest.

        >>> rules, entries = c.to_documents()
        >>> again = kexie.Campaign.from_document(reg, rules, entries)
        """
        registry = self._registry
        rules = C.c_void_p()
        entries = C.c_void_p()
        with C.hold((self, Campaign, "campaign", False),
                    (registry, Registry, "registry", False)) as (c, r):
            C.check(C.lib.kx_campaign_to_documents(ctypes.byref(rules), ctypes.byref(entries),
                                                   c, r))
        rules_text = C.owned_text(rules)
        return rules_text, C.owned_text(entries)

    # --- rubrics -------------------------------------------------------------
    def set_rubric(self, category: Category, name: str, indicators: Sequence[Indicator],
                   *, full_score: Optional[DecimalLike] = None,
                   prize: Optional[PrizeRule] = None) -> None:
        """Sets `category`'s rubric from Indicators, parents before children. With
        `full_score`, a points sheet: indicators carry `points` instead of weights
        (children's points sum to the parent's, the first level to the full score);
        `prize` adds a PrizeRule. Indicators with `bands` confine judged marks to the
        band the entry's `band_figure` selects.

        >>> c.set_rubric(kexie.Category.INNOVATIVE_IDEAS, "创新思路评分细则", indicators)
        >>> c.set_rubric(kexie.Category.RATIONALIZATION_PROPOSALS, "百分制", sheet,
        ...              full_score=100, prize=kexie.PrizeRule(
        ...                  kexie.Figure.ANNUAL_BENEFIT_YUAN, 500000, "0.02"))
        """
        _check_decimal(full_score, "full_score")
        if prize is not None and not isinstance(prize, PrizeRule):
            raise TypeError("kexie: prize must be a PrizeRule")
        indicators = list(indicators)
        for i, ind in enumerate(indicators):
            if not isinstance(ind, Indicator):
                raise TypeError("kexie: indicators[%d] is not an Indicator" % i)
            ind.__post_init__()  # again: object.__setattr__ can change a frozen dataclass
        keep: list[Any] = []
        arr = (C.Indicator * max(len(indicators), 1))()
        for i, ind in enumerate(indicators):
            tiers = None
            if ind.tiers:
                tiers = ";".join("%s:%s" % (C.dec_in(a).decode(), C.dec_in(p).decode())
                                 for a, p in ind.tiers)
            fields = [C.s(ind.code), C.s(ind.name), C.s(ind.parent), int(ind.kind),
                      C.dec_in(ind.weight), C.dec_in(ind.min), C.dec_in(ind.max),
                      C.dec_in(ind.step), int(ind.figure or 0), C.s(tiers),
                      C.dec_in(ind.floor), C.dec_in(ind.per_unit), C.dec_in(ind.cap),
                      C.dec_in(ind.bonus_cap)]
            keep.append(fields)
            arr[i] = C.Indicator(*fields)
        extras = [ind for ind in indicators if ind.points is not None or ind.bands]
        if full_score is None and prize is None and not extras:
            with self._writing(Campaign) as h:
                C.check(C.lib.kx_campaign_set_rubric(h,
                                                     C.enum_in(category, Category, "category"),
                                                     C.s(name, "name"), arr, len(indicators)))
            return
        xs = (C.IndicatorExtra * max(len(extras), 1))()
        for i, ind in enumerate(extras):
            bands = (C.Band * max(len(ind.bands or ()), 1))()
            for k, (a, lo, hi) in enumerate(ind.bands or ()):
                bands[k] = C.Band(C.dec_in(a), C.dec_in(lo), C.dec_in(hi))
            keep.append(bands)
            xs[i] = C.IndicatorExtra(C.s(ind.code), C.dec_in(ind.points),
                                     int(ind.band_figure or 0), bands, len(ind.bands or ()))
        options = C.RubricOptions(C.RUBRIC_OPTIONS_VERSION, C.dec_in(full_score), xs,
                                  len(extras), None)
        if prize is not None:
            rule = C.PrizeRule(int(prize.figure), C.dec_in(prize.threshold),
                               C.dec_in(prize.share), C.dec_in(prize.cap),
                               1 if prize.awarded_only else 0)
            keep.append(rule)
            options.prize = ctypes.pointer(rule)
        with self._writing(Campaign) as h:
            C.check(C.lib.kx_campaign_set_rubric_ex(h,
                                                    C.enum_in(category, Category, "category"),
                                                    C.s(name, "name"), arr, len(indicators),
                                                    ctypes.byref(options)))

    def set_rubric_text(self, category: Category, name: str, text: str) -> None:
        """Sets `category`'s rubric from the line-based description of kexie.h
        (``code|name|parent|kind|weight|min|max|step|figure|tiers|floor|...``).

        >>> c.set_rubric_text(kexie.Category.INNOVATIVE_IDEAS, "细则", "A|a||judged|1|0|100|1")
        """
        with self._writing(Campaign) as h:
            C.check(C.lib.kx_campaign_set_rubric_text(h,
                                                      C.enum_in(category, Category, "category"),
                                                      C.s(name, "name"), C.s(text, "text")))

    def indicator_index(self, category: Category, code: str) -> int:
        """The index of indicator `code` in `category`'s rubric (what mark_many and
        mark_columns take); NotFound if none.

        >>> c.indicator_index(kexie.Category.INNOVATIVE_IDEAS, "A.1")
        1
        """
        out = C.c_u32()
        with self._reading(Campaign) as h:
            C.check(C.lib.kx_campaign_indicator_index(ctypes.byref(out), h,
                                                      C.enum_in(category, Category, "category"),
                                                      C.s(code, "code")))
        return out.value

    # --- entries and judges ----------------------------------------------------
    def add_entry(self, code: str, title: str, unit: int, category: Category,
                  team: Iterable[tuple[int, DecimalLike]], in_use_since: datetime.date,
                  focus: Union[Focus, int] = 0,
                  energy: Iterable[tuple[Carrier, DecimalLike, Unit]] = (),
                  patents: Iterable[tuple[PatentType, PatentStatus, str]] = (),
                  material_saved_t: Optional[DecimalLike] = None,
                  co2_avoided_t: Optional[DecimalLike] = None,
                  hours_saved: Optional[DecimalLike] = None,
                  efficiency_gain_percent: Optional[DecimalLike] = None,
                  annual_benefit_yuan: Optional[DecimalLike] = None,
                  achievements_transformed: int = 0,
                  submitted: Optional[datetime.date] = None) -> int:
        """Adds an entry and returns its id. `team` is a sequence of (person,
        share) with shares summing to 1, `energy` of (carrier, quantity, unit),
        `patents` of (patent type, patent status, number). `submitted` is the day
        the entry was submitted, checked against the campaign's entry deadline.

        >>> e = c.add_entry("E1", "余热回收改造", steel, kexie.Category.INNOVATIVE_IDEAS,
        ...                 [(pid, 1)], date(2024, 3, 1), annual_benefit_yuan=860000)
        """
        team_rows = [C.TeamShare(C.u32(p, "team person"), C.dec_in(share, "team share"))
                     for p, share in team]
        energy_rows = [C.EnergyClaim(C.enum_in(c, Carrier, "carrier"),
                                     C.dec_in(q, "energy quantity"),
                                     C.enum_in(u, Unit, "unit")) for c, q, u in energy]
        patent_rows = [C.Patent(C.enum_in(k, PatentType, "patent type"),
                                C.enum_in(st, PatentStatus, "patent status"),
                                C.s(n, "patent number")) for k, st, n in patents]
        team_arr = (C.TeamShare * max(len(team_rows), 1))(*team_rows)
        energy_arr = (C.EnergyClaim * max(len(energy_rows), 1))(*energy_rows)
        patent_arr = (C.Patent * max(len(patent_rows), 1))(*patent_rows)
        spec = C.EntrySpec(1, C.s(code, "code"), C.s(title, "title"), C.u32(unit, "unit"),
                           C.enum_in(category, Category, "category"), C.u32(focus, "focus"),
                           team_arr, len(team_rows), C.date_in(in_use_since, "in_use_since"),
                           energy_arr, len(energy_rows),
                           C.dec_in(material_saved_t, "material_saved_t"),
                           C.dec_in(co2_avoided_t, "co2_avoided_t"),
                           C.dec_in(hours_saved, "hours_saved"),
                           C.dec_in(efficiency_gain_percent, "efficiency_gain_percent"),
                           C.dec_in(annual_benefit_yuan, "annual_benefit_yuan"),
                           patent_arr, len(patent_rows),
                           C.u32(achievements_transformed, "achievements_transformed"))
        out = C.c_u32()
        with self._writing(Campaign) as h:
            if submitted is None:
                C.check(C.lib.kx_campaign_add_entry(ctypes.byref(out), h, ctypes.byref(spec)))
            else:
                C.check(C.lib.kx_campaign_add_entry_on(ctypes.byref(out), h, ctypes.byref(spec),
                                                       C.date_in(submitted, "submitted")))
        return out.value

    def find_entry(self, code: str) -> int:
        """The id of the entry `code`; NotFound if none.

        >>> c.find_entry("E1")
        """
        out = C.c_u32()
        with self._reading(Campaign) as h:
            C.check(C.lib.kx_campaign_find_entry(ctypes.byref(out), h, C.s(code, "code")))
        return out.value

    @property
    def phase(self) -> Phase:
        """Where the campaign stands in its 讲比 activity (Phase.UNBOUND when unbound).

        >>> c.phase
        <Phase.ENTRIES: 2>
        """
        out = ctypes.c_int()
        with self._reading(Campaign) as h:
            C.check(C.lib.kx_campaign_phase(ctypes.byref(out), h))
        return Phase(out.value)

    @property
    def bound(self) -> bool:
        """True when the campaign was opened for a 讲比 activity."""
        return self.phase != Phase.UNBOUND

    def digests(self) -> tuple[str, str]:
        """(scoreboard digest written at conclude, award-list digest written at commend);
        empty strings before.

        >>> scoreboard_digest, awards_digest = c.digests()
        """
        a, b = C.c_str(), C.c_str()
        with self._reading(Campaign) as h:
            C.check(C.lib.kx_campaign_digests(ctypes.byref(a), ctypes.byref(b), h))
        return (a.value or b"").decode(), (b.value or b"").decode()

    def conclude(self, book: Any, actor: Any, at: datetime.datetime,
                 evaluation_score: DecimalLike) -> str:
        """Concludes the campaign in 评估 and its activity; returns the scoreboard digest.

        >>> digest = c.conclude(book, secretary, at, 95)
        """
        from .lifecycle import ActivityBook, Actor
        score = C.dec_in(evaluation_score, "evaluation_score")
        with C.hold((self, Campaign, "self", True), (book, ActivityBook, "book", True),
                    (actor, Actor, "actor", False)) as (h, bh, ah):
            C.check(C.lib.kx_campaign_conclude(h, bh, ah, C.time_in(at, "at"), score))
        return self.digests()[0]

    def commend(self, book: Any, actor: Any, at: datetime.datetime) -> str:
        """Commends a concluded campaign: honours into the registry, the activity
        commended; returns the award-list digest.

        >>> awards = c.commend(book, chair, at)
        """
        from .lifecycle import ActivityBook, Actor
        with C.hold((self, Campaign, "self", True), (self._registry, Registry, "registry", True),
                    (book, ActivityBook, "book", True),
                    (actor, Actor, "actor", False)) as (h, rh, bh, ah):
            C.check(C.lib.kx_campaign_commend(h, rh, bh, ah, C.time_in(at, "at")))
        return self.digests()[1]

    def add_judge(self, person: int) -> int:
        """Adds `person` to the panel and returns the judge id.

        >>> j = c.add_judge(expert)
        """
        out = C.c_u32()
        with self._writing(Campaign) as h:
            C.check(C.lib.kx_campaign_add_judge(ctypes.byref(out), h,
                                                C.u32(person, "person")))
        return out.value

    def assign(self, judge: int, entry: int) -> None:
        """Assigns `entry` to `judge`; ConflictOfInterest when the judge works for
        the entry's enterprise.

        >>> c.assign(j, e)
        """
        with self._writing(Campaign) as h:
            C.check(C.lib.kx_campaign_assign(h, C.u32(judge, "judge"),
                                             C.u32(entry, "entry")))

    def assign_all(self, pairs: Any) -> None:
        """Assigns many (judge, entry) pairs through `assign`'s path, all or nothing: a
        pair it would refuse raises (its message says which, "assignment #n") and
        nothing is recorded.

        >>> c.assign_all([(1, 1), (2, 1)])
        """
        items = list(pairs)
        arr = (C.AssignmentPair * max(len(items), 1))()
        for i, p in enumerate(items):
            if not isinstance(p, tuple) or len(p) != 2:
                raise TypeError("kexie: pairs must be (judge, entry) tuples")
            arr[i] = C.AssignmentPair(C.u32(p[0], "judge"), C.u32(p[1], "entry"))
        with self._writing(Campaign) as h:
            C.check(C.lib.kx_campaign_assign_all(h, arr, len(items), None))

    # --- CSV tables (docs/tables.md) --------------------------------------------
    def _import_csv(self, fn: Any, path: Any, encoding: TextEncoding) -> None:
        path_bytes = C.s(os.fspath(path), "path")
        encoding = C.enum_in(encoding, TextEncoding, "encoding")
        with C.hold((self, Campaign, "campaign", True),
                    (self._registry, Registry, "registry", False)) as (h, reg):
            C.check(fn(h, reg, path_bytes, encoding))

    def import_assignments_csv(self, path: Any,
                               encoding: TextEncoding = TextEncoding.AUTO) -> None:
        """Assigns judges from a CSV file (columns judge, entry; 评委, 项目编号), all or
        nothing; a judge is named by its person's external key. The error names the
        file, line, column and field.

        >>> c.import_assignments_csv("assignments.csv")
        """
        self._import_csv(C.lib.kx_campaign_import_assignments_csv, path, encoding)

    def import_marks_csv(self, path: Any, encoding: TextEncoding = TextEncoding.AUTO) -> None:
        """Records marks from a CSV file in long format (judge, entry, indicator,
        mark; UTF-8 or GB18030), all or nothing.

        >>> c.import_marks_csv("marks-gb18030.csv")
        """
        self._import_csv(C.lib.kx_campaign_import_marks_csv, path, encoding)

    def import_vetoes_csv(self, path: Any, encoding: TextEncoding = TextEncoding.AUTO) -> None:
        """Records vetoes from a CSV file (judge, entry, veto, reason), all or nothing.

        >>> c.import_vetoes_csv("vetoes.csv")
        """
        self._import_csv(C.lib.kx_campaign_import_vetoes_csv, path, encoding)

    def counts(self) -> tuple[int, int]:
        """(entries, judges).

        >>> c.counts()
        (5, 4)
        """
        n = C.CampaignCounts()
        with self._reading(Campaign) as h:
            C.check(C.lib.kx_campaign_count(ctypes.byref(n), h))
        return n.entries, n.judges

    # --- marks -------------------------------------------------------------------
    def mark(self, judge: int, entry: int, indicator_code: str, value: DecimalLike) -> None:
        """Records one judge's mark on one indicator of an entry.

        >>> c.mark(j, e, "A.1", Decimal("90.5"))
        """
        with self._writing(Campaign) as h:
            C.check(C.lib.kx_campaign_mark(h, C.u32(judge, "judge"),
                                           C.u32(entry, "entry"),
                                           C.s(indicator_code, "indicator_code"),
                                           C.dec_in(value, "mark")))

    def mark_many(self, marks: Iterable[tuple[int, int, int, DecimalLike]]) -> None:
        """Records (judge, entry, indicator_index, value) marks all or nothing, in one
        call. On refusal the exception has `.position`, the refused mark's index.

        >>> c.mark_many([(j, e, c.indicator_index(cat, "A.1"), 80)])
        """
        rows = [C.Mark(C.u32(j, "judge"), C.u32(e, "entry"), C.u32(i, "indicator"),
                       C.dec_in(v, "mark")) for j, e, i, v in marks]
        arr = (C.Mark * max(len(rows), 1))(*rows)
        failed = C.c_size(len(rows))
        with self._writing(Campaign) as h:
            rc = C.lib.kx_campaign_mark_batch(h, arr, len(rows), ctypes.byref(failed))
        self._check_batch(rc, failed)

    def mark_columns(self, judges: Sequence[int], entries: Sequence[int],
                     indicators: Sequence[int], coefficients: Sequence[int],
                     scale: int) -> None:
        """The bulk path: parallel sequences of judge ids, entry ids, indicator indices
        and integer coefficients of the marks at `scale` places (8850, 2 is 88.50).
        Writable contiguous buffers of uint32 (ids, indices) and int64 (coefficients)
        -- numpy arrays, array.array('I'/'q') -- are passed without copying (no Python
        object per mark); other sequences are converted first.

        >>> c.mark_columns(array.array("I", js), es, inds, array.array("q", vs), scale=1)
        """
        scale = C.i32(scale, "scale")
        failed = C.c_size(0)
        with self._writing(Campaign) as h:
            rc = _columns.mark_columns_call(h, (judges, entries, indicators, coefficients),
                                            scale, failed)
        self._check_batch(rc, failed)

    @staticmethod
    def _check_batch(rc: int, failed: Any) -> None:
        try:
            C.check(rc)
        except Exception as e:
            e.position = failed.value  # type: ignore[attr-defined]
            raise

    def veto(self, judge: int, entry: int, veto_code: str, reason: str) -> None:
        """A judge's veto (一票否决) of an entry on the veto indicator `veto_code`;
        a reason is required.

        >>> c.veto(j, e, "veto", "数据造假 falsified data")
        """
        with self._writing(Campaign) as h:
            C.check(C.lib.kx_campaign_veto(h, C.u32(judge, "judge"),
                                           C.u32(entry, "entry"), C.s(veto_code, "veto_code"),
                                           C.s(reason, "reason")))

    # --- results -------------------------------------------------------------------
    def standings(self) -> list[Standing]:
        """Each Standing (totals and places, no awards) in scoreboard order.

        >>> [s.total for s in c.standings()]
        """
        rows: list[Standing] = []

        def collect(s: Any, _: object) -> int:
            s = s.contents
            rows.append(Standing(s.entry, EntryStatus(s.status), C.dec_out(s.total), s.rank,
                                 s.position))
            return 0

        with self._reading(Campaign) as h:
            C.check(C.lib.kx_campaign_standings_foreach(h, C.STANDING_CB(collect), None))
        return rows

    def standings_columns(self, numpy: Optional[bool] = None) -> _columns.StandingColumns:
        """The standings as columns, without a Python object per entry: numpy arrays
        when numpy is importable (numpy=None) or required (numpy=True), array.array
        otherwise (numpy=False, or numpy missing). Totals are exact integers at
        kexie.TOTAL_SCALE places. Same rows and order as standings().

        >>> cols = c.standings_columns()
        >>> cols.entry[:3], cols.total[:3] / 10**kexie.TOTAL_SCALE
        """
        if numpy is not None and not isinstance(numpy, bool):
            raise TypeError("kexie: numpy must be None, True or False")
        return _columns.standings_columns_call(self, self._reading(Campaign), numpy)

    def score(self) -> Scoreboard:
        """Scores the campaign; returns a Scoreboard (a context manager).

        >>> with c.score() as board:
        ...     print(board.digest)
        """
        board = C.c_void_p()
        with self._reading(Campaign) as h:
            C.check(C.lib.kx_campaign_score(ctypes.byref(board), h))
            return Scoreboard._made(self, board)


class Scoreboard(C.OwnedHandle):
    """The result table of a scored campaign; iterating gives every EntryResult in
    the board's stable order. Made by Campaign.score(); it keeps its campaign
    alive (the campaign's C object is not freed while a board of it lives).

    >>> with campaign.score() as board:
    ...     winners = [r.code for r in board.awards()]
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Not for direct use: Campaign.score() makes scoreboards (TypeError)."""
        raise TypeError("kexie: a Scoreboard is made by Campaign.score()")

    @classmethod
    def _made(cls, campaign: Campaign, handle: ctypes.c_void_p) -> Scoreboard:
        """A board owning `handle`, a child of `campaign` (whose lock is held)."""
        self = cls.__new__(cls)
        self.__dict__["_campaign"] = campaign
        self._adopt(handle, C.lib.kx_scoreboard_free, campaign.__dict__["_node"])
        return self

    @property
    def campaign(self) -> Campaign:
        """The Campaign this board was scored from."""
        campaign: Campaign = self.__dict__["_campaign"]
        return campaign

    def to_document(self,
                    explanations: ResultsExplanations = ResultsExplanations.SUMMARY) -> str:
        """The canonical kexie.results/1 text of this board: every entry with its
        explanation — a summary by default (per indicator: value, weight or points,
        contribution, marks and dropped counts; the tier reason), or in full with
        ``explanations=ResultsExplanations.FULL`` (every judge's mark, the text in zh
        and en) — advanced units and individuals, cusps, panel agreement and the
        digest. Units and people are named by the codes of the registry document the
        registry was read from.

        >>> open("results.json", "w").write(board.to_document())
        >>> full = board.to_document(ResultsExplanations.FULL)
        """
        form = C.enum_in(explanations, ResultsExplanations, "explanations")
        campaign = self.campaign
        registry = campaign._registry
        out = C.c_void_p()
        with C.hold((self, Scoreboard, "board", False), (campaign, Campaign, "campaign", False),
                    (registry, Registry, "registry", False)) as (b, c, r):
            C.check(C.lib.kx_scoreboard_to_document_with(ctypes.byref(out), b, c, r, form))
        return C.owned_text(out)

    def to_pandas(self) -> Any:
        """The board as a pandas DataFrame, one row per EntryResult (decimals as
        decimal.Decimal); ImportError when pandas is not installed (it is optional).

        >>> df = board.to_pandas(); df[df.award != ""]
        """
        import dataclasses

        # The rows first: a closed board refuses (ValueError) whether or not pandas is
        # installed.
        rows = [dataclasses.asdict(r) for r in self.results()]
        import pandas  # optional: only this method needs it

        columns = [f.name for f in dataclasses.fields(EntryResult)]
        return pandas.DataFrame(rows, columns=columns)

    def __len__(self) -> int:
        """The number of entries on the board."""
        n = C.c_size()
        with self._reading(Scoreboard) as h:
            C.check(C.lib.kx_scoreboard_size(ctypes.byref(n), h))
        return n.value

    def results(self) -> list[EntryResult]:
        """Every EntryResult in the board's stable order.

        >>> [r.code for r in board.results()]
        """
        r = C.EntryResult()
        n = C.c_size()
        out = []
        with self._reading(Scoreboard) as h:  # the strings belong to the board: read them here
            C.check(C.lib.kx_scoreboard_size(ctypes.byref(n), h))
            for i in range(n.value):
                C.check(C.lib.kx_scoreboard_entry(ctypes.byref(r), h, i))
                out.append(_result(r, h))
        return out

    def __iter__(self) -> Iterator[EntryResult]:
        """Iterates over results() (read when iteration starts)."""
        return iter(self.results())

    def find(self, entry: int) -> EntryResult:
        """The EntryResult of `entry`; NotFound if it is not on the board.

        >>> board.find(e1).rank
        1
        """
        r = C.EntryResult()
        entry = C.u32(entry, "entry")
        with self._reading(Scoreboard) as h:
            C.check(C.lib.kx_scoreboard_find(ctypes.byref(r), h, entry))
            return _result(r, h)

    def awards(self) -> list[EntryResult]:
        """The awarded entries' EntryResults in board order.

        >>> [(r.code, r.award) for r in board.awards()]
        """
        rows: list[EntryResult] = []
        with self._reading(Scoreboard) as h:
            cb = C.RESULT_CB(lambda r, _: rows.append(_result(r.contents, h)) or 0)
            C.check(C.lib.kx_scoreboard_awards_foreach(h, cb, None))
        return rows

    def units(self) -> list[AdvancedUnit]:
        """The advanced units (先进单位), best first.

        >>> [u.unit for u in board.units()]
        """
        n = C.ScoreboardCounts()
        u = C.AdvancedUnit()
        out = []
        with self._reading(Scoreboard) as h:
            C.check(C.lib.kx_scoreboard_count(ctypes.byref(n), h))
            for i in range(n.units):
                C.check(C.lib.kx_scoreboard_unit(ctypes.byref(u), h, i))
                out.append(AdvancedUnit(u.unit, u.entries, u.awarded,
                                        C.dec_out(u.awarded_total),
                                        C.dec_out(u.participation_rate),
                                        C.dec_out(u.tce_saved)))
        return out

    def people(self) -> list[AdvancedPerson]:
        """The advanced individuals (先进个人), best first.

        >>> [p.person for p in board.people()]
        """
        n = C.ScoreboardCounts()
        p = C.AdvancedPerson()
        out = []
        with self._reading(Scoreboard) as h:
            C.check(C.lib.kx_scoreboard_count(ctypes.byref(n), h))
            for i in range(n.people):
                C.check(C.lib.kx_scoreboard_person(ctypes.byref(p), h, i))
                out.append(AdvancedPerson(p.person, p.best_tier, C.dec_out(p.credit),
                                          p.entry_count))
        return out

    @property
    def digest(self) -> str:
        """The board's SHA-256 digest (64 hex digits): equal boards, equal digests.

        >>> len(board.digest)
        64
        """
        out = C.c_str()
        with self._reading(Scoreboard) as h:
            C.check(C.lib.kx_scoreboard_digest(ctypes.byref(out), h))
            return C.text(out.value)

    def _tables(self) -> Any:
        campaign = self.campaign
        return C.hold((campaign, Campaign, "campaign", False),
                      (self, Scoreboard, "board", False),
                      (campaign._registry, Registry, "registry", False))

    def write_xlsx(self, path: Any) -> None:
        """Writes the results as an XLSX workbook: a sheet per category (tier, rank,
        code, title, unit, team, total), then 先进单位, 先进个人, the cusp report and
        panel agreement.

        >>> board.write_xlsx("results.xlsx")
        """
        path_bytes = C.s(os.fspath(path), "path")
        with self._tables() as (c, h, reg):
            C.check(C.lib.kx_scoreboard_write_xlsx(h, c, reg, path_bytes))

    def sheets_csv(self, encoding: TextEncoding = TextEncoding.UTF8) -> dict[str, bytes]:
        """The result sheets as CSV bytes by sheet name, in order: UTF-8 with a
        byte-order mark (Excel shows Chinese), or GB18030.

        >>> for name, data in board.sheets_csv().items():
        ...     open(name + ".csv", "wb").write(data)
        """
        encoding = C.enum_in(encoding, TextEncoding, "encoding")
        out: dict[str, bytes] = {}
        with self._tables() as (c, h, reg):
            n = C.c_size()
            C.check(C.lib.kx_scoreboard_sheet_count(ctypes.byref(n), h, c, reg))
            for i in range(n.value):
                data, name, length = C.c_void_p(), C.c_void_p(), C.c_size()
                C.check(C.lib.kx_scoreboard_sheet_csv(ctypes.byref(data), ctypes.byref(length),
                                                      ctypes.byref(name), h, c, reg, i,
                                                      encoding))
                try:
                    out[C.owned_text(name)] = ctypes.string_at(data, length.value)
                finally:
                    C.lib.kx_string_free(data)
        return out

    def explain_text(self, entry: int, language: Language = Language.ENGLISH) -> str:
        """How `entry`'s total was reached, as text for people.

        >>> print(board.explain_text(e1, kexie.Language.CHINESE))
        """
        out = C.c_void_p()
        entry = C.u32(entry, "entry")
        language = C.enum_in(language, Language, "language")
        with C.hold((self.campaign, Campaign, "campaign", False),
                    (self, Scoreboard, "board", False)) as (c, h):
            C.check(C.lib.kx_explain_text(ctypes.byref(out), c, h, entry, language))
        return C.owned_text(out)

    def explain(self, entry: int) -> dict[str, Any]:
        """The explanation as a dict (decimals as decimal.Decimal).

        >>> board.explain(e1)["lines"][0]["code"]
        'A.1'
        """
        out = C.c_void_p()
        entry = C.u32(entry, "entry")
        with C.hold((self.campaign, Campaign, "campaign", False),
                    (self, Scoreboard, "board", False)) as (c, h):
            C.check(C.lib.kx_explain_json(ctypes.byref(out), c, h, entry))
        result: dict[str, Any] = json.loads(C.owned_text(out), parse_float=decimal.Decimal)
        return result
