"""Marks kept judge by judge within an entry (round 9): every mark read back through
the C API's explanation is the one given, whatever order the judges were seated in
(after others marked, before them, between them) and whatever form the marks came in
(one by one, mark_many, mark_columns), on a rubric whose bonus item sits between its
judged ones."""

import array
from datetime import date as D
from decimal import Decimal

import kexie
from kexie import Category, Indicator, IndicatorKind as K

from test_campaign import entry

# Five judged columns and a bonus one among them: six columns an entry.
WIDE = [
    Indicator("G", "评审 judged", None, K.GROUP, "1"),
    Indicator("W1", "一 one", "G", K.JUDGED, "0.2", 0, 100, "0.5"),
    Indicator("W2", "二 two", "G", K.JUDGED, "0.2", 0, 100, "0.5"),
    Indicator("X", "加分 bonus", None, K.BONUS, None, 0, 5, 1, bonus_cap=3),
    Indicator("W3", "三 three", "G", K.JUDGED, "0.2", 0, 100, "0.5"),
    Indicator("W4", "四 four", "G", K.JUDGED, "0.2", 0, 100, "0.5"),
    Indicator("W5", "五 five", "G", K.JUDGED, "0.2", 0, 100, "0.5"),
    Indicator("veto", "一票否决 veto", None, K.VETO),
]
CODES = ["W1", "W2", "X", "W3", "W4", "W5"]


def make(world):
    """test_campaign's campaign, its tie-breaks without the indicator A.1."""
    return kexie.Campaign(world.reg, kexie.CampaignSpec(
        "2025 讲比", world.province, D(2025, 11, 30), 2024,
        tiers=[kexie.AwardTier("一等奖", count=1, min_score=60)], people_min_share=Decimal("0.5"),
        max_team_size=5))


def value(judge, entry_id, code):
    """A distinct mark for every judge, entry and indicator, on the indicator's scale."""
    if code == "X":
        return Decimal((judge + entry_id) % 6)
    return Decimal(10 * judge + entry_id) + Decimal(CODES.index(code)) / 2


def test_marks_read_back_per_judge_whatever_the_seating_order(world):
    c = make(world)
    cat = Category.INNOVATIVE_IDEAS
    c.set_rubric(cat, "宽 wide", WIDE)
    j1, j2, j3 = (c.add_judge(q) for q in world.q)
    entries = [entry(c, "L%d" % k, world.steel, world.p[k], 100000, cat) for k in range(3)]
    index = {code: c.indicator_index(cat, code) for code in CODES}
    given = {}

    def expect_read_back(when):
        board = c.score()
        for e in entries:
            x = board.explain(e)
            got = {}
            for line in x["lines"]:
                if line["kind"] not in ("judged", "bonus"):
                    continue
                for m in line["marks"]:
                    got[(m["judge"], e, line["code"])] = Decimal(m["mark"])
            want = {k: v for k, v in given.items() if k[1] == e}
            assert got == want, (when, e)

    # Judge 3 first, marks one by one on the first entry and in one batch on the others.
    for e in entries:
        c.assign(j3, e)
    for code in CODES:
        c.mark(j3, entries[0], code, value(j3, entries[0], code))
        given[(j3, entries[0], code)] = value(j3, entries[0], code)
    batch = [(j3, e, index[code], value(j3, e, code)) for e in entries[1:] for code in CODES]
    c.mark_many(batch)
    given.update({(j, e, CODES[list(index.values()).index(i)]): v for j, e, i, v in batch})
    expect_read_back("judge 3 alone")
    # Judge 1 before it: every row moves; marks in columns, entries backwards.
    for e in entries:
        c.assign(j1, e)
    expect_read_back("judge 1 seated")
    js, es, inds, vs = array.array("I"), array.array("I"), array.array("I"), array.array("q")
    for e in reversed(entries):
        for code in CODES:
            js.append(j1)
            es.append(e)
            inds.append(index[code])
            vs.append(int(value(j1, e, code) * 10))
            given[(j1, e, code)] = value(j1, e, code)
    c.mark_columns(js, es, inds, vs, scale=1)
    expect_read_back("judge 1 marked")
    # Judge 2 between them, on two entries only: a partial mark sheet on the last.
    for e in entries[:2]:
        c.assign(j2, e)
    expect_read_back("judge 2 seated")
    batch = [(j2, e, index[code], value(j2, e, code)) for e in entries[:2] for code in CODES
             if not (e == entries[1] and code in ("W2", "X"))]
    c.mark_many(batch)
    given.update({(j, e, CODES[list(index.values()).index(i)]): v for j, e, i, v in batch})
    expect_read_back("judge 2 marked")
    # A refused batch (a mark recorded before at its end) changes nothing.
    try:
        c.mark_many([(j2, entries[1], index["W2"], 50), (j1, entries[0], index["W1"], 50)])
    except kexie.AlreadyExists as e:
        assert e.position == 1
    else:
        raise AssertionError("judge 1 marked W1 of the first entry twice")
    expect_read_back("after a refused batch")
