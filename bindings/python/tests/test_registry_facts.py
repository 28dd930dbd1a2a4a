"""Appointments, honours and roles backed by the registry (issue 13)."""

from datetime import date as D
from datetime import datetime, timezone

import pytest

import kexie


def test_appointments_back_roles(world):
    r = world.reg
    boss = world.q[0]
    a = r.appoint(boss, world.city, kexie.OfficerRole.CHAIR, D(2020, 1, 1))
    rows = r.appointments(boss, D(2025, 3, 1))
    assert [(x.id, x.org, x.role, x.last_day) for x in rows] == [
        (a, world.city, kexie.OfficerRole.CHAIR, None)]
    with pytest.raises(kexie.AlreadyExists) as e:
        r.appoint(boss, world.city, kexie.OfficerRole.CHAIR, D(2024, 1, 1))
    assert (e.value.rule, e.value.article) == ("appointment.unique", "A14")
    with pytest.raises(kexie.RuleViolation) as e:
        r.appoint(boss, world.steel, kexie.OfficerRole.CHAIR, D(2024, 1, 1))
    assert (e.value.rule, e.value.article) == ("appointment.org_kind", "A14")

    asserted = kexie.Actor(boss).add_role(kexie.Role.CHAIR, world.cast)
    with pytest.raises(kexie.PermissionDenied) as e:
        kexie.check_backed(r, asserted, D(2025, 3, 1))
    assert (e.value.rule, e.value.article) == ("actor.unbacked_role", "A14")
    kexie.check_backed(r, kexie.Actor(boss).add_role(kexie.Role.CHAIR, world.city), D(2025, 3, 1))
    r.end_appointment(a, D(2024, 12, 31))
    assert r.appointments(boss, D(2025, 3, 1)) == []


def test_book_refuses_unbacked_roles_by_default(world):
    r = world.reg
    book = kexie.ActivityBook(r)
    at = datetime(2025, 3, 1, 9, tzinfo=timezone.utc)
    owner = kexie.Actor(world.p[0])
    a = book.create(owner, at, kexie.ActivityType.JIANGBI_CAMPAIGN, "讲比", world.steel,
                    world.branch, world.p[0], (D(2025, 3, 1), D(2025, 11, 30)))
    a.submit(owner, at, "ready")
    chair = kexie.Actor(world.q[0]).add_role(kexie.Role.CHAIR, world.city)
    with pytest.raises(kexie.PermissionDenied) as e:
        a.approve(chair, at, "立项")
    assert e.value.rule == "actor.unbacked_role"
    r.appoint(world.q[0], world.city, kexie.OfficerRole.CHAIR, D(2020, 1, 1))
    a.approve(kexie.Actor.from_registry(r, world.q[0], D(2025, 3, 1)), at, "立项")


def test_honours(world):
    r = world.reg
    r.record_honour(kexie.HonourKind.ADVANCED_UNIT, world.province, "先进单位", D(2025, 12, 20),
                    organization=world.steel, basis="2025 讲比", activity=1)
    r.record_honours([
        dict(kind=kexie.HonourKind.ADVANCED_INDIVIDUAL, grantor=world.city, title="先进个人",
             date=D(2025, 12, 20), person=world.p[1], basis="2025 讲比"),
        dict(kind=kexie.HonourKind.AWARDED_ENTRY, grantor=world.city, title="一等奖",
             date=D(2025, 12, 20), person=world.p[2], organization=world.steel, basis="P-1")])
    (h,) = r.honours(person=world.p[1])
    assert (h.kind, h.title, h.grantor, h.organization) == (
        kexie.HonourKind.ADVANCED_INDIVIDUAL, "先进个人", world.city, None)
    assert [x.title for x in r.honours(organization=world.steel)] == ["先进单位", "一等奖"]
    assert r.honours(organization=world.steel)[0].activity == 1
    assert len(r.honours_granted(world.province, D(2025, 1, 1), D(2025, 12, 31))) == 3
    assert len(r.honours_granted(world.city, D(2025, 1, 1), D(2025, 12, 31))) == 2
    before = r.honours(person=world.p[3])
    with pytest.raises(kexie.InvalidArgument) as e:  # all or nothing
        r.record_honours([
            dict(kind=kexie.HonourKind.OTHER_SCHEME, grantor=world.cast, title="奖",
                 date=D(2025, 1, 1), person=world.p[3]),
            dict(kind=kexie.HonourKind.OTHER_SCHEME, grantor=world.cast, title="",
                 date=D(2025, 1, 1), person=world.p[3])])
    assert e.value.rule == "honour.title"
    with pytest.raises(kexie.RuleViolation) as e:
        r.record_honour(kexie.HonourKind.ADVANCED_UNIT, world.city, "先进单位", D(2025, 1, 1),
                        organization=world.province)
    assert (e.value.rule, e.value.article) == ("honour.scope", "A14")
    assert r.honours(person=world.p[3]) == before == []
    with pytest.raises(TypeError):
        r.honours()
    r.award_exemplary(world.steel, D(2025, 1, 1), D(2025, 12, 31), world.city, "考核评价")
    assert r.honours(organization=world.steel)[0].kind == kexie.HonourKind.EXEMPLARY_ASSOCIATION
