"""Guidance (issue 19): credit codes, enterprises, founding, coverage and
secretary-general training through the Python package."""

import json
from datetime import date as D
from datetime import datetime, timezone
from decimal import Decimal

import pytest

import kexie


def at(day):
    return datetime(day.year, day.month, day.day, 9, 0, tzinfo=timezone.utc)


def test_credit_codes():
    kexie.check_credit_code("91350100M000100Y43")
    kexie.check_credit_code("914403001922038216")
    with pytest.raises(kexie.InvalidArgument) as e:
        kexie.check_credit_code("91350100M000100Y44")
    assert e.value.rule == "enterprise.credit_code"
    with pytest.raises(TypeError):
        kexie.check_credit_code(91350100)


def test_founding_coverage_and_training(world):
    r = world.reg
    steel = kexie.add_enterprise(r, "杭钢股份", "91350100M000100Y43", local=world.city,
                                 registered=D(1957, 1, 1), ownership=kexie.Ownership.STATE,
                                 development_zone=True)
    kexie.attach_association(r, steel, world.steel, D(2001, 1, 1))
    turbine = kexie.add_enterprise(r, "杭汽轮", "914403001922038216", local=world.city,
                                   registered=D(1958, 1, 1), high_tech_zone=True,
                                   industry="C34", region="330100")
    with pytest.raises(kexie.AlreadyExists) as e:
        kexie.add_enterprise(r, "x", "914403001922038216", local=world.city,
                             registered=D(2000, 1, 1))
    assert (e.value.rule, e.value.article) == ("enterprise.credit_code_unique", "A13")
    with pytest.raises(TypeError):
        kexie.add_enterprise(r, "y", "91440300708461136T", local=world.city,
                             registered=D(2000, 1, 1), new_economy=1)
    kexie.employ(r, world.q[0], turbine, D(2010, 1, 1))
    kexie.record_support(r, steel, 2025, 2, 5, Decimal("300000"), Decimal("120.5"))
    assert kexie.association_of(r, turbine, D(2025, 1, 1)) is None

    chair = r.add_person("陈主席", D(1970, 1, 1), world.other, "C-1")
    r.appoint(chair, world.city, kexie.OfficerRole.CHAIR, D(2020, 1, 1))
    f = kexie.apply_founding(r, turbine, world.city, "杭汽轮科协", world.q[0], at(D(2025, 3, 1)))
    assert kexie.founding_state(r, f) is kexie.FoundingState.PENDING
    with pytest.raises(kexie.RuleViolation) as e:
        kexie.approve_founding(r, f, world.q[1], at(D(2025, 4, 1)), D(2025, 5, 1))
    assert (e.value.rule, e.value.article) == ("founding.permission", "A14")
    kx = kexie.approve_founding(r, f, chair, at(D(2025, 4, 1)), D(2025, 5, 1), "条件具备")
    assert kexie.association_of(r, turbine, D(2025, 5, 1)) == kx
    assert kexie.founding_state(r, f) is kexie.FoundingState.APPROVED
    assert kexie.verify_founding_trail(r).fault is kexie.AuditFault.NONE
    assert kexie.verify_founding_trail(r, "3:" + "0" * 64).fault is kexie.AuditFault.TRUNCATED

    before = kexie.coverage(r, world.city, D(2025, 4, 30))
    after = kexie.coverage(r, world.city, D(2025, 5, 1))
    assert (before.total.enterprises, before.total.with_association) == (2, 1)
    assert (after.total.with_association, after.total.workers_covered) == (2, 1)
    zones = {g.value: g.counts.enterprises for g in after.groups
             if g.dimension is kexie.CoverageDimension.ZONE}
    assert zones == {"high_tech_zone": 1, "development_zone": 1}
    with pytest.raises(kexie.RuleViolation) as e:
        kexie.coverage(r, world.steel, D(2025, 5, 1))
    assert e.value.rule == "coverage.area"
    # The same as a kexie.coverage/1 document, with the change since before the founding.
    doc = json.loads(kexie.coverage_document(r, world.city, D(2025, 5, 1), since=D(2025, 4, 30)))
    assert doc["format"] == "kexie.coverage/1" and doc["on"] == "2025-05-01"
    assert doc["total"]["with_association"] == 2 and doc["uncovered"] == []
    assert doc["change"]["before"]["total"]["with_association"] == 1
    assert doc["change"]["newly_covered"] == [{"credit_code": "914403001922038216",
                                               "name": "杭汽轮"}]
    assert json.loads(kexie.coverage_document(r, world.city, D(2025, 4, 30)))["change"] is None
    with pytest.raises(kexie.InvalidArgument):
        kexie.coverage_document(r, world.city, D(2024, 1, 1), since=D(2025, 1, 1))
    with pytest.raises(kexie.RuleViolation) as e:
        kexie.coverage_document(r, world.steel, D(2025, 5, 1))
    assert e.value.rule == "coverage.area"

    r.add_membership(world.p[3], world.steel, kexie.Role.SECRETARY_GENERAL, D(2020, 1, 1))
    kexie.add_sg_training(r, world.p[3], D(2024, 1, 1), 8, world.city)
    gaps = kexie.sg_out_of_date(r, world.city, D(2026, 1, 1))
    assert {(g.association, g.gap) for g in gaps} == {
        (world.steel, kexie.SgGap.LAPSED), (world.other, kexie.SgGap.NO_SECRETARY_GENERAL),
        (kx, kexie.SgGap.NO_SECRETARY_GENERAL)}
    kexie.set_sg_training_interval(r, 36)
    assert world.steel not in {g.association for g in kexie.sg_out_of_date(r, world.city, D(2026, 1, 1))}
    with pytest.raises(kexie.InvalidArgument) as e:
        kexie.set_sg_training_interval(r, 0)
    assert e.value.rule == "sg_training.interval"


