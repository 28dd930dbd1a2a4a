"""Judge assignment through the C API: a proposal and its explanation, the
infeasible refusal naming the entry, apply and Campaign.assign_all all or nothing,
the proposal as an assignments CSV read back by import_assignments_csv, and the
argument checks made before anything reaches C."""

from datetime import date as D

import pytest

import kexie
from kexie import Category, Indicator, IndicatorKind as K

RUBRIC = [Indicator("A", "评审指标 judged", None, K.JUDGED, "1", 0, 100, 1)]


def campaign(world):
    spec = kexie.CampaignSpec("2025 讲比", world.province, D(2025, 11, 30), 2024,
                              min_judges=2, max_judges_per_entry=3)
    c = kexie.Campaign(world.reg, spec)
    c.set_rubric(Category.RATIONALIZATION_PROPOSALS, "细则", RUBRIC)
    judges = [c.add_judge(q) for q in world.q] + [c.add_judge(world.p[4]),
                                                  c.add_judge(world.p[5])]
    entries = {}
    for code, unit, leader in (("S1", world.steel, world.p[0]), ("S2", world.branch, world.p[1]),
                               ("O1", world.other, world.q[0])):
        entries[code] = c.add_entry(code, "余热回收改造", unit,
                                    Category.RATIONALIZATION_PROPOSALS, [(leader, 1)],
                                    D(2024, 3, 1), focus=kexie.Focus.ENERGY_SAVING,
                                    annual_benefit_yuan=100000)
    return c, judges, entries


def test_proposal_explains_itself_and_applies(world):
    c, judges, entries = campaign(world)
    p = kexie.propose_assignment(c, seed=7)
    assert len(p.pairs) == 6
    assert p.cost == 6 * 100 + 3 * 50
    steel_judges = set(judges[3:])
    o1 = p.entries[entries["O1"]]
    assert {jc.judge for jc in o1.judges} == steel_judges
    assert all(jc.shares_organization and not jc.kept for jc in o1.judges)
    assert [x.judge for x in o1.excluded] == judges[:3]
    assert {x.rule for x in o1.excluded} == {"panel.conflict"}
    assert all("O1" in x.reason for x in o1.excluded)
    for judge, entry in p.pairs:
        if entry != entries["O1"]:
            assert judge not in steel_judges
    assert kexie.propose_assignment(c, seed=7) == p  # the same seed, the same proposal
    kexie.apply_assignment(c, p)
    with pytest.raises(kexie.AlreadyExists):
        c.assign(*p.pairs[0])


def test_infeasible_names_the_entry(world):
    c, _, _ = campaign(world)
    with pytest.raises(kexie.RuleViolation) as e:
        kexie.propose_assignment(c, judges_per_entry=3)
    assert e.value.rule == "assignment.infeasible"
    assert e.value.article == "A12"
    assert 'entry "O1" can get 2 of the 3 judges' in str(e.value)
    with pytest.raises(kexie.RuleViolation) as e:
        kexie.propose_assignment(c, load=(0, 1))
    assert e.value.rule == "assignment.load"


def test_assign_all_is_all_or_nothing(world):
    c, judges, entries = campaign(world)
    with pytest.raises(kexie.ConflictOfInterest) as e:
        c.assign_all([(judges[3], entries["O1"]), (judges[3], entries["S1"])])
    assert "assignment #2" in str(e.value)
    c.assign(judges[3], entries["O1"])  # the first pair was not recorded
    p = kexie.propose_assignment(c)
    kept = [jc for jc in p.entries[entries["O1"]].judges if jc.kept]
    assert [jc.judge for jc in kept] == [judges[3]]
    assert (judges[3], entries["O1"]) not in p.pairs


def test_arguments_are_checked_before_c(world):
    c, judges, _ = campaign(world)
    with pytest.raises(TypeError):
        kexie.propose_assignment("not a campaign")
    with pytest.raises(ValueError):
        kexie.propose_assignment(c, seed=-1)
    with pytest.raises(ValueError):
        kexie.propose_assignment(c, seed=2**64)
    with pytest.raises(TypeError):
        kexie.propose_assignment(c, spread_required=1)
    with pytest.raises(TypeError):
        kexie.propose_assignment(c, load=[1, 2])
    with pytest.raises(ValueError):
        kexie.Availability(judge=2**32)
    with pytest.raises(TypeError):
        kexie.propose_assignment(c, availability=[(1, 0, 1, 0)])
    with pytest.raises(kexie.InvalidArgument):
        kexie.propose_assignment(c, availability=[kexie.Availability(judge=99, max_load=1)])
    with pytest.raises(kexie.InvalidArgument):
        kexie.propose_assignment(c, judges_per_entry=4)
    with pytest.raises(TypeError):
        c.assign_all([(1, 2, 3)])
    with pytest.raises(ValueError):
        c.assign_all([(2**32, 1)])
    with pytest.raises(TypeError):
        kexie.apply_assignment(c, [(1, 1)])
    unavailable = kexie.propose_assignment(
        c, load=(0, 3), availability=[kexie.Availability(judge=judges[0], max_load=0)])
    assert all(j != judges[0] for j, _ in unavailable.pairs)


def test_proposal_as_csv_reads_back_into_a_fresh_campaign(world, tmp_path):
    c, _, entries = campaign(world)
    p = kexie.propose_assignment(c, seed=3)
    data = p.to_csv(c)
    assert data.startswith(b"\xef\xbb\xbfjudge,entry,judge_name,organization,expertise,")
    zh = p.to_csv(c, chinese=True, explain=False, encoding=kexie.TextEncoding.GB18030)
    assert zh.decode("gb18030").splitlines()[0] == "评委,项目编号"
    for name, blob in (("en.csv", data), ("zh.csv", zh)):
        path = tmp_path / name
        path.write_bytes(blob)
        fresh, _, _ = campaign(world)
        fresh.import_assignments_csv(path)
        # Every seat is taken: the fresh campaign's proposal adds nothing and keeps
        # exactly the pairs written.
        q = kexie.propose_assignment(fresh)
        assert q.pairs == []
        for code, e in entries.items():
            kept = [jc.judge for jc in q.entries[e].judges if jc.kept]
            assert kept == sorted(j for j, x in p.pairs if x == e), code
    edited = kexie.Proposal(p.pairs[:-1], p.cost, p.entries, p._handle)
    with pytest.raises(ValueError):
        edited.to_csv(c)
    with pytest.raises(ValueError):
        kexie.Proposal(p.pairs, p.cost).to_csv(c)
    with pytest.raises(TypeError):
        p.to_csv(c, chinese=1)
