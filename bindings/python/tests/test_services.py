# Issue 20 from Python: the service desk (requests, proposals, the queue, the
# overdue report, a 讲比 entry from an adopted proposal, the trail), CNIPA patent
# numbers and recommendation lists; every actor is derived from the registry.
import json
from datetime import date as D, datetime, timezone

import pytest

import kexie

K = kexie.OrgKind


def at(month, day, year=2026):
    return datetime(year, month, day, 1, tzinfo=timezone.utc)


@pytest.fixture
def w():
    reg = kexie.Registry()

    def org(kind, name, parent=None, level=kexie.Level.NONE):
        return reg.add_organization(kind, name, parent, D(2000, 1, 1), level,
                                    enterprise_name=name if kind == K.ENTERPRISE else None)

    class W:
        pass

    x = W()
    x.reg = reg
    x.cast = org(K.NATIONAL, "中国科协")
    x.zj = org(K.LOCAL, "浙江省科协", x.cast, kexie.Level.PROVINCIAL)
    x.hz = org(K.LOCAL, "杭州市科协", x.zj, kexie.Level.PREFECTURE)
    x.ent = org(K.ENTERPRISE, "杭钢科协", x.hz)
    x.office = org(K.PROXY, "浙江省科协机关", x.zj)
    x.li = reg.add_person("李娜", D(1996, 7, 1), x.ent, title=kexie.Title.INTERMEDIATE)
    x.wang = reg.add_person("王强", D(1980, 2, 1), x.ent, title=kexie.Title.JUNIOR)
    x.sg = reg.add_person("陈秘书长", D(1975, 3, 1), x.ent)
    x.clerk = reg.add_person("孙干事", D(1990, 1, 1), x.office)
    x.province_sg = reg.add_person("钱秘书长", D(1970, 1, 1), x.office)
    reg.add_membership(x.sg, x.ent, kexie.Role.SECRETARY_GENERAL, D(2020, 1, 1))
    reg.appoint(x.province_sg, x.zj, kexie.OfficerRole.SECRETARY_GENERAL, D(2020, 1, 1))
    return x


def test_a_patent_request_from_submission_to_grant(w):
    desk = kexie.ServiceDesk(w.reg)
    r = desk.submit(w.li, w.ent, kexie.ServiceKind.PATENT_APPLICATION, "余热回收装置", at(3, 2),
                    patent_type=kexie.PatentType.UTILITY_MODEL)
    before = desk.digest()
    with pytest.raises(kexie.PermissionDenied) as e:
        desk.accept(r, w.wang, at(3, 3))
    assert e.value.rule == "service.permission" and e.value.article == "A9"
    with pytest.raises(kexie.IllegalTransition) as e:
        desk.grant(r, w.sg, at(3, 3))
    assert e.value.rule == "service.state"
    assert desk.digest() == before
    desk.accept(r, w.province_sg, at(3, 3))  # appointed above the enterprise
    desk.start(r, w.sg, at(3, 4))
    with pytest.raises(kexie.InvalidArgument) as e:
        desk.forward(r, w.sg, at(3, 20), "国家知识产权局", "201620056200.4")
    assert e.value.rule == "patent.number"
    desk.forward(r, w.sg, at(3, 20), "国家知识产权局", "CN201620056200.3")
    desk.grant(r, w.sg, at(9, 1), "ZL201620056200.3")
    info = desk.request(r)
    assert info.state == kexie.RequestState.GRANTED
    assert info.reference == "201620056200.3"
    assert info.outside_body == "国家知识产权局"
    assert desk.trail_size() == 8
    assert desk.verify_audit().fault == kexie.AuditFault.NONE
    assert desk.verify_audit(desk.chain_head()).fault == kexie.AuditFault.NONE
    with pytest.raises(kexie.NotFound):
        desk.request(99)


