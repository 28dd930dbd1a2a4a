"""Campaigns (讲理想、比贡献): rubrics, entries, judges, marks, scoring, awards and
explanations, with exact decimals throughout."""

import array
import ctypes
import decimal
import json
from collections import namedtuple

from . import _capi as C
from .enums import (AggregationMethod, BoundaryTies, Category, EntryStatus, IndicatorKind,
                    Language, Rounding)

AwardTier = namedtuple("AwardTier", "name share count min_score rounding")
AwardTier.__new__.__defaults__ = (None, None, None, Rounding.FLOOR)
AwardTier.__doc__ = """A tier: give `share` (a Decimal in [0, 1]) or `count` places."""

Indicator = namedtuple("Indicator", "code name parent kind weight min max step figure tiers "
                                    "floor per_unit cap bonus_cap")
Indicator.__new__.__defaults__ = (None,) * 10
Indicator.__doc__ = """One rubric indicator; decimals as Decimal, int or str; `tiers` a
list of (at_least, points) pairs."""

Standing = namedtuple("Standing", "entry status total rank position")
EntryResult = namedtuple("EntryResult", "entry code unit enterprise category status total "
                                        "judged_part objective_part bonus rank position tier award")
AdvancedUnit = namedtuple("AdvancedUnit", "unit entries awarded awarded_total "
                                          "participation_rate tce_saved")
AdvancedPerson = namedtuple("AdvancedPerson", "person best_tier credit entry_count")


def _result(r):
    return EntryResult(r.entry, C.text(r.code), r.unit, r.enterprise, Category(r.category),
                       EntryStatus(r.status), C.dec_out(r.total), C.dec_out(r.judged_part),
                       C.dec_out(r.objective_part), C.dec_out(r.bonus), r.rank, r.position,
                       None if r.tier < 0 else r.tier, C.text(r.award))


