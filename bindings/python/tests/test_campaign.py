"""Campaigns through the C API: rubrics, entries, judges, marks in every form,
vetoes, standings, the scoreboard, awards and explanations."""

import array
import dataclasses
from datetime import date as D
from decimal import Decimal

import pytest

import kexie
from kexie import Category, Indicator, IndicatorKind as K

RUBRIC = [
    Indicator("A", "评审指标 judged", None, K.GROUP, "0.6"),
    Indicator("A.1", "创新性 creativity", "A", K.JUDGED, "0.5", 0, 100, "0.5"),
    Indicator("A.2", "实用性 practicality", "A", K.JUDGED, "0.5", 0, 100, "0.5"),
    Indicator("B", "经济效益 benefit", None, K.OBJECTIVE, "0.4",
              figure=kexie.Figure.ANNUAL_BENEFIT_YUAN,
              tiers=[(500000, 95), (100000, 70)], floor=40),
    Indicator("bonus", "推广价值 bonus", None, K.BONUS, None, 0, 5, 1, bonus_cap=3),
    Indicator("veto", "一票否决 veto", None, K.VETO),
]

RUBRIC_TEXT = """
A|评审指标 judged||group|0.6
A.1|创新性 creativity|A|judged|0.5|0|100|0.5
A.2|实用性 practicality|A|judged|0.5|0|100|0.5
B|经济效益 benefit||objective|0.4||||annual_benefit_yuan|500000:95;100000:70|40
"""


def spec(world, **kw):
    tiers = [kexie.AwardTier("一等奖", count=1, min_score=60),
             kexie.AwardTier("二等奖", share=Decimal("0.5"), min_score=50)]
    return kexie.CampaignSpec("2025 讲比", world.province, D(2025, 11, 30), 2024,
                              tiers=tiers, tie_breaks=["objective_total", "indicator:A.1",
                                                       "top_marks"],
                              people_min_share=Decimal("0.5"), max_team_size=5, **kw)


def make(world, **kw):
    return kexie.Campaign(world.reg, spec(world, **kw))


def entry(c, code, unit, leader, benefit, category=Category.RATIONALIZATION_PROPOSALS):
    return c.add_entry(code, "余热回收改造", unit, category, [(leader, 1)], D(2024, 3, 1),
                       focus=kexie.Focus.ENERGY_SAVING, annual_benefit_yuan=benefit)


def test_configuration_errors(world):
    with pytest.raises(kexie.InvalidArgument):
        make(world, drop_low=1, drop_high=1, trim_from=2)
    with pytest.raises(kexie.InvalidArgument):
        kexie.Campaign(world.reg, kexie.CampaignSpec("x", world.province, D(2025, 11, 30), 2024,
                                                     tie_breaks=["bogus"]))
    with make(world, aggregation=kexie.AggregationMethod.MEDIAN) as c:
        assert c.counts() == (0, 0)
    with pytest.raises(ValueError):
        c.counts()