def test_title_evaluation_rules(w):
    desk = kexie.ServiceDesk(w.reg)
    with pytest.raises(kexie.RuleViolation) as e:
        desk.submit(w.li, w.ent, kexie.ServiceKind.TITLE_EVALUATION, "正高", at(3, 2),
                    target_title=kexie.Title.SENIOR)
    assert e.value.rule == "service.next_title"
    with pytest.raises(kexie.RuleViolation) as e:
        desk.submit(w.li, w.ent, kexie.ServiceKind.TITLE_EVALUATION, "副高", at(3, 2),
                    target_title=kexie.Title.ASSOCIATE_SENIOR)
    assert e.value.rule == "service.continuing_education" and e.value.article == "A5"
    lenient = kexie.ServiceDesk(w.reg, education_years=0)
    r = lenient.submit(w.li, w.ent, kexie.ServiceKind.TITLE_EVALUATION, "副高", at(3, 2),
                       target_title=kexie.Title.ASSOCIATE_SENIOR)
    assert lenient.request(r).kind == kexie.ServiceKind.TITLE_EVALUATION
    with pytest.raises(kexie.RuleViolation) as e:
        desk.submit(w.clerk, w.ent, kexie.ServiceKind.PROJECT_APPLICATION, "x", at(3, 2))
    assert e.value.rule == "service.member"
    with pytest.raises(kexie.InvalidArgument):
        kexie.ServiceDesk(w.reg, answer_due_days=0)
    with pytest.raises(TypeError):
        kexie.ServiceDesk(w.reg, young_priority=1)


def test_recorded_continuing_education_passes_the_default_title_rule(w):
    # The default rule: each of the three calendar years before the request's is
    # compliant (≥ 90 hours, ≥ 2/3 professional), recorded through the registry.
    desk = kexie.ServiceDesk(w.reg)
    for year in (2023, 2024, 2025):
        w.reg.add_training(w.li, 60, kexie.TrainingKind.PROFESSIONAL, D(year, 4, 1))
    for year in (2023, 2024):
        w.reg.add_training(w.li, 30, kexie.TrainingKind.GENERAL, D(year, 5, 1))
    s = w.reg.education_status(w.li, 2025)
    assert s == kexie.EducationStatus(2025, 60, 60, False, 30)
    before = desk.digest()
    with pytest.raises(kexie.RuleViolation) as e:
        desk.submit(w.li, w.ent, kexie.ServiceKind.TITLE_EVALUATION, "副高", at(3, 2),
                    target_title=kexie.Title.ASSOCIATE_SENIOR)
    assert e.value.rule == "service.continuing_education" and "2025" in str(e.value)
    assert desk.digest() == before
    w.reg.add_training(w.li, 30, kexie.TrainingKind.GENERAL, D(2025, 10, 1))
    assert w.reg.education_status(w.li, 2025).compliant
    r = desk.submit(w.li, w.ent, kexie.ServiceKind.TITLE_EVALUATION, "副高", at(3, 2),
                    target_title=kexie.Title.ASSOCIATE_SENIOR)
    assert desk.request(r).state == kexie.RequestState.SUBMITTED
    with pytest.raises(kexie.InvalidArgument) as e:
        w.reg.add_training(w.li, 0, kexie.TrainingKind.GENERAL, D(2025, 1, 1))
    assert e.value.rule == "training.hours"
    with pytest.raises(kexie.NotFound):
        w.reg.education_status(999, 2025)


