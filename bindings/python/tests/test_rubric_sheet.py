"""The scoring sheets offices use, through the C API: a 100-point sheet whose items
carry points, a judged mark confined to the band the yearly benefit selects (bands
overlap), and a prize from the benefit above a threshold."""

from datetime import date as D
from decimal import Decimal

import pytest

import kexie
from kexie import Category, Indicator, IndicatorKind as K

BENEFIT = kexie.Figure.ANNUAL_BENEFIT_YUAN
BANDS = [(1000000, 16, 20), (100000, 12, 17), (0, 8, 13)]

SHEET = [
    Indicator("技术", "技术水平", None, K.GROUP, points=60),
    Indicator("创新", "创新性", "技术", K.JUDGED, None, 0, 30, "0.5", points=30),
    Indicator("可行", "可行性", "技术", K.JUDGED, points=30),  # marks 0–30 in steps of 1
    Indicator("效益", "经济效益", None, K.JUDGED, None, 0, 20, "0.5", points=20,
              band_figure=BENEFIT, bands=BANDS),
    Indicator("推广", "推广价值", None, K.OBJECTIVE, figure=kexie.Figure.EFFICIENCY_GAIN_PERCENT,
              tiers=[(20, 20), (10, 15)], floor=10, points=20),
]
PRIZE = kexie.PrizeRule(BENEFIT, 500000, "0.02", cap=50000)


def campaign(world):
    spec = kexie.CampaignSpec("2025 合理化建议", world.province, D(2025, 11, 30), 2024,
                              tiers=[kexie.AwardTier("一等奖", count=1, min_score=85)])
    return kexie.Campaign(world.reg, spec)


def entry(c, unit, code, leader, benefit, gain):
    return c.add_entry(code, "合理化建议", unit, Category.RATIONALIZATION_PROPOSALS,
                       [(leader, 1)], D(2024, 3, 1), focus=kexie.Focus.EFFICIENCY_GAIN,
                       annual_benefit_yuan=benefit, efficiency_gain_percent=gain)


def test_office_sheet_scored_by_hand(world):
    with campaign(world) as c:
        with pytest.raises(kexie.RuleViolation) as bad:
            c.set_rubric(Category.RATIONALIZATION_PROPOSALS, "x",
                         [SHEET[0], SHEET[1], SHEET[3], SHEET[4]], full_score=100)
        assert bad.value.rule == "rubric.points_sum"
        with pytest.raises(kexie.RuleViolation) as bad:
            c.set_rubric(Category.RATIONALIZATION_PROPOSALS, "x", SHEET)  # points, no sheet
        assert bad.value.rule == "rubric.points"
        with pytest.raises(kexie.RuleViolation) as bad:
            c.set_rubric(Category.RATIONALIZATION_PROPOSALS, "x", SHEET, full_score=100,
                         prize=kexie.PrizeRule(BENEFIT, 0, "1.5"))
        assert bad.value.rule == "rubric.prize"
        with pytest.raises(ValueError):
            Indicator("效益", "x", None, K.JUDGED, bands=BANDS)  # no band_figure
        with pytest.raises(TypeError):
            kexie.PrizeRule(BENEFIT, 0, 0.02)  # a float is inexact
        c.set_rubric(Category.RATIONALIZATION_PROPOSALS, "百分制评审表", SHEET,
                     full_score=100, prize=PRIZE)
        e1 = entry(c, world.steel, "P-1", world.p[0], 1200000, 25)
        e2 = entry(c, world.steel, "P-2", world.p[1], 650000, 12)
        j = [c.add_judge(q) for q in world.q]
        for judge in j:
            c.assign(judge, e1)
            c.assign(judge, e2)
        with pytest.raises(kexie.RuleViolation) as out:
            c.mark(j[0], e2, "效益", 18)  # 650 000 yuan selects [12, 17]
        assert out.value.rule == "rubric.band" and out.value.article == "A12"
        assert "band [12, 17] selected by annual_benefit_yuan = 650000" in str(out.value)
        for code, e, marks in [("创新", e1, (27, 28, 29)), ("可行", e1, (25, 26, 27)),
                               ("效益", e1, (18, 19, 20)), ("创新", e2, (20, 21, 22)),
                               ("可行", e2, (24, 24, 24)), ("效益", e2, (15, 16, 17))]:
            for judge, m in zip(j, marks):
                c.mark(judge, e, code, m)
        board = c.score()
        # By hand: 28 + 26 + 19 + 20 = 93; 21 + 24 + 16 + 15 = 76.
        r1, r2 = board.find(e1), board.find(e2)
        assert r1.total == Decimal(93) and r2.total == Decimal(76)
        assert r1.award == "一等奖" and r2.tier is None
        assert r1.prize == Decimal("14000.00") and r2.prize == Decimal("3000.00")
        assert [r.prize for r in board.results()] == [Decimal("14000.00"), Decimal("3000.00")]
        assert board.awards()[0].prize == Decimal("14000.00")
        x = board.explain(e2)
        line = next(l for l in x["lines"] if l["code"] == "效益")
        assert line["band"] == {"at_least": "100000", "min": "12", "max": "17"}
        assert line["points"] == "20"
        assert x["full_score"] == "100" and x["prize"] == "3000.00"
        zh = board.explain_text(e2, kexie.Language.CHINESE)
        assert "评分档次 [12, 17]，由 annual_benefit_yuan = 650000 ≥ 100000 确定" in zh
        assert "奖金：3000.00 元" in zh
        en = board.explain_text(e2, kexie.Language.ENGLISH)
        assert "max points 20, scores 16" in en


def test_weighted_rubrics_have_no_prize(world):
    with campaign(world) as c:
        c.set_rubric(Category.RATIONALIZATION_PROPOSALS, "权重制", [
            Indicator("A", "a", None, K.JUDGED, "1", 0, 100, 1)])
        e = entry(c, world.steel, "W-1", world.p[0], 1200000, 25)
        j = [c.add_judge(q) for q in world.q]
        for judge in j:
            c.assign(judge, e)
            c.mark(judge, e, "A", 90)
        assert c.score().find(e).prize is None