def test_campaign_end_to_end(world):
    c = make(world)
    bad = list(RUBRIC)
    bad[2] = dataclasses.replace(bad[2], weight="0.4")
    with pytest.raises(kexie.RuleViolation) as info:
        c.set_rubric(Category.RATIONALIZATION_PROPOSALS, "x", bad)
    assert info.value.rule == "rubric.weights_sum"
    c.set_rubric(Category.RATIONALIZATION_PROPOSALS, "合理化建议评分细则", RUBRIC)
    with pytest.raises(kexie.InvalidArgument):
        c.set_rubric_text(Category.INNOVATIVE_IDEAS, "x", "A|a||lump|1")
    c.set_rubric_text(Category.INNOVATIVE_IDEAS, "创新思路评分细则", RUBRIC_TEXT)
    a1 = c.indicator_index(Category.RATIONALIZATION_PROPOSALS, "A.1")
    a2 = c.indicator_index(Category.RATIONALIZATION_PROPOSALS, "A.2")
    assert (a1, a2) == (1, 2)
    with pytest.raises(kexie.NotFound):
        c.indicator_index(Category.TECHNICAL_PATENTS, "A.1")

    e1 = entry(c, "E1", world.steel, world.p[0], 860000)
    e2 = entry(c, "E2", world.branch, world.p[1], Decimal("200000"))
    e3 = entry(c, "E3", world.steel, world.p[2], "50000")
    e4 = entry(c, "E4", world.steel, world.p[3], 300000)
    e5 = c.add_entry("E5", "能耗在线监测", world.branch, Category.INNOVATIVE_IDEAS,
                     [(world.p[4], Decimal("0.6")), (world.p[5], Decimal("0.4"))], D(2024, 6, 1),
                     energy=[(kexie.Carrier.ELECTRICITY_EQUIVALENT, 1200000, kexie.Unit.KWH)],
                     patents=[(kexie.PatentType.INVENTION, kexie.PatentStatus.GRANTED, "ZL1")],
                     hours_saved=1200, material_saved_t="1.5", co2_avoided_t=3,
                     efficiency_gain_percent="2.5", achievements_transformed=1)
    with pytest.raises(kexie.AlreadyExists) as info:
        entry(c, "E1", world.steel, world.p[0], 1)
    assert info.value.rule == "entry.code"
    with pytest.raises(kexie.RuleViolation) as info:
        entry(c, "E9", world.city, world.p[0], 1)
    assert info.value.rule == "entry.unit"
    assert c.find_entry("E4") == e4
    with pytest.raises(kexie.NotFound):
        c.find_entry("E9")

    j = [c.add_judge(q) for q in world.q]
    with pytest.raises(kexie.AlreadyExists):
        c.add_judge(world.q[0])
    jx = c.add_judge(world.p[5])
    with pytest.raises(kexie.ConflictOfInterest) as info:
        c.assign(jx, e1)
    assert info.value.rule == "panel.conflict"
    assert c.counts() == (5, 4)
    for judge in j:
        for e in (e1, e2, e3, e4, e5):
            c.assign(judge, e)

    with pytest.raises(kexie.InvalidArgument) as info:
        c.mark(j[0], e1, "A.1", "88.3")
    assert info.value.rule == "panel.mark_step"
    for judge in j:
        c.mark(judge, e1, "A.1", 90)
        c.mark(judge, e1, "A.2", Decimal("90.0"))
        c.mark(judge, e1, "bonus", 2)
    with pytest.raises(kexie.AlreadyExists):
        c.mark(j[0], e1, "A.1", 90)

    with pytest.raises(kexie.InvalidArgument) as info:
        c.mark_many([(j[0], e2, a1, 80), (j[0], e2, a2, "80.3")])
    assert info.value.position == 1
    c.mark_many([(judge, e, ind, v) for e, v in ((e2, 80), (e3, 70))
                 for ind in (a1, a2) for judge in j])

    cols = [(judge, e, ind, v) for e, v in ((e4, 850), (e5, 750)) for ind in (a1, a2)
            for judge in j]
    js, es, inds, vs = (list(x) for x in zip(*cols))
    es_bad = list(es)
    es_bad[4] = 999
    with pytest.raises(kexie.NotFound) as info:
        c.mark_columns(js, es_bad, inds, vs, 1)
    assert info.value.position == 4
    with pytest.raises(ValueError):
        c.mark_columns(js, es, inds, vs[:-1], 1)
    c.mark_columns(array.array("I", js), es, inds, array.array("q", vs), 1)

    with pytest.raises(kexie.InvalidArgument):
        c.veto(j[0], e3, "veto", "")
    c.veto(j[0], e3, "veto", "数据造假 falsified data")

    standings = list(c.standings())
    assert len(standings) == 5
    assert sum(s.status is kexie.EntryStatus.RANKED for s in standings) == 4

    with c.score() as board:
        assert len(board) == 5
        r1 = board.find(e1)
        assert (r1.code, r1.rank, r1.tier, r1.award) == ("E1", 1, 0, "一等奖")
        assert r1.total == 94 and isinstance(r1.total, Decimal)
        assert (r1.judged_part, r1.objective_part, r1.bonus) == (54, 38, 2)
        r4 = board.find(e4)
        assert (r4.rank, r4.position, r4.tier) == (2, 2, 1)
        assert board.find(e2).tier is None and board.find(e2).award == ""
        assert board.find(e3).status is kexie.EntryStatus.VETOED
        r5 = board.find(e5)
        assert r5.total == 61 and r5.tier == 0 and r5.category is Category.INNOVATIVE_IDEAS
        with pytest.raises(kexie.NotFound):
            board.find(999)
        assert [r.code for r in board][0] in {"E1", "E5"}
        assert [r.code for r in board.awards()] == [r.code for r in board if r.tier is not None]
        assert {r.code for r in board.awards()} == {"E1", "E4", "E5"}
        assert len(board.digest) == 64
        units = list(board.units())
        assert len(units) == 1 and units[0].unit == world.steel and units[0].awarded == 3
        people = list(board.people())
        assert people and people[0].best_tier == 0 and people[0].credit > 0
        text = board.explain_text(e1)
        assert "A.1" in text
        assert board.explain_text(e1, kexie.Language.CHINESE) != text
        x = board.explain(e1)
        assert x["code"] == "E1" and x["award"] == "一等奖" and Decimal(x["total"]) == 94
        assert [line["code"] for line in x["lines"]][:2] == ["A.1", "A.2"]
        assert all(m["dropped"] is False for m in x["lines"][0]["marks"])
        assert board.explain(e5)["conversions"]
        with pytest.raises(kexie.NotFound):
            board.explain(999)
    with pytest.raises(ValueError):
        len(board)
    c.close()


