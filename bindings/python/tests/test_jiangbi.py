# Issue 13 from Python: a campaign's phase, its binding to a 讲比 activity, the
# expert rule, and the refusals of conclude and commend for an unbound campaign.
from datetime import date as D, datetime, timezone

import pytest

import kexie


def spec(world, **kw):
    return kexie.CampaignSpec("2025 讲比", world.province, D(2025, 11, 30), 2024,
                              tiers=[kexie.AwardTier("一等奖", count=1)], **kw)


def test_an_unbound_campaign_says_so_and_is_never_commended(world):
    c = kexie.Campaign(world.reg, spec(world))
    assert c.phase == kexie.Phase.UNBOUND
    assert not c.bound
    assert c.digests() == ("", "")
    book = kexie.ActivityBook(world.reg)
    chair = kexie.Actor(world.q[0])
    at = datetime(2025, 12, 20, 10, tzinfo=timezone.utc)
    with pytest.raises(kexie.RuleViolation) as e:
        c.commend(book, chair, at)
    assert e.value.rule == "campaign.unbound"
    with pytest.raises(kexie.RuleViolation) as e:
        c.conclude(book, chair, at, 95)
    assert e.value.rule == "campaign.unbound"
    with pytest.raises(kexie.NotFound) as e:
        kexie.Campaign(world.reg, spec(world), book=book, activity=42)
    assert e.value.rule == "campaign.open"


def test_the_expert_rule_is_configurable(world):
    anyone = kexie.Campaign(world.reg, spec(world, expert_rule=kexie.ExpertRule.OFF))
    assert anyone.add_judge(world.q[0]) == 1
    strict = kexie.Campaign(world.reg, spec(world, expert_rule=kexie.ExpertRule.ALWAYS))
    with pytest.raises(kexie.RuleViolation) as e:
        strict.add_judge(world.q[0])
    assert e.value.rule == "panel.expert"
    assert e.value.article == "A8"


def test_scope_and_submission_day(world):
    c = kexie.Campaign(world.reg, spec(world, entry_deadline=D(2025, 9, 30)))
    c.set_rubric_text(kexie.Category.RATIONALIZATION_PROPOSALS, "细则",
                      "A|评审指标 judged||judged|1|0|100|1\n")
    # Unbound: the deadline is not a phase rule, but the scope rule holds.
    e = c.add_entry("E1", "t", world.steel, kexie.Category.RATIONALIZATION_PROPOSALS,
                    [(world.p[0], 1)], D(2024, 3, 1), submitted=D(2025, 9, 1))
    assert e == 1
    with pytest.raises(kexie.RuleViolation) as x:
        c.add_entry("E2", "t", world.steel, kexie.Category.RATIONALIZATION_PROPOSALS,
                    [(world.p[1], 1)], D(2024, 3, 1), submitted=D(2025, 10, 1))
    assert x.value.rule == "campaign.entry_deadline"