class Campaign(C.OwnedHandle):
    """A campaign over a Registry (which must outlive it).

    >>> with kexie.Campaign(reg, "2025 讲比", province, date(2025, 11, 30), 2024,
    ...                     tiers=[kexie.AwardTier("一等奖", count=1, min_score=60)]) as c:
    ...     c.set_rubric_text(kexie.Category.INNOVATIVE_IDEAS, "细则", text)
    """

    _free = staticmethod(C.lib.kx_campaign_free)

    def __init__(self, registry, name, organizer, as_of, year, tiers=(), tie_breaks=(),
                 aggregation=AggregationMethod.TRIMMED_MEAN, trim=(1, 1, 5), normalize=False,
                 min_judges=3, veto_threshold=1, max_judges_per_entry=9, rank_per_category=True,
                 boundary_ties=BoundaryTies.BREAK_BY_CHAIN, cusp_margin=None,
                 unit_min_awarded=2, unit_max=0, people_top_tiers=1, people_min_share=None,
                 people_max=0, max_team_size=0):
        self._registry = registry
        self._keep = []
        tier_arr = (C.AwardTier * max(len(tiers), 1))()
        for i, t in enumerate(tiers):
            self._keep += [C.s(t.name), C.dec_in(t.share), C.dec_in(t.min_score)]
            tier_arr[i] = C.AwardTier(C.s(t.name), 1 if t.count is not None else 0,
                                      C.dec_in(t.share), t.count or 0, int(t.rounding),
                                      C.dec_in(t.min_score))
        opts = C.CampaignOptions(
            1, C.s(name), organizer, C.date_in(as_of), year, int(aggregation), trim[0], trim[1],
            trim[2], 1 if normalize else 0, min_judges, veto_threshold, max_judges_per_entry,
            1 if rank_per_category else 0, C.s(",".join(tie_breaks)) if tie_breaks else None,
            tier_arr, len(tiers), int(boundary_ties), C.dec_in(cusp_margin), unit_min_awarded,
            unit_max, people_top_tiers, C.dec_in(people_min_share), people_max, max_team_size)
        self._h = C.c_void_p()
        C.check(C.lib.kx_campaign_new(ctypes.byref(self._h), registry.handle, ctypes.byref(opts)))
        self._keep = []

    # --- rubrics -------------------------------------------------------------
    def set_rubric(self, category, name, indicators):
        """Sets `category`'s rubric from a list of Indicator tuples."""
        arr = (C.Indicator * max(len(indicators), 1))()
        for i, ind in enumerate(indicators):
            tiers = None
            if ind.tiers:
                tiers = ";".join("%s:%s" % (C.dec_in(a).decode(), C.dec_in(p).decode())
                                 for a, p in ind.tiers)
            arr[i] = C.Indicator(C.s(ind.code), C.s(ind.name), C.s(ind.parent), int(ind.kind),
                                 C.dec_in(ind.weight), C.dec_in(ind.min), C.dec_in(ind.max),
                                 C.dec_in(ind.step), int(ind.figure or 0), C.s(tiers),
                                 C.dec_in(ind.floor), C.dec_in(ind.per_unit), C.dec_in(ind.cap),
                                 C.dec_in(ind.bonus_cap))
        C.check(C.lib.kx_campaign_set_rubric(self.handle, int(category), C.s(name), arr,
                                             len(indicators)))

    def set_rubric_text(self, category, name, text):
        """Sets `category`'s rubric from the line-based description of kexie.h."""
        C.check(C.lib.kx_campaign_set_rubric_text(self.handle, int(category), C.s(name),
                                                  C.s(text)))

    def indicator_index(self, category, code):
        out = C.c_u32()
        C.check(C.lib.kx_campaign_indicator_index(ctypes.byref(out), self.handle, int(category),
                                                  C.s(code)))
        return out.value

    # --- entries and judges ----------------------------------------------------
    def add_entry(self, code, title, unit, category, team, in_use_since, focus=0, energy=(),
                  patents=(), material_saved_t=None, co2_avoided_t=None, hours_saved=None,
                  efficiency_gain_percent=None, annual_benefit_yuan=None,
                  achievements_transformed=0):
        """Adds an entry and returns its id. `team` is a list of (person, share),
        `energy` of (carrier, quantity, unit), `patents` of (type, status, number)."""
        team_arr = (C.TeamShare * max(len(team), 1))(
            *[C.TeamShare(p, C.dec_in(share)) for p, share in team])
        energy_arr = (C.EnergyClaim * max(len(energy), 1))(
            *[C.EnergyClaim(int(c), C.dec_in(q), int(u)) for c, q, u in energy])
        patent_arr = (C.Patent * max(len(patents), 1))(
            *[C.Patent(int(t), int(s), C.s(n)) for t, s, n in patents])
        spec = C.EntrySpec(1, C.s(code), C.s(title), unit, int(category), int(focus), team_arr,
                           len(team), C.date_in(in_use_since), energy_arr, len(energy),
                           C.dec_in(material_saved_t), C.dec_in(co2_avoided_t),
                           C.dec_in(hours_saved), C.dec_in(efficiency_gain_percent),
                           C.dec_in(annual_benefit_yuan), patent_arr, len(patents),
                           achievements_transformed)
        out = C.c_u32()
        C.check(C.lib.kx_campaign_add_entry(ctypes.byref(out), self.handle, ctypes.byref(spec)))
        return out.value

    def find_entry(self, code):
        out = C.c_u32()
        C.check(C.lib.kx_campaign_find_entry(ctypes.byref(out), self.handle, C.s(code)))
        return out.value

    def add_judge(self, person):
        out = C.c_u32()
        C.check(C.lib.kx_campaign_add_judge(ctypes.byref(out), self.handle, person))
        return out.value

    def assign(self, judge, entry):
        C.check(C.lib.kx_campaign_assign(self.handle, judge, entry))

    def counts(self):
        """(entries, judges)."""
        n = C.CampaignCounts()
        C.check(C.lib.kx_campaign_count(ctypes.byref(n), self.handle))
        return n.entries, n.judges

    # --- marks -------------------------------------------------------------------
    def mark(self, judge, entry, indicator_code, value):
        C.check(C.lib.kx_campaign_mark(self.handle, judge, entry, C.s(indicator_code),
                                       C.dec_in(value)))

    def mark_many(self, marks):
        """Records (judge, entry, indicator_index, value) marks all or nothing, in one
        call. On refusal the exception has `.position`, the refused mark's index."""
        marks = list(marks)
        arr = (C.Mark * max(len(marks), 1))(
            *[C.Mark(j, e, i, C.dec_in(v)) for j, e, i, v in marks])
        failed = C.c_size(len(marks))
        rc = C.lib.kx_campaign_mark_batch(self.handle, arr, len(marks), ctypes.byref(failed))
        self._check_batch(rc, failed)

    def mark_columns(self, judges, entries, indicators, coefficients, scale):
        """The bulk path: parallel sequences of judge ids, entry ids, indicator indices
        and integer coefficients of the marks at `scale` places (8850, 2 is 88.50).
        array.array('I'/'q') inputs are passed without copying."""
        n = len(coefficients)
        if not (len(judges) == len(entries) == len(indicators) == n):
            raise ValueError("kexie: mark columns differ in length")
        cols = [c if isinstance(c, array.array) and c.typecode == t else array.array(t, c)
                for c, t in ((judges, "I"), (entries, "I"), (indicators, "I"),
                             (coefficients, "q"))]
        ptrs = [c.buffer_info()[0] if n else None for c in cols]
        failed = C.c_size(n)
        rc = C.lib.kx_campaign_mark_columns(self.handle, n, ptrs[0], ptrs[1], ptrs[2], ptrs[3],
                                            scale, ctypes.byref(failed))
        self._check_batch(rc, failed)

    @staticmethod
    def _check_batch(rc, failed):
        try:
            C.check(rc)
        except Exception as e:
            e.position = failed.value
            raise

    def veto(self, judge, entry, veto_code, reason):
        C.check(C.lib.kx_campaign_veto(self.handle, judge, entry, C.s(veto_code), C.s(reason)))

    # --- results -------------------------------------------------------------------
    def standings(self):
        """Yields each Standing (totals and places, no awards) in scoreboard order."""
        rows = []

        def collect(s, _):
            s = s.contents
            rows.append(Standing(s.entry, EntryStatus(s.status), C.dec_out(s.total), s.rank,
                                 s.position))
            return 0

        C.check(C.lib.kx_campaign_standings_foreach(self.handle, C.STANDING_CB(collect), None))
        yield from rows

    def score(self):
        """Scores the campaign; returns a Scoreboard (a context manager)."""
        h = C.c_void_p()
        C.check(C.lib.kx_campaign_score(ctypes.byref(h), self.handle))
        return Scoreboard(self, h)