def test_the_spec_is_a_frozen_value_checked_when_made(world):
    s = spec(world)
    assert s.tiers[0].name == "一等奖" and isinstance(s.tiers, tuple)
    assert s.tie_breaks == ("objective_total", "indicator:A.1", "top_marks")
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.min_judges = 5
    stricter = dataclasses.replace(s, min_judges=5)
    assert stricter.min_judges == 5 and s.min_judges == 3 and stricter != s
    with pytest.raises(TypeError):
        kexie.Campaign(world.reg, "2025 讲比")  # the keyword form is gone
    with pytest.raises(ValueError):
        dataclasses.replace(s, organizer=2**32)
    with pytest.raises(TypeError):
        dataclasses.replace(s, people_min_share=0.5)  # floats are refused where a value is exact
    with pytest.raises(TypeError):
        dataclasses.replace(s, tie_breaks="objective_total")
    with pytest.raises(ValueError):
        dataclasses.replace(s, tie_breaks=["objective_total,top_marks"])
    with pytest.raises(ValueError):
        dataclasses.replace(s, aggregation=7)
    with pytest.raises(TypeError):
        dataclasses.replace(s, tiers=[("一等奖", 1)])
    with pytest.raises(ValueError):
        kexie.AwardTier("both", share=Decimal("0.1"), count=1)
    with pytest.raises(ValueError):
        kexie.AwardTier("neither")
    with make(world, min_judges=5) as c:
        assert c.counts() == (0, 0)


def test_arguments_are_checked_before_c(world):
    with make(world) as c:
        c.set_rubric(Category.RATIONALIZATION_PROPOSALS, "细则", RUBRIC)
        with pytest.raises(ValueError):
            c.add_judge(2**32)
        with pytest.raises(ValueError):
            c.add_judge(-1)
        with pytest.raises(TypeError):
            c.add_judge("1")
        with pytest.raises(ValueError):
            c.find_entry("E\0")
        with pytest.raises(ValueError):
            c.find_entry("\udc80")  # not valid Unicode
        with pytest.raises(TypeError):
            c.mark(1, 1, "A.1", 88.5)
        with pytest.raises(ValueError):
            c.mark(1, 1, "A.1", "eighty")
        with pytest.raises(ValueError):
            c.indicator_index(42, "A.1")
        with pytest.raises(TypeError):
            c.mark_many([(1, 1, 1, 0.5)])
        with pytest.raises(ValueError):
            c.add_entry("E1", "t", world.steel, Category.RATIONALIZATION_PROPOSALS,
                        [(world.p[0], 1)], D(2024, 3, 1), energy=[(99, 1, kexie.Unit.KWH)])
        assert c.counts() == (0, 0)  # nothing reached the library
    with pytest.raises(TypeError):
        kexie.Indicator("A", "a", None, K.JUDGED, 0.5)
    ind = kexie.Indicator("B", "b", None, K.OBJECTIVE, "1", tiers=[(1, 2)])
    assert ind.tiers == ((1, 2),)
    with pytest.raises(dataclasses.FrozenInstanceError):
        ind.weight = "0.5"


def test_queries_return_lists(world):
    with make(world) as c:
        c.set_rubric(Category.RATIONALIZATION_PROPOSALS, "细则", RUBRIC)
        assert c.standings() == []
        with c.score() as board:
            assert board.awards() == [] and board.units() == [] and board.people() == []
            assert board.results() == [] and list(board) == []
        with pytest.raises(ValueError):
            board.awards()  # closed: raises at the call, not at the first next()
