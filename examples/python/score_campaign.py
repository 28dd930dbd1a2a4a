#!/usr/bin/env python3
"""score_campaign: a "讲理想、比贡献" campaign scored from Python, mirroring the
C++ example examples/campaign_demo.cpp on a smaller scale.

A provincial association with three enterprise associations; 90 entries in two
categories with claimed energy savings and benefits; five judges from a fourth
enterprise; rubric weights from AHP pairwise comparisons quantized to exact
decimals; awards with quotas and minimum scores. Prints the award list, the
advanced units and individuals, the panel's Kendall's W on one indicator and
one entry's explanation.

Usage: KEXIE_LIBRARY=build/dev/src/c/libkexie_c.so python3 examples/python/score_campaign.py
(without KEXIE_LIBRARY the package of this checkout looks in build/dev, build/release,
build/clang and build/coverage, in that order; with `pip install ./bindings/python`
done, the installed package is used the same way).
"""

import os
import random
import sys
from datetime import date
from decimal import Decimal

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                "bindings", "python"))

import kexie  # noqa: E402
from kexie import Category, Indicator, IndicatorKind as K  # noqa: E402


def rubric():
    """A.1–A.3 judged with AHP weights (creativity ≻ difficulty ≻ practicality), B objective."""
    r = kexie.ahp([[1, 2, 3], [1 / 2, 1, 1.5], [1 / 3, 1 / 1.5, 1]], require_consistency=True)
    w = kexie.quantize_weights(r.weights, 4)
    return [
        Indicator("A", "评审指标 judged", None, K.GROUP, Decimal("0.6")),
        Indicator("A.1", "创新性 creativity", "A", K.JUDGED, w[0], 0, 100, Decimal("0.5")),
        Indicator("A.2", "技术难度 difficulty", "A", K.JUDGED, w[1], 0, 100, Decimal("0.5")),
        Indicator("A.3", "实用性 practicality", "A", K.JUDGED, w[2], 0, 100, Decimal("0.5")),
        Indicator("B", "经济效益 annual benefit", None, K.OBJECTIVE, Decimal("0.4"),
                  figure=kexie.Figure.ANNUAL_BENEFIT_YUAN,
                  tiers=[(500000, 95), (100000, 70)], floor=40),
        Indicator("bonus", "推广价值 wider use", None, K.BONUS, None, 0, 5, 1, bonus_cap=3),
    ]