def test_a_desk_as_a_services_document_round_trips(w):
    desk = kexie.ServiceDesk(w.reg, answer_due_days=15)
    r = desk.submit(w.li, w.ent, kexie.ServiceKind.PATENT_APPLICATION, "装置", at(3, 2),
                    patent_type=kexie.PatentType.UTILITY_MODEL)
    desk.accept(r, w.province_sg, at(3, 3))
    with pytest.raises(kexie.PermissionDenied):
        desk.start(r, w.wang, at(3, 4))  # refused: recorded in the trail too
    p = desk.file(w.wang, w.ent, kexie.ProposalKind.APPEAL, "夜班补贴", "提高", at(5, 1))
    desk.acknowledge(p, w.sg, at(5, 2))
    text = desk.to_document([{"programme": "青年托举", "nominees": [w.li, w.wang],
                              "as_of": D(2026, 6, 30), "education_years": 0}])
    doc = json.loads(text)
    assert doc["format"] == "kexie.services/1"
    assert doc["policy"]["answer_due_days"] == 15
    assert doc["chain_head"] == desk.chain_head()
    assert len(doc["trail"]) == desk.trail_size() and doc["trail"][2]["code"] == "permission_denied"
    assert doc["proposals"][0]["due"] == "2026-05-16"
    rec = doc["recommendations"][0]
    assert rec["programme"]["name"] == "青年托举" and rec["programme"]["education_years"] == 0
    assert [c["recommended"] for c in rec["candidates"]] == [True, False]
    assert "recommend.age" in rec["candidates"][1]["failed_rules"]
    back = kexie.ServiceDesk.from_document(w.reg, text)
    assert back.digest() == desk.digest() and back.chain_head() == desk.chain_head()
    assert back.verify_audit().fault == kexie.AuditFault.NONE
    assert back.request(r).state == kexie.RequestState.ACCEPTED
    assert json.loads(back.to_document()) == {**doc, "recommendations": []}
    back.start(r, w.sg, at(3, 5))  # it carries on
    # A title rewritten after the fact: the desk's digest no longer matches.
    bad = text.replace('"title": "夜班补贴"', '"title": "夜班津贴"')
    with pytest.raises(kexie.CorruptData) as e:
        kexie.ServiceDesk.from_document(w.reg, bad)
    assert e.value.rule == "services.digest"
    # A state the trail does not replay to.
    bad = text.replace('"state": "acknowledged"', '"state": "filed"')
    with pytest.raises(kexie.CorruptData) as e:
        kexie.ServiceDesk.from_document(w.reg, bad)
    assert e.value.rule == "services.trail"
    with pytest.raises(kexie.InvalidArgument) as e:
        kexie.ServiceDesk.from_document(w.reg, text.replace('"answer_due_days": 15',
                                                            '"answer_due_days": 0'))
    assert e.value.problems[0].pointer == "/policy/answer_due_days"
    with pytest.raises(TypeError):
        desk.to_document([{"programme": "x"}])


def test_the_queue_puts_young_workers_first(w):
    desk = kexie.ServiceDesk(w.reg)
    old = desk.submit(w.wang, w.ent, kexie.ServiceKind.PROJECT_APPLICATION, "a", at(4, 1))
    young = desk.submit(w.li, w.ent, kexie.ServiceKind.PROJECT_APPLICATION, "b", at(4, 2))
    q = desk.queue(w.ent, D(2026, 4, 10))
    assert [p.request for p in q] == [young, old]
    assert q[0].young and q[0].age == 29 and "29 ≤ 35" in q[0].explanation
    fifo = kexie.ServiceDesk(w.reg, young_priority=False)
    fifo.submit(w.wang, w.ent, kexie.ServiceKind.PROJECT_APPLICATION, "a", at(4, 1))
    fifo.submit(w.li, w.ent, kexie.ServiceKind.PROJECT_APPLICATION, "b", at(4, 2))
    assert [p.request for p in fifo.queue(w.ent, D(2026, 4, 10))] == [1, 2]


def test_a_proposal_adopted_and_entered_once(w):
    book = kexie.ActivityBook(w.reg)

    def actor(who):
        return kexie.Actor.from_registry(w.reg, who, D(2026, 1, 10))

    a = book.create(actor(w.clerk), at(1, 10), kexie.ActivityType.JIANGBI_CAMPAIGN,
                    "2026 讲比", w.zj, w.zj, w.clerk, (D(2026, 1, 1), D(2026, 12, 31)))
    a.submit(actor(w.clerk), at(1, 11), "ready")
    a.approve(actor(w.province_sg), at(1, 12), "立项")
    a.start(actor(w.clerk), at(1, 13), "实施")
    c = kexie.Campaign(w.reg, kexie.CampaignSpec("2026 讲比", w.zj, D(2026, 11, 30), 2026,
                                                 tiers=[kexie.AwardTier("一等奖", count=1)]),
                       book=book, activity=a.id)
    c.set_rubric_text(kexie.Category.RATIONALIZATION_PROPOSALS, "合理化建议",
                      "A.1|创新性||judged|1|0|100|1\n")
    desk = kexie.ServiceDesk(w.reg)
    p = desk.file(w.li, w.ent, kexie.ProposalKind.RATIONALIZATION, "煤气回收", "增设除尘",
                  at(4, 3))
    assert desk.proposal(p).due == D(2026, 5, 3)
    with pytest.raises(kexie.IllegalTransition) as e:
        desk.enter_campaign(p, c, w.sg, at(4, 4))
    assert e.value.rule == "proposal.state"
    desk.acknowledge(p, w.sg, at(4, 4))
    with pytest.raises(kexie.InvalidArgument) as e:
        desk.answer(p, w.sg, at(4, 5), "")
    assert e.value.rule == "proposal.reason_required"
    desk.answer(p, w.sg, at(4, 20), "可行")
    desk.adopt(p, w.sg, at(4, 21))
    entry = desk.enter_campaign(p, c, w.sg, at(6, 1), D(2026, 5, 1))
    info = desk.proposal(p)
    assert info.state == kexie.ProposalState.ADOPTED
    assert (info.entry, info.campaign) == (entry, a.id)
    assert c.find_entry("合理化建议-proposal:%d" % p) == entry
    with pytest.raises(kexie.AlreadyExists) as e:
        desk.enter_campaign(p, c, w.sg, at(6, 2))
    assert e.value.rule == "proposal.entered" and e.value.article == "A10"
    # An appeal left unanswered is overdue.
    late = desk.file(w.wang, w.ent, kexie.ProposalKind.APPEAL, "夜班补贴", "提高", at(5, 1))
    assert desk.overdue_answers(w.ent, D(2026, 6, 15)) == [
        kexie.OverdueAnswer(late, kexie.ProposalState.FILED, 15)]
    assert desk.verify_audit().fault == kexie.AuditFault.NONE