def test_yearly_evaluation(world):
    r = world.reg
    outside = r.add_organization(kexie.OrgKind.ENTERPRISE, "省属科协", world.province,
                                 D(2000, 1, 1), enterprise_name="省属")
    judge = r.add_person("专家", D(1970, 1, 1), outside, "J-1")
    chair = r.add_person("陈主席", D(1970, 1, 1), outside, "C-1")
    r.appoint(chair, world.city, kexie.OfficerRole.CHAIR, D(2020, 1, 1))
    r.add_membership(world.p[3], world.steel, kexie.Role.SECRETARY_GENERAL, D(2020, 1, 1))
    kexie.add_sg_training(r, world.p[3], D(2025, 3, 1), 8, world.city)
    rubric = ("A|成效||judged|0.6|0|100|1\n"
              "B|培训||objective|0.4||||annual_benefit_yuan||0|100|100\n")
    with pytest.raises(kexie.InvalidArgument) as e:
        kexie.Evaluation(r, world.city, 2025, rubric, {})
    assert e.value.rule == "evaluation.spec"
    with pytest.raises(kexie.InvalidArgument):
        kexie.Evaluation(r, world.city, 2025, rubric, {"B": "no_such_figure"})
    ev = kexie.Evaluation(r, world.city, 2025, rubric, {"B": "secretary_general_trained"})
    book = kexie.ActivityBook(r)
    ev.add_judge(r, judge)
    ev.add_judge(r, world.q[0])
    with pytest.raises(kexie.RuleViolation) as e:
        ev.score(r, book)
    assert (e.value.rule, e.value.article) == ("evaluation.incomplete", "A14")
    with pytest.raises(kexie.RuleViolation) as e:
        ev.mark(r, world.q[0], world.other, "A", 90)
    assert (e.value.rule, e.value.article) == ("evaluation.conflict", "A12")
    ev.mark(r, judge, world.steel, "A", Decimal("75"))
    ev.mark(r, judge, world.other, "A", Decimal("90"))
    rows = ev.score(r, book)
    assert [(x.association, x.rank, x.total) for x in rows] == [
        (world.steel, 1, Decimal(85)), (world.other, 2, Decimal(54))]
    with pytest.raises(kexie.RuleViolation) as e:
        ev.name_exemplary(r, book, 1, 80, judge, "2025 年度考核评价")
    assert e.value.rule == "evaluation.permission"
    assert ev.name_exemplary(r, book, 1, 80, chair, "2025 年度考核评价") == 1
    assert [h.kind for h in r.honours(organization=world.steel)] == [
        kexie.HonourKind.EXEMPLARY_ASSOCIATION]
    # The result as a kexie.evaluation/1 document: ranks, figures with their facts,
    # marks, and the exemplary one.
    doc = json.loads(ev.to_document(r, book))
    assert doc["format"] == "kexie.evaluation/1" and doc["year"] == 2025
    first, second = doc["associations"]
    assert (first["rank"], Decimal(first["total"]), first["exemplary"]) == (1, 85, True)
    assert second["exemplary"] is False and Decimal(second["total"]) == 54
    assert first["figures"][0]["figure"] == "secretary_general_trained"
    assert first["figures"][0]["facts"] != []
    assert first["judged"][0]["marks"][0]["mark"] == "75"
    assert len(doc["exemplary"]) == 1
    ev.close()
    book.close()