class Scoreboard(C.OwnedHandle):
    """The result table of a scored campaign."""

    _free = staticmethod(C.lib.kx_scoreboard_free)

    def __init__(self, campaign, handle):
        self.campaign = campaign
        self._h = handle

    def __len__(self):
        n = C.c_size()
        C.check(C.lib.kx_scoreboard_size(ctypes.byref(n), self.handle))
        return n.value

    def __iter__(self):
        """Every EntryResult in the board's stable order."""
        r = C.EntryResult()
        for i in range(len(self)):
            C.check(C.lib.kx_scoreboard_entry(ctypes.byref(r), self.handle, i))
            yield _result(r)

    def find(self, entry):
        r = C.EntryResult()
        C.check(C.lib.kx_scoreboard_find(ctypes.byref(r), self.handle, entry))
        return _result(r)

    def awards(self):
        """Yields the awarded entries' EntryResults in board order."""
        rows = []
        cb = C.RESULT_CB(lambda r, _: rows.append(_result(r.contents)) or 0)
        C.check(C.lib.kx_scoreboard_awards_foreach(self.handle, cb, None))
        yield from rows

    def _counts(self):
        n = C.ScoreboardCounts()
        C.check(C.lib.kx_scoreboard_count(ctypes.byref(n), self.handle))
        return n

    def units(self):
        """Yields the advanced units (先进单位), best first."""
        u = C.AdvancedUnit()
        for i in range(self._counts().units):
            C.check(C.lib.kx_scoreboard_unit(ctypes.byref(u), self.handle, i))
            yield AdvancedUnit(u.unit, u.entries, u.awarded, C.dec_out(u.awarded_total),
                               C.dec_out(u.participation_rate), C.dec_out(u.tce_saved))

    def people(self):
        """Yields the advanced individuals (先进个人), best first."""
        p = C.AdvancedPerson()
        for i in range(self._counts().people):
            C.check(C.lib.kx_scoreboard_person(ctypes.byref(p), self.handle, i))
            yield AdvancedPerson(p.person, p.best_tier, C.dec_out(p.credit), p.entry_count)

    @property
    def digest(self):
        out = C.c_str()
        C.check(C.lib.kx_scoreboard_digest(ctypes.byref(out), self.handle))
        return C.text(out.value)

    def explain_text(self, entry, language=Language.ENGLISH):
        out = C.c_void_p()
        C.check(C.lib.kx_explain_text(ctypes.byref(out), self.campaign.handle, self.handle,
                                      entry, int(language)))
        return C.owned_text(out)

    def explain(self, entry):
        """The explanation as a dict (decimals as decimal.Decimal)."""
        out = C.c_void_p()
        C.check(C.lib.kx_explain_json(ctypes.byref(out), self.campaign.handle, self.handle,
                                      entry))
        return json.loads(C.owned_text(out), parse_float=decimal.Decimal)


__all__ = ["AwardTier", "Indicator", "Campaign", "Scoreboard", "Standing", "EntryResult",
           "AdvancedUnit", "AdvancedPerson", "IndicatorKind"]