def main():
    dice = random.Random(20251130)
    with kexie.Registry() as reg:
        cast = reg.add_organization(kexie.OrgKind.NATIONAL, "中国科协", effective=date(1958, 9, 18))
        province = reg.add_organization(kexie.OrgKind.LOCAL, "浙江省科协", cast, date(1958, 10, 1),
                                        kexie.Level.PROVINCIAL)
        firms, staff = [], {}
        for name in ("杭钢集团", "巨化集团", "正泰电器", "浙能电力"):
            ent = reg.add_organization(kexie.OrgKind.ENTERPRISE, name + "科协", province,
                                       date(2000, 1, 1), enterprise_name=name)
            firms.append(ent)
            staff[ent] = []
            for p in range(20):
                pid = reg.add_person("%s·工程师%d" % (name, p + 1),
                                     date(1965 + dice.randint(0, 35), dice.randint(1, 12), 1),
                                     ent, "E%d" % (p + 1), kexie.Title(dice.randint(1, 4)))
                reg.add_membership(pid, ent, kexie.Role.MEMBER, date(2015, 1, 1))
                staff[ent].append(pid)
        entrants, jury = firms[:3], firms[3]

        tiers = [kexie.AwardTier("一等奖", share=Decimal("0.10"), min_score=80),
                 kexie.AwardTier("二等奖", share=Decimal("0.20"), min_score=72),
                 kexie.AwardTier("三等奖", share=Decimal("0.30"), min_score=65)]
        spec = kexie.CampaignSpec("2025年浙江省企业“讲理想、比贡献”活动", province,
                                  date(2025, 11, 30), 2024, tiers=tiers, min_judges=5,
                                  tie_breaks=["objective_total", "indicator:A.1", "top_marks"],
                                  unit_min_awarded=3, people_min_share=Decimal("0.4"))
        with kexie.Campaign(reg, spec) as c:
            for cat in (Category.RATIONALIZATION_PROPOSALS, Category.INNOVATIVE_IDEAS):
                c.set_rubric(cat, "评分细则", rubric())
            judges = [c.add_judge(p) for p in staff[jury][:5]]
            entries = {}
            for i in range(90):
                unit = entrants[i % 3]
                team = dice.sample(staff[unit], 2)
                cat = Category.INNOVATIVE_IDEAS if i % 4 == 0 else Category.RATIONALIZATION_PROPOSALS
                kwh = dice.randint(0, 2000) * 1000
                e = c.add_entry("ZJ-2025-%04d" % (i + 1), "项目%d" % (i + 1), unit, cat,
                                [(team[0], Decimal("0.6")), (team[1], Decimal("0.4"))],
                                date(2024, dice.randint(1, 6), 1),
                                focus=kexie.Focus.ENERGY_SAVING,
                                energy=[(kexie.Carrier.ELECTRICITY_EQUIVALENT, kwh, kexie.Unit.KWH)],
                                annual_benefit_yuan=dice.choice([60000, 150000, 400000, 800000]))
                entries[e] = cat
            # Every judge marks every entry on A.1–A.3 (one batch call), 55.0 … 100.0.
            cols = ([], [], [], [])
            for e, cat in entries.items():
                for j in judges:
                    c.assign(j, e)
                    for code in ("A.1", "A.2", "A.3"):
                        cols[0].append(j)
                        cols[1].append(e)
                        cols[2].append(c.indicator_index(cat, code))
                        cols[3].append(dice.randint(110, 200) * 5)  # half points, scale 1
            c.mark_columns(*cols, scale=1)

            with c.score() as board:
                print("获奖名单 awards")
                for r in board.awards():
                    print("  %-13s %-4s %-22s rank %2d  total %s" % (
                        r.code, r.award, r.category.name.lower(), r.rank, r.total.quantize(
                            Decimal("0.01"))))
                print("先进单位 advanced units")
                for u in board.units():
                    print("  %s: %d of %d entries awarded, %s tce saved" % (
                        reg.organization(u.unit).name, u.awarded, u.entries, u.tce_saved))
                print("先进个人 advanced individuals")
                for p in list(board.people())[:5]:
                    print("  %s (credit %s)" % (reg.person(p.person).name, p.credit))
                # Kendall's W of the panel on A.1 over the first 20 entries.
                ids = list(entries)[:20]
                a1 = {(cols[0][k], cols[1][k]): cols[3][k] / 10
                      for k in range(len(cols[0]))
                      if cols[2][k] == c.indicator_index(entries[cols[1][k]], "A.1")}
                w = kexie.kendall_w([[a1[(j, e)] for j in judges] for e in ids])
                print("Kendall's W (A.1, 20 entries, 5 judges): %.3f, p = %.3g" % (w.w, w.p_value))
                first = board.awards()[0]
                print()
                print(board.explain_text(first.entry, kexie.Language.CHINESE))
                print("digest", board.digest)
                digest = board.digest
            # A snapshot round trip: bytes go to load_snapshot_bytes (a path would go
            # to load_snapshot); the loaded campaign scores to the same digest.
            data = kexie.save_snapshot(None, reg, campaigns=[c])
            with kexie.load_snapshot_bytes(data) as snap:
                with snap.campaigns[0].score() as again:
                    print("snapshot of %d bytes scores the same: %s"
                          % (len(data), again.digest == digest))
    return 0


if __name__ == "__main__":
    sys.exit(main())