def test_patent_numbers():
    assert kexie.check_patent_number("201710601862.3") == "201710601862.3"
    assert kexie.check_patent_number("97101765.4") == "97101765.4"
    for bad in ("201710601862.4", "2017106018623.3", "", "97101765.5"):
        with pytest.raises(kexie.InvalidArgument) as e:
            kexie.check_patent_number(bad)
        assert e.value.rule == "patent.number"
    with pytest.raises(TypeError):
        kexie.check_patent_number(201710601862)


def test_recommendation_lists_explain_every_decision(w):
    w.reg.record_honour(kexie.HonourKind.OTHER_SCHEME, w.zj, "浙江省青年岗位能手", D(2025, 5, 4),
                        person=w.li, basis="2025 年度评选")
    rows = kexie.recommend(w.reg, "青年托举", [w.li, w.wang, w.clerk], D(2026, 6, 30),
                           min_honours=1, education_years=0)
    assert [r.recommended for r in rows] == [True, False, False]
    assert rows[0].failed_rules == ()
    assert "浙江省青年岗位能手" in rows[0].explanation
    assert rows[1].failed_rules == ("recommend.age", "recommend.honours")
    assert rows[2].failed_rules[0] == "recommend.member"
    forty = kexie.recommend(w.reg, "四十以下", [w.wang], D(2026, 6, 30), age_max=50,
                            education_years=0)
    assert forty[0].recommended
    with pytest.raises(kexie.InvalidArgument) as e:
        kexie.recommend(w.reg, "x", [w.li, w.li], D(2026, 6, 30))
    assert e.value.rule == "recommend.nominee"


def test_a_desk_in_a_snapshot(w, tmp_path):
    desk = kexie.ServiceDesk(w.reg, answer_due_days=10)
    r = desk.submit(w.li, w.ent, kexie.ServiceKind.PROJECT_APPLICATION, "项目", at(3, 2))
    desk.accept(r, w.sg, at(3, 3))
    with pytest.raises(kexie.PermissionDenied):
        desk.start(r, w.wang, at(3, 4))
    data = kexie.save_snapshot(None, w.reg, desks=[desk])
    with kexie.load_snapshot_bytes(data) as snap:
        assert len(snap.service_desks) == 1
        back = snap.service_desks[0]
        assert back.digest() == desk.digest()
        assert back.chain_head() == desk.chain_head()
        assert back.request(r).state == kexie.RequestState.ACCEPTED
        back.start(r, w.sg, at(3, 5))  # a loaded desk carries on
        assert back.verify_audit().fault == kexie.AuditFault.NONE
        again = snap.save()
    assert kexie.load_snapshot_bytes(again).service_desks[0].request(r).state == \
        kexie.RequestState.IN_PROGRESS
    path = tmp_path / "desk.snap"
    kexie.save_snapshot(path, w.reg, desks=[desk])
    assert kexie.load_snapshot(path).service_desks[0].digest() == desk.digest()
    with pytest.raises(TypeError):
        kexie.save_snapshot(None, w.reg, desks=[w.reg])
    other = kexie.Registry()
    with pytest.raises(kexie.InvalidArgument):
        kexie.save_snapshot(None, other, desks=[desk])