def test_a_bound_campaign_from_plan_to_honours():
    """tests/unit/jiangbi_test.cpp's FromPlanToHonours from Python: every actor is
    derived from the registry (appointments and expert listings), no role asserted."""
    reg = kexie.Registry()
    K = kexie.OrgKind

    def org(kind, name, parent=None, level=kexie.Level.NONE):
        return reg.add_organization(kind, name, parent, D(2000, 1, 1), level,
                                    enterprise_name=name if kind == K.ENTERPRISE else None)

    cast = org(K.NATIONAL, "中国科协")
    zj = org(K.LOCAL, "浙江省科协", cast, kexie.Level.PROVINCIAL)
    hz = org(K.LOCAL, "杭州市科协", zj, kexie.Level.PREFECTURE)
    nb = org(K.LOCAL, "宁波市科协", zj, kexie.Level.PREFECTURE)
    js = org(K.LOCAL, "江苏省科协", cast, kexie.Level.PROVINCIAL)
    ent_hz, ent_nb, ent_js = (org(K.ENTERPRISE, "杭钢科协", hz), org(K.ENTERPRISE, "宁钢科协", nb),
                              org(K.ENTERPRISE, "苏钢科协", js))
    office = org(K.PROXY, "浙江省科协机关", zj)

    def person(name, employer):
        return reg.add_person(name, D(1985, 1, 1), employer)

    chair, secretary, wu = (person(n, office) for n in ("周主席", "钱秘书长", "吴处长"))
    hz_worker, nb_worker, js_worker = (person("杭工", ent_hz), person("甬工", ent_nb),
                                       person("苏工", ent_js))
    expert1, expert3, expert_hz = (person("专家一", office), person("专家三", ent_js),
                                   person("杭钢专家", ent_hz))
    outsider = person("非专家", office)
    always = D(2020, 1, 1)
    reg.appoint(chair, zj, kexie.OfficerRole.CHAIR, always)
    reg.appoint(secretary, zj, kexie.OfficerRole.SECRETARY_GENERAL, always)
    with pytest.raises(kexie.RuleViolation) as x:
        reg.appoint(hz_worker, ent_hz, kexie.OfficerRole.CHAIR, always)
    assert x.value.rule == "appointment.org_kind"
    assert reg.add_expert(expert1, zj, ["rationalization_proposals"], always) == 1
    reg.add_expert(expert3, cast, ["rationalization_proposals"], always)  # above the organizer
    reg.add_expert(expert_hz, zj, ["rationalization_proposals"], always)
    with pytest.raises(kexie.AlreadyExists) as x:
        reg.add_expert(expert1, zj, ["energy saving"], D(2024, 1, 1))
    assert x.value.rule == "expert.unique"

    def actor(who, day):
        return kexie.Actor.from_registry(reg, who, day)

    def at(month, day):
        return datetime(2025, month, day, 1, tzinfo=timezone.utc)

    june = D(2025, 6, 1)
    book = kexie.ActivityBook(reg)
    a = book.create(actor(wu, june), at(3, 1), kexie.ActivityType.JIANGBI_CAMPAIGN,
                    "2025 浙江省讲比活动", zj, zj, wu, (D(2025, 3, 1), D(2025, 12, 31)))
    a.submit(actor(wu, june), at(3, 2), "ready")
    a.approve(actor(chair, june), at(3, 5), "立项")
    a.start(actor(wu, june), at(3, 10), "实施")

    c = kexie.Campaign(reg, kexie.CampaignSpec(
        "2025 浙江省讲比活动", zj, D(2025, 11, 30), 2025,
        tiers=[kexie.AwardTier("一等奖", count=1), kexie.AwardTier("二等奖", count=1)],
        min_judges=2, unit_min_awarded=1, entry_deadline=D(2025, 9, 30)), book=book,
        activity=a.id)
    assert c.bound and c.phase == kexie.Phase.ENTRIES
    c.set_rubric_text(kexie.Category.RATIONALIZATION_PROPOSALS, "合理化建议",
                      "A.1|创新性||judged|1|0|100|1\n")

    def entry(code, unit, who, day):
        return c.add_entry(code, code, unit, kexie.Category.RATIONALIZATION_PROPOSALS,
                           [(who, 1)], D(2024, 1, 1), submitted=day)

    e_hz = entry("HZ-1", ent_hz, hz_worker, D(2025, 5, 1))
    e_nb = entry("NB-1", ent_nb, nb_worker, D(2025, 6, 1))
    with pytest.raises(kexie.RuleViolation) as x:
        entry("JS-1", ent_js, js_worker, D(2025, 6, 1))
    assert x.value.rule == "entry.scope"

    a.complete(actor(wu, june), at(10, 1), "entries closed")
    a.open_evaluation(actor(chair, june), at(11, 1), "评估")
    assert c.phase == kexie.Phase.EVALUATION
    j1, j2, jhz = c.add_judge(expert1), c.add_judge(expert3), c.add_judge(expert_hz)
    with pytest.raises(kexie.RuleViolation) as x:
        c.add_judge(outsider)
    assert x.value.rule == "panel.expert"
    with pytest.raises(kexie.ConflictOfInterest) as x:
        c.assign(jhz, e_hz)
    assert x.value.rule == "panel.conflict"
    for j in (j1, j2):
        c.assign(j, e_hz)
        c.assign(j, e_nb)
    c.assign(jhz, e_nb)
    for j, e, mark in ((j1, e_hz, 92), (j2, e_hz, 90), (j1, e_nb, 80), (j2, e_nb, 82),
                       (jhz, e_nb, 81)):
        c.mark(j, e, "A.1", mark)

    late = actor(chair, D(2025, 12, 20))
    with pytest.raises(kexie.RuleViolation) as x:
        c.commend(book, late, at(12, 20))
    assert x.value.rule == "campaign.not_concluded"
    board = c.conclude(book, actor(secretary, D(2025, 11, 30)), at(11, 30), 95)
    with pytest.raises(kexie.RuleViolation) as x:
        c.mark(j1, e_nb, "A.1", 85)
    assert x.value.rule == "campaign.frozen"
    awards = c.commend(book, late, at(12, 20))
    assert c.phase == kexie.Phase.COMMENDED
    assert c.digests() == (board, awards) and len(board) == 64 and len(awards) == 64
    assert a.state == kexie.State.COMMENDED

    # The honours, from the registry, granted by the organizer under the activity.
    hz_honours = reg.honours(organization=ent_hz)
    assert hz_honours and all(h.grantor == zj and h.activity == a.id for h in hz_honours)
    assert any(h.kind == kexie.HonourKind.AWARDED_ENTRY and h.title == "一等奖"
               for h in hz_honours)
    assert reg.honours(organization=ent_nb)
    assert reg.honours(person=hz_worker)  # 先进个人
    assert reg.honours(organization=ent_js) == []
    granted = reg.honours_granted(zj, D(2025, 1, 1), D(2025, 12, 31))
    assert len(granted) >= 3 and all(h.grantor == zj for h in granted)

    # The audit trail verifies and carries both digests.
    assert book.verify_audit().fault == kexie.AuditFault.NONE
    trail = [r for r in book.audit() if r.code == 0]
    assert any(r.operation == kexie.Operation.CONCLUDE and board in r.reason for r in trail)
    assert any(r.operation == kexie.Operation.COMMEND and awards in r.reason for r in trail)
