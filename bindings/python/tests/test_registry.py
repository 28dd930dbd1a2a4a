"""Registry through the C API: organizations, people, memberships, queries."""

from datetime import date as D

import pytest

import kexie


def test_organizations(world):
    r = world.reg
    o = r.organization(world.province)
    assert o == kexie.Organization(world.province, kexie.OrgKind.LOCAL, kexie.Level.PROVINCIAL,
                                   "浙江省科协", D(1960, 1, 1), None)
    assert r.parent(world.steel, D(2025, 1, 1)) == world.city
    assert r.parent(world.cast, D(2025, 1, 1)) is None
    with pytest.raises(kexie.RuleViolation) as info:
        r.add_organization(kexie.OrgKind.ENTERPRISE, "bad", world.society, D(2010, 1, 1),
                           enterprise_name="bad")
    assert info.value.rule == "org.parent_kind" and info.value.article
    with pytest.raises(kexie.NotFound):
        r.organization(999)
    assert list(r.subtree(world.province, D(2025, 6, 30), kexie.OrgKind.ENTERPRISE)) == \
        [world.steel, world.other]
    assert len(list(r.subtree(world.cast, D(2025, 6, 30)))) == 7
    with pytest.raises(kexie.NotFound):
        list(r.subtree(999, D(2025, 6, 30)))
    g = r.add_organization(kexie.OrgKind.STUDY_GROUP, "学组", world.steel, D(2020, 1, 1))
    r.dissolve(g, D(2024, 12, 31))
    assert r.organization(g).last_day == D(2024, 12, 31)
    with pytest.raises(kexie.RuleViolation):
        r.dissolve(world.cast, D(2024, 12, 31))


def test_people(world):
    r = world.reg
    p = r.person(world.p[0])
    assert p == kexie.Person(world.p[0], "王工", D(1995, 5, 1), world.steel,
                             kexie.Title.INTERMEDIATE)
    assert r.find_person(world.steel, "E-2") == world.p[1]
    with pytest.raises(kexie.NotFound):
        r.find_person(world.steel, "E-99")
    assert r.is_young(world.p[0], D(2025, 6, 30))
    assert not r.is_young(world.p[3], D(2025, 6, 30))
    with pytest.raises(kexie.AlreadyExists) as info:
        r.add_person("重复", D(1990, 1, 1), world.steel, "E-1")
    assert info.value.rule == "person.external_key"


def test_memberships_and_members(world):
    r = world.reg
    m = r.add_membership(world.p[0], world.branch, kexie.Role.CHAIR, D(2020, 1, 1),
                         D(2030, 12, 31))
    r.end_membership(m, D(2029, 12, 31))
    ms = list(r.memberships(world.p[0]))
    assert len(ms) == 2 and ms[1] == kexie.Membership(m, world.p[0], world.branch,
                                                      kexie.Role.CHAIR, D(2020, 1, 1),
                                                      D(2029, 12, 31))
    assert ms[0].last_day is None
    with pytest.raises(kexie.InvalidArgument):
        r.end_membership(m, D(2035, 1, 1))
    rows = list(r.members(world.province, D(2025, 6, 30)))
    assert len(rows) == 9 and sum(row.young for row in rows) == 3
    young = list(r.members(world.province, D(2025, 6, 30), young=True))
    assert {row.person for row in young} == set(world.p[:3])
    chairs = list(r.members(world.steel, D(2025, 6, 30), role=kexie.Role.CHAIR))
    assert [row.person for row in chairs] == [world.p[0]]
    seniors = list(r.members(world.province, D(2025, 6, 30), min_title=kexie.Title.SENIOR))
    assert [row.org for row in seniors] == [world.other] * 3
    assert list(r.members(world.province, D(2025, 6, 30), discipline="none")) == []
    assert r.rollup(world.province, D(2025, 6, 30)) == kexie.Rollup(9, 3, 0)
    with pytest.raises(kexie.NotFound):
        r.rollup(999, D(2025, 6, 30))


def test_registry_options_and_context_manager():
    with kexie.Registry(young_age_max=40) as r:
        cast = r.add_organization(kexie.OrgKind.NATIONAL, "中国科协", effective=D(1958, 9, 18))
        assert r.organization(cast).name == "中国科协"
    with pytest.raises(ValueError):
        r.organization(cast)  # closed
    with pytest.raises(kexie.InvalidArgument):
        kexie.Registry(young_age_max=-1)


def test_membership_follows_the_employer():
    for tied in (True, False):
        with kexie.Registry(employer_tied_membership=tied) as r:
            K = kexie.OrgKind
            cast = r.add_organization(K.NATIONAL, "中国科协", effective=D(1958, 9, 18))
            city = r.add_organization(K.LOCAL, "杭州市科协", cast, D(1970, 1, 1),
                                      kexie.Level.PREFECTURE)
            a = r.add_organization(K.ENTERPRISE, "甲科协", city, D(2000, 1, 1), enterprise_name="甲")
            b = r.add_organization(K.ENTERPRISE, "乙科协", city, D(2000, 1, 1), enterprise_name="乙")
            p = r.add_person("外人", D(1990, 1, 1), b)
            if tied:
                with pytest.raises(kexie.RuleViolation) as refused:
                    r.add_membership(p, a, kexie.Role.MEMBER, D(2015, 1, 1))
                assert refused.value.rule == "membership.employer"
                assert refused.value.article == "A1"
                r.add_membership(p, b, kexie.Role.MEMBER, D(2015, 1, 1))
            else:
                r.add_membership(p, a, kexie.Role.MEMBER, D(2015, 1, 1))
